"""The printout screen, driven through its real widgets and the keyboard, on a real store."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from kapcompanion.course.trends import Period
from kapcompanion.domain import Reflection
from kapcompanion.ids import ReflectionId
from kapcompanion.report.content.options import (
    ALL_SECTIONS,
    PeriodChoice,
    ReportSection,
    default_options,
    period_for,
    report_candidates,
)
from kapcompanion.report.paint.render import default_page_size
from kapcompanion.store import Store
from tests.file_modes import mode
from tests.ui.conftest import ShowView
from tests.ui.helpers import (
    answer_next_dialog,
    focusable_widgets,
    focused,
    press,
    tab_to,
    visible_texts,
    wait_until_nothing_is_clipped,
)
from ui.printout.choices import HEADING_ROLE, ChoiceList
from ui.printout.output import suggested_pdf_path
from ui.printout.view import ReportView
from ui.printout.wording import first_line
from ui.widgets.wording import day_of

ViewFactory = Callable[[Store], ReportView]
SMALLEST = QSize(720 - 200, 480)  # the main window's smallest size, less its sidebar
TAB_STOPS = 40


@pytest.fixture
def open_view(show_view: ShowView) -> ViewFactory:
    """Show the printout screen in its own active window."""
    return lambda store: show_view(ReportView, store)


# Helpers ----------------------------------------------------------------------------------


def rows(checklist: ChoiceList) -> list[str]:
    """The words of every row on offer, top to bottom."""
    model = checklist.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def finished_reflections(store: Store) -> list[Reflection]:
    """The sample course's reflections, oldest first, with their answers."""
    return [store.reflections.get(r.id) for r in store.reflections.list()]


def share_reflections(store: Store, *reflections: Reflection) -> None:
    for reflection in reflections:
        store.reflections.set_shareable(reflection.id, True)


def whole_course(view: ReportView) -> None:
    view.period_picker.choose(PeriodChoice.WHOLE_COURSE)


# Opening ----------------------------------------------------------------------------------


