"""Printing a preview's pages: each painted aside by the preview's child (ChildPages) as an
image at the printer's resolution (at most PRINT_DPI), and put on paper one page per turn of
the window's events, so the window answers while a long printout goes to the printer.

Only this and `ui.printout.output.print_on_paper` meet the system's print service, and only
once the client has chosen a printer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QPainter

from kapcompanion.report.errors import ReportPrintError

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ui.printout.child_pages import ChildPages

PRINT_DPI = 300  # sharp on paper; a page is then 35 MB of pixels, painted and let go in turn


class PagePrinter(QObject):
    """Puts every page of `pages` on `printer`, in order; `printed` counts the pages done,
    `done` says True once all are on paper (False when stopped)."""

    printed = Signal(int)
    done = Signal(bool)

    def __init__(self, pages: ChildPages, printer: QPrinter) -> None:
        super().__init__()
        from PySide6.QtPrintSupport import QPrinter

        self._pages = pages
        self._printer = printer
        printer.setFullPage(True)  # the images are whole sheets, margins and all
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        self._sheet = QRectF(0, 0, paper.width(), paper.height())
        dpi = min(printer.resolution(), PRINT_DPI)
        self._width = round(printer.paperRect(QPrinter.Unit.Inch).width() * dpi)
        self._painter = QPainter()
        self._next = 0
        self._over = False
        pages.arrived.connect(self._arrived)
        pages.lost.connect(self.stop)

    def start(self) -> None:
        """Begin; raises ReportPrintError when the printer will not take the printout."""
        if not self._painter.begin(self._printer):
            raise ReportPrintError()
        self._painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._ask()

    def stop(self) -> None:
        """Stop printing (what is already sent may still come out)."""
        if not self._over:
            self._printer.abort()
            self._end(False)

    def _ask(self) -> None:
        image = self._pages.take(self._next, self._width)
        if image is not None:
            self._put(image)

    def _arrived(self, page: int) -> None:
        if not self._over and page == self._next:
            self._ask()

    def _put(self, image: object) -> None:
        from PySide6.QtGui import QImage

        assert isinstance(image, QImage)
        if self._next:
            self._printer.newPage()
        self._painter.drawImage(self._sheet, image)
        self._next += 1
        self.printed.emit(self._next)
        if self._next == self._pages.count:
            self._end(True)
        else:
            self._ask()

    def _end(self, whole: bool) -> None:
        self._over = True
        self._pages.arrived.disconnect(self._arrived)
        self._pages.lost.disconnect(self.stop)
        if self._painter.isActive():
            self._painter.end()
        self.done.emit(whole)
