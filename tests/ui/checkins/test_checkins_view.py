"""The check-ins screen, driven through its real widgets and the keyboard, on a real store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kapcompanion.course.check_in_schedule import every_days
from kapcompanion.data_files.questionnaires import questionnaire, score
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.ui.helpers import (
    answer_next_dialog,
    clipped_labels,
    focused,
    press,
    tab_to,
    visible_texts,
)
from ui.application import create_application
from ui.checkins.flow import CheckInFlow
from ui.checkins.view import CheckInsView
from ui.widgets.style import ColourScheme, apply_style
from ui.widgets.wording import day_of

SMALLEST = QSize(720 - 200, 480)  # the main window's smallest size, less its sidebar
CTRL = Qt.KeyboardModifier.ControlModifier
DIGITS = [getattr(Qt.Key, f"Key_{n}") for n in range(10)]

# Helpers (kept here, so this file reads alone) ---------------------------------------------


def flow_of(view: CheckInsView) -> CheckInFlow:
    assert view.flow is not None
    return view.flow


def take_by_keyboard(view: CheckInsView, qtbot: QtBot, instrument: str) -> CheckInFlow:
    """Press the card's "Take it now" (or "Continue") with the keyboard."""
    view.cards[instrument].take_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert view.current_page() == "taking"
    return flow_of(view)


def answer_by_keyboard(qtbot: QtBot, answers: dict[int, int], count: int) -> None:
    """From the introduction: Enter to begin, then a number key and Enter for each item."""
    press(qtbot, Qt.Key.Key_Return)
    for number in range(1, count + 1):
        press(qtbot, DIGITS[answers[number]])
        press(qtbot, Qt.Key.Key_Return)


def finish_earlier(store: Store, instrument: str, answers: dict[int, int], days_ago: int) -> None:
    """A check-in finished `days_ago` days ago, straight through the store."""
    chosen = questionnaire(instrument)
    at = datetime.now(UTC) - timedelta(days=days_ago)
    check_in = store.check_ins.start(instrument, chosen.version, at=at)
    for number, value in answers.items():
        store.check_ins.save_answer(check_in.id, number, value)
    store.check_ins.complete(check_in.id, at=at)


def all_items(instrument: str, value: int) -> dict[int, int]:
    return {item.number: value for item in questionnaire(instrument).items}


# Fixtures ---------------------------------------------------------------------------------

ViewFactory = Callable[[Store], CheckInsView]


@pytest.fixture
def open_view(qtbot: QtBot, qapp: QApplication) -> Iterator[ViewFactory]:
    """Show the check-ins screen in its own active window, as a person would see it."""

    def factory(store: Store) -> CheckInsView:
        create_application()
        apply_style(qapp, ColourScheme.LIGHT)
        view = CheckInsView()
        qtbot.addWidget(view)
        view.resize(900, 720)
        with qtbot.waitActive(view):
            view.show()
            view.activateWindow()
        view.set_store(store)
        qtbot.wait(1)
        return view

    yield factory


# Tests ------------------------------------------------------------------------------------

PATTERNS = {
    # PHQ-9 item 9 stays 0 here; its own test covers the safety note.
    "phq9": {1: 1, 2: 2, 3: 0, 4: 3, 5: 1, 6: 1, 7: 2, 8: 0, 9: 0},
    "gad7": {1: 3, 2: 2, 3: 2, 4: 1, 5: 0, 6: 3, 7: 2},
    "pcl5": {n: (n * 3) % 5 for n in range(1, 21)},
}


