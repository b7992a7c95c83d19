"""What the painted list rows share: their three fonts and how a row shows that it is
selected, under the pointer, or has keyboard focus.

Colours come from the palette and sizes from the style tokens and type scale, so rows follow
the light and dark themes and the system font. Shared by the sessions list, the journal
timeline and the practice log and medication list, so their rows look alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from ui.widgets.style import space, tokens
from ui.widgets.wording import scaled_font

FOCUS_LINE = 2
LINE_GAP = space(1) // 2


def row_fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
    """A row's title (or heading), body and small fonts, scaled from `base`."""
    return scaled_font(base, "reading", bold=True), QFont(base), scaled_font(base, "small")


def paint_row_background(
    painter: QPainter, rect: QRect, palette: QPalette, state: QStyle.StateFlag
) -> None:
    """The row's rounded background when selected or under the pointer, and a ring round it
    when it has keyboard focus."""
    radius = tokens().radius["control"]
    inner = rect.adjusted(FOCUS_LINE, FOCUS_LINE, -FOCUS_LINE, -FOCUS_LINE)
    if state & QStyle.StateFlag.State_Selected:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(inner, radius, radius)
    elif state & QStyle.StateFlag.State_MouseOver:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Window))
        painter.drawRoundedRect(inner, radius, radius)
    if state & QStyle.StateFlag.State_HasFocus:
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Accent), FOCUS_LINE))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(inner, radius, radius)


def draw_title_and_when(
    painter: QPainter,
    line: QRect,
    title: tuple[str, QFont, QColor],
    when: tuple[str, QFont, QColor],
) -> None:
    """Draw a title on the left of `line`, elided if it runs on, and when it was, quieter, on
    the right if there is room. Each comes as its words, font and colour."""
    title_text, title_font, title_colour = title
    when_text, when_font, when_colour = when
    title_metrics = QFontMetrics(title_font)
    shown_title = title_metrics.elidedText(title_text, Qt.TextElideMode.ElideRight, line.width())
    painter.setFont(title_font)
    painter.setPen(title_colour)
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown_title)
    room = line.width() - title_metrics.horizontalAdvance(shown_title) - space(2)
    if when_text and room > space(4):
        painter.setFont(when_font)
        painter.setPen(when_colour)
        shown = QFontMetrics(when_font).elidedText(when_text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)


def bold(base: QFont) -> QFont:
    font = QFont(base)
    font.setBold(True)
    return font


def short_row_height(base: QFont, lines: int) -> int:
    """The height of a `paint_short_row` row with `lines` short lines under its title."""
    _, body, small = row_fonts(base)
    return (
        2 * space(1)
        + QFontMetrics(bold(body)).height()
        + lines * (LINE_GAP + QFontMetrics(small).height())
    )


def paint_short_row(
    painter: QPainter,
    option: QStyleOptionViewItem,
    title_and_when: tuple[str, str],
    lines: Sequence[tuple[str, bool]],
) -> None:
    """A compact card row: the title in bold with its day or time at the right, then each
    short line (muted when flagged) cut to the width; the whole words are in the row's
    accessible text."""
    palette: QPalette = option.palette
    _, body, small = row_fonts(option.font)
    title_font = bold(body)
    paint_row_background(painter, option.rect, palette, option.state)
    text_colour = palette.color(QPalette.ColorRole.Text)
    muted_colour = palette.color(QPalette.ColorRole.PlaceholderText)
    area = option.rect.adjusted(space(2), space(1), -space(2), -space(1))
    line = QRect(area.left(), area.top(), area.width(), QFontMetrics(title_font).height())
    title, when = title_and_when
    draw_title_and_when(
        painter, line, (title, title_font, text_colour), (when, small, muted_colour)
    )
    top = line.bottom() + 1
    metrics = QFontMetrics(small)
    painter.setFont(small)
    for words, muted in lines:
        top += LINE_GAP
        painter.setPen(muted_colour if muted else text_colour)
        painter.drawText(
            QRect(area.left(), top, area.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(words, Qt.TextElideMode.ElideRight, area.width()),
        )
        top += metrics.height()


ELLIPSIS = "…"


def _format_ranges(
    marks: list[tuple[int, int]], mark_format: QTextCharFormat, shift: int = 0
) -> list[QTextLayout.FormatRange]:
    ranges = []
    for start, length in marks:
        begin, end = max(start - shift, 0), start + length - shift
        if end <= 0:
            continue
        piece = QTextLayout.FormatRange()
        piece.start, piece.length, piece.format = begin, end - begin, mark_format
        ranges.append(piece)
    return ranges


def draw_wrapped(
    painter: QPainter,
    area: QRect,
    content: str,
    font: QFont,
    *,
    max_lines: int,
    marks: list[tuple[int, int]] | None = None,
    mark_format: QTextCharFormat | None = None,
) -> None:
    """Draw `content` in up to `max_lines` lines inside `area`, eliding the end if it runs on."""
    metrics = QFontMetrics(font)
    width = area.width()
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def lay_out(last_line_width: int) -> tuple[QTextLayout, bool]:
        layout = QTextLayout(content, font)
        layout.setTextOption(option)
        if marks and mark_format is not None:
            layout.setFormats(_format_ranges(marks, mark_format))
        layout.beginLayout()
        top = 0.0
        end = 0
        for number in range(max_lines):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(last_line_width if number == max_lines - 1 else width)
            line.setPosition(QPointF(0, top))
            top += metrics.height()
            end = line.textStart() + line.textLength()
        layout.endLayout()
        return layout, end < len(content.rstrip())

    layout, runs_on = lay_out(width)
    if runs_on:
        layout, _ = lay_out(max(width - metrics.horizontalAdvance(ELLIPSIS), 0))
    layout.draw(painter, QPointF(area.topLeft()))
    if runs_on and layout.lineCount():
        last = layout.lineAt(layout.lineCount() - 1)
        painter.setFont(font)
        x = area.left() + last.naturalTextWidth()
        y = area.top() + last.y() + last.ascent()
        painter.drawText(QPointF(x, y), ELLIPSIS)
