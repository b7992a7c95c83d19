"""What the painted list rows share: their three fonts and how a row shows that it is
selected, under the pointer, or has keyboard focus.

Colours come from the palette and sizes from the style tokens and type scale, so rows follow
the light and dark themes and the system font. Shared by the sessions list and the journal
timeline so their rows look alike.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle

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
        pen = painter.pen()
        pen.setColor(palette.color(QPalette.ColorRole.Accent))
        pen.setWidth(FOCUS_LINE)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(inner, radius, radius)
