"""The guided reflection, driven by keyboard through the real window, with a real store."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kapcompanion.domain import NewSession, Phase, ReflectionStatus
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import (
    begin_reflection,
    focusable_widgets,
    focused,
    press,
    to_the_themes_step,
)
from ui.changes import DataKind
from ui.main_window import MainWindow
from ui.widgets.autosave import SAVE_AFTER_PAUSE_MS
from ui.widgets.breathing_pacer import GroundingPause

CTRL = Qt.KeyboardModifier.ControlModifier


def add_session_yesterday(window: MainWindow) -> int:
    assert window.store is not None
    held_at = (datetime.now() - timedelta(days=1)).astimezone()
    return int(window.store.sessions.add(NewSession(held_at=held_at, number_in_course=1)).id)


def store_of(window: MainWindow) -> Store:
    assert window.store is not None
    return window.store


def test_a_whole_reflection_by_keyboard(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    session_id = add_session_yesterday(window)
    window.data_changed.emit(DataKind.SESSIONS)
    window.show_destination("reflect")
    view = window.reflect_view
    assert view.phase_choice.currentData() == Phase.NEXT_DAY.value  # due the day after
    wizard = begin_reflection(window, qtbot)
    assert wizard.progress.text() == "Before you begin"

    for _ in range(6):
        press(qtbot, Qt.Key.Key_Right)  # distress 6 at the start
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert wizard.progress.text() == f"Question 1 of {len(wizard.prompt_pages)}"
    qtbot.keyClicks(QApplication.focusWidget(), "I slept long. My chest feels lighter.")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    wizard.skip_button.click()  # question 2: skipped, nothing written
    qtbot.keyClicks(QApplication.focusWidget(), "I keep hearing the cello.")
    wizard.back_button.click()
    wizard.back_button.click()
    assert "lighter" in wizard.prompt_pages[0].editor.toPlainText()
    for _ in range(len(wizard.prompt_pages)):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Right)  # distress 3 at the end
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "Rest is allowed.")
    press(qtbot, Qt.Key.Key_Return, CTRL)

    body = [box for box in wizard.findChildren(QCheckBox) if box.text().startswith("Body")]
    assert body and "chest" in body[0].text()
    body[0].setFocus()
    press(qtbot, Qt.Key.Key_Space)
    with qtbot.waitSignal(wizard.finished):
        press(qtbot, Qt.Key.Key_Return, CTRL)  # finish
        assert wizard.progress.text() == "Saved"
        press(qtbot, Qt.Key.Key_Return, CTRL)  # close

    store = store_of(window)
    [reflection] = store.reflections.list()
    saved = store.reflections.get(reflection.id)
    assert saved.status is ReflectionStatus.COMPLETE
    assert saved.session_id == session_id
    assert (saved.distress_start, saved.distress_end) == (6, 3)
    answers = {a.position: a for a in saved.answers}
    assert answers[1].text == "I slept long. My chest feels lighter."
    assert answers[2].skipped and answers[2].text == ""
    assert answers[3].text == "I keep hearing the cello."
    assert answers[1].prompt_text == wizard.prompt_pages[0].prompt.text
    assert [i.text for i in store.insights.list()] == ["Rest is allowed."]
    assert store.themes.keys_for_reflection(saved.id) == ["body"]
    assert view.wizard is None


def test_typing_is_saved_within_two_seconds_without_leaving_the_page(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    wizard = begin_reflection(window, qtbot)
    wizard.next()
    qtbot.keyClicks(QApplication.focusWidget(), "Words that must not be lost")
    store = store_of(window)

    def saved() -> bool:
        answers = store.reflections.get(wizard.reflection_id).answers
        return any(a.text == "Words that must not be lost" for a in answers)

    assert not saved()
    qtbot.waitUntil(saved, timeout=SAVE_AFTER_PAUSE_MS + 500)


def test_pause_with_escape_and_resume_where_you_left_off(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    wizard = begin_reflection(window, qtbot)
    wizard.start_scale.slider.setValue(4)
    wizard.next()
    wizard.next()
    qtbot.keyClicks(QApplication.focusWidget(), "Half a thought")
    reflection_id = wizard.reflection_id
    with qtbot.waitSignal(wizard.paused):
        press(qtbot, Qt.Key.Key_Escape)
    view = window.reflect_view
    assert view.wizard is None
    [draft] = store_of(window).reflections.unfinished()
    assert draft.id == reflection_id
    assert draft.distress_start == 4

    window.show_destination("home")
    resume = [
        b
        for b in window.home.findChildren(QPushButton)
        if b.text() == "Continue where you left off"
    ]
    assert resume
    resume[0].click()
    assert window.current_destination() == "reflect"
    again = view.wizard
    assert again is not None and again.reflection_id == reflection_id
    assert again.position == 2
    assert again.prompt_pages[1].editor.toPlainText() == "Half a thought"
    assert again.start_scale.value() == 4


def test_high_distress_gently_offers_a_breathing_pause(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    wizard = begin_reflection(window, qtbot)
    wizard.start_scale.slider.setValue(5)
    assert not wizard.start_offer.isVisibleTo(wizard)
    wizard.start_scale.slider.setValue(8)
    assert wizard.start_offer.isVisibleTo(wizard)
    offer_button = wizard.start_offer.findChild(QPushButton)
    assert offer_button is not None
    offer_button.click()
    pause = wizard.findChild(GroundingPause)
    assert pause is not None and pause.isVisible()
    qtbot.waitUntil(lambda: "Breathe" in pause.pacer.instruction.text(), timeout=1000)
    assert pause.pacer.circle.isVisibleTo(pause)
    carry_on = [b for b in pause.findChildren(QPushButton) if b.text() == "Continue when ready"]
    carry_on[0].click()
    assert not pause.isVisible()
    assert wizard.position == 0  # nothing was forced: the client is where they were


def test_reduce_motion_shows_a_count_instead_of_a_moving_circle(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    window.settings_view.reduce_motion_box.setChecked(True)
    wizard = begin_reflection(window, qtbot)
    wizard.start_scale.slider.setValue(9)
    wizard.offer_grounding()
    pause = wizard.findChild(GroundingPause)
    assert pause is not None
    assert not pause.pacer.circle.isVisibleTo(pause)
    assert "Breathe in" in pause.pacer.instruction.text()
    with qtbot.waitSignal(wizard.paused):
        [stop] = [b for b in pause.findChildren(QPushButton) if b.text() == "Stop for now"]
        stop.click()


def test_the_client_can_add_a_theme_of_their_own(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    wizard = begin_reflection(window, qtbot)
    for _ in range(len(wizard.prompt_pages) + 3):
        wizard.next()
    assert wizard.next_button.text() == "Finish"
    QApplication.processEvents()  # nothing was suggested: the keys start on one's own theme
    assert focused() is wizard.other_theme or wizard.other_theme.isAncestorOf(focused())
    wizard.other_theme.setEditText("Music")
    wizard.add_other_theme()
    music = [box for box in wizard.findChildren(QCheckBox) if box.text() == "Music"]
    assert music and music[0].isChecked()
    wizard.finish()
    keys = store_of(window).themes.keys_for_reflection(wizard.reflection_id)
    assert keys == ["own_music"]


def test_the_themes_step_starts_on_a_theme_never_on_finish(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    wizard = begin_reflection(window, qtbot)
    wizard.prompt_pages[0].editor.setPlainText("My chest was tight and my body felt heavy.")
    to_the_themes_step(wizard)
    QApplication.processEvents()  # the step's theme boxes show on the next turn
    first = focused()
    assert isinstance(first, QCheckBox) and first.text().startswith("Body")
    press(qtbot, Qt.Key.Key_Space)
    assert first.isChecked()
    assert store_of(window).reflections.unfinished()  # that Space finished nothing

    wizard.back()
    wizard.next()  # back on the themes step: still a theme first, never Finish
    QApplication.processEvents()
    assert isinstance(focused(), QCheckBox)


def test_leaving_the_themes_step_at_once_leaves_focus_where_the_client_went(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    wizard = begin_reflection(window, qtbot)
    wizard.prompt_pages[0].editor.setPlainText("My chest was tight and my body felt heavy.")
    to_the_themes_step(wizard)
    wizard.back()  # before the themes step's boxes have even shown
    QApplication.processEvents()
    assert focused() is wizard.insight_fields[0]


@pytest.mark.parametrize(
    "answer",
    [
        "شعرت بالهدوء بعد الجلسة",  # right-to-left
        "🌿🫶 okay-ish 🙂",
        "",
        "Ich atme. " * 100_000,  # about 1 MB
    ],
    ids=["right-to-left", "emoji", "empty", "one-megabyte"],
)
def test_any_answer_is_kept_exactly(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot, answer: str
) -> None:
    window = open_window(profile)
    wizard = begin_reflection(window, qtbot)
    wizard.next()
    wizard.prompt_pages[0].editor.setPlainText(answer)
    wizard.next()
    saved = store_of(window).reflections.get(wizard.reflection_id).answers
    first = [a for a in saved if a.prompt_id == wizard.prompt_pages[0].prompt.id]
    if answer:
        assert first[0].text == answer
    else:
        assert first == [] or first[0].text == ""


def test_closing_the_window_saves_what_is_being_written(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    wizard = begin_reflection(window, qtbot)
    wizard.next()
    wizard.prompt_pages[0].editor.setPlainText("Written just before closing")
    window.close()
    answers = store_of(window).reflections.get(wizard.reflection_id).answers
    assert [a.text for a in answers] == ["Written just before closing"]


def test_every_control_in_the_wizard_has_an_accessible_name(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    wizard = begin_reflection(window, qtbot)
    for position in range(wizard.steps.count() - 1):
        wizard.go_to(position)
        QApplication.processEvents()
        for widget in focusable_widgets(wizard):
            assert widget.accessibleName(), (position, widget)
        for page in wizard.prompt_pages:
            assert page.editor.accessibleName() == page.prompt.text


def test_home_mentions_a_follow_up_that_is_ready_and_leads_to_it(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    add_session_yesterday(window)
    window.data_changed.emit(DataKind.SESSIONS)
    QApplication.processEvents()
    texts = " ".join(
        label.text() for label in window.home.findChildren(QLabel) if label.isVisibleTo(window.home)
    )
    assert "Ready when you are" in texts
    # Yesterday's session invites the same-day and the next-day reflection, each on its own.
    assert "Later the same day" in texts
    assert "The next day" in texts
    assert "After your session on" in texts
    [reflect] = [
        b
        for b in window.home.findChildren(QPushButton)
        if b.accessibleName().startswith("Begin: The next day, after your session")
    ]
    reflect.click()
    assert window.current_destination() == "reflect"
    assert window.reflect_view.phase_choice.currentData() == Phase.NEXT_DAY.value


def test_reflect_on_this_session_opens_reflect_with_that_session_chosen(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    session_id = add_session_yesterday(window)
    window.show_destination("sessions")
    sessions = window.sessions_view
    sessions.open_session(session_id)
    QApplication.processEvents()
    [reflect] = [
        b
        for b in sessions.findChildren(QPushButton)
        if b.text() == "Reflect on this session" and b.isVisibleTo(sessions)
    ]
    reflect.click()
    assert window.current_destination() == "reflect"
    view = window.reflect_view
    assert view.session_choice.currentData() == session_id
    assert view.phase_choice.currentData() == Phase.NEXT_DAY.value


def test_distress_can_be_rated_zero_by_keyboard_chosen_by_number_and_cleared(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    wizard = begin_reflection(window, qtbot)
    store = store_of(window)
    assert wizard.start_scale.value() is None
    press(qtbot, Qt.Key.Key_Left)  # already at the left end: still a rating of 0
    qtbot.waitUntil(lambda: wizard.start_scale.value() == 0, timeout=1000)
    assert store.reflections.get(wizard.reflection_id).distress_start == 0
    press(qtbot, Qt.Key.Key_7)
    assert wizard.start_scale.value() == 7
    assert wizard.start_offer.isVisibleTo(wizard)
    assert store.reflections.get(wizard.reflection_id).distress_start == 7
    wizard.start_scale.clear_button.click()
    assert wizard.start_scale.value() is None
    assert not wizard.start_offer.isVisibleTo(wizard)
    assert store.reflections.get(wizard.reflection_id).distress_start is None
