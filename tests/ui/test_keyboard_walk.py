"""One walk by keyboard alone through every place in the app, with the sample course and with
an empty profile, as a person who cannot or will not use a mouse would go.

For each place (a screen, a page within one, a step of the reflection wizard or of a
questionnaire, a dialog) Tab alone goes round from where the place puts focus and comes back:
on the way it reaches every control a person can see and use, each with a name a screen reader
can say. Each control answers the keys made for it (Space ticks a box, arrows move a slider,
a spin box or a list of choices, typing reaches a field), and is put back as it was. Esc then
leaves the place (back to its parent page, pausing the flow, closing the dialog, or to the
sidebar from a screen of its own) without changing anything stored.

One window per profile serves the screens, their pages, the dialogs and a questionnaire left
unanswered (opening one per place would take minutes); each test first puts the screen it needs
back at its first page, so the tests do not depend on each other. A reflection is a draft from
its first step, so the wizard walks in a window of its own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollBar,
    QStackedWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kapcompanion.domain import DeletedKind
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import focusable_widgets, focused, press, type_text
from ui.application import create_application, window_settings
from ui.checkins.flow import CheckInFlow
from ui.insights.card import InsightCard
from ui.main_window import MainWindow
from ui.widgets.choices import MultiChoice
from ui.widgets.shortcuts import QUICK_CHECK_IN_KEYS, QUICK_PRACTICE_KEYS
from ui.widgets.style import apply_style, stored_colour_scheme

TAB_LIMIT = 150  # more Tab presses than any place has controls: reaching it means a trap


# Walking ----------------------------------------------------------------------------------------


def described(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.accessibleName()!r}"


def tab_round(qtbot: QtBot) -> list[QWidget]:
    """Press Tab from the focused control until focus comes back to it; the controls visited.

    A control that keeps focus for a Tab (a time field moves from hours to minutes) is passed
    once it lets go; coming back to any other control first is a trap."""
    first = focused()
    visited = [first]
    for _ in range(TAB_LIMIT):
        press(qtbot, Qt.Key.Key_Tab)
        now = focused()
        if now is first:
            return visited
        if now is visited[-1]:
            continue
        assert now not in visited, (
            f"Tab goes round without reaching {described(first)} again: "
            f"{[described(w) for w in visited]} then {described(now)}"
        )
        visited.append(now)
    raise AssertionError(f"Tab never came back: {[described(w) for w in visited]}")


def part_of_a_named_control(widget: QWidget) -> bool:
    """The editing line inside a spin box or a combo box: Qt gives it the focus, and a screen
    reader names it by the control it belongs to, which must be named."""
    parent = widget.parentWidget()
    return (
        isinstance(widget, QLineEdit)
        and isinstance(parent, QAbstractSpinBox | QComboBox)
        and bool(parent.accessibleName())
    )


def reached(widget: QWidget, visited: list[QWidget]) -> bool:
    """Tab reached `widget`, its focus proxy, or (for one of a group of radio buttons, which is
    a single Tab stop whose choices the arrows move between) its group's checked choice."""
    if widget in visited or widget.focusProxy() in visited:
        return True
    if part_of_a_named_control(widget):
        return widget.parentWidget() in visited
    if isinstance(widget, QRadioButton):
        group = widget.group()
        siblings = (
            group.buttons()
            if group is not None
            else [w for w in visited if w.parentWidget() is widget.parentWidget()]
        )
        return any(isinstance(w, QRadioButton) and w in siblings for w in visited)
    return False


