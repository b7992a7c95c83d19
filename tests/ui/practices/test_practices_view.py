"""The Practices screen by keyboard: the log (edit, move to recently deleted, undo, the
practices of one's own) and the medication list (add, stop, change, move away, undo), with
its one sentence that the app gives no advice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from kapcompanion.course.practice_reminders import reminders
from kapcompanion.domain import NewMedication, NewPracticeEntry, PracticeRef
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from kapcompanion.wording.domain import medication_list_note, practice_name
from tests.ui.conftest import ShowView, WindowFactory
from tests.ui.helpers import focused, press, tab_to, type_text, visible_texts
from ui.changes import DataKind
from ui.practices.entry_dialog import PracticeEntryDialog
from ui.practices.form import CheckedForm
from ui.practices.log_page import SHOWN_AT_ONCE, PracticeLogPage
from ui.practices.medication_dialog import MedicationDialog
from ui.practices.reminders_dialog import RemindersDialog
from ui.practices.row_delegate import RowRole
from ui.practices.view import PracticesView
from ui.recently_deleted.view import RecentlyDeletedView

MINDFULNESS = PracticeRef(builtin_key="mindfulness")


def log(store: Store, hours_ago: int, ref: PracticeRef = MINDFULNESS, minutes: int = 10) -> None:
    done_at = datetime.now(UTC) - timedelta(hours=hours_ago)
    store.practices.log(NewPracticeEntry(ref, done_at, minutes, f"note {hours_ago}"))


def dialog_of(view: PracticesView, qtbot: QtBot) -> CheckedForm:
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=2000)
    dialog = view.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def closed(view: PracticesView, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: view.dialog is None, timeout=2000)


def row(tree: QTreeWidget, group: int, child: int | None = None) -> QTreeWidgetItem:
    """A day's (or a list's) heading, or one row beneath it."""
    heading = tree.topLevelItem(group)
    assert heading is not None
    item = heading if child is None else heading.child(child)
    assert item is not None
    return item


def logged(page: PracticeLogPage, day: int, entry: int) -> tuple[str, str, str]:
    """One entry's row under its day (the days newest first): its practice, its time, and
    its minutes and note as the row shows them."""
    row = page.model.index(entry, 0, page.model.index(day, 0))
    return row.data(), row.data(RowRole.WHEN), row.data(RowRole.DETAIL)


def undo(view: PracticesView, qtbot: QtBot) -> None:
    view.undo_button.setFocus()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(view: PracticesView, qtbot: QtBot) -> None:
    view.undo_button.setFocus()
    shift_control = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, Qt.Key.Key_Z, shift_control)


def test_the_empty_log_invites_the_first_one(
    show_view: ShowView, store: Store, qtbot: QtBot
) -> None:
    view = show_view(PracticesView, store)
    asked: list[bool] = []
    view.log_requested.connect(lambda: asked.append(True))
    assert view.log_page.empty_card.isVisible() and not view.log_page.tree.isVisible()
    view.log_page.first_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert asked == [True]
    texts = " ".join(visible_texts(view))
    for judging in ("streak", "goal", "target", "badge"):
        assert judging not in texts.lower()


def test_history_is_newest_first_by_day_and_an_entry_is_edited_and_undone(
    show_view: ShowView, store: Store, qtbot: QtBot
) -> None:
    log(store, 50)
    log(store, 1, PracticeRef(builtin_key="movement"), 30)
    view = show_view(PracticesView, store)
    tree = view.log_page.tree
    assert view.log_page.model.rowCount() == 2  # two days
    name, _time, detail = logged(view.log_page, 0, 0)
    assert (name, detail) == ("Movement", "30 min · note 1")
    tree.setFocus()
    assert view.log_page.current_entry() is not None
    assert practice_name(view.log_page.current_entry()) == "Movement"  # type: ignore[arg-type]
    press(qtbot, Qt.Key.Key_Return)
    dialog = dialog_of(view, qtbot)
    assert isinstance(dialog, PracticeEntryDialog)
    dialog.minutes_box.setFocus()
    dialog.minutes_box.selectAll()
    type_text(qtbot, "40")
    press(qtbot, Qt.Key.Key_Return)
    closed(view, qtbot)
    assert store.practices.entries()[0].minutes == 40
    assert logged(view.log_page, 0, 0)[2] == "40 min · note 1"
    undo(view, qtbot)
    assert store.practices.entries()[0].minutes == 30
    redo(view, qtbot)
    assert store.practices.entries()[0].minutes == 40


def test_an_entry_goes_to_recently_deleted_and_comes_back(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    store = window.store
    assert store is not None
    log(store, 2)
    window.show_destination("practices")
    view = window.practices_view
    view.log_page.tree.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert store.practices.entries() == []
    assert view.log_page.empty_card.isVisible()
    undo(view, qtbot)
    assert len(store.practices.entries()) == 1
    view.log_page.tree.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    window.show_destination("journal")
    journal = window.journal_view
    journal.deleted_button.click()
    page = cast(RecentlyDeletedView, journal.recently_deleted)
    [listed] = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert listed.startswith("A practice: Mindfulness · ") and listed.endswith(" · note 2")
    page.list_view.setFocus()
    tab_to(qtbot, page.restore_button)
    press(qtbot, Qt.Key.Key_Space)
    assert len(store.practices.entries()) == 1
    window.show_destination("practices")
    assert view.log_page.tree.isVisible() and view.log_page.current_entry() is not None


def test_a_practice_of_ones_own_is_renamed_and_removed_with_undo(
    show_view: ShowView, store: Store, qtbot: QtBot
) -> None:
    own = store.practices.add_own("Singing")
    log(store, 3, PracticeRef(own_id=own.id))
    view = show_view(PracticesView, store)
    page = view.log_page
    page.own_list.setFocus()
    tab_to(qtbot, page.rename_button)
    press(qtbot, Qt.Key.Key_Space)
    dialog = dialog_of(view, qtbot)
    assert focused().accessibleName() == "The new name"
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "Singing in the choir 🎶")
    press(qtbot, Qt.Key.Key_Return)
    closed(view, qtbot)
    assert not dialog.isVisible()
    assert [p.name for p in store.practices.own()] == ["Singing in the choir 🎶"]
    assert logged(page, 0, 0)[0] == "Singing in the choir 🎶"
    page.own_list.setFocus()
    tab_to(qtbot, page.remove_button)
    press(qtbot, Qt.Key.Key_Space)
    assert store.practices.own() == []
    assert practice_name(store.practices.entries()[0]) == "Singing in the choir 🎶"  # kept
    undo(view, qtbot)
    assert [p.name for p in store.practices.own()] == ["Singing in the choir 🎶"]


def test_the_medication_list_by_keyboard(show_view: ShowView, store: Store, qtbot: QtBot) -> None:
    view = show_view(PracticesView, store)
    view.tabs.setFocus()
    press(qtbot, Qt.Key.Key_Right)  # the tab bar: on to Medications
    assert view.tabs.currentWidget() is view.medications_page
    page = view.medications_page
    notes = [
        label
        for label in view.findChildren(QLabel)
        if label.text() == medication_list_note() and label.isVisible()
    ]
    assert len(notes) == 1  # said once, plainly
    assert "belong with your prescriber" in medication_list_note()
    assert page.empty_card.isVisible()
    tab_to(qtbot, page.add_button)
    press(qtbot, Qt.Key.Key_Space)
    dialog = dialog_of(view, qtbot)
    assert isinstance(dialog, MedicationDialog) and focused() is dialog.name_edit
    type_text(qtbot, "Sertralin ß–√ 舍曲林")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "50 mg each morning")
    press(qtbot, Qt.Key.Key_Return)
    closed(view, qtbot)
    [medication] = store.medications.list()
    assert (medication.name, medication.dose) == ("Sertralin ß–√ 舍曲林", "50 mg each morning")
    assert row(page.tree, 0).text(0) == "Taking now"

    page.tree.setFocus()
    tab_to(qtbot, page.stop_button)
    press(qtbot, Qt.Key.Key_Space)
    today = datetime.now().date()
    assert store.medications.current(today) == []
    assert [m.stopped_on for m in store.medications.past(today)] == [today]
    assert row(page.tree, 0).text(0) == "Stopped"

    page.tree.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    dialog = dialog_of(view, qtbot)
    assert isinstance(dialog, MedicationDialog)
    dialog.notes_edit.setFocus()
    type_text(qtbot, "ask about the evening dose")
    dialog.save_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    closed(view, qtbot)
    assert store.medications.list()[0].notes == "ask about the evening dose"

    page.tree.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert store.medications.list() == []
    assert page.empty_card.isVisible()
    for expected_notes, stopped in (("ask about the evening dose", True), ("", True)):
        undo(view, qtbot)
        [back] = store.medications.list()
        assert back.notes == expected_notes and (back.stopped_on is not None) == stopped
    undo(view, qtbot)
    assert store.medications.list()[0].stopped_on is None
    undo(view, qtbot)
    assert store.medications.list() == []  # the addition undone: it waits in recently deleted
    redo(view, qtbot)
    assert [m.name for m in store.medications.list()] == ["Sertralin ß–√ 舍曲林"]


def test_a_medication_name_of_ten_thousand_characters_is_refused_in_words(
    show_view: ShowView, store: Store, qtbot: QtBot
) -> None:
    store.medications.add(NewMedication("Lamotrigine", "25 mg"))
    view = show_view(PracticesView, store)
    view.show_medications()
    view.medications_page.add_button.click()
    dialog = dialog_of(view, qtbot)
    assert isinstance(dialog, MedicationDialog)
    dialog.name_edit.setText("𝔐" * 10_000)
    dialog.name_edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and "A name holds up to 200 characters" in dialog.problem.text()
    assert [m.name for m in store.medications.list()] == ["Lamotrigine"]
    press(qtbot, Qt.Key.Key_Escape)
    closed(view, qtbot)
    QApplication.processEvents()


def test_recently_deleted_names_a_practice_and_a_medication_in_plain_words(
    show_view: ShowView, store: Store, qtbot: QtBot
) -> None:
    log(store, 4, PracticeRef(builtin_key="sleep"))
    store.medications.add(NewMedication("Ketamin 🌙", "as written"))
    view = show_view(PracticesView, store)
    view.log_page.tree.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    view.show_medications()
    view.medications_page.tree.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    page = RecentlyDeletedView()
    qtbot.addWidget(page)
    page.set_store(store)
    listed = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert listed[0] == "A medication: Ketamin 🌙 · as written"
    assert listed[1].startswith("A practice: Sleep · ") and listed[1].endswith(" · note 4")


def test_a_long_history_shows_the_latest_and_earlier_ones_when_asked(
    show_view: ShowView, store: Store, qtbot: QtBot
) -> None:
    with store.transaction():
        for hours_ago in range(1, SHOWN_AT_ONCE + 6):
            log(store, hours_ago)
    view = show_view(PracticesView, store)
    page = view.log_page
    shown = sum(page.model.rowCount(page.model.index(d, 0)) for d in range(page.model.rowCount()))
    assert shown == SHOWN_AT_ONCE
    page.tree.setFocus()
    tab_to(qtbot, page.earlier_button)
    press(qtbot, Qt.Key.Key_Space)
    shown = sum(page.model.rowCount(page.model.index(d, 0)) for d in range(page.model.rowCount()))
    assert shown == SHOWN_AT_ONCE + 5
    assert not page.earlier_button.isVisible()


# Reminders --------------------------------------------------------------------------------


def test_a_reminder_is_chosen_by_keyboard_changes_home_s_setting_and_undoes(
    show_view: ShowView, store: Store, qtbot: QtBot
) -> None:
    view = show_view(PracticesView, store)
    page = view.log_page
    assert page.reminders_text.text().startswith("None yet.")
    changed: list[str] = []
    view.data_changed.connect(changed.append)

    # Cancel changes nothing.
    page.reminders_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    dialog = cast(RemindersDialog, dialog_of(view, qtbot))
    assert focused() is dialog.boxes[MINDFULNESS]
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Escape)
    closed(view, qtbot)
    assert reminders(store) == {} and changed == []

    # "Every 3 days" for mindfulness: the first choice, three steps down; Enter saves.
    page.reminders_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    dialog = cast(RemindersDialog, dialog_of(view, qtbot))
    box = dialog.boxes[MINDFULNESS]
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)
    assert box.currentText() == "Remind me every 3 days"
    press(qtbot, Qt.Key.Key_Return)
    closed(view, qtbot)
    assert reminders(store) == {MINDFULNESS: 3}
    assert changed == ["settings"]
    assert page.reminders_text.text() == "Home reminds you of: Mindfulness, every 3 days."

    undo(view, qtbot)
    assert reminders(store) == {}
    assert page.reminders_text.text().startswith("None yet.")
    redo(view, qtbot)
    assert reminders(store) == {MINDFULNESS: 3}

    # Opening again shows the choice as saved; "No reminder" takes it away.
    page.reminders_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    dialog = cast(RemindersDialog, dialog_of(view, qtbot))
    assert dialog.boxes[MINDFULNESS].currentText() == "Remind me every 3 days"
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Return)
    closed(view, qtbot)
    assert reminders(store) == {}


# The look ---------------------------------------------------------------------------------


def test_the_lists_read_as_card_rows_with_nothing_to_scroll_sideways(
    show_view: ShowView, store: Store, qtbot: QtBot
) -> None:
    log(store, 3, MINDFULNESS, 20)
    store.medications.add(
        NewMedication("Sertraline " * 18, "50 mg " * 30, notes="Ask about it. " * 40)
    )
    view = show_view(PracticesView, store)
    bigger = QFont(view.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 1.6)
    view.setFont(bigger)
    view.resize(1000, 700)
    QApplication.processEvents()
    log_tree = view.log_page.tree
    day = view.log_page.model.index(0, 0)
    entry = view.log_page.model.index(0, 0, day)
    assert entry.data(RowRole.DETAIL) == "20 min · note 3"
    assert log_tree.isHeaderHidden()
    assert not log_tree.horizontalScrollBar().isVisible()
    view.show_medications()
    QApplication.processEvents()
    medicines = view.medications_page.tree
    row_item = row(medicines, 0, 0)
    assert row_item.data(0, RowRole.DETAIL).startswith("50 mg")
    assert row_item.data(0, RowRole.MORE).startswith("Ask about it.")
    spoken = row_item.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert "Taking now" in spoken and "Ask about it." in spoken
    assert not medicines.horizontalScrollBar().isVisible()
    assert medicines.columnWidth(0) <= medicines.viewport().width()


def test_one_filled_button_on_either_tab_empty_or_not(
    show_view: ShowView, store: Store, qtbot: QtBot
) -> None:
    view = show_view(PracticesView, store)

    def filled() -> list[str]:
        QApplication.processEvents()
        return [
            b.text()
            for b in view.findChildren(QPushButton)
            if b.objectName() == "primary" and b.isVisibleTo(view)
        ]

    assert filled() == ["Log a practice"]  # the empty log's own invitation is a plain button
    log(store, 1)
    view.data_changed_elsewhere(DataKind.PRACTICES)
    assert filled() == ["Log a practice"]
    view.tabs.setCurrentIndex(1)
    assert filled() == ["Log a practice"]  # "Add a medication" is plain beside it
