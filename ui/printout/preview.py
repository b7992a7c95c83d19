"""The print preview: the printout's pages on screen, as they come out of the PDF and the printer.

The pages are images of the report laid out for its PDF, so what is seen is what is saved or
printed, page for page. Those of a preview made by the screen come from the child that laid
the report out (ui.printout.child_pages), each when it comes into sight, at the size it is
shown: the window never lays out or paints the report itself. This module must never create a
QPrinter or a QPrintPreviewDialog: either asks the system's print service (CUPS, over a socket)
for its printers, and the preview promises no connection of any kind. Only "Print…" may, and
that is handled outside this module once the client asks for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.wording.translation import fill
from ui.printout.child_pages import ChildPages

if TYPE_CHECKING:
    from kapcompanion.report.paint.render import ReportPages

START_WIDTH = 720  # a page's width on screen at first, in logical pixels
ZOOM_STEP = 1.25
LEAST_WIDTH, MOST_WIDTH = 240, 2400


class PreviewPages(Protocol):
    """The pages a preview shows: how many, on what paper, and each as an image."""

    count: int

    @property
    def page_layout(self) -> QPageLayout: ...

    def sheet(self) -> QRectF: ...

    def image(self, page: int, width: int) -> QImage | None:
        """Page `page` `width` pixels wide, or (not painted yet) a stand-in or None."""
        ...


class LocalPages:
    """Pages laid out in this process (`ReportPages`), painted when asked."""

    def __init__(self, pages: ReportPages) -> None:
        self._pages = pages
        self.count = pages.count

    @property
    def page_layout(self) -> QPageLayout:
        return self._pages.page_layout

    def sheet(self) -> QRectF:
        return self._pages.sheet()

    def image(self, page: int, width: int) -> QImage | None:
        from kapcompanion.report.paint.render import page_image

        return page_image(self._pages, page, width)


class PageView(QWidget):
    """One sheet of paper, white whatever the screen's colours, shown at any size."""

    def __init__(self, pages: PreviewPages, page: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages = pages
        self._page = page
        self._width = START_WIDTH
        self.setAccessibleName(
            fill(self.tr("Page %1 of %2"), page + 1, pages.count),
        )
        self.setFixedSize(self.sizeHint())

    def set_width(self, width: int) -> None:
        self._width = width
        self.setFixedSize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:
        sheet = self._pages.sheet()
        return QSize(self._width, round(self._width * sheet.height() / sheet.width()))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), QColor(255, 255, 255))
        image = self._pages.image(self._page, round(self.width() * self.devicePixelRatioF()))
        if image is not None:
            painter.drawImage(QRectF(self.rect()), image)
        painter.setPen(QColor(160, 160, 160))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class ReportPreview(QDialog):
    """The pages one below the other, larger or smaller, with "Print…" to choose a printer.

    `print_requested` is all "Print…" does here: whoever shows the preview decides what
    printing means (and only then may the system's print service be asked).
    """

    print_requested = Signal()

    def __init__(self, pages: PreviewPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.setWindowTitle(self.tr("Printout for your therapist"))
        self.setAccessibleName(self.tr("Print preview"))

        sheets = QWidget()
        sheets.setAutoFillBackground(True)
        column = QVBoxLayout(sheets)
        column.setSpacing(16)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_views = [PageView(pages, page, sheets) for page in range(pages.count)]
        for view in self.page_views:
            column.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)
        if isinstance(pages, ChildPages):
            pages.arrived.connect(lambda page: self.page_views[page].update())
            pages.lost.connect(self._pages_lost)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(sheets)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName(self.tr("Pages of the printout"))

        count = self.tr("1 page") if pages.count == 1 else fill(self.tr("%1 pages"), pages.count)
        self.count_label = QLabel(count)
        self.zoom_out_button = QPushButton(self.tr("Smaller"))
        self.zoom_out_button.setAccessibleName(self.tr("Show the pages smaller"))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.zoom_in_button = QPushButton(self.tr("Larger"))
        self.zoom_in_button.setAccessibleName(self.tr("Show the pages larger"))
        self.zoom_in_button.clicked.connect(lambda: self.zoom(ZOOM_STEP))

        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(
            self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setAccessibleName(self.tr("Choose a printer and print"))
        self.print_button.clicked.connect(self.print_requested.emit)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close the preview"))
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.zoom_out_button)
        top.addWidget(self.zoom_in_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(buttons)
        self.resize(START_WIDTH + 80, 860)
        self.print_button.setDefault(True)
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _pages_lost(self) -> None:
        """The pages stopped coming (their painter went): say so, calmly; printing from here
        is no longer possible."""
        self.count_label.setText(
            self.tr(
                "The rest of the pages could not be shown. Nothing was changed; close the "
                "preview and try again."
            )
        )
        self.count_label.setWordWrap(True)
        self.print_button.setEnabled(False)

    def page_width(self) -> int:
        return self.page_views[0].width() if self.page_views else START_WIDTH

    def zoom(self, factor: float) -> None:
        width = min(max(round(self.page_width() * factor), LEAST_WIDTH), MOST_WIDTH)
        for view in self.page_views:
            view.set_width(width)
