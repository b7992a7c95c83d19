"""Painting the report onto paper or a PDF: one engine for QPdfWriter and QPrinter alike.

The HTML (kapcompanion.report.paint.document) is laid out once by a QTextDocument against the target
device, so type is measured at print resolution. Each page paints its slice of the document,
then a running header (period, client name) and footer (what the document is, "Page 2 of 5");
kapcompanion.report.paint.pagination chooses where pages break, so that no line is cut and no
heading ends a page alone. Charts are SVG painted as vectors into the room the document keeps
for them; text stays real text, selectable and searchable.

Needs a QGuiApplication (or QApplication). QtGui only: no widgets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QSizeF,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPyTextObject,
    QTextBlock,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
    QTextOption,
)
from PySide6.QtSvg import QSvgRenderer

from kapcompanion.report.content.build import ReportContent, build_content
from kapcompanion.report.content.options import ReportOptions, ReportSection
from kapcompanion.report.errors import (
    ReportError,
    ReportPaperError,
    ReportPrintError,
    ReportTooLongError,
)
from kapcompanion.report.paint.document import ReportDocument, build_report_document
from kapcompanion.report.paint.figures import ChartPicture, chart_pictures
from kapcompanion.report.paint.html_parts import (
    CHART_SCHEME,
    CSS_PIXELS_PER_INCH,
    continued_tables,
)
from kapcompanion.report.paint.pagination import PageStart, page_breaks
from kapcompanion.report.paint.paper import (  # the report's paper, also to be had from here
    PDF_DPI as PDF_DPI,
)
from kapcompanion.report.paint.paper import PDF_MARGINS_MM as PDF_MARGINS_MM
from kapcompanion.report.paint.paper import SavedReport as SavedReport
from kapcompanion.report.paint.paper import default_page_size as default_page_size
from kapcompanion.report.paint.paper import pdf_page_layout
from kapcompanion.report.paint.paper import write_report_pdf as write_report_pdf
from kapcompanion.report.paint.running_text import footer_height, header_height, paint_running_text
from kapcompanion.report.paint.searchable_type import without_ligatures
from kapcompanion.report.paint.slices import continued_blocks, paint_slice
from kapcompanion.report.paint.summary import SUMMARY_LIMITS, SummaryLimits
from kapcompanion.store import Store

BODY_POINTS = 10.0
# The least room for the body that still reads as a printout (A6 has 69 × 103 mm).
MIN_BODY_MM = (60.0, 80.0)
MM_PER_INCH = 25.4
OBJECT_REPLACEMENT = "\ufffc"
LAYOUT_LIMIT = 2**23 - 2**16  # device pixels, with a page or so to spare
LAYOUT_STEP = 4_000  # characters laid out at a time: a few ms, at most a table part


Progress = Callable[[float], None]
"""Told how far a report has come (0 to 1): charts drawn, laid out, each page painted. It may
raise (ReportCancelledError) to stop the report there."""
CHARTS_DRAWN, LAID_OUT = 0.4, 0.6  # shares of the time, about, on a long report


def no_progress(_done: float) -> None:
    """Progress that no one follows."""


class _ChartPainter(QPyTextObject):
    """Draws the document's `chart:` images as SVG, at the size the HTML gives them."""

    def __init__(self, charts: dict[str, ChartPicture], parent: QObject) -> None:
        super().__init__(parent)
        self._svg = {key: picture.svg for key, picture in charts.items()}
        self._renderers: dict[str, QSvgRenderer] = {}

    def intrinsicSize(self, doc: QTextDocument, position: int, format: QTextFormat) -> QSizeF:
        image = QTextImageFormat(format)
        device = doc.documentLayout().paintDevice()
        scale = device.logicalDpiX() / CSS_PIXELS_PER_INCH if device else 1.0
        return QSizeF(image.width() * scale, image.height() * scale)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        position: int,
        format: QTextFormat,
    ) -> None:
        key = QTextImageFormat(format).name().removeprefix(CHART_SCHEME)
        svg = self._svg.get(key)
        if svg is None:
            return
        renderer = self._renderers.get(key)
        if renderer is None:
            renderer = self._renderers[key] = QSvgRenderer(QByteArray(svg))
        renderer.render(painter, QRectF(rect))


def _body_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(BODY_POINTS)
    return without_ligatures(font)


