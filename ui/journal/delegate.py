"""Paints the journal's timeline: a session's heading, and each reflection as a quiet card row.

A reflection row has its phase and day, its themes as small chips in their own colours, its
distress from start to end, and its first lines (or, while searching, the matching snippet
with the matched words marked). A quick check-in is a shorter row: when it was, then its
distress and its note on one line. Everything is painted; no row owns a widget, so a timeline
of years scrolls as lightly as a short one. Colours come from the palette (and, for chips,
from the themes themselves); sizes from the spacing grid and the type scale.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kapcompanion.search import HIGHLIGHT_END, HIGHLIGHT_START
from kapcompanion.wording.translation import fill
from ui.journal.model import JournalRole
from ui.widgets.row_painting import (
    LINE_GAP,
    bold,
    draw_title_and_when,
    draw_wrapped,
    paint_row_background,
    paint_short_row,
    row_fonts,
    short_row_height,
)
from ui.widgets.style import ink_on, space, tokens

AnyIndex = QModelIndex | QPersistentModelIndex
TEXT_LINES = 2
CHIP_PADDING = space(1) - 2


def split_snippet(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """The snippet's plain text (on one line) and the (start, length) of each marked match."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    opened: int | None = None
    for character in snippet:
        if character == HIGHLIGHT_START:
            opened = len(plain)
            continue
        if character == HIGHLIGHT_END:
            if opened is not None and len(plain) > opened:
                marks.append((opened, len(plain) - opened))
            opened = None
            continue
        if character.isspace():
            if not plain or plain[-1] == " ":
                continue
            character = " "
        plain.append(character)
    return "".join(plain).rstrip(), marks


