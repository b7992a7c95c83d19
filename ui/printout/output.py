"""The printout leaves the screen: a print preview (from which the client prints) and a PDF.

The screen has both made by a process of its own (ui.printout.job): here are the dialogs
around them: where to save, that it was saved (with a way to the folder), the preview of the
pages that process paints (`show_preview`), printing them (`print_pages`), or, calmly, why it
could not be done. `preview_and_print`, `save_pdf` and `print_on_paper` do the same in this
process, from the store, for whoever has no window to keep answering.

The preview and the PDF must never create a QPrinter: that loads the system's print service,
which opens sockets (CUPS, port 631). Only "Print…", once the client asks to choose a printer,
may (`print_pages`, `print_on_paper`).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from kapcompanion.errors import KapError
from kapcompanion.wording.translation import fill
from ui.widgets.error_messages import show_error, show_message

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from kapcompanion.report.content.options import ReportOptions
    from kapcompanion.report.paint.render import ReportPages
    from kapcompanion.store import Store
    from ui.printout.child_pages import ChildPages
    from ui.printout.preview import PreviewPages, ReportPreview

CONTEXT = "ReportOutput"


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def suggested_pdf_path(today: date) -> Path:
    """ "KAP Companion printout 2026-11-25.pdf" in the Documents folder (or the home folder)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = fill(_tr("KAP Companion printout %1.pdf"), today.isoformat())
    return Path(folder or Path.home()) / name


