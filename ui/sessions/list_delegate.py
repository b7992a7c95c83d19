"""Paints one row of the sessions list: the session's name and date, its distress, its reflections.

Colours come from the application palette (which ui.widgets.style fills from the style tokens) and
sizes from the spacing grid and type scale, so the row follows the light and dark themes.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.sessions.list_model import SessionRole
from ui.widgets.row_painting import LINE_GAP, paint_row_background, row_fonts
from ui.widgets.style import space

AnyIndex = QModelIndex | QPersistentModelIndex


class SessionRowDelegate(QStyledItemDelegate):
    """Three quiet lines per session: title and date, distress, reflections and follow-ups."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        title, body, small = row_fonts(option.font)
        height = (
            QFontMetrics(title).height()
            + QFontMetrics(body).height()
            + QFontMetrics(small).height()
            + 2 * LINE_GAP
            + 2 * space(2)
        )
        return QSize(space(40), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state: QStyle.StateFlag = option.state
        title_font, body_font, small_font = row_fonts(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_row_background(painter, rect, palette, state)

        text_colour = palette.color(QPalette.ColorRole.Text)
        muted_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        area = rect.adjusted(space(2), space(2), -space(2), -space(2))
        top = area.top()

        # Line 1: the session's name on the left, its day and time on the right.
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        when = str(index.data(SessionRole.WHEN) or "")
        title_metrics = QFontMetrics(title_font)
        title_width = min(title_metrics.horizontalAdvance(title), area.width())
        line = QRect(area.left(), top, area.width(), title_metrics.height())
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        date_room = area.width() - title_width - space(2)
        if date_room > 0:
            painter.setFont(body_font)
            painter.setPen(muted_colour)
            shown = QFontMetrics(body_font).elidedText(when, Qt.TextElideMode.ElideRight, date_room)
            painter.drawText(
                line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown
            )
        top += title_metrics.height() + LINE_GAP

        # Line 2: distress before and after.
        self._line(painter, area, top, body_font, text_colour, SessionRole.DISTRESS, index)
        top += QFontMetrics(body_font).height() + LINE_GAP

        # Line 3: reflections written and follow-ups still open, quieter.
        self._line(painter, area, top, small_font, muted_colour, SessionRole.COUNTS, index)
        painter.restore()

    @staticmethod
    def _line(
        painter: QPainter,
        area: QRect,
        top: int,
        font: QFont,
        colour: QColor,
        role: int,
        index: AnyIndex,
    ) -> None:
        metrics = QFontMetrics(font)
        content = str(index.data(role) or "")
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(
            QRect(area.left(), top, area.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(content, Qt.TextElideMode.ElideRight, area.width()),
        )