class JournalRowDelegate(QStyledItemDelegate):
    """Paints session headings and reflection rows; every size follows the system font."""

    def _chip_height(self, small: QFont) -> int:
        return QFontMetrics(small).height() + 4

    def _heading_height(self, base: QFont) -> int:
        heading, _, _ = row_fonts(base)
        return QFontMetrics(heading).height() + space(3) + space(1)

    @staticmethod
    def starts_group(index: AnyIndex) -> bool:
        """Whether this row is the first of its session's that shows (it carries the heading)."""
        if index.row() == 0:
            return True
        previous = index.sibling(index.row() - 1, 0)
        return bool(previous.data(JournalRole.GROUP) != index.data(JournalRole.GROUP))

    @staticmethod
    def is_check_in(index: AnyIndex) -> bool:
        return index.data(JournalRole.CHECK_IN_ID) is not None

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        _, body, small = row_fonts(option.font)
        if self.is_check_in(index):
            height = short_row_height(option.font, 1)
            if self.starts_group(index):
                height += self._heading_height(option.font)
            return QSize(space(40), height)
        height = (
            2 * space(2)
            + QFontMetrics(bold(body)).height()
            + LINE_GAP
            + self._chip_height(small)
            + LINE_GAP
            + TEXT_LINES * QFontMetrics(body).height()
        )
        if self.starts_group(index):
            height += self._heading_height(option.font)
        return QSize(space(40), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        entry_option = QStyleOptionViewItem(option)
        if self.starts_group(index):
            rect: QRect = option.rect
            heading = QRect(
                rect.left(), rect.top(), rect.width(), self._heading_height(option.font)
            )
            self._paint_heading(painter, option, heading, index)
            entry_option.rect = rect.adjusted(0, heading.height(), 0, 0)
        if self.is_check_in(index):
            self._paint_check_in(painter, entry_option, index)
        else:
            self._paint_entry(painter, entry_option, index)
        painter.restore()

    # Session headings -----------------------------------------------------------------------

    def _paint_heading(
        self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, index: AnyIndex
    ) -> None:
        palette: QPalette = option.palette
        heading, body, _ = row_fonts(option.font)
        active = QPalette.ColorGroup.Active
        area = rect.adjusted(space(2), space(3), -space(2), -space(1))
        title = str(index.data(JournalRole.GROUP_TITLE) or "")
        when = str(index.data(JournalRole.GROUP_WHEN) or "")
        line = QRect(area.left(), area.top(), area.width(), QFontMetrics(heading).height())
        draw_title_and_when(
            painter,
            line,
            (title, heading, palette.color(active, QPalette.ColorRole.Text)),
            (when, body, palette.color(active, QPalette.ColorRole.PlaceholderText)),
        )

    # Quick check-ins ------------------------------------------------------------------------

    def _paint_check_in(
        self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        """ "Quick check-in" with its day and time, then the distress and the word or note."""
        distress = str(index.data(JournalRole.DISTRESS) or "")
        note = str(index.data(JournalRole.FIRST_LINES) or "")
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        when = str(index.data(JournalRole.WHEN) or "")
        words = fill(self.tr("%1 · %2"), distress, note) if note else distress
        paint_short_row(painter, option, (title, when), [(words, True)])

    # Reflections ----------------------------------------------------------------------------

    def _paint_entry(
        self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        palette: QPalette = option.palette
        state: QStyle.StateFlag = option.state
        _, body, small = row_fonts(option.font)
        title_font = bold(body)
        paint_row_background(painter, option.rect, palette, state)
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        area = option.rect.adjusted(space(2), space(2), -space(2), -space(2))
        top = area.top()

        # Line 1: the phase on the left, the day it was written on the right.
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        when = str(index.data(JournalRole.WHEN) or "")
        line = QRect(area.left(), top, area.width(), QFontMetrics(title_font).height())
        draw_title_and_when(
            painter, line, (title, title_font, text_colour), (when, small, muted_colour)
        )
        top += line.height() + LINE_GAP

        # Line 2: theme chips, then distress from start to end.
        chip_height = self._chip_height(small)
        chips_line = QRect(area.left(), top, area.width(), chip_height)
        distress = str(index.data(JournalRole.DISTRESS) or "")
        themes: list[tuple[str, str]] = index.data(JournalRole.THEMES) or []
        x = self._paint_chips(painter, chips_line, themes, small, palette, distress)
        painter.setFont(small)
        painter.setPen(muted_colour)
        distress_room = chips_line.right() - x
        if distress_room > 0:
            shown = QFontMetrics(small).elidedText(
                distress, Qt.TextElideMode.ElideRight, distress_room
            )
            painter.drawText(
                QRect(x, chips_line.top(), distress_room, chip_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
        top += chip_height + LINE_GAP

        # Lines 3 and 4: the first lines, or the snippet that matched the search.
        words_area = QRect(area.left(), top, area.width(), area.bottom() - top + 1)
        snippet = str(index.data(JournalRole.SNIPPET) or "")
        painter.setPen(text_colour)
        if snippet:
            plain, marks = split_snippet(snippet)
            mark = QTextCharFormat()
            mark.setFontWeight(QFont.Weight.Bold)
            selected = bool(state & QStyle.StateFlag.State_Selected)
            # A match stands out on the row's own background: selection colour, or surface.
            behind = QPalette.ColorRole.Base if selected else QPalette.ColorRole.Highlight
            mark.setBackground(palette.color(behind))
            mark.setForeground(text_colour)
            draw_wrapped(
                painter,
                words_area,
                plain,
                body,
                max_lines=TEXT_LINES,
                marks=marks,
                mark_format=mark,
            )
        else:
            words = str(index.data(JournalRole.FIRST_LINES) or "")
            if not words:
                painter.setPen(muted_colour)
                words = self.tr("No words written, only ratings and themes.")
            draw_wrapped(painter, words_area, words, body, max_lines=TEXT_LINES)

    def _paint_chips(
        self,
        painter: QPainter,
        line: QRect,
        themes: list[tuple[str, str]],
        font: QFont,
        palette: QPalette,
        after: str,
    ) -> int:
        """Draw as many chips as fit (leaving room for `after`); return where the text goes."""
        metrics = QFontMetrics(font)
        radius = tokens().radius["chip"]
        painter.setFont(font)
        x = line.left()
        reserve = min(metrics.horizontalAdvance(after), line.width() // 3) + space(1)
        for number, (name, colour) in enumerate(themes):
            width = metrics.horizontalAdvance(name) + 2 * CHIP_PADDING
            left_over = len(themes) - number - 1
            more = fill(self.tr("+%1"), left_over) if left_over else ""
            more_width = metrics.horizontalAdvance(more) + space(1) if more else 0
            if x + width + more_width + reserve > line.right():
                rest = fill(self.tr("+%1"), len(themes) - number)
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                rest_rect = QRect(x, line.top(), metrics.horizontalAdvance(rest), line.height())
                painter.drawText(rest_rect, Qt.AlignmentFlag.AlignVCenter, rest)
                return x + rest_rect.width() + space(1)
            background = QColor(colour) if colour else palette.color(QPalette.ColorRole.Window)
            chip = QRectF(x, line.top(), width, line.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(chip, radius, radius)
            ink = ink_on(background) if colour else palette.color(QPalette.ColorRole.Text)
            painter.setPen(ink)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, name)
            x += width + space(1) // 2
        return x + (space(1) if themes else 0)
