"""The journal's stack of pages, whose height for a width is that of the page on show."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedLayout, QWidget


class PageStack(QStackedLayout):
    """A stack of pages that asks only the page on show how tall it is for a width.

    Qt's own stack asks every page, hidden ones included, each time anything in the window
    moves; its pages wrap text, so that alone was a good part of opening a reflection.
    """

    def heightForWidth(self, width: int) -> int:
        page: QWidget | None = self.currentWidget()
        return -1 if page is None else page.heightForWidth(width)