def test_the_screen_opens_with_its_header_the_last_appointment_and_every_section(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    assert view.accessibleName() == "Printout"
    texts = visible_texts(view)
    assert "Printout for your therapist" in texts
    assert any("Nothing private is included unless you choose it" in words for words in texts)
    assert view.period_picker.choice() is PeriodChoice.SINCE_LAST_APPOINTMENT
    expected = period_for(demo_store, PeriodChoice.SINCE_LAST_APPOINTMENT, date.today())
    assert expected.start is not None
    assert view.period_picker.days_text.text().startswith("From ")
    assert view.period_picker.days_text.text().endswith(" until today.")
    assert not view.period_picker.from_date.isVisible()
    # Every section but the medication list, which goes in only when ticked.
    assert view.sections.chosen() == frozenset(ALL_SECTIONS) - {ReportSection.MEDICATIONS}
    assert [s for s, box in view.sections.boxes.items() if not box.isChecked()] == [
        ReportSection.MEDICATIONS
    ]
    assert view.name_edit.text() == ""
    assert view.note_edit.toPlainText() == ""
    assert view.print_button.isEnabled()
    assert view.pdf_button.isEnabled()


def test_exactly_the_shareable_reflections_and_insights_are_ticked_to_begin_with(
    open_view: ViewFactory, demo_store: Store
) -> None:
    reflections = finished_reflections(demo_store)
    share_reflections(demo_store, reflections[2], reflections[-1])
    view = open_view(demo_store)
    whole_course(view)

    assert view.reflections.chosen() == {int(reflections[2].id), int(reflections[-1].id)}
    shareable_insights = {int(i.id) for i in demo_store.insights.list() if i.shareable}
    assert shareable_insights  # the sample course marks some as shareable
    assert view.insights.chosen() == shareable_insights
    # The same as the core's own defaults, and nothing else goes to the core.
    defaults = default_options(demo_store, Period())
    options = view.options()
    assert options is not None
    assert options.reflection_ids == defaults.reflection_ids
    assert options.insight_ids == defaults.insight_ids
    assert options.sections == frozenset(ALL_SECTIONS) - {ReportSection.MEDICATIONS}
    assert options.client_name == "" and options.note_to_therapist == ""
    assert view.summary.text() == (
        f"2 reflections and {len(shareable_insights)} insights will be included."
    )


def test_a_reflection_shows_its_day_session_phase_and_first_line(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    whole_course(view)
    newest = report_candidates(demo_store, Period()).reflections[0]
    line = rows(view.reflections)[0]
    heading = view.reflections.model.index(0, 0).data(HEADING_ROLE)
    assert heading.count(" · ") == 2
    assert "Session 6" in heading
    assert line == first_line(newest)
    assert line and any(answer.text.startswith(line) for answer in newest.answers)
    spoken = view.reflections.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"{heading}: {line}"
    newest_insight = report_candidates(demo_store, Period()).insights[0]
    assert rows(view.insights)[0] == newest_insight.text


def test_the_summary_counts_in_the_singular_and_plural(
    open_view: ViewFactory, demo_store: Store
) -> None:
    reflections = finished_reflections(demo_store)
    share_reflections(demo_store, reflections[0])
    view = open_view(demo_store)
    whole_course(view)
    [one_insight, *_] = view.insights.ids()
    view.insights.choose([one_insight])
    assert view.summary.text() == "1 reflection and 1 insight will be included."
    view.reflections.select_none()
    view.insights.select_none()
    assert view.summary.text() == "None of your reflections or insights will be included."


# Period ------------------------------------------------------------------------------------


def test_changing_the_period_changes_what_is_on_offer(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    today = date.today()
    seen: dict[PeriodChoice, int] = {}
    for choice in (
        PeriodChoice.WHOLE_COURSE,
        PeriodChoice.LAST_30_DAYS,
        PeriodChoice.SINCE_LAST_APPOINTMENT,
    ):
        view.period_picker.choose(choice)
        candidates = report_candidates(demo_store, period_for(demo_store, choice, today))
        assert view.reflections.ids() == [int(r.id) for r in candidates.reflections]
        assert view.insights.ids() == [int(i.id) for i in candidates.insights]
        seen[choice] = len(view.reflections.ids())
    assert seen[PeriodChoice.WHOLE_COURSE] == len(demo_store.reflections.list())
    assert seen[PeriodChoice.LAST_30_DAYS] < seen[PeriodChoice.WHOLE_COURSE]
    whole_course(view)
    assert view.period_picker.days_text.text() == (
        "Everything from the start of your course until today."
    )


def test_custom_days_offer_only_what_was_written_then(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    picker = view.period_picker
    shown_before = period_for(demo_store, PeriodChoice.SINCE_LAST_APPOINTMENT, date.today())
    picker.choose(PeriodChoice.CUSTOM)
    assert picker.from_date.isVisible() and picker.to_date.isVisible()
    # The custom dates start from the days shown until then.
    assert (picker.from_date.chosen(), picker.to_date.chosen()) == (
        shown_before.start,
        shown_before.end,
    )

    oldest = finished_reflections(demo_store)[0]
    first_day = oldest.started_at.astimezone().date()
    picker.choose_dates(first_day, first_day + timedelta(days=2))
    expected = report_candidates(demo_store, Period(first_day, first_day + timedelta(days=2)))
    assert view.reflections.ids() == [int(r.id) for r in expected.reflections]
    assert int(oldest.id) in view.reflections.ids()
    assert len(view.reflections.ids()) < len(demo_store.reflections.list())
    assert picker.days_text.text().startswith("From ")
    options = view.options()
    assert options is not None
    assert options.period == Period(first_day, first_day + timedelta(days=2))

    # A quiet day: nothing to choose, said plainly.
    picker.choose_dates(date.today(), date.today())
    assert view.reflections.ids() == [] and view.insights.ids() == []
    texts = visible_texts(view)
    assert "You finished no reflections in these days. A longer period may show some." in texts
    assert "You noted no insights in these days. A longer period may show some." in texts
    assert picker.days_text.text() == f"Just the one day, {day_of(date.today())}."


def test_custom_days_that_end_before_they_start_are_explained_and_cannot_be_printed(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    picker = view.period_picker
    picker.choose(PeriodChoice.CUSTOM)
    today = date.today()
    picker.choose_dates(today - timedelta(days=3), today - timedelta(days=10))
    assert picker.problem_text.isVisible()
    assert "ends before it starts" in picker.problem_text.text()
    assert not picker.days_text.isVisible()
    assert view.options() is None
    assert not view.print_button.isEnabled() and not view.pdf_button.isEnabled()
    assert view.summary.text() == "Choose days that end after they start."
    picker.choose_dates(today - timedelta(days=10), today - timedelta(days=3))
    assert not picker.problem_text.isVisible()
    assert view.print_button.isEnabled()


# Choosing ----------------------------------------------------------------------------------


def test_space_ticks_and_unticks_the_reflection_the_keyboard_is_on(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    whole_course(view)
    assert view.reflections.chosen() == set()
    tab_to(qtbot, view.reflections.view, limit=TAB_STOPS)
    press(qtbot, Qt.Key.Key_Space)
    first, second = view.reflections.ids()[:2]
    assert view.reflections.chosen() == {first}
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)
    assert view.reflections.chosen() == {first, second}
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Space)
    assert view.reflections.chosen() == {second}
    options = view.options()
    assert options is not None and options.reflection_ids == {ReflectionId(second)}
    assert view.summary.text().startswith("1 reflection and ")


def test_select_all_and_select_none(open_view: ViewFactory, demo_store: Store) -> None:
    view = open_view(demo_store)
    whole_course(view)
    view.reflections.all_button.click()
    assert view.reflections.chosen() == set(view.reflections.ids())
    view.insights.none_button.click()
    assert view.insights.chosen() == set()
    options = view.options()
    assert options is not None
    assert len(options.reflection_ids) == len(demo_store.reflections.list())
    assert options.insight_ids == frozenset()
    assert view.summary.text() == (
        f"{len(demo_store.reflections.list())} reflections and 0 insights will be included."
    )


def test_choices_are_kept_when_the_period_changes_and_back(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    whole_course(view)
    shared = sorted(view.insights.chosen())
    ticked = next(each for each in view.insights.ids() if each not in shared)
    view.insights.choose({*shared[1:], ticked})
    view.period_picker.choose(PeriodChoice.LAST_30_DAYS)
    whole_course(view)
    assert view.insights.chosen() == {*shared[1:], ticked}


def test_marking_something_shareable_elsewhere_ticks_it_here_on_refresh(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    whole_course(view)
    newest = report_candidates(demo_store, Period()).reflections[0]
    assert int(newest.id) not in view.reflections.chosen()
    demo_store.reflections.set_shareable(newest.id, True)
    view.refresh()
    assert int(newest.id) in view.reflections.chosen()
    assert view.summary.text().startswith("1 reflection and ")


def test_choosing_here_never_changes_what_is_marked_shareable(
    open_view: ViewFactory, demo_store: Store
) -> None:
    before = {i.id: i.shareable for i in demo_store.insights.list()}
    view = open_view(demo_store)
    whole_course(view)
    view.insights.select_all()
    view.reflections.select_all()
    assert {i.id: i.shareable for i in demo_store.insights.list()} == before
    assert not any(r.shareable for r in demo_store.reflections.list())


def test_a_section_left_out_takes_its_chosen_items_with_it(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    whole_course(view)
    view.reflections.select_all()
    view.sections.boxes[ReportSection.REFLECTIONS].setChecked(False)
    assert not view.reflections.view.isEnabled()
    assert view.reflections.inactive_text.isVisible()
    assert "Chosen reflections" in view.reflections.inactive_text.text()
    options = view.options()
    assert options is not None
    assert ReportSection.REFLECTIONS not in options.sections
    assert options.reflection_ids == frozenset()
    assert options.insight_ids  # the insights still go in
    assert view.summary.text().startswith("0 reflections and ")
    view.sections.boxes[ReportSection.REFLECTIONS].setChecked(True)
    assert view.reflections.view.isEnabled()
    options = view.options()
    assert options is not None and len(options.reflection_ids) == len(view.reflections.ids())


def test_with_no_section_ticked_there_is_nothing_to_print(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    view.sections.choose(())
    assert not view.print_button.isEnabled() and not view.pdf_button.isEnabled()
    assert view.summary.text() == "Tick at least one section to make a printout."


def test_the_name_and_note_go_to_the_core_as_typed(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    tab_to(qtbot, view.name_edit, limit=TAB_STOPS)
    qtbot.keyClicks(focused(), "  A. R. ")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.note_edit
    qtbot.keyClicks(focused(), "Sleep has been better this month.")
    press(qtbot, Qt.Key.Key_Tab)  # Tab leaves the note instead of typing a tab
    assert view.note_edit.toPlainText() == "Sleep has been better this month."
    options = view.options()
    assert options is not None
    assert options.client_name == "A. R."
    assert options.note_to_therapist == "Sleep has been better this month."


def test_hundreds_of_insights_are_offered_and_ticked_quickly(
    open_view: ViewFactory, store: Store
) -> None:
    with store.transaction():
        for number in range(600):
            store.insights.add(f"Insight number {number}", shareable=number % 3 == 0)
    view = open_view(store)
    whole_course(view)
    assert len(view.insights.ids()) == 600
    assert len(view.insights.chosen()) == 200
    view.insights.select_all()
    assert view.summary.text() == "0 reflections and 600 insights will be included."


# Saving a PDF and previewing ----------------------------------------------------------------


def pdf_words(path: Path) -> str:
    """The PDF's text, ligatures undone ("ﬂ" → "fl") and every run of spaces and line
    breaks folded into one space."""
    from pypdf import PdfReader

    pages = PdfReader(path).pages
    text = unicodedata.normalize("NFKC", " ".join(page.extract_text() or "" for page in pages))
    return " ".join(text.split())


def opening_words(reflection: Reflection) -> str:
    """The first few words of a reflection's first answer, as they would be printed."""
    return " ".join(first_line(reflection).split()[:5])


@pytest.mark.usefixtures("usual_umask")
def test_the_saved_pdf_is_private(
    open_view: ViewFactory, demo_store: Store, tmp_path: Path
) -> None:
    view = open_view(demo_store)
    answer_next_dialog([])
    saved = view.save_pdf(tmp_path / "printout.pdf")
    assert saved is not None
    assert mode(saved) == 0o600


def test_the_saved_pdf_holds_exactly_what_is_ticked(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    reflections = finished_reflections(demo_store)
    kept, dropped = reflections[1], reflections[4]
    share_reflections(demo_store, kept, dropped)
    insights = {i.text: i for i in demo_store.insights.list()}
    kept_insight, dropped_insight = (
        insights["Anger is not the same as danger."],
        insights["The child on the stairs was doing her best."],
    )
    assert kept_insight.shareable and dropped_insight.shareable
    view = open_view(demo_store)
    whole_course(view)
    # Untick one shareable reflection and one shareable insight, by keyboard.
    tab_to(qtbot, view.reflections.view, limit=TAB_STOPS)
    for _ in range(view.reflections.ids().index(int(dropped.id))):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)
    view.insights.choose(view.insights.chosen() - {int(dropped_insight.id)})
    view.name_edit.setText("A. R.")
    view.note_edit.setPlainText("Sleep has been better this month.")

    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    saved = view.save_pdf(tmp_path / "printout.pdf")

    assert saved == tmp_path / "printout.pdf"
    assert seen and seen[0][0] == "Your printout is saved"
    assert str(saved) in seen[0][1]
    words = pdf_words(saved)
    assert opening_words(kept) in words
    assert opening_words(dropped) not in words
    assert kept_insight.text in words
    assert dropped_insight.text not in words
    assert "A. R." in words
    assert "Sleep has been better this month." in words


def test_save_as_pdf_suggests_documents_and_offers_the_folder_afterwards(
    open_view: ViewFactory,
    demo_store: Store,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    opened: list[QUrl] = []

    def choose_file(*args: object) -> tuple[str, str]:
        asked.append(str(args[2]))  # (parent, caption, suggested, filter)
        return str(tmp_path / "for Thursday"), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose_file)
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    view = open_view(demo_store)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen, choose="Open folder")
    tab_to(qtbot, view.pdf_button, limit=TAB_STOPS)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)

    [suggested] = asked
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(suggested) == Path(documents) / (
        f"KAP Companion printout {date.today().isoformat()}.pdf"
    )
    saved = tmp_path / "for Thursday.pdf"  # ".pdf" is added when the name lacks it
    assert saved.read_bytes().startswith(b"%PDF")
    assert seen and str(saved) in seen[0][1]
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_a_pdf_that_cannot_be_written_is_explained_calmly(
    open_view: ViewFactory, demo_store: Store, tmp_path: Path
) -> None:
    view = open_view(demo_store)
    target = tmp_path / "no such folder" / "printout.pdf"
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    assert view.save_pdf(target) is None
    assert not target.exists()
    [(title, message)] = seen
    assert title == "Something needs your attention"
    assert "could not be saved" in message and "Nothing else was changed" in message


def test_the_print_preview_shows_the_printout_on_the_locales_paper(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    from ui.printout.preview import ReportPreview

    view = open_view(demo_store)
    seen: dict[str, object] = {}

    def look_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReportPreview):
            QTimer.singleShot(20, look_and_close)
            return
        seen["pages"] = len(dialog.page_views)
        seen["paper"] = dialog.pages.page_layout.pageSize().id()
        seen["title"] = dialog.windowTitle()
        dialog.close()

    QTimer.singleShot(20, look_and_close)
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "title" in seen, timeout=20_000)
    assert isinstance(seen["pages"], int) and seen["pages"] >= 1
    assert seen["paper"] == default_page_size().id()
    assert seen["title"] == "Printout for your therapist"


def test_the_pdf_is_suggested_in_documents_with_todays_date() -> None:
    path = suggested_pdf_path(date(2026, 11, 25))
    assert path.name == "KAP Companion printout 2026-11-25.pdf"


# Keyboard, names, room ---------------------------------------------------------------------


def test_tab_reaches_every_control_in_reading_order(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    view.period_picker.choose(PeriodChoice.CUSTOM)
    tab_to(qtbot, view.pdf_button, limit=TAB_STOPS)
    expected = [
        view.print_button,
        view.period_picker.choice_box,
        view.period_picker.from_date,
        view.period_picker.to_date,
        *view.sections.boxes.values(),
        view.reflections.all_button,
        view.reflections.none_button,
        view.reflections.view,
        view.insights.all_button,
        view.insights.none_button,
        view.insights.view,
        view.name_edit,
        view.note_edit,
    ]
    for widget in expected:
        press(qtbot, Qt.Key.Key_Tab)
        now = focused()
        assert now is widget or now.focusProxy() is widget or now.parent() is widget, (
            now.accessibleName(),
            widget.accessibleName(),
        )


def test_every_focusable_widget_has_an_accessible_name(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    states: dict[str, Callable[[], object]] = {
        "opened": lambda: None,
        "custom days": lambda: view.period_picker.choose(PeriodChoice.CUSTOM),
        "reflections left out": lambda: view.sections.boxes[ReportSection.REFLECTIONS].setChecked(
            False
        ),
    }
    for state, show in states.items():
        show()
        QApplication.processEvents()
        reachable = focusable_widgets(view)
        assert reachable, state
        for widget in reachable:
            assert widget.accessibleName(), f"{state}: {widget!r}"


def test_an_empty_profile_shows_calm_empty_states(open_view: ViewFactory, store: Store) -> None:
    view = open_view(store)
    texts = visible_texts(view)
    assert "Reflections you finish will appear here, for you to choose from." in texts
    assert "Insights you note will appear here, for you to choose from." in texts
    assert not view.reflections.view.isVisible()
    assert not view.reflections.all_button.isVisible()
    assert view.summary.text() == "None of your reflections or insights will be included."
    assert view.period_picker.days_text.text() == (
        "Everything from the start of your course until today."
    )
    for widget in focusable_widgets(view):
        assert widget.accessibleName(), repr(widget)


def test_nothing_is_clipped_in_the_smallest_window(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    view.resize(SMALLEST)
    steps: list[Callable[[], object]] = [
        lambda: None,
        lambda: view.period_picker.choose(PeriodChoice.CUSTOM),
        lambda: view.sections.boxes[ReportSection.INSIGHTS].setChecked(False),
        lambda: view.period_picker.choose_dates(date.today(), date.today() - timedelta(days=1)),
    ]
    for step in steps:
        step()
        wait_until_nothing_is_clipped(qtbot, view)
    # Every section's words fit beside its box.
    for box in view.sections.boxes.values():
        assert box.width() >= box.sizeHint().width(), box.text()


def test_nothing_is_clipped_with_an_empty_profile_in_the_smallest_window(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    view.resize(SMALLEST)
    wait_until_nothing_is_clipped(qtbot, view)


def test_a_tick_never_passes_to_a_new_item_that_reuses_a_deleted_ones_row(
    open_view: ViewFactory, demo_store: Store
) -> None:
    from kapcompanion.domain import DeletedKind

    kept = demo_store.insights.add("I was ticked for the printout.")
    view = open_view(demo_store)
    view.insights.choose(view.insights.chosen() | {int(kept.id)})
    assert kept.id in view.options().insight_ids  # type: ignore[union-attr]

    demo_store.deleted.move(DeletedKind.INSIGHT, kept.id)
    demo_store.deleted.erase(DeletedKind.INSIGHT, int(kept.id))
    private = demo_store.insights.add("PRIVATE: never share this.")
    assert private.id == kept.id  # SQLite gives the freed row to the next insight
    view.refresh()

    options = view.options()
    assert options is not None
    assert private.id not in options.insight_ids


def test_the_sections_say_which_of_the_clients_words_go_with_the_sessions(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    note = view.sections.privacy_note
    assert note.isVisible()
    assert "what you wrote about after-effects" in note.text()
    assert "session notes stay private" in note.text()
    sessions = view.sections.boxes[ReportSection.SESSIONS]
    assert "session notes stay private" in sessions.accessibleDescription()  # heard on Tab
