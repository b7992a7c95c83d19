"""Word-wrapped text that works out its height for a width once, not at every layout pass."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget


class WrappedText(QLabel):
    """A word-wrapped plain-text label that remembers its height for each width asked.

    A label lays its whole text out again each time a layout asks how tall it would be, and
    the window's layouts ask many times, at a few widths, whenever a page changes; a
    selectable one (a text document inside) lays it out even for the width it already has.
    The answer depends only on the words, the font, the style and the width, so it is kept
    until one of the first three changes.
    """

    def __init__(self, content: str = "", parent: QWidget | None = None) -> None:
        super().__init__(content, parent)
        self._heights: dict[int, int] = {}
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, content: str) -> None:
        if content != self.text():
            self._heights.clear()
            super().setText(content)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = super().heightForWidth(width)
            self._heights[width] = height
        return height

    def changeEvent(self, event: QEvent) -> None:
        # A new font, style (the stylesheet's role) or margins change how tall the text is.
        self._heights.clear()
        super().changeEvent(event)


def wrapped_text(content: str, role: str = "", *, selectable: bool = False) -> WrappedText:
    """Like `ui.widgets.building_blocks.text`, for text that wraps and may be long."""
    label = WrappedText(content)
    if role:
        label.setObjectName(role)
    if selectable:
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    return label
