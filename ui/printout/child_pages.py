"""A preview's pages, painted by the child that laid them out (ui.printout.report_process), as
images of the size they are shown at, when they come into sight.

The window keeps only the few images last shown (`KEPT_BYTES`), so a long printout looked at
page by page, larger and smaller, never fills its memory; the report itself (its charts and
laid-out text) stays in the child, which goes when the preview closes (`close`).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QImage

from kapcompanion.report.paint.paper import PDF_DPI, pdf_page_layout

if TYPE_CHECKING:
    from PySide6.QtGui import QPageSize

    from ui.printout.report_process import ReportProcess

KEPT_BYTES = 96 * 2**20  # the images kept: a screenful or two at the largest size


class ChildPages(QObject):
    """`count` pages on `page_size`, painted by `child` on request; `arrived` says a page's
    image has come (ask again with `image`)."""

    arrived = Signal(int)
    lost = Signal()  # the child went while the preview was open: no more pages will come

    def __init__(self, child: ReportProcess, count: int, page_size: QPageSize) -> None:
        super().__init__()
        self._child = child
        self.count = count
        self.page_layout = pdf_page_layout(page_size)
        self._images: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self._asked: set[tuple[int, int]] = set()
        self._closed = False
        child.page_painted.connect(self._painted)
        child.gone.connect(self._gone)

    def sheet(self) -> QRectF:
        """The whole sheet in the PDF's pixels (only its proportions matter here)."""
        return QRectF(self.page_layout.fullRectPixels(PDF_DPI))

    def image(self, page: int, width: int) -> QImage | None:
        """Page `page` (from 0) `width` pixels wide if it has come; else the nearest size of it
        already here (to show, scaled, meanwhile) or None, and it is asked for."""
        key = (page, width)
        exact = self._images.get(key)
        if exact is not None:
            self._images.move_to_end(key)
            return exact
        if key not in self._asked:
            self._asked.add(key)
            self._child.ask_for_page(page, width)
        others = [image for (shown, _), image in self._images.items() if shown == page]
        return min(others, key=lambda image: abs(image.width() - width)) if others else None

    def has_come(self, page: int) -> bool:
        """True once page `page` has come at some size (it is on screen, not a blank sheet)."""
        return any(shown == page for shown, _width in self._images)

    def take(self, page: int, width: int) -> QImage | None:
        """Page `page` exactly `width` pixels wide if it has come, no longer kept here (a page
        for the printer is large, and wanted once); None (and it is asked for) if not yet."""
        image = self._images.pop((page, width), None)
        if image is None and (page, width) not in self._asked:
            self._asked.add((page, width))
            self._child.ask_for_page(page, width)
        return image

    def close(self) -> None:
        """End the child (what it may still be painting is not wanted) and let the images go."""
        self._closed = True
        self._child.wait()
        self._images.clear()

    def _painted(self, page: int, image: object) -> None:
        assert isinstance(image, QImage)
        key = (page, image.width())
        self._asked.discard(key)
        self._images[key] = image
        while len(self._images) > 1 and self._kept_bytes() > KEPT_BYTES:
            self._images.popitem(last=False)
        self.arrived.emit(page)

    def _gone(self) -> None:
        if not self._closed:
            self.lost.emit()

    def _kept_bytes(self) -> int:
        return sum(image.sizeInBytes() for image in self._images.values())
