"""Filling %1, %2, … in translated text: the core's `fill`, re-exported for the screens."""

from __future__ import annotations

from kapcompanion.wording import fill

__all__ = ["fill"]
