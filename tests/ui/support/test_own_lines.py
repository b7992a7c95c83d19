"""The client's own crisis lines on the People to contact page, driven by the keyboard on a real
store: added, changed and removed, each step taken back by Undo, and shown before every other
line, in Support and on the printed plan."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapcompanion.course.own_crisis_lines import OwnLine, own_lines, save_own_lines
from kapcompanion.course.support import COUNTRY_SETTING, CrisisLine, crisis_lines
from kapcompanion.store import Store
from tests.ui.helpers import focused, press, tab_to, type_text
from ui.application import create_application
from ui.support.own_line_dialog import OwnLineDialog
from ui.support.view import SupportView
from ui.support.wording import lines_in_order
from ui.widgets.style import ColourScheme, apply_style

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def view(qtbot: QtBot, qapp: QApplication, store: Store) -> Iterator[SupportView]:
    """The Support screen on the People to contact page, for the United Kingdom."""
    create_application()
    apply_style(qapp, ColourScheme.LIGHT)
    store.settings.set(COUNTRY_SETTING, "GB")
    shown = SupportView()
    qtbot.addWidget(shown)
    shown.resize(900, 720)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.set_store(store)
    shown.show_contacts()
    yield shown
    shown.close()


def open_dialog(qtbot: QtBot, button_name: str, view: SupportView) -> OwnLineDialog:
    card = view.contacts.own_lines
    QApplication.processEvents()
    buttons = [b for b in card.findChildren(type(card.add_button)) if b.isVisible()]
    (button,) = [b for b in buttons if b.accessibleName() == button_name]
    tab_to(qtbot, button)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: card.dialog is not None and card.dialog.isVisible(), timeout=2000)
    dialog = card.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    assert focused() is dialog.name_edit
    return dialog


def closed(view: SupportView, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: view.contacts.own_lines.dialog is None, timeout=2000)


def test_a_line_is_added_by_keyboard_and_shows_first(
    qtbot: QtBot, view: SupportView, store: Store
) -> None:
    panel = view.contacts
    assert panel.own_lines.empty_words.isVisible()
    open_dialog(qtbot, "Add a crisis line of your own", view)
    type_text(qtbot, "Riverside crisis team 🌻")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "+1 555 0142")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Ask for Sam")
    press(qtbot, Qt.Key.Key_Backtab)
    press(qtbot, Qt.Key.Key_Return)
    closed(view, qtbot)
    added = OwnLine("Riverside crisis team 🌻", "+1 555 0142", "Ask for Sam")
    assert own_lines(store) == (added,)
    texts = panel.crisis_line_texts()
    assert texts[0] == "Riverside crisis team 🌻: +1 555 0142 (Ask for Sam)"
    assert texts[1:] == ["Samaritans: 116 123", "Emergency services: 999"]
    assert not panel.own_lines.empty_words.isVisible()
    # The safety plan's "If you need someone now" and the printed plan put it first too.
    press(qtbot, Qt.Key.Key_Escape)
    view.show_safety_plan()
    assert view.someone_now.lines.text().splitlines()[0] == texts[0]
    printed = view.safety_plan.document().toPlainText()
    assert printed.index("Riverside crisis team") < printed.index("Samaritans")


def test_undo_and_redo_take_each_step_back_and_forth(
    qtbot: QtBot, view: SupportView, store: Store
) -> None:
    card = view.contacts.own_lines
    assert not card.undo_buttons.undo_button.isVisible()  # nothing to take back yet
    open_dialog(qtbot, "Add a crisis line of your own", view)
    type_text(qtbot, "Mum")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "07700 900123")
    press(qtbot, Qt.Key.Key_Return)
    closed(view, qtbot)
    assert own_lines(store) == (OwnLine("Mum", "07700 900123"),)
    assert focused() is card.add_button  # the keys stay in the card
    assert card.undo_buttons.undo_button.accessibleName() == "Undo: the line added"

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert own_lines(store) == ()
    assert view.contacts.crisis_line_texts() == ["Samaritans: 116 123", "Emergency services: 999"]
    press(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    assert own_lines(store) == (OwnLine("Mum", "07700 900123"),)
    assert view.contacts.crisis_line_texts()[0] == "Mum: 07700 900123"


def test_a_line_is_changed_and_removed_and_undo_brings_it_back(
    qtbot: QtBot, view: SupportView, store: Store
) -> None:
    save_own_lines(store, (OwnLine("Mum", "07700 900123"), OwnLine("Dr Okafor", "0161 496 0000")))
    view.load_from_store()
    dialog = open_dialog(qtbot, "Change Dr Okafor", view)
    assert dialog.contact_edit.text() == "0161 496 0000"
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Dr Okafor (after hours)")
    press(qtbot, Qt.Key.Key_Return)
    closed(view, qtbot)
    assert own_lines(store)[1] == OwnLine("Dr Okafor (after hours)", "0161 496 0000")

    QApplication.processEvents()  # the rebuilt rows show on the next turn of the event loop
    remove = [
        b
        for b in view.contacts.own_lines.findChildren(type(view.contacts.own_lines.add_button))
        if b.accessibleName() == "Remove Mum" and b.isVisible()
    ]
    tab_to(qtbot, remove[0])
    press(qtbot, Qt.Key.Key_Space)
    assert own_lines(store) == (OwnLine("Dr Okafor (after hours)", "0161 496 0000"),)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [line.name for line in own_lines(store)] == ["Mum", "Dr Okafor (after hours)"]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert own_lines(store)[1].name == "Dr Okafor"


@pytest.mark.parametrize(
    ("name", "words"),
    [("", "A line needs a name."), ("x" * 10_000, "up to 200 characters")],
)
def test_what_cannot_be_kept_is_said_beside_the_fields_and_nothing_is_saved(
    qtbot: QtBot, view: SupportView, store: Store, name: str, words: str
) -> None:
    dialog = open_dialog(qtbot, "Add a crisis line of your own", view)
    dialog.name_edit.setText(name)  # as a paste would
    dialog.contact_edit.setText("0142")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert words in dialog.problem.text()
    assert own_lines(store) == ()
    assert dialog.name_edit.text() == name  # nothing typed is lost
    press(qtbot, Qt.Key.Key_Escape)
    closed(view, qtbot)
    assert own_lines(store) == ()


def test_own_lines_come_before_the_plans_and_the_countrys() -> None:
    own = (OwnLine("Mine", "1"),)
    plan = (CrisisLine("Clinic line", "2"),)
    country = crisis_lines().for_country("NZ")
    assert lines_in_order(own, plan, country) == [
        "Mine: 1",
        "Clinic line: 2",
        "Need to talk?: Call or text 1737",
        "Emergency services: 111",
    ]


def test_the_own_lines_wait_for_the_data_while_it_is_locked(
    qtbot: QtBot, qapp: QApplication
) -> None:
    create_application()
    apply_style(qapp, ColourScheme.LIGHT)
    locked = SupportView()
    qtbot.addWidget(locked)
    locked.show_contacts()
    assert not locked.contacts.own_lines.add_button.isEnabled()
    locked.close()