@dataclass
class LaidOutReport:
    """The report laid out for a device: the document, the body's rectangle on each page
    (device pixels) and where in the document each page begins."""

    document: QTextDocument
    body: QRectF
    starts: list[PageStart]

    @property
    def pages(self) -> int:
        return len(self.starts)

    @property
    def page_tops(self) -> list[float]:
        return [start.top for start in self.starts]

    def page_of(self, y: float) -> int:
        """The page (from 0) that shows document position `y`."""
        return max(bisect_right(self.page_tops, y) - 1, 0)

    def slice_of(self, page: int) -> QRectF:
        """The part of the document page `page` shows below its repeated table header."""
        start = self.starts[page]
        room = self.body.height() - start.header_height
        following = self.starts[page + 1].top if page + 1 < self.pages else start.top + room
        return QRectF(0, start.top, self.body.width(), min(following - start.top, room))

    def repeated_header_of(self, page: int) -> QRectF | None:
        """The table header row(s) painted at the top of page `page`, when it continues a
        table; None otherwise."""
        header = self.starts[page].repeated_header
        if header is None:
            return None
        return QRectF(0, header[0], self.body.width(), header[1] - header[0])


def body_rect(device: QPagedPaintDevice) -> QRectF:
    """Where the body goes on each page: the printable area less header and footer (device
    pixels). Raises ReportPaperError when that leaves less than MIN_BODY_MM."""
    header, footer = header_height(device), footer_height(device)
    body = QRectF(0, header, device.width(), device.height() - header - footer)
    least_width, least_height = (
        mm * dpi / MM_PER_INCH
        for mm, dpi in zip(MIN_BODY_MM, (device.logicalDpiX(), device.logicalDpiY()), strict=True)
    )
    if body.width() < least_width or body.height() < least_height:
        raise ReportPaperError()
    return body


