"""The window's stack of screens: it fills the window whatever the screens hold."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget


class ScreenStack(QStackedWidget):
    """A stack that never asks its screens how tall they would be for a width.

    The window's size decides the stack's, never the other way round; yet Qt's stack passes
    every layout pass's height-for-width question on to every screen, hidden ones too, each
    laying its wrapped text out again (opening a journal entry laid out the titles of four
    hidden screens ten to thirty times). Each screen still lays itself out in the room it has.
    """

    def hasHeightForWidth(self) -> bool:
        return False
