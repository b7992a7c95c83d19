"""The printout is painted by a process of its own: what the client sees when it goes wrong,
what it is (and is not) told, and that it never outlives its use."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapcompanion.cli.main import build_parser
from kapcompanion.cli.report import PAINT_CHILD_COMMAND
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.processes import is_running
from tests.ui.conftest import PROTECTED_PASSPHRASE, ShowView
from tests.ui.helpers import answer_next_dialog
from tests.ui.printout.helpers import choose_everything, outcomes
from ui.printout.child_pages import ChildPages
from ui.printout.preview import ReportPreview
from ui.printout.view import FAILED, PREVIEWED, SAVED, ReportView
from ui.widgets.own_program import own_program

WAIT_MS = 30_000


def whole_course(show_view: ShowView, store: Store) -> ReportView:
    return choose_everything(show_view(ReportView, store))


def child_pid(view: ReportView) -> int:
    """The process painting the view's printout (0 before it has started)."""
    job = view._job
    child = job._child if job is not None else None
    return child._process.processId() if child is not None else 0


def when_painting(view: ReportView, then: Callable[[int], None]) -> None:
    """Call `then` with the painter's process id once it has begun on the pages."""

    def look(value: int) -> None:
        pid = child_pid(view)
        if value > view.progress.bar.maximum() // 5 and pid and not called:
            called.append(pid)
            then(pid)

    called: list[int] = []
    view.progress.bar.valueChanged.connect(look)


def test_a_painter_that_dies_mid_save_is_said_gently_and_leaves_no_file(
    show_view: ShowView, demo_store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    view = whole_course(show_view, demo_store)
    heard = outcomes(view)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    folder = tmp_path / "printouts"
    folder.mkdir()
    when_painting(view, lambda pid: os.kill(pid, signal.SIGKILL))
    assert view.start_save_pdf(folder / "printout.pdf")
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)

    assert heard == [FAILED]
    [(title, message)] = seen
    assert title == "Something needs your attention"
    assert "stopped before it was finished" in message and "Nothing was saved" in message
    assert "Traceback" not in message
    assert list(folder.iterdir()) == []
    assert not view.busy and view.pdf_button.isEnabled()


def test_a_protected_profiles_printout_is_saved_and_its_passphrase_is_never_passed_on(
    show_view: ShowView, protected_profile: Profile, qtbot: QtBot, tmp_path: Path
) -> None:
    told: dict[str, bytes] = {}

    def look_at(pid: int) -> None:
        told["command line"] = Path(f"/proc/{pid}/cmdline").read_bytes()
        told["environment"] = Path(f"/proc/{pid}/environ").read_bytes()

    with Store.open(protected_profile.database_path, passphrase=PROTECTED_PASSPHRASE) as store:
        view = whole_course(show_view, store)
        heard = outcomes(view)
        when_painting(view, look_at)
        target = tmp_path / "printout.pdf"
        assert view.start_save_pdf(target, tell=False)
        qtbot.waitUntil(lambda: bool(heard), timeout=WAIT_MS)

    assert heard == [SAVED]
    _program, arguments = own_program(PAINT_CHILD_COMMAND)
    assert told["command line"].split(b"\0")[1:-1] == [each.encode() for each in arguments]
    for what in told.values():
        assert PROTECTED_PASSPHRASE.encode() not in what
    from pypdf import PdfReader

    assert "a report for the therapist" in " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(target).pages
    )