def lay_out(report: ReportDocument, device: QPagedPaintDevice) -> LaidOutReport:
    """The report laid out once at the device's resolution and width, and split into pages
    of its `body_rect` (see kapcompanion.report.paint.pagination)."""
    body = body_rect(device)
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    layout = document.documentLayout()
    layout.registerHandler(
        QTextFormat.ObjectTypes.ImageObject, _ChartPainter(report.charts, document)
    )
    layout.setPaintDevice(device)
    document.setDefaultFont(_body_font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setDocumentMargin(0)
    document.setHtml(report.html)
    document.setTextWidth(body.width())
    _lay_out_in_steps(document)
    if document.size().height() >= LAYOUT_LIMIT:
        raise ReportTooLongError()
    starts = page_breaks(
        document, body.height(), _heading_level, _is_chart, continued_tables(report.html)
    )
    return LaidOutReport(document, body, starts)


def _lay_out_in_steps(document: QTextDocument) -> None:
    """Lay the document out a step at a time. Qt holds Python's lock through one call, and
    laying out a long report in one took 0.4 s on ten years: the window's thread could not
    run meanwhile. Asked where a block is, Qt lays out only up to it."""
    layout = document.documentLayout()
    for position in range(LAYOUT_STEP, document.characterCount(), LAYOUT_STEP):
        layout.blockBoundingRect(document.findBlock(position))
    layout.documentSize()


def _heading_level(block: QTextBlock) -> int:
    return block.blockFormat().headingLevel()


def _is_chart(block: QTextBlock) -> bool:
    if OBJECT_REPLACEMENT not in block.text():
        return False
    iterator = block.begin()
    while not iterator.atEnd():
        char_format = iterator.fragment().charFormat()
        if char_format.isImageFormat() and char_format.toImageFormat().name().startswith(
            CHART_SCHEME
        ):
            return True
        iterator += 1
    return False


def paint_report(
    report: ReportDocument, device: QPagedPaintDevice, progress: Progress = no_progress
) -> int:
    """Paint an already built report onto `device`; returns the number of pages. Raises
    ReportPrintError when the device will not take it (a printer, or a file it cannot
    write). `progress` hears of each page painted (see `Progress`)."""
    laid_out = lay_out(report, device)
    progress(LAID_OUT)
    continued = continued_blocks(laid_out.document, laid_out.page_tops)
    painter = QPainter()
    if not painter.begin(device):
        raise ReportPrintError()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for page in range(laid_out.pages):
            if page:
                device.newPage()
            paint_page(painter, report, device, laid_out, continued, page)
            progress(LAID_OUT + (1 - LAID_OUT) * (page + 1) / laid_out.pages)
    finally:
        painter.end()
    return laid_out.pages


def paint_page(
    painter: QPainter,
    report: ReportDocument,
    device: QPagedPaintDevice,
    laid_out: LaidOutReport,
    continued: list[list[QTextBlock]],
    page: int,
) -> None:
    """Paint page `page` (from 0) of a report laid out for `device`: its slice of the
    document, any repeated table header, the running header and footer. `painter` paints in
    `device`'s pixels from the top left of its printable area, whatever it paints on."""
    body = laid_out.body
    header = laid_out.repeated_header_of(page)
    if header is not None:
        paint_slice(painter, laid_out.document, header, body.topLeft())
    visible = laid_out.slice_of(page)
    top = body.top() + laid_out.starts[page].header_height
    paint_slice(painter, laid_out.document, visible, QPointF(body.left(), top), continued[page])
    running = (report.header_period, report.header_name)
    paint_running_text(painter, device, running, page + 1, laid_out.pages, body)


class ReportPages:
    """The report laid out exactly as its PDF on `page_size`, for painting page by page on
    screen (the print preview).

    The pages are measured on a PDF writer that is never painted on, so line and page breaks
    are those of the saved PDF and of paper. Needs no printer and no print service: it must
    never create a QPrinter, which asks the system's print service (CUPS, over a socket) for
    its printers.
    """

    def __init__(
        self,
        store: Store,
        options: ReportOptions,
        page_size: QPageSize,
        *,
        today: date | None = None,
    ) -> None:
        self._open(page_size)
        content = build_content(store, options, today or date.today())
        self._lay_out(report_from_content(content, options, self.device))

    @classmethod
    def from_report(cls, report: ReportDocument, page_size: QPageSize) -> ReportPages:
        """The pages of a report already built for `page_size` (`report_for_paper`), laid out
        on the calling thread, which is the one that paints them: a text layout keeps the
        fonts of the thread that made it, and those go with that thread."""
        pages = cls.__new__(cls)
        pages._open(page_size)
        pages._lay_out(report)
        return pages

    def _open(self, page_size: QPageSize) -> None:
        self._buffer = QBuffer()  # the measuring writer's target; it is never painted on
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.device = pdf_writer(self._buffer, page_size)

    def _lay_out(self, report: ReportDocument) -> None:
        self.report = report
        self.laid_out = lay_out(self.report, self.device)
        self._continued = continued_blocks(self.laid_out.document, self.laid_out.page_tops)

    @property
    def count(self) -> int:
        return self.laid_out.pages

    @property
    def page_layout(self) -> QPageLayout:
        return self.device.pageLayout()

    def sheet(self) -> QRectF:
        """The whole sheet, and within it the printable area, in the writer's pixels: a
        page's painting starts at the printable area's top left."""
        resolution = self.device.resolution()
        return QRectF(self.page_layout.fullRectPixels(resolution))

    def printable(self) -> QRectF:
        return QRectF(self.page_layout.paintRectPixels(self.device.resolution()))

    def paint(self, painter: QPainter, page: int) -> None:
        """Paint page `page` (from 0) in the writer's pixels, from the sheet's top left."""
        painter.save()
        painter.translate(self.printable().topLeft())
        paint_page(painter, self.report, self.device, self.laid_out, self._continued, page)
        painter.restore()


def page_image(pages: ReportPages, page: int, width: int) -> QImage:
    """Page `page` (from 0) of `pages` as a white sheet `width` pixels wide (RGB32), for a
    preview on screen."""
    sheet = pages.sheet()
    height = max(round(width * sheet.height() / sheet.width()), 1)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    scale = width / sheet.width()
    painter.scale(scale, scale)
    pages.paint(painter, page)
    painter.end()
    return image


def content_width_inches(device: QPagedPaintDevice) -> float:
    return device.width() / device.logicalDpiX()


def _fitting_limits(
    content: ReportContent, options: ReportOptions, device: QPagedPaintDevice
) -> SummaryLimits:
    """The fullest page 1 that fits on one page of `device` (the shortest, if none does)."""
    if content.is_empty or not options.includes(ReportSection.SUMMARY):
        return SUMMARY_LIMITS[0]
    for limits in SUMMARY_LIMITS:
        page_one = build_report_document(content, options, {}, limits=limits, summary_only=True)
        if lay_out(page_one, device).pages <= 1:
            return limits
    return SUMMARY_LIMITS[-1]


def build_report(
    store: Store,
    options: ReportOptions,
    device: QPagedPaintDevice,
    *,
    today: date | None = None,
) -> ReportDocument:
    """The report's HTML and charts, sized for `device`'s printable width."""
    body_rect(device)  # paper too small: say so before reading anything
    content = build_content(store, options, today or date.today())
    return report_from_content(content, options, device)


def report_for_paper(
    content: ReportContent,
    options: ReportOptions,
    page_size: QPageSize,
    progress: Progress = no_progress,
) -> ReportDocument:
    """`report_from_content` sized for a PDF on `page_size`: plain data (HTML and SVG), so a
    worker thread may build it for another to lay out (`ReportPages.from_report`)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return report_from_content(content, options, pdf_writer(buffer, page_size), progress)


def report_from_content(
    content: ReportContent,
    options: ReportOptions,
    device: QPagedPaintDevice,
    progress: Progress = no_progress,
) -> ReportDocument:
    """`build_report` from content already gathered: needs no store (so a worker thread may)."""
    body_rect(device)  # paper too small: say so before drawing any chart
    charts = chart_pictures(content, options, content_width_inches(device))
    progress(CHARTS_DRAWN)
    limits = _fitting_limits(content, options, device)
    return build_report_document(content, options, charts, limits=limits)


def render_report(
    store: Store,
    options: ReportOptions,
    device: QPagedPaintDevice,
    *,
    today: date | None = None,
) -> int:
    """Paint the whole report onto `device` (a QPdfWriter, or the QPrinter of a print preview)
    with header, footer and page numbers; returns the page count."""
    return paint_report(build_report(store, options, device, today=today), device)


def render_pdf(
    content: ReportContent,
    options: ReportOptions,
    page_size: QPageSize,
    progress: Progress = no_progress,
) -> tuple[bytes, int]:
    """The report as the bytes of a PDF, and its page count, painted in memory from content
    already gathered: needs no store, so a worker thread may. Raises ReportPrintError when
    the PDF could not be made, or whatever `progress` raises to stop it."""
    pdf = QBuffer()
    pdf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf_writer(pdf, page_size)
    pages = paint_report(report_from_content(content, options, writer, progress), writer, progress)
    del writer  # the PDF is complete once its painter has ended and its writer is gone
    return bytes(pdf.data().data()), pages


def pdf_writer(target: Path | QIODevice, page_size: QPageSize) -> QPdfWriter:
    """A PDF writer with the report's margins and title, writing to a file or an open device."""
    writer = QPdfWriter(str(target) if isinstance(target, Path) else target)
    writer.setPageLayout(pdf_page_layout(page_size))
    writer.setResolution(PDF_DPI)
    writer.setTitle("KAP Companion report")
    writer.setCreator("KAP Companion")
    return writer


def save_report_pdf(
    store: Store,
    options: ReportOptions,
    path: Path,
    *,
    page_size: QPageSize | None = None,
    today: date | None = None,
) -> SavedReport:
    """Write the report as a PDF at `path`, replacing any file there; where it went and how
    many pages it has. The PDF is painted in memory and written whole by the one file writer
    (kapcompanion.files), so a failure never leaves half a file behind. Raises ReportError when
    the folder cannot be written."""
    content = build_content(store, options, today or date.today())
    return save_content_pdf(content, options, path, page_size=page_size)


def save_content_pdf(
    content: ReportContent,
    options: ReportOptions,
    path: Path,
    *,
    page_size: QPageSize | None = None,
    progress: Progress = no_progress,
) -> SavedReport:
    """`save_report_pdf` from content already gathered (so a worker thread may). Nothing is
    written once `progress` has raised: it is asked a last time before the file is."""
    path = path.expanduser().absolute()
    try:
        data, pages = render_pdf(content, options, page_size or default_page_size(), progress)
    except ReportPrintError as error:
        raise ReportError(path, "the PDF could not be made") from error
    progress(1.0)
    return write_report_pdf(path, data, pages)
