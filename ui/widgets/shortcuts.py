"""The window's own keys, in one place: the window binds them and the screens name them."""

from __future__ import annotations

SUPPORT_KEYS = "F1"
LOCK_KEYS = "Ctrl+L"
QUICK_CHECK_IN_KEYS = "Ctrl+K"  # K for check-in
QUICK_PRACTICE_KEYS = "Ctrl+D"  # D for "did": something the client did for themselves
