"""Making the preview and the PDF while the window goes on: progress shown, Cancel that
leaves nothing behind, the same pages in the preview as in the PDF, problems said plainly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapcompanion.store import Store
from tests.ui.conftest import ShowView
from tests.ui.helpers import answer_next_dialog
from tests.ui.printout.helpers import choose_everything, outcomes
from ui.printout.preview import ReportPreview
from ui.printout.view import CANCELLED, FAILED, PREVIEWED, SAVED, ReportView

ViewFactory = Callable[[Store], ReportView]
WAIT_MS = 30_000


@pytest.fixture
def open_view(show_view: ShowView) -> ViewFactory:
    return lambda store: show_view(ReportView, store)


@pytest.fixture
def whole_course_view(open_view: ViewFactory, demo_store: Store) -> ReportView:
    """The sample course's printout, every reflection and insight ticked: several pages."""
    return choose_everything(open_view(demo_store))


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def test_saving_leaves_the_window_free_and_shows_how_far_it_has_come(
    whole_course_view: ReportView, qtbot: QtBot, tmp_path: Path
) -> None:
    view = whole_course_view
    heard = outcomes(view)
    shown: list[int] = []
    view.progress.bar.valueChanged.connect(shown.append)
    turns_while_busy: list[bool] = []

    def turn() -> None:  # an event the window handles while the PDF is being made
        turns_while_busy.append(view.busy)
        if view.busy:
            QTimer.singleShot(0, turn)

    target = tmp_path / "printout.pdf"
    assert view.start_save_pdf(target, tell=False)
    QTimer.singleShot(0, turn)

    assert view.busy and view.progress.isVisible()
    assert view.progress.bar.accessibleName() == "Saving the PDF…"
    assert view.progress.cancel_button.accessibleName() == "Stop saving the PDF"
    assert not view.pdf_button.isEnabled() and not view.print_button.isEnabled()
    assert not view.start_preview()  # one at a time
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT_MS)

    assert heard == [SAVED]
    assert turns_while_busy.count(True) >= 3
    assert shown and shown[-1] == view.progress.bar.maximum() and len(set(shown)) >= 3
    assert not view.progress.isVisible() and view.pdf_button.isEnabled()
    words = pdf_text(target)
    assert "a report for the therapist" in words
    assert "A note for you" not in words  # no note was typed


def test_a_finished_save_says_so_and_its_pdf_holds_the_chosen_words(
    whole_course_view: ReportView, qtbot: QtBot, tmp_path: Path
) -> None:
    view = whole_course_view
    view.name_edit.setText("J. K.")
    view.note_edit.setPlainText("Two weeks of better sleep.")
    heard = outcomes(view)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    target = tmp_path / "for Friday.pdf"
    assert view.start_save_pdf(target)
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)

    assert heard == [SAVED]
    assert seen[0][0] == "Your printout is saved" and str(target) in seen[0][1]
    words = pdf_text(target)
    assert "J. K." in words and "Two weeks of better sleep." in words


@pytest.mark.parametrize("when", ["reading", "painting"])
def test_cancel_stops_the_save_and_leaves_no_file(
    whole_course_view: ReportView, qtbot: QtBot, tmp_path: Path, when: str
) -> None:
    view = whole_course_view
    heard = outcomes(view)
    folder = tmp_path / "printouts"
    folder.mkdir()
    target = folder / "printout.pdf"
    if when == "painting":  # once the worker has begun on the pages

        def cancel_when_painting(value: int) -> None:
            if value > view.progress.bar.maximum() // 2:
                view.progress.cancel_button.click()

        view.progress.bar.valueChanged.connect(cancel_when_painting)
    assert view.start_save_pdf(target)
    if when == "reading":
        view.progress.cancel_button.click()
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT_MS)

    assert heard == [CANCELLED]
    assert list(folder.iterdir()) == []  # neither the PDF nor any part of it
    assert not view.busy and not view.progress.isVisible()
    assert view.pdf_button.isEnabled()


def test_a_save_that_fails_says_why_plainly(
    whole_course_view: ReportView, qtbot: QtBot, tmp_path: Path
) -> None:
    view = whole_course_view
    heard = outcomes(view)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    target = tmp_path / "no such folder" / "printout.pdf"
    assert view.start_save_pdf(target)
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)

    assert heard == [FAILED]
    [(title, message)] = seen
    assert title == "Something needs your attention"
    assert "could not be saved" in message and "Nothing else was changed" in message
    assert not target.parent.exists()


def test_the_preview_shows_the_same_pages_as_the_pdf(
    whole_course_view: ReportView, qtbot: QtBot, tmp_path: Path
) -> None:
    view = whole_course_view
    answer_next_dialog([])
    saved = view.save_pdf(tmp_path / "printout.pdf")
    assert saved is not None
    heard = outcomes(view)
    seen: dict[str, object] = {}

    def look_and_close(outcome: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert outcome == PREVIEWED and isinstance(dialog, ReportPreview)
        seen["pages"] = len(dialog.page_views)
        seen["names"] = [page.accessibleName() for page in dialog.page_views[:2]]
        dialog.close()

    view.output_finished.connect(look_and_close)
    assert view.start_preview()
    assert view.progress.bar.accessibleName() == "Preparing the preview…"
    qtbot.waitUntil(lambda: bool(heard) and not view.busy, timeout=WAIT_MS)

    assert heard == [PREVIEWED]
    assert seen["pages"] == pdf_pages(saved) > 1
    assert seen["names"] == [f"Page 1 of {seen['pages']}", f"Page 2 of {seen['pages']}"]


def test_cancel_stops_the_preview_before_it_shows(
    whole_course_view: ReportView, qtbot: QtBot
) -> None:
    view = whole_course_view
    heard = outcomes(view)
    assert view.start_preview()
    view.cancel_output()
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT_MS)
    assert heard == [CANCELLED]
    assert not isinstance(QApplication.activeModalWidget(), ReportPreview)