@pytest.mark.parametrize("instrument", ["phq9", "gad7", "pcl5"])
def test_each_questionnaire_by_keyboard_is_stored_and_scored_as_published(
    open_view: ViewFactory, store: Store, qtbot: QtBot, instrument: str
) -> None:
    view = open_view(store)
    chosen = questionnaire(instrument)
    answers = PATTERNS[instrument]
    flow = take_by_keyboard(view, qtbot, instrument)
    assert flow.progress.text() == "Before you begin"
    assert chosen.instructions in visible_texts(flow)
    press(qtbot, Qt.Key.Key_Return)
    # The published words, one item per page, with "1 of N" progress.
    assert flow.progress.text() == f"1 of {len(chosen.items)}"
    assert chosen.items[0].text in visible_texts(flow)
    press(qtbot, Qt.Key.Key_Escape)  # step away and come back: nothing answered, nothing kept
    assert store.check_ins.unfinished(instrument) is None
    flow = take_by_keyboard(view, qtbot, instrument)

    answer_by_keyboard(qtbot, answers, len(chosen.items))
    if chosen.extra_question:  # PHQ-9's difficulty question, after item 9 and not scored
        assert flow.progress.text() == "One more question"
        assert chosen.extra_question in visible_texts(flow)
        press(qtbot, Qt.Key.Key_2)
        with qtbot.waitSignal(view.data_changed) as changed:
            press(qtbot, Qt.Key.Key_Return)
    assert view.current_page() == "results"
    if not chosen.extra_question:
        assert store.check_ins.completed(instrument)  # finished by the last item's Enter

    [stored] = store.check_ins.completed(instrument)
    assert stored.answers == answers
    assert stored.extra_answer == (2 if chosen.extra_question else None)
    expected = score(chosen, answers)
    assert expected.total is not None
    shown = visible_texts(view.results)
    if expected.band is not None:
        sentence = f"Your {chosen.name} score is {expected.total}, {expected.band.words}."
    else:
        sentence = f"Your {chosen.name} score is {expected.total}."
    assert sentence in shown
    assert any(chosen.source in line for line in shown)
    for cluster in expected.clusters:
        assert any(
            line.startswith(f"{cluster.cluster.key} · {cluster.cluster.name}")
            and line.endswith(f": {cluster.score} out of {4 * len(cluster.cluster.items)}")
            for line in shown
        ), cluster
    assert not any("diagnos" in line.lower() for line in shown)
    if chosen.extra_question:
        assert changed.args == ["checkins"]

    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "overview"
    card = view.cards[instrument]
    assert focused() is card.take_button
    assert card.last_result.text().startswith("Your most recent score, today, was")
    assert len(card.history_buttons) == 1


def test_a_skipped_item_leaves_no_total_and_the_result_says_which(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    flow = take_by_keyboard(view, qtbot, "gad7")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_Return)
    assert flow.progress.text() == "3 of 7"
    press(qtbot, Qt.Key.Key_Return)  # nothing chosen: Enter waits, "Skip this one" goes on
    assert flow.progress.text() == "3 of 7"
    flow.skip_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    for _ in range(4, 8):
        press(qtbot, Qt.Key.Key_1)
        press(qtbot, Qt.Key.Key_Return)
    # Before finishing, the gap is named and one key away.
    assert flow.progress.text() == "Almost done"
    assert any("Item 3 has no answer" in line for line in visible_texts(flow))
    assert focused() is flow.go_to_missing_button
    press(qtbot, Qt.Key.Key_Return, CTRL)

    [stored] = store.check_ins.completed("gad7")
    assert 3 not in stored.answers and len(stored.answers) == 6
    assert score(questionnaire("gad7"), stored.answers).total is None
    shown = visible_texts(view.results)
    assert "Item 3 was not answered, so there is no total this time." in shown
    assert "You answered 6 of the 7 questions of the GAD-7." in shown
    assert not any("score is" in line for line in shown)  # never scored as if 3 were zero
    press(qtbot, Qt.Key.Key_Escape)
    assert "has no total, as item 3 was not answered" in view.cards["gad7"].last_result.text()


def test_a_skip_takes_back_an_answer_and_back_shows_what_was_chosen(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    flow = take_by_keyboard(view, qtbot, "phq9")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_3)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_2)
    flow.back_button.click()
    assert flow.progress.text() == "1 of 9"
    page = flow.current_options_page()
    assert page is not None and page.value() == 3
    assert focused() is page.buttons[3]
    press(qtbot, Qt.Key.Key_Down)  # arrow keys move the choice, and it is saved too
    draft = store.check_ins.unfinished("phq9")
    assert draft is not None and draft.answers == {1: 3, 2: 2}
    flow.skip_button.click()
    draft = store.check_ins.unfinished("phq9")
    assert draft is not None and draft.answers == {2: 2}