def test_the_preview_shows_pages_painted_aside_and_its_painter_goes_with_it(
    show_view: ShowView, demo_store: Store, qtbot: QtBot
) -> None:
    view = whole_course(show_view, demo_store)
    heard = outcomes(view)
    seen: dict[str, object] = {}

    def look_and_close(outcome: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert outcome == PREVIEWED and isinstance(dialog, ReportPreview)
        pages = dialog.pages
        assert isinstance(pages, ChildPages)
        seen["pid"] = pages._child._process.processId()
        first = dialog.page_views[0]
        width = round(first.width() * first.devicePixelRatioF())

        def painted() -> bool:
            image = pages.image(0, width)
            return image is not None and image.width() == width

        def wait_then_close() -> None:
            if not painted():
                QTimer.singleShot(20, wait_then_close)
                return
            image = pages.image(0, width)
            assert image is not None
            seen["inked"] = any(
                image.pixelColor(x, y) != QColor(255, 255, 255)
                for x in range(0, image.width(), 7)
                for y in range(0, image.height() // 3, 7)
            )
            dialog.close()

        wait_then_close()

    view.output_finished.connect(look_and_close)
    assert view.start_preview()
    qtbot.waitUntil(lambda: "inked" in seen and not view.busy, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=WAIT_MS)

    assert heard == [PREVIEWED]
    assert seen["inked"] is True  # the first page has words on it, not a blank sheet
    pid = seen["pid"]
    assert isinstance(pid, int) and not is_running(pid)


def test_cancel_ends_the_painter(show_view: ShowView, demo_store: Store, qtbot: QtBot) -> None:
    view = whole_course(show_view, demo_store)
    heard = outcomes(view)
    pids: list[int] = []

    def cancel(pid: int) -> None:
        pids.append(pid)
        view.cancel_output()

    when_painting(view, cancel)
    assert view.start_preview()
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT_MS)
    assert heard == ["cancelled"]
    assert pids
    qtbot.waitUntil(lambda: not is_running(pids[0]), timeout=5_000)


def test_the_painters_command_is_not_offered_in_help() -> None:
    words = build_parser().format_help()
    assert PAINT_CHILD_COMMAND not in words and "report" in words


def test_printing_puts_every_previewed_page_on_paper_a_page_at_a_time(
    show_view: ShowView, demo_store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from ui.printout.output import printer_for_report
    from ui.printout.printing import PagePrinter

    view = whole_course(show_view, demo_store)
    paper = tmp_path / "paper.pdf"
    seen: dict[str, object] = {}

    def print_then_close(outcome: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert outcome == PREVIEWED and isinstance(dialog, ReportPreview)
        pages = dialog.pages
        assert isinstance(pages, ChildPages)
        seen["pages"] = pages.count
        printer = printer_for_report()  # a printer that prints to a file
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(paper))
        printing = PagePrinter(pages, printer)
        counted: list[int] = []
        printing.printed.connect(counted.append)

        def finished(whole: bool) -> None:
            seen["whole"], seen["counted"] = whole, counted
            dialog.close()

        printing.done.connect(finished)
        seen["printing"] = printing
        printing.start()

    view.output_finished.connect(print_then_close)
    assert view.start_preview()
    qtbot.waitUntil(lambda: "whole" in seen, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=WAIT_MS)

    count = seen["pages"]
    assert isinstance(count, int) and count > 1
    assert seen["whole"] is True and seen["counted"] == list(range(1, count + 1))
    assert len(PdfReader(paper).pages) == count


def test_a_preview_whose_painter_dies_says_so_calmly(
    show_view: ShowView, demo_store: Store, qtbot: QtBot
) -> None:
    view = whole_course(show_view, demo_store)
    seen: dict[str, object] = {}

    def kill_and_look(outcome: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert outcome == PREVIEWED and isinstance(dialog, ReportPreview)
        pages = dialog.pages
        assert isinstance(pages, ChildPages)
        os.kill(pages._child._process.processId(), signal.SIGKILL)

        def look() -> None:
            if dialog.print_button.isEnabled():
                QTimer.singleShot(20, look)
                return
            seen["words"] = dialog.count_label.text()
            dialog.close()

        look()

    view.output_finished.connect(kill_and_look)
    assert view.start_preview()
    qtbot.waitUntil(lambda: "words" in seen, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=WAIT_MS)
    words = seen["words"]
    assert isinstance(words, str)
    assert "could not be shown" in words and "Nothing was changed" in words