def ask_for_pdf_path(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save the PDF; None if the client changed their mind."""
    chosen, _kind = QFileDialog.getSaveFileName(
        parent, _tr("Save the printout as PDF"), str(suggested), _tr("PDF files (*.pdf)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def save_pdf(parent: QWidget, store: Store, options: ReportOptions, path: Path) -> Path | None:
    """Write the printout to `path` and say so (offering the folder); None, after saying why
    gently, if it could not be written."""
    from kapcompanion.report.paint.render import save_report_pdf

    try:
        written = save_report_pdf(store, options, path).path
    except KapError as error:
        show_error(parent, error)
        return None
    tell_saved(parent, written)
    return written


def tell_saved(parent: QWidget, path: Path) -> None:
    """A calm note that the PDF is saved, where, and a button to open its folder."""
    title = _tr("Your printout is saved")
    message = fill(
        _tr("You can print it, or bring or send it to your therapist as you prefer.\n\nFile: %1"),
        path,
    )
    box = QMessageBox(
        QMessageBox.Icon.Information, title, title, QMessageBox.StandardButton.Close, parent
    )
    box.setInformativeText(message)
    box.setAccessibleName(title)
    box.setAccessibleDescription(message)
    open_folder = box.addButton(_tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
    open_folder.setAccessibleName(_tr("Open the folder with your printout"))
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def preview_and_print(
    parent: QWidget, store: Store, options: ReportOptions, page_size: QPageSize | None = None
) -> None:
    """Show the printout as it will come out on `page_size` (by default the locale's paper);
    the client prints from there.

    The preview needs no printer: the system's print service is asked for its printers only
    when the client chooses "Print…" (`print_on_paper`).
    """
    from kapcompanion.report.paint.paper import default_page_size
    from ui.printout.preview import LocalPages

    try:
        pages = report_pages(store, options, page_size or default_page_size())
    except Exception as error:  # said calmly, never a traceback
        tell_problem(parent, error)
        return
    show_preview(parent, store, options, LocalPages(pages))


def show_preview(
    parent: QWidget,
    store: Store,
    options: ReportOptions,
    pages: PreviewPages,
    on_shown: Callable[[QDialog], None] | None = None,
) -> None:
    """Show `pages` in the print preview until the client closes it (or prints from it);
    `on_shown` is called with the dialog once it is on screen. Pages painted by a child
    (ChildPages) let it go once the preview is closed."""
    from ui.printout.child_pages import ChildPages
    from ui.printout.preview import ReportPreview

    dialog = ReportPreview(pages, parent)
    layout = pages.page_layout
    if isinstance(pages, ChildPages):
        dialog.finished.connect(pages.close)
    del pages
    problems: list[Exception] = []
    showing = [dialog]  # emptied before the dialog goes, so nothing else keeps it
    if on_shown is not None:
        called = on_shown
        # From within the dialog's own event loop, so that it may close it.
        QTimer.singleShot(0, lambda: [called(each) for each in showing])

    def print_requested() -> None:
        for shown in showing:
            if isinstance(shown.pages, ChildPages):
                print_pages(shown, shown.pages, layout, problems)
                return
            try:
                printed = print_on_paper(shown, store, options, layout)
            except Exception as error:  # said once the preview has closed
                problems.append(error)
                shown.reject()
                return
            if printed:
                shown.accept()

    dialog.print_requested.connect(print_requested)
    dialog.exec()
    showing.clear()
    dialog.setParent(None)  # Python owns it again, so it goes now
    del dialog
    if problems:
        tell_problem(parent, problems[0])


def report_pages(store: Store, options: ReportOptions, page_size: QPageSize) -> ReportPages:
    """The printout laid out page by page for the preview, exactly as its PDF."""
    from kapcompanion.report.paint.render import ReportPages

    return ReportPages(store, options, page_size)


def print_on_paper(
    parent: QWidget, store: Store, options: ReportOptions, layout: QPageLayout
) -> bool:
    """Let the client choose a printer and print the printout on it; False if they changed
    their mind. The only place the report meets the system's print service."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = printer_for_report()
    printer.setPageSize(layout.pageSize())
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("Print the printout for your therapist"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_report(store, options, printer)
    return True


def print_pages(
    preview: ReportPreview, pages: ChildPages, layout: QPageLayout, problems: list[Exception]
) -> None:
    """Let the client choose a printer, then print the preview's pages on it a page at a
    time (ui.printout.printing), saying how far it has come; the preview closes once all
    are printed. Closing it first stops the printing. A problem is added to `problems` and
    the preview closed."""
    from PySide6.QtPrintSupport import QPrintDialog

    from ui.printout.printing import PagePrinter

    printer = printer_for_report()
    printer.setPageSize(layout.pageSize())
    chooser = QPrintDialog(printer, preview)
    chooser.setWindowTitle(_tr("Print the printout for your therapist"))
    if chooser.exec() != QPrintDialog.DialogCode.Accepted:
        return
    printing = PagePrinter(pages, printer)
    preview.print_button.setEnabled(False)

    def show_printed(printed: int) -> None:
        words = fill(_tr("Printing page %1 of %2…"), min(printed + 1, pages.count), pages.count)
        preview.count_label.setText(words)

    printing.printed.connect(show_printed)
    printing.done.connect(lambda whole: preview.accept() if whole else None)
    preview.finished.connect(printing.stop)
    preview.setProperty("printing", printing)  # lives as long as the preview
    try:
        printing.start()
    except Exception as error:  # said once the preview has closed
        problems.append(error)
        preview.reject()
        return
    show_printed(0)


def tell_problem(parent: QWidget, problem: BaseException) -> None:
    """A problem the client can act on in its own words; anything else calmly, in general."""
    if isinstance(problem, KapError):
        show_error(parent, problem)
        return
    print(f"The printout could not be shown: {problem!r}", file=sys.stderr)
    show_message(
        parent,
        _tr("The printout could not be shown"),
        _tr(
            "Something unexpected stopped the preview. Nothing was changed. You might try "
            "again, or save the printout as a PDF instead."
        ),
    )


def printer_for_report() -> QPrinter:
    """A printer set up for the report: full resolution, the locale's paper size.

    Creating any QPrinter loads Qt's print-support plugin, which asks the system's print
    service (CUPS, on port 631) for its printers: only for printing the client asked for."""
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrinter

    from kapcompanion.report.paint.paper import PDF_MARGINS_MM, default_page_size

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(default_page_size())
    # The same margins as the PDF, so paper and PDF come out alike.
    printer.setPageMargins(PDF_MARGINS_MM, QPageLayout.Unit.Millimeter)
    printer.setDocName(_tr("Printout for your therapist"))
    return printer


def paint_report(store: Store, options: ReportOptions, printer: QPrinter) -> int:
    """Paint the whole report onto `printer`; the number of pages."""
    from kapcompanion.report.paint.render import render_report

    return render_report(store, options, printer)
