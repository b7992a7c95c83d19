"""The printout's paper and its PDF file: what the window needs of them without loading the
painting (kapcompanion.report.paint.render loads matplotlib, which the window need not).

QtGui only, and no QGuiApplication needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize

from kapcompanion.files import write_atomically
from kapcompanion.report.errors import ReportError

PDF_MARGINS_MM = QMarginsF(18, 12, 18, 12)
# The PDF's coordinates per inch. Qt lays a document out no taller than 2²³ device pixels
# (beyond that it writes garbage and crashes): at Qt's default of 1200 dpi that is about 700
# pages, at 300 about 2,800. Text and charts stay vectors whatever it is.
PDF_DPI = 300


def default_page_size(locale: QLocale | None = None) -> QPageSize:
    """Letter where the locale measures in US units, A4 everywhere else."""
    system = (locale or QLocale()).measurementSystem()
    if system == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def pdf_page_layout(page_size: QPageSize) -> QPageLayout:
    """The PDF's pages: `page_size`, upright, with the report's margins."""
    return QPageLayout(
        page_size, QPageLayout.Orientation.Portrait, PDF_MARGINS_MM, QPageLayout.Unit.Millimeter
    )


@dataclass(frozen=True)
class SavedReport:
    path: Path
    pages: int


def write_report_pdf(path: Path, data: bytes, pages: int) -> SavedReport:
    """Write a PDF made by `render_pdf` at `path`, whole or not at all (kapcompanion.files),
    replacing any file there. Raises ReportError when the folder cannot be written."""
    path = path.expanduser().absolute()
    write_atomically(path, data, overwrite=True, exists=_folder_in_the_way, failed=ReportError)
    return SavedReport(path, pages)


def _folder_in_the_way(path: Path) -> ReportError:
    return ReportError(path, "a folder of that name is already there")
