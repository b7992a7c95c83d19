"""A writing area that never holds more than one entry may (`kapcompanion.limits`).

A paste is cut to fit before Qt inserts it, so even tens of megabytes from the clipboard leave
the window answering at once: only what fits (plus a little) is converted and laid out. Typing
into a full area adds nothing. Either way `limit_note`, a quiet line the caller places beside
the area, says so in plain words; it hides again once there is room.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from kapcompanion.limits import MOST_CHARACTERS, fit_to_limit
from kapcompanion.wording.translation import fill
from ui.widgets.building_blocks import text


class BoundedTextEdit(QPlainTextEdit):
    """A QPlainTextEdit holding at most `limit` characters; see the module's note."""

    cut_short = Signal()  # a paste or typing was cut to fit; limit_note says so

    def __init__(
        self, *, limit: int = MOST_CHARACTERS, what: str = "", parent: QWidget | None = None
    ) -> None:
        """`what` names what the area holds, for the note ("This answer"); a default fits
        any writing area."""
        super().__init__(parent)
        self.limit = limit
        self._what = what or self.tr("This space")
        self.limit_note: QLabel = text("", "muted")
        self.limit_note.setAccessibleName(self.tr("Length note"))
        self.limit_note.hide()
        self.textChanged.connect(self._text_changed)

    def _room(self) -> int:
        """How many characters may still be added in place of the selection."""
        used = self.document().characterCount() - 1  # the document's closing paragraph mark
        return max(self.limit - used + len(self.textCursor().selectedText()), 0)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not source.hasText():
            super().insertFromMimeData(source)
            return
        room = self._room()
        kept, was_cut = fit_to_limit(_text_for(source, room), room)
        if kept:
            self.textCursor().insertText(kept)
            self.ensureCursorVisible()
        if was_cut:
            self._say(
                fill(
                    self.tr(
                        "%1 holds up to a million characters; the rest of what you pasted was "
                        "not added."
                    ),
                    self._what,
                )
            )

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or super().canInsertFromMimeData(source)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typed = event.text()
        paragraph = event.matches(QKeySequence.StandardKey.InsertParagraphSeparator)
        adds = (bool(typed) and typed.isprintable()) or paragraph
        if adds and not self.isReadOnly() and self._room() < max(len(typed), 1):
            self._say(
                fill(self.tr("%1 holds up to a million characters, and it is full."), self._what)
            )
            event.accept()
            return
        super().keyPressEvent(event)

    def _say(self, message: str) -> None:
        self.limit_note.setText(message)
        self.limit_note.show()
        self.cut_short.emit()

    def _text_changed(self) -> None:
        if not self.limit_note.isHidden() and self._room() > 0:
            self.limit_note.hide()


def _text_for(source: QMimeData, room: int) -> str:
    """The text in `source`, or, when it is far longer than `room` characters, enough of its
    start to fill `room` and show that there was more: converting 50 MB to a string would
    hold the window up for a noticeable moment."""
    most_bytes = 4 * (room + 1)  # UTF-8 spends at most 4 bytes on a character
    raw = source.data("text/plain")
    if raw.size() <= most_bytes:
        return source.text()
    # Every character of this start is whole but, perhaps, the last; there are more than
    # `room` of them, so the cut in fit_to_limit falls before it.
    return bytes(raw.left(most_bytes + 4).data()).decode("utf-8", errors="replace")
