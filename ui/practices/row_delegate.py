"""Paints the practice log and the medication list as the journal paints its timeline: a quiet
heading for each day (or "Taking now" / "Stopped"), and each entry as a card row beneath it.

A row has its name on the left and when on the right (`RowRole.WHEN`), then one quieter line
(`RowRole.DETAIL`: minutes and a note, or a dose) and, if there is one, a third
(`RowRole.MORE`: a medication's notes), each cut short with "…" rather than scrolled sideways;
the whole of it is in the row's accessible text and in its dialog. A row is a heading when it
has no parent in a tree (`headings=True`). Sizes follow the system font; colours the palette.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.widgets.row_painting import paint_short_row, row_fonts, short_row_height
from ui.widgets.style import space

AnyIndex = QModelIndex | QPersistentModelIndex


class RowRole:
    WHEN = Qt.ItemDataRole.UserRole + 20
    DETAIL = Qt.ItemDataRole.UserRole + 21
    MORE = Qt.ItemDataRole.UserRole + 22


class CardRowDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None, *, headings: bool = True) -> None:
        super().__init__(parent)
        self._headings = headings

    def _is_heading(self, index: AnyIndex) -> bool:
        return self._headings and not index.parent().isValid()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        if self._is_heading(index):
            heading, _, _ = row_fonts(option.font)
            return QSize(space(30), QFontMetrics(heading).height() + space(3) + space(1))
        return QSize(space(30), short_row_height(option.font, len(self._lines(index))))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if self._is_heading(index):
            self._paint_heading(painter, option, index)
        else:
            self._paint_row(painter, option, index)
        painter.restore()

    def _paint_heading(
        self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        palette: QPalette = option.palette
        heading, _, _ = row_fonts(option.font)
        rect: QRect = option.rect
        area = rect.adjusted(space(2), space(3), -space(2), -space(1))
        painter.setFont(heading)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        words = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        shown = QFontMetrics(heading).elidedText(words, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)

    def _paint_row(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        when = str(index.data(RowRole.WHEN) or "")
        paint_short_row(painter, option, (title, when), self._lines(index))

    @staticmethod
    def _lines(index: AnyIndex) -> list[tuple[str, bool]]:
        """The detail in the text colour, then the more (a medication's notes) muted."""
        lines = [
            (str(index.data(RowRole.DETAIL) or ""), False),
            (str(index.data(RowRole.MORE) or ""), True),
        ]
        return [(words, muted) for words, muted in lines if words]