def test_a_draft_survives_closing_the_view_and_is_offered_to_continue(
    open_view: ViewFactory, store: Store, profile: Profile, qtbot: QtBot
) -> None:
    view = open_view(store)
    take_by_keyboard(view, qtbot, "phq9")
    answer_by_keyboard(qtbot, {1: 2, 2: 1, 3: 3}, 3)
    view.close()  # as if the window were closed, or the program stopped, mid-way
    view.deleteLater()

    # Each answer was written the moment it was chosen: another connection sees them.
    with Store.open(profile.database_path) as reopened:
        draft = reopened.check_ins.unfinished("phq9")
        assert draft is not None and draft.answers == {1: 2, 2: 1, 3: 3}
        assert reopened.check_ins.completed("phq9") == []

    view = open_view(store)
    card = view.cards["phq9"]
    assert card.take_button.text() == "Continue where you left off"
    assert any("answered 3 of 9" in line for line in visible_texts(card))
    assert card.start_again_button.isVisibleTo(card)
    flow = take_by_keyboard(view, qtbot, "phq9")
    assert flow.progress.text() == "4 of 9"  # where the client left off
    flow.back()
    page = flow.current_options_page()
    assert page is not None and page.value() == 3

    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "overview"
    view.cards["phq9"].start_again_button.click()  # set aside, begin afresh
    assert flow_of(view).progress.text() == "Before you begin"
    assert store.check_ins.unfinished("phq9") is None


def test_item_9_above_0_shows_the_way_to_the_safety_plan_without_stopping(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    flow = take_by_keyboard(view, qtbot, "phq9")
    answer_by_keyboard(qtbot, dict.fromkeys(range(1, 9), 1), 8)
    assert flow.progress.text() == "9 of 9"
    note = flow.safety_notes[9]
    press(qtbot, Qt.Key.Key_0)
    assert not note.isVisibleTo(flow)
    press(qtbot, Qt.Key.Key_1)
    assert note.isVisibleTo(flow)
    assert note.objectName() == "offer"  # the calm amber style, not an alarm
    assert "safety plan" in note.message.text() and "!" not in note.message.text()
    draft = store.check_ins.unfinished("phq9")
    assert draft is not None and draft.answers[9] == 1
    with qtbot.waitSignal(view.safety_plan_requested):
        note.safety_plan_button.click()
    assert view.current_page() == "taking"  # never blocked: the questions wait

    assert note.continue_button is not None
    note.continue_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert flow.progress.text() == "One more question"
    flow.back()
    press(qtbot, Qt.Key.Key_0)  # changed back to 0: the note goes
    assert not note.isVisibleTo(flow)
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_Return)
    flow.skip_button.click()  # the difficulty question is skipped; it is not scored

    # The result keeps the way to the safety plan at hand.
    assert view.current_page() == "results"
    [stored] = store.check_ins.completed("phq9")
    assert stored.extra_answer is None
    assert score(questionnaire("phq9"), stored.answers).safety_flags == (9,)
    result_note = view.results.safety_note
    QApplication.processEvents()  # widgets added to a shown page appear on the next turn
    assert result_note is not None and result_note.isVisibleTo(view.results)
    with qtbot.waitSignal(view.safety_plan_requested):
        result_note.safety_plan_button.click()


