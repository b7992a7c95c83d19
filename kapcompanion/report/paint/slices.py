"""Painting one page's slice of the laid-out report, with no line written twice.

QTextDocument.drawContents clips what it paints, but a PDF keeps every line it is asked to
write, clipped or not (search and copy find it). Two quirks of Qt's text drawing would write a
neighbouring page's line invisibly on this page:

- a line whose top lies exactly on the bottom of the rectangle is drawn: the rectangle passed
  to drawContents is half a device pixel shorter at each edge;
- within one paragraph, the line just above the rectangle is always drawn (QTextLayout::draw
  starts from the last line that ends above it). So a paragraph that began on an earlier page
  is hidden while the rest is drawn, and its lines on this page are drawn one by one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QTextBlock,
    QTextDocument,
)

SLICE_INSET = 0.5  # device pixels
_TOLERANCE = 0.5  # device pixels: a line top on a page top is that page's


def _line_span(document: QTextDocument, block: QTextBlock) -> tuple[float, float]:
    """The top of the block's first line and the bottom of its last, in the document."""
    top = document.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    first, last = layout.lineAt(0), layout.lineAt(layout.lineCount() - 1)
    return top + first.y(), top + last.y() + last.height()


def continued_blocks(document: QTextDocument, tops: Sequence[float]) -> list[list[QTextBlock]]:
    """For each page top in `tops` (ascending), the paragraphs that begin above it and go on
    below it: those a page starting there continues."""
    spans = []
    block = document.begin()
    while block.isValid():
        if block.layout().lineCount() > 1:
            spans.append((*_line_span(document, block), block))
        block = block.next()
    spans.sort(key=lambda span: span[0])
    pages: list[list[QTextBlock]] = []
    active: list[tuple[float, float, QTextBlock]] = []
    index = 0
    for top in tops:
        while index < len(spans) and spans[index][0] < top - _TOLERANCE:
            active.append(spans[index])
            index += 1
        active = [span for span in active if span[1] > top + _TOLERANCE]
        pages.append([span[2] for span in active])
    return pages


def paint_slice(
    painter: QPainter,
    document: QTextDocument,
    part: QRectF,
    at: QPointF,
    continued: Sequence[QTextBlock] = (),
) -> None:
    """Paint the `part` of the document (document coordinates) with its top left at `at`;
    `continued` are the paragraphs that begin above `part` (see `continued_blocks`)."""
    painter.save()
    painter.translate(at.x(), at.y() - part.top())
    painter.setClipRect(part)
    for block in continued:
        block.setVisible(False)  # drawn below; no relayout: only painting skips it
    try:
        document.drawContents(painter, part.adjusted(0, SLICE_INSET, 0, -SLICE_INSET))
    finally:
        for block in continued:
            block.setVisible(True)
    context = QAbstractTextDocumentLayout.PaintContext()  # the pen drawContents starts with
    painter.setPen(context.palette.color(QPalette.ColorRole.Text))
    for block in continued:
        _paint_lines(painter, document, block, part)
    painter.restore()


def _paint_lines(
    painter: QPainter, document: QTextDocument, block: QTextBlock, part: QRectF
) -> None:
    """The lines of `block` that lie within `part`, as drawContents would paint them."""
    layout = block.layout()
    bounds = document.documentLayout().blockBoundingRect(block)  # its top left: the origin
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        top = bounds.top() + line.y()
        if top < part.top() - _TOLERANCE:
            continue
        if top + line.height() > part.bottom() + _TOLERANCE:
            break
        line.draw(painter, bounds.topLeft())
