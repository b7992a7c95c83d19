"""The running header (period, client name) and footer (what the document is, "Page 2 of 5")
on every page of the printout, laid out so that nothing overlaps on any paper: the period
first, the name in the room left (at least a quarter of the width), each shortened with "…"
when it must be; the footer's note wraps beside the page number, and the footer is as tall as
it needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPen,
)

from kapcompanion.report.content.words import footer_note, page_number_text
from kapcompanion.report.paint.html_parts import palette
from kapcompanion.report.paint.searchable_type import without_ligatures

RUNNING_POINTS = 8.0
GAP_POINTS = 6.0  # between the running text and the body (a rule halfway)
ROOM_POINTS = 30.0  # the least room for the header, and for the footer, in points
WIDEST_PAGES = 888  # "Page 888 of 888": the widest page number the footer makes room for


def device_points(device: QPagedPaintDevice, points: float) -> float:
    """`points` in the device's pixels."""
    return points * device.logicalDpiY() / 72


def running_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(RUNNING_POINTS)
    return without_ligatures(font)


@dataclass(frozen=True)
class RunningPiece:
    """One piece of running text, its rectangle (device pixels) and its alignment."""

    rect: QRectF
    text: str
    align_right: bool

    def extent(self, metrics: QFontMetricsF) -> tuple[float, float]:
        """Where the text's ink begins and ends across the page."""
        advance = metrics.horizontalAdvance(self.text)
        if self.align_right:
            return self.rect.right() - advance, self.rect.right()
        return self.rect.left(), self.rect.left() + advance


def _wrapped(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """`text` in lines no wider than `width`, broken between words (a word too long for a
    line of its own is shortened with "…")."""
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(metrics.elidedText(word, Qt.TextElideMode.ElideRight, width))
    return lines


def _spacing(metrics: QFontMetricsF) -> float:
    return metrics.horizontalAdvance("    ")


def _footer_lines(metrics: QFontMetricsF, width: float, pages_text: str) -> list[str]:
    room = width - metrics.horizontalAdvance(pages_text) - _spacing(metrics)
    return _wrapped(footer_note(), metrics, room)


def footer_height(device: QPagedPaintDevice) -> float:
    """The room the footer takes below the body (device pixels), with its gap."""
    metrics = QFontMetricsF(running_font(), device)
    widest = page_number_text(WIDEST_PAGES, WIDEST_PAGES)
    lines = len(_footer_lines(metrics, device.width(), widest))
    needed = device_points(device, GAP_POINTS) + lines * metrics.height()
    return max(device_points(device, ROOM_POINTS), needed)


def header_height(device: QPagedPaintDevice) -> float:
    """The room the header takes above the body (device pixels), with its gap."""
    return device_points(device, ROOM_POINTS)


def running_layout(
    metrics: QFontMetricsF,
    width: float,
    body: QRectF,
    gap: float,
    header: tuple[str, str],
    page: int,
    pages: int,
) -> list[RunningPiece]:
    """The header's period and name (`header`) above `body`, the footer's note and page
    number below it, on a page `width` wide; no two pieces overlap."""
    period, name = header
    line = metrics.height()
    spacing = _spacing(metrics)
    top = body.top() - gap - line
    pieces = []
    room = width
    if name:  # the period comes first; the name has the rest, and at least a quarter
        name_room = max(width - metrics.horizontalAdvance(period) - spacing, width / 4)
        name = metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_room)
        pieces.append(RunningPiece(QRectF(0, top, width, line), name, align_right=True))
        room = width - metrics.horizontalAdvance(name) - spacing
    period = metrics.elidedText(period, Qt.TextElideMode.ElideRight, room)
    pieces.append(RunningPiece(QRectF(0, top, room, line), period, align_right=False))
    footer_top = body.bottom() + gap
    pages_text = page_number_text(page, pages)
    pieces.append(RunningPiece(QRectF(0, footer_top, width, line), pages_text, align_right=True))
    note_width = width - metrics.horizontalAdvance(pages_text) - spacing
    for index, words in enumerate(_footer_lines(metrics, width, pages_text)):
        rect = QRectF(0, footer_top + index * line, note_width, line)
        pieces.append(RunningPiece(rect, words, align_right=False))
    return pieces


def paint_running_text(
    painter: QPainter,
    device: QPagedPaintDevice,
    header: tuple[str, str],
    page: int,
    pages: int,
    body: QRectF,
) -> None:
    """The header (`header`: period and name) and footer of page `page` of `pages`."""
    colours = palette()
    painted = running_font()
    # Sized in `device`'s pixels even when the painter paints elsewhere (the preview's screen),
    # since the painter sizes points by the resolution of what it paints on.
    on = painter.device()
    if on is not None and on.logicalDpiY() != device.logicalDpiY():
        painted.setPointSizeF(RUNNING_POINTS * device.logicalDpiY() / on.logicalDpiY())
    painter.setFont(painted)
    metrics = QFontMetricsF(running_font(), device)
    width = device.width()
    gap = device_points(device, GAP_POINTS)
    painter.setPen(QColor(colours["muted_text"]))
    for piece in running_layout(metrics, width, body, gap, header, page, pages):
        side = Qt.AlignmentFlag.AlignRight if piece.align_right else Qt.AlignmentFlag.AlignLeft
        painter.drawText(piece.rect, side | Qt.AlignmentFlag.AlignVCenter, piece.text)
    rule = QPen(QColor(colours["border"]))
    rule.setWidthF(device_points(device, 0.5))
    painter.setPen(rule)
    painter.drawLine(QPointF(0, body.top() - gap / 2), QPointF(width, body.top() - gap / 2))
    painter.drawLine(QPointF(0, body.bottom() + gap / 2), QPointF(width, body.bottom() + gap / 2))