def test_how_often_is_chosen_by_keyboard_and_kept(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    card = view.cards["gad7"]
    assert card.how_often.currentText() == "Every two weeks"  # the default
    card.how_often.setFocus()
    with qtbot.waitSignal(view.data_changed) as changed:
        press(qtbot, Qt.Key.Key_Down)
    assert changed.args == ["checkins"]
    assert every_days(store, "gad7") == 28
    assert focused() is card.how_often  # the refresh left the keyboard where it was
    press(qtbot, Qt.Key.Key_Down)
    assert every_days(store, "gad7") == 0
    assert "Not suggested, as you chose" in card.next_suggested.text()
    assert every_days(store, "phq9") == 14

    view.close()
    again = open_view(store)
    assert again.cards["gad7"].how_often.currentText() == "Never"
    assert again.cards["phq9"].how_often.currentText() == "Every two weeks"


def test_the_change_since_last_time_is_shown_after_two_check_ins(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    finish_earlier(store, "phq9", all_items("phq9", 1), days_ago=15)  # 9, mild
    view = open_view(store)
    card = view.cards["phq9"]
    assert not card.change.isVisibleTo(card)  # one result: nothing to compare yet
    card.history_buttons[0].click()
    assert "Next time, you will see here how it has changed since this one." in visible_texts(
        view.results
    )
    press(qtbot, Qt.Key.Key_Escape)
    assert "Suggested again now" in card.next_suggested.text()  # 15 days, every 14

    take_by_keyboard(view, qtbot, "phq9")
    answers = all_items("phq9", 1) | {1: 0, 2: 0, 3: 0, 9: 0}  # 5
    answer_by_keyboard(qtbot, answers, 9)
    press(qtbot, Qt.Key.Key_0)
    press(qtbot, Qt.Key.Key_Return)
    assert "4 points lower than last time." in visible_texts(view.results)
    press(qtbot, Qt.Key.Key_Escape)
    assert card.change.text() == "4 points lower than the time before."
    assert [button.text().split(" · ")[1] for button in card.history_buttons] == [
        "5, in the mild range",
        "9, in the mild range",
    ]
    # An earlier result opens from the history, compared with nothing before it.
    card.history_buttons[1].setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert view.current_page() == "results"
    assert not any("than last time" in line for line in visible_texts(view.results))


def test_pcl5_describes_change_since_the_first_and_the_screening_cut_point(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    finish_earlier(store, "pcl5", all_items("pcl5", 2), days_ago=60)  # 40
    finish_earlier(store, "pcl5", all_items("pcl5", 2) | dict.fromkeys(range(1, 6), 1), 30)
    view = open_view(store)
    take_by_keyboard(view, qtbot, "pcl5")
    answers = all_items("pcl5", 2) | dict.fromkeys(range(1, 9), 1)  # 32
    answer_by_keyboard(qtbot, answers, 20)
    shown = visible_texts(view.results)
    assert "3 points lower than last time." in shown
    assert any(
        line.startswith("Your score has changed by 8 points since your first, on ")
        and line.endswith(": from 40 to 32.")
        for line in shown
    )
    assert questionnaire("pcl5").change_words in shown  # 8 points: short of the 10 published
    assert (
        "Your score is at the screening cut-point, 31 to 33. "
        "Talking it over with your clinician may help." in shown
    )


def test_every_focusable_widget_has_an_accessible_name(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    finish_earlier(store, "pcl5", all_items("pcl5", 1), days_ago=20)
    view = open_view(store)

    def named(state: str) -> None:
        QApplication.processEvents()
        focusable = [
            widget
            for widget in view.findChildren(QWidget)
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(view)
        ]
        assert focusable, state
        for widget in focusable:
            assert widget.accessibleName(), f"{state}: {widget!r}"

    named("overview")
    flow = take_by_keyboard(view, qtbot, "phq9")
    named("introduction")
    answer_by_keyboard(qtbot, dict.fromkeys(range(1, 9), 0), 8)
    press(qtbot, Qt.Key.Key_2)
    named("item 9 with the safety note")
    press(qtbot, Qt.Key.Key_Return)
    named("the difficulty question")
    flow.back()
    flow.back()
    flow.skip_button.click()
    flow.skip_button.click()
    flow.skip_button.click()
    named("before finishing")
    press(qtbot, Qt.Key.Key_Escape)
    named("overview with a draft")
    view.cards["pcl5"].history_buttons[0].click()
    named("a result")


def test_nothing_is_clipped_in_the_smallest_window(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    finish_earlier(store, "phq9", all_items("phq9", 2), days_ago=20)
    finish_earlier(store, "pcl5", all_items("pcl5", 2), days_ago=40)
    view = open_view(store)
    view.resize(SMALLEST)

    def nothing_clipped(state: str) -> None:
        qtbot.waitUntil(lambda: clipped_labels(view) == [], timeout=3000)

    nothing_clipped("overview")
    flow = take_by_keyboard(view, qtbot, "pcl5")
    nothing_clipped("introduction")
    press(qtbot, Qt.Key.Key_Return)
    nothing_clipped("an item with the longest instructions")
    flow.go_to(9)
    nothing_clipped("a long item")
    press(qtbot, Qt.Key.Key_Escape)
    flow = take_by_keyboard(view, qtbot, "phq9")
    answer_by_keyboard(qtbot, dict.fromkeys(range(1, 9), 3), 8)
    press(qtbot, Qt.Key.Key_3)
    nothing_clipped("item 9 with the safety note")
    press(qtbot, Qt.Key.Key_Return)
    nothing_clipped("the difficulty question")
    press(qtbot, Qt.Key.Key_1)
    press(qtbot, Qt.Key.Key_Return)
    assert view.current_page() == "results"
    nothing_clipped("a result")
    press(qtbot, Qt.Key.Key_Escape)
    view.cards["pcl5"].history_buttons[0].click()
    nothing_clipped("a PCL-5 result")


@pytest.mark.parametrize(
    ("locale_name", "written"),
    [
        ("en_GB", "9 November 2026"),
        ("en_US", "November 9, 2026"),
        ("de_DE", "9. November 2026"),
        ("ja_JP", "2026年11月9日"),
        ("hu_HU", "2026. november 9."),
    ],
)
def test_dates_are_the_locales_long_date_without_the_weekday(
    locale_name: str, written: str
) -> None:
    assert day_of(date(2026, 11, 9), QLocale(locale_name)) == written


def test_tab_follows_the_cards_in_reading_order(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    finish_earlier(store, "phq9", all_items("phq9", 1), days_ago=30)
    finish_earlier(store, "phq9", all_items("phq9", 2), days_ago=10)
    finish_earlier(store, "gad7", all_items("gad7", 1), days_ago=10)
    view = open_view(store)
    phq9, gad7, pcl5 = (view.cards[key] for key in ("phq9", "gad7", "pcl5"))
    expected = [
        phq9.take_button,
        phq9.how_often,
        *phq9.history_buttons,
        gad7.take_button,
        gad7.how_often,
        *gad7.history_buttons,
        pcl5.take_button,
        pcl5.how_often,
    ]
    assert len(phq9.history_buttons) == 2
    phq9.take_button.setFocus()
    for widget in expected[1:]:
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is widget, (focused().accessibleName(), widget.accessibleName())


def test_an_incomplete_pcl5_names_what_is_missing_and_scores_no_group_as_zero(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    answers = {n: v for n, v in all_items("pcl5", 3).items() if n not in (3, 7)}
    finish_earlier(store, "pcl5", answers, days_ago=3)
    view = open_view(store)
    view.cards["pcl5"].history_buttons[0].setFocus()
    press(qtbot, Qt.Key.Key_Return)
    shown = visible_texts(view.results)
    assert "Items 3 and 7 were not answered, so there is no total this time." in shown
    assert "B · Intrusion (items 1–5): no score, as item 3 was not answered" in shown
    assert "C · Avoidance (items 6–7): no score, as item 7 was not answered" in shown
    assert "D · Negative alterations in cognitions and mood (items 8–14): 21 out of 28" in shown
    assert not any("31 to 33" in line for line in shown)  # no total, so no reference line
    assert "no total, 2 questions not answered" in view.cards["pcl5"].history_buttons[0].text()


def test_a_finished_check_in_moves_to_recently_deleted_from_its_result(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    finish_earlier(store, "gad7", all_items("gad7", 1), days_ago=20)  # 7
    finish_earlier(store, "gad7", all_items("gad7", 2), days_ago=3)  # 14
    view = open_view(store)
    card = view.cards["gad7"]
    assert len(card.history_buttons) == 2
    card.history_buttons[0].setFocus()  # the newest
    press(qtbot, Qt.Key.Key_Space)
    assert view.current_page() == "results"
    tab_to(qtbot, view.results.delete_button)
    assert view.results.delete_button.accessibleName() == "Move this check-in to recently deleted"

    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen, choose="Move to recently deleted")
    with qtbot.waitSignal(view.data_changed) as changed:
        press(qtbot, Qt.Key.Key_Space)
    ((title, words),) = seen
    assert title == "Move this check-in to recently deleted?"
    assert words.startswith("Your GAD-7 of ")
    assert "bring it back from Recently deleted for 30 days" in words
    assert changed.args == ["checkins"]
    assert view.current_page() == "overview"
    assert focused() is card.take_button
    assert [button.text().split(" · ")[1] for button in card.history_buttons] == [
        "7, in the mild range"
    ]
    assert len(store.check_ins.completed("gad7")) == 1
    (item,) = store.deleted.items()
    store.deleted.restore(item.kind, item.id)
    view.refresh()
    assert len(card.history_buttons) == 2