def operate(qtbot: QtBot, widget: QWidget) -> None:
    """Use `widget` by the keys made for it, and put it back as it was."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    name = described(widget)
    if isinstance(widget, QCheckBox) and not widget.isTristate():
        before = widget.isChecked()
        press(qtbot, Qt.Key.Key_Space)
        assert widget.isChecked() is not before, f"Space does not tick {name}"
        press(qtbot, Qt.Key.Key_Space)
        assert widget.isChecked() is before, name
    elif isinstance(widget, MultiChoice) and widget.count() > 0:
        chosen = widget.chosen()
        press(qtbot, Qt.Key.Key_Down)
        assert widget.view().isVisible(), f"arrows do not open {name}"
        press(qtbot, Qt.Key.Key_Space)
        assert widget.chosen() != chosen, f"Space does not tick a choice in {name}"
        press(qtbot, Qt.Key.Key_Space)
        assert widget.chosen() == chosen, name
        press(qtbot, Qt.Key.Key_Escape)
        assert not widget.view().isVisible(), f"Esc does not close {name}"
        assert focused() is widget, name
    elif isinstance(widget, QComboBox) and widget.count() > 1 and not widget.isEditable():
        before_index = widget.currentIndex()
        there, back = (
            (Qt.Key.Key_Down, Qt.Key.Key_Up)
            if before_index < widget.count() - 1
            else (Qt.Key.Key_Up, Qt.Key.Key_Down)
        )
        press(qtbot, there)
        assert widget.currentIndex() != before_index, f"arrows do not move {name}"
        press(qtbot, back)
        assert widget.currentIndex() == before_index, name
    elif isinstance(widget, QAbstractSlider) and not isinstance(widget, QScrollBar):
        before_value = widget.value()
        there, back = (
            (Qt.Key.Key_Right, Qt.Key.Key_Left)
            if before_value < widget.maximum()
            else (Qt.Key.Key_Left, Qt.Key.Key_Right)
        )
        press(qtbot, there)
        assert widget.value() != before_value, f"arrows do not move {name}"
        press(qtbot, back)
        assert widget.value() == before_value, name
    elif isinstance(widget, QAbstractSpinBox) and not widget.isReadOnly():
        before_text = widget.text()
        up, down = Qt.Key.Key_Up, Qt.Key.Key_Down
        press(qtbot, up)
        if widget.text() == before_text:  # at its highest: down first
            up, down = down, up
            press(qtbot, up)
        assert widget.text() != before_text, f"arrows do not change {name}"
        press(qtbot, down)
        assert widget.text() == before_text, name
    elif isinstance(widget, QLineEdit) and not widget.isReadOnly():
        if part_of_a_named_control(widget):
            return
        before_line = widget.text()
        widget.end(False)
        type_text(qtbot, "a")
        assert widget.text() == before_line + "a", f"typing does not reach {name}"
        press(qtbot, Qt.Key.Key_Backspace)
        assert widget.text() == before_line, name
    elif isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.isReadOnly():
        before_words = widget.toPlainText()
        widget.moveCursor(widget.textCursor().MoveOperation.End)
        type_text(qtbot, "a")
        assert widget.toPlainText() == before_words + "a", f"typing does not reach {name}"
        press(qtbot, Qt.Key.Key_Backspace)
        assert widget.toPlainText() == before_words, name


def walk(
    qtbot: QtBot, root: QWidget, place: QWidget, *, leave_alone: tuple[QWidget, ...] = ()
) -> None:
    """Tab round `root` (a window or a dialog) from where its focus is: every control reached
    and named; each one in `place` used by keyboard and put back (but those in `leave_alone`:
    the place's own controls, as others, such as a filter above an open card, change it);
    focus back where it began."""
    QApplication.processEvents()  # a page's controls show, and its focus lands, on a turn
    start = focused()
    visited = tab_round(qtbot)
    controls = [w for w in focusable_widgets(root) if w.isEnabled()]
    assert controls, "nothing here takes focus"
    unreached = [described(w) for w in controls if not reached(w, visited)]
    assert not unreached, f"Tab never reaches {unreached}"
    unnamed = [
        f"{type(w).__name__} in {type(w.parentWidget()).__name__}"
        for w in {*controls, *visited}
        if not w.accessibleName() and not part_of_a_named_control(w)
    ]
    assert not unnamed, f"no accessible name: {unnamed}"
    for widget in visited:
        if (widget is place or place.isAncestorOf(widget)) and widget not in leave_alone:
            operate(qtbot, widget)
    start.setFocus(Qt.FocusReason.OtherFocusReason)


def stored(profile: Profile) -> list[str]:
    """Everything in the profile's data file, as SQL text, read beside the app's own
    connection: what a change would show up in."""
    uri = Path(profile.database_path).as_uri() + "?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        return list(connection.iterdump())


def leave_by_escape(qtbot: QtBot, profile: Profile) -> None:
    """Esc, checking it changes nothing stored."""
    before = stored(profile)
    press(qtbot, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert stored(profile) == before, "Esc changed what is stored"


# One window per profile -------------------------------------------------------------------------


@dataclass
class Opened:
    window: MainWindow
    profile: Profile
    sample: bool


@pytest.fixture(scope="module", params=["sample course", "empty profile"])
def opened(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, qapp: QApplication
) -> Iterator[Opened]:
    """A main window on the sample course or an empty profile, shown and active, its data open
    (built as tests/ui/conftest.open_window builds one, but once for the whole walk)."""
    sample = request.param == "sample course"
    profile = Profile(tmp_path_factory.mktemp("walk") / "profile")
    profile.ensure_exists()
    if sample:
        from kapcompanion.demo import fill_demo

        with Store.open(profile.database_path) as store:
            fill_demo(store)
    create_application()
    settings = window_settings(profile)
    apply_style(qapp, stored_colour_scheme(settings))
    window = MainWindow(profile, settings)
    window.built_while_idle = ()
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    window.open_profile()
    yield Opened(window, profile, sample)
    window.close()
    window.close_store()
    window.deleteLater()
    QApplication.processEvents()


# Screens and their pages ------------------------------------------------------------------------

SCREENS = [
    "home",
    "sessions",
    "reflect",
    "journal",
    "insights",
    "trends",
    "checkins",
    "practices",
    "report",
    "support",
    "settings",
]


@pytest.mark.parametrize("key", SCREENS)
def test_a_screen_by_keyboard(opened: Opened, qtbot: QtBot, key: str) -> None:
    window = opened.window
    back_at_the_start(window, key)
    walk_a_screen(qtbot, opened, key)
    assert [destination.key for destination in window.destinations] == SCREENS
    row = SCREENS.index(key)
    assert window.navigation_model.item(row).data(Qt.ItemDataRole.AccessibleTextRole)


def walk_a_screen(qtbot: QtBot, opened: Opened, key: str) -> None:
    """The screen `key` (at whatever page it shows) walked round from the sidebar, then left
    by Esc for the sidebar."""
    window = opened.window
    window.show_destination(key)
    page = window.page(key)
    assert page.accessibleName(), key
    window.sidebar.setFocus(Qt.FocusReason.OtherFocusReason)
    walk(qtbot, window, page, leave_alone=leave_alone_on(window, key))
    focusable_widgets(page)[-1].setFocus(Qt.FocusReason.TabFocusReason)
    leave_by_escape(qtbot, opened.profile)
    assert focused() is window.sidebar
    assert window.pages.currentWidget() is page


def leave_alone_on(window: MainWindow, key: str) -> tuple[QWidget, ...]:
    """Controls the walk does not use: on Settings the box that adds KAP Companion to the
    computer's start-up (it writes outside the profile; tests/ui/settings covers it)."""
    if key == "settings":
        return (window.settings_view.reminders.autostart_box,)
    return ()


def first_session(window: MainWindow) -> int:
    return int(window.sessions_view.model.summary(0).session.id)


def journal_entry(window: MainWindow, *, difficult: bool) -> int:
    [entry, *_] = [e for e in window.journal_view.model.entries() if e.is_difficult is difficult]
    return int(entry.reflection_id)


def changing_an_answer(window: MainWindow) -> None:
    journal = window.journal_view
    journal.open_entry(journal_entry(window, difficult=False))
    journal.detail.answer_cards[0].start_editing()


def a_quick_check_in(profile: Profile) -> int:
    with Store.open(profile.database_path) as store:
        return int(store.check_ins.distress_ratings()[0].id)


def a_questionnaire(profile: Profile) -> int:
    with Store.open(profile.database_path) as store:
        return int(store.check_ins.completed("phq9")[0].id)


def an_insight(window: MainWindow) -> InsightCard:
    view = window.insights_view
    card = view.open_insight(int(view.shown_insights()[0].insight.id))
    assert card is not None
    return card


def card_shows(window: MainWindow, panel: Callable[[InsightCard], bool]) -> bool:
    """An insight's card is open, showing `panel` (the words or themes being changed)."""
    card = window.insights_view.open_card()
    assert card is not None, "the card closed"
    return panel(card)


def show_support_part(part: str) -> Callable[[Opened], object]:
    return lambda o: getattr(o.window.support_view, f"show_{part}")()


@dataclass(frozen=True)
class Page:
    """A page within a screen: how to open it, and where Esc should lead from it."""

    screen: str
    open: Callable[[Opened], object]
    left: Callable[[MainWindow], bool]
    needs_sample: bool = True
    # Where the walk uses controls by keyboard: the screen, or the open card.
    place: Callable[[MainWindow], QWidget | None] | None = None


PAGES = {
    "a session's page": Page(
        "sessions",
        lambda o: o.window.sessions_view.open_session(first_session(o.window)),
        lambda w: w.sessions_view.current_page() == "list",
    ),
    "a new session's form": Page(
        "sessions",
        lambda o: o.window.sessions_view.add_session(),
        lambda w: w.sessions_view.current_page() == "list",
        needs_sample=False,
    ),
    "a session's edit form": Page(
        "sessions",
        lambda o: o.window.sessions_view.edit_session(first_session(o.window)),
        lambda w: w.sessions_view.current_page() == "session",
    ),
    "the journal's filters": Page(
        "journal",
        lambda o: o.window.journal_view.filters_button.click(),
        lambda w: w.journal_view.current_page() == "timeline",
    ),
    "a reflection in the journal": Page(
        "journal",
        lambda o: o.window.journal_view.open_entry(journal_entry(o.window, difficult=False)),
        lambda w: w.journal_view.current_page() == "timeline",
    ),
    "an answer being changed in the journal": Page(
        "journal",
        lambda o: changing_an_answer(o.window),
        # Esc goes back, as from the reflection, and keeps what was typed (tests/ui/journal).
        lambda w: w.journal_view.current_page() == "timeline",
    ),
    "the journal's question before a difficult entry": Page(
        "journal",
        lambda o: o.window.journal_view.open_entry(journal_entry(o.window, difficult=True)),
        lambda w: w.journal_view.current_page() == "timeline",
    ),
    "a quick check-in in the journal": Page(
        "journal",
        lambda o: o.window.journal_view.open_check_in(a_quick_check_in(o.profile)),
        lambda w: w.journal_view.current_page() == "timeline",
    ),
    "recently deleted": Page(
        "journal",
        lambda o: o.window.journal_view.show_recently_deleted(),
        lambda w: w.journal_view.current_page() == "timeline",
        needs_sample=False,
    ),
    "an insight's card": Page(
        "insights",
        lambda o: an_insight(o.window),
        lambda w: w.insights_view.open_card() is None,
        place=lambda w: w.insights_view.open_card(),
    ),
    "an insight's words being changed": Page(
        "insights",
        lambda o: an_insight(o.window).start_editing(),
        lambda w: not card_shows(w, InsightCard.is_editing),
        place=lambda w: w.insights_view.open_card(),
    ),
    "an insight's themes being chosen": Page(
        "insights",
        lambda o: an_insight(o.window).start_theming(),
        lambda w: not card_shows(w, InsightCard.is_choosing_themes),
        place=lambda w: w.insights_view.open_card(),
    ),
    "a questionnaire's result": Page(
        "checkins",
        lambda o: o.window.check_ins_view.show_result(a_questionnaire(o.profile)),
        lambda w: w.check_ins_view.current_page() == "overview",
    ),
    "the medication list": Page(
        "practices",
        lambda o: o.window.practices_view.show_medications(),
        lambda w: w.focusWidget() is w.sidebar,
        needs_sample=False,
    ),
    **{
        f"support: {part}": Page(
            "support",
            show_support_part(part),
            lambda w: w.support_view.current_part() == "overview",
            needs_sample=False,
        )
        for part in ("grounding", "breathing", "safety_plan", "contacts")
    },
}


def back_at_the_start(window: MainWindow, key: str) -> None:
    """The screen `key` on show at its first page, as after a fresh start."""
    window.show_destination(key)
    if key == "sessions":
        window.sessions_view.show_list()
    elif key == "journal":
        window.journal_view.show_timeline()
        window.journal_view.filters_button.setChecked(False)
    elif key == "insights":
        window.insights_view.board_list.close_card()
    elif key == "checkins":
        window.check_ins_view.show_overview()
    elif key == "practices":
        window.practices_view.tabs.setCurrentIndex(0)
    elif key == "support":
        window.support_view.show_overview()
    QApplication.processEvents()


@pytest.mark.parametrize("name", PAGES)
def test_a_page_within_a_screen_by_keyboard(opened: Opened, qtbot: QtBot, name: str) -> None:
    page = PAGES[name]
    if page.needs_sample and not opened.sample:
        pytest.skip("an empty profile has no such page")
    window = opened.window
    back_at_the_start(window, page.screen)
    page.open(opened)
    place = window.page(page.screen) if page.place is None else page.place(window)
    assert place is not None
    sub_pages = getattr(window.page(page.screen), "pages", None)
    if isinstance(sub_pages, QStackedWidget):  # a screen of pages names the one it shows
        shown = sub_pages.currentWidget()
        assert shown is not None and shown.accessibleName(), name
    walk(qtbot, window, place)
    leave_by_escape(qtbot, opened.profile)
    assert page.left(window), f"Esc did not leave {name}"


# Dialogs ----------------------------------------------------------------------------------------


def a_practice_entry(opened: Opened) -> None:
    view = opened.window.practices_view
    with Store.open(opened.profile.database_path) as store:
        [entry, *_] = store.practices.entries()
    view.edit_entry(entry)


@dataclass(frozen=True)
class Dialog:
    """A dialog reached from a screen: how to open it, and where the window keeps it."""

    screen: str
    open: Callable[[Opened], object]
    shown: Callable[[MainWindow], QDialog | None]
    needs_sample: bool = False


DIALOGS = {
    "quick check-in (Ctrl+Shift+K)": Dialog(
        "home",
        lambda o: press_shortcut(o.window, QUICK_CHECK_IN_KEYS),
        lambda w: w.quick_check_in_dialog,
    ),
    "quick practice (Ctrl+Shift+D)": Dialog(
        "home",
        lambda o: press_shortcut(o.window, QUICK_PRACTICE_KEYS),
        lambda w: w.quick_practice_dialog,
    ),
    "practice reminders": Dialog(
        "practices",
        lambda o: o.window.practices_view.choose_reminders(),
        lambda w: w.practices_view.dialog,
    ),
    "a new medication": Dialog(
        "practices",
        lambda o: o.window.practices_view.add_medication(),
        lambda w: w.practices_view.dialog,
    ),
    "a logged practice": Dialog(
        "practices",
        a_practice_entry,
        lambda w: w.practices_view.dialog,
        needs_sample=True,
    ),
}


def press_shortcut(window: MainWindow, keys: str) -> None:
    """The key combination `keys` (as the app's shortcuts name it) pressed on the window."""
    sequence = QKeySequence(keys)[0]  # type: ignore[index]  # PySide's stubs lack it
    window.sidebar.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(focused(), sequence.key(), sequence.keyboardModifiers())


@pytest.mark.parametrize("name", DIALOGS)
def test_a_dialog_by_keyboard(opened: Opened, qtbot: QtBot, name: str) -> None:
    place = DIALOGS[name]
    if place.needs_sample and not opened.sample:
        pytest.skip("an empty profile has nothing to open it on")
    window = opened.window
    back_at_the_start(window, place.screen)
    place.open(opened)
    dialog = place.shown(window)
    assert dialog is not None and dialog.isVisible()

    def taken_by_the_dialog() -> bool:
        focus = QApplication.focusWidget()
        if focus is not None and dialog.isAncestorOf(focus):
            return True
        dialog.activateWindow()  # as a desktop does for a new dialog (offscreen, not always)
        return False

    qtbot.waitUntil(taken_by_the_dialog, timeout=2000)
    walk(qtbot, dialog, dialog)
    leave_by_escape(qtbot, opened.profile)
    assert not dialog.isVisible(), f"Esc did not close {name}"
    QApplication.processEvents()
    assert place.shown(window) is None


# The flows --------------------------------------------------------------------------------------


def review_position(flow: CheckInFlow) -> int:
    return flow.steps.indexOf(flow.review_page)


FLOW_STEPS: dict[str, Callable[[CheckInFlow], int]] = {
    "before you begin": lambda flow: 0,
    "a question": lambda flow: 1,
    "before you finish": review_position,
}


@pytest.mark.parametrize("step", FLOW_STEPS)
def test_a_questionnaire_by_keyboard(opened: Opened, qtbot: QtBot, step: str) -> None:
    window = opened.window
    back_at_the_start(window, "checkins")
    window.take_check_in("gad7")
    flow = window.check_ins_view.flow
    assert flow is not None
    flow.go_to(FLOW_STEPS[step](flow))
    walk(qtbot, window, flow)
    leave_by_escape(qtbot, opened.profile)  # nothing answered: nothing kept
    assert window.check_ins_view.current_page() == "overview", "Esc did not pause"


@pytest.mark.parametrize("sample", [True, False], ids=["sample course", "empty profile"])
def test_a_reflection_by_keyboard(
    open_window: WindowFactory,
    profile: Profile,
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    sample: bool,
) -> None:
    """Every step of the wizard, from the first rating to the themes and "Thank you": Esc
    pauses it at each (then it is taken up again where it was), and closes it once done."""
    if sample:
        request.getfixturevalue("demo_profile")  # fills `profile` with the sample course
    window = open_window(profile)
    reflect = window.reflect_view
    window.show_destination("reflect")
    reflect.begin_button.setFocus(Qt.FocusReason.OtherFocusReason)
    press(qtbot, Qt.Key.Key_Return)
    wizard = reflect.wizard
    assert wizard is not None
    reflection_id = wizard.reflection_id
    for position in range(wizard.steps.indexOf(wizard.done_step)):
        wizard.go_to(position)
        step = f"step {position}: {wizard.progress.text()}"
        walk(qtbot, window, wizard)
        leave_by_escape(qtbot, profile)
        assert reflect.wizard is None, f"Esc did not pause at {step}"
        # The keys go on to the paused reflection's Continue (they went nowhere).
        assert focused().accessibleName().startswith("Continue: "), step
        if position == 0:  # Home and Reflect offer the paused reflection: walk them too
            paused = Opened(window, profile, sample)
            walk_a_screen(qtbot, paused, "home")
            walk_a_screen(qtbot, paused, "reflect")
        reflect.resume(reflection_id)
        QApplication.processEvents()  # the step's focus lands on the next turn
        wizard = reflect.wizard
        assert wizard is not None and wizard.position == position, step
    wizard.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
    press(qtbot, Qt.Key.Key_Return)  # Finish
    assert wizard.steps.currentWidget() is wizard.done_step
    walk(qtbot, window, wizard)
    leave_by_escape(qtbot, profile)
    assert reflect.wizard is None, "Esc did not close the finished reflection"
    assert focused() is reflect.begin_button


def test_recently_deleted_with_something_in_it_by_keyboard(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    """Its list and its Restore and Delete buttons (the shared window has nothing deleted)."""
    with Store.open(demo_profile.database_path) as store:
        [reflection, *_] = store.reflections.list()
        store.deleted.move(DeletedKind.REFLECTION, reflection.id)
    window = open_window(demo_profile)
    window.show_destination("journal")
    journal = window.journal_view
    journal.show_recently_deleted()
    QApplication.processEvents()
    assert isinstance(focused(), QAbstractItemView), "the list takes the keys first"
    press(qtbot, Qt.Key.Key_Down)  # choose it: Restore and Delete can be pressed
    walk(qtbot, window, journal.recently_deleted)
    leave_by_escape(qtbot, demo_profile)
    assert journal.current_page() == "timeline"
