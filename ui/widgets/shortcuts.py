"""The window's own keys, in one place: the window binds them and the screens name them.

None is a key a text field takes for itself: on Linux, Ctrl+D deletes the letter after the
cursor and Ctrl+K the rest of the line, so in a field those would never reach the window.
"""

from __future__ import annotations

SUPPORT_KEYS = "F1"
LOCK_KEYS = "Ctrl+L"
QUICK_CHECK_IN_KEYS = "Ctrl+Shift+K"  # K for check-in
QUICK_PRACTICE_KEYS = "Ctrl+Shift+D"  # D for "did": something the client did for themselves
