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
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.widgets.row_painting import (
    LINE_GAP,
    draw_title_and_when,
    paint_row_background,
    row_fonts,
)
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

    @staticmethod
    def _bold(base: QFont) -> QFont:
        font = QFont(base)
        font.setBold(True)
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        heading, body, small = row_fonts(option.font)
        if self._is_heading(index):
            return QSize(space(30), QFontMetrics(heading).height() + space(3) + space(1))
        height = 2 * space(1) + QFontMetrics(self._bold(body)).height()
        for role in (RowRole.DETAIL, RowRole.MORE):
            if index.data(role):
                height += LINE_GAP + QFontMetrics(small).height()
        return QSize(space(30), height)

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
        palette: QPalette = option.palette
        state: QStyle.StateFlag = option.state
        _, body, small = row_fonts(option.font)
        title_font = self._bold(body)
        paint_row_background(painter, option.rect, palette, state)
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        area = option.rect.adjusted(space(2), space(1), -space(2), -space(1))
        line = QRect(area.left(), area.top(), area.width(), QFontMetrics(title_font).height())
        draw_title_and_when(
            painter,
            line,
            (str(index.data(Qt.ItemDataRole.DisplayRole) or ""), title_font, text_colour),
            (str(index.data(RowRole.WHEN) or ""), small, muted_colour),
        )
        top = line.bottom() + 1
        metrics = QFontMetrics(small)
        painter.setFont(small)
        for role, colour in ((RowRole.DETAIL, text_colour), (RowRole.MORE, muted_colour)):
            words = str(index.data(role) or "")
            if not words:
                continue
            top += LINE_GAP
            painter.setPen(colour)
            painter.drawText(
                QRect(area.left(), top, area.width(), metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(words, Qt.TextElideMode.ElideRight, area.width()),
            )
            top += metrics.height()
