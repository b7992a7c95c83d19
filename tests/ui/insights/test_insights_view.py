"""The insight board, driven through its real widgets and the keyboard, on a real store."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel
from pytestqt.qtbot import QtBot

from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.domain import CommitmentStatus, DeletedKind, Insight, Phase
from kapcompanion.store import Store
from tests.raw_sql import held_by_another_program, refusing_writes
from tests.ui.conftest import ShowView
from tests.ui.helpers import (
    answer_next_dialog,
    focusable_widgets,
    focused,
    press,
    tab_to,
    wait_until_nothing_is_clipped,
)
from ui.insights.board_data import BoardFilter, ShowOnly
from ui.insights.card import INSIGHT_MAX_LENGTH, InsightCard
from ui.insights.commitment_editor import status_label
from ui.insights.model import InsightRole
from ui.insights.view import InsightsView

SMALLEST = QSize(720 - 200, 480)  # the main window's smallest size, less its sidebar
TAB_STOPS = 60

# Helpers ----------------------------------------------------------------------------------


def undo_keys(qtbot: QtBot) -> None:
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo_keys(qtbot: QtBot) -> None:
    press(
        qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )


def texts_of(view: InsightsView) -> list[str]:
    return [data.insight.text for data in view.shown_insights()]


def insight_called(store: Store, words: str) -> Insight:
    [found] = [insight for insight in store.insights.list() if insight.text == words]
    return found


def card_called(view: InsightsView, words: str) -> InsightCard:
    """Open the insight with these words as a real card, as Enter on its row would."""
    [found] = [data for data in view.shown_insights() if data.insight.text == words]
    card = view.open_insight(found.id)
    assert card is not None
    return card


def current_text(view: InsightsView) -> str:
    return str(view.board_list.currentIndex().data(Qt.ItemDataRole.DisplayRole))


# Fixtures ---------------------------------------------------------------------------------

ViewFactory = Callable[[Store], InsightsView]

REST = "I don't have to earn rest."
ANGER = "Anger is not the same as danger."
QUIETLY = "Being with people quietly still counts."
SAFE = "I can ask for what helps me feel safe."


@pytest.fixture
def open_view(show_view: ShowView) -> ViewFactory:
    """Show an insight board in its own active window."""
    return lambda store: show_view(InsightsView, store)


# Tests ------------------------------------------------------------------------------------


def test_the_sample_course_shows_every_insight_pinned_first(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    assert view.accessibleName() == "Insights"
    shown = view.shown_insights()
    assert len(shown) == 14
    assert view.findChildren(InsightCard) == []  # cards are painted until one is opened
    assert texts_of(view) == [insight.text for insight in demo_store.insights.list()]
    pinned = [data.insight.pinned for data in shown]
    assert pinned == sorted(pinned, reverse=True) and pinned.count(True) == 4
    states = {
        view.model.index(row, 0).data(Qt.ItemDataRole.DisplayRole): view.model.index(row, 0).data(
            InsightRole.STATE
        )
        for row in range(view.rows())
    }
    assert states[REST] == "Pinned · Private"
    assert states[ANGER] == "Pinned · Shared with my therapist"
    assert states[SAFE] == "Shared with my therapist"
    steps = [data for data in shown if data.commitment is not None]
    assert len(steps) == 5
    rest = card_called(view, REST)
    assert rest.text_label.text() == REST
    assert [chip.text() for chip in rest.findChildren(QLabel, "chip")] == ["Self-compassion"]
    assert rest.state_label.text() == "Pinned · Private"
    assert rest.from_button.text().startswith("From: Session ")
    assert " · " in rest.from_button.text()
    assert rest.commitment_editor.status_box.currentText() == "Not started yet"
    assert card_called(view, ANGER).state_label.text() == "Pinned · Shared with my therapist"
    assert len([card for card in view.findChildren(InsightCard) if card.isVisible()]) == 1
    assert not view.empty_card.isVisibleTo(view)


def test_pin_and_share_by_keyboard_and_the_store_follows(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    assert texts_of(view).index(QUIETLY) > 3
    quietly = card_called(view, QUIETLY)
    quietly.pin_button.setFocus()
    with qtbot.waitSignal(view.data_changed) as changed:
        press(qtbot, Qt.Key.Key_Space)
    assert changed.args == ["insights"]
    assert insight_called(demo_store, QUIETLY).pinned
    # It joins the pinned ones at the top (they are newest first among themselves).
    assert texts_of(view) == [insight.text for insight in demo_store.insights.list()]
    assert texts_of(view).index(QUIETLY) < 5
    assert all(data.insight.pinned for data in view.shown_insights()[:5])
    assert quietly.pin_button.text() == "Unpin"
    assert quietly.pin_button.accessibleName() == f"Unpin: {QUIETLY}"
    assert focused() is quietly.pin_button  # focus stays with the card as it moves
    assert view.open_card() is quietly

    assert quietly.share_box.accessibleName() == f"Share with my therapist: {QUIETLY}"
    quietly.share_box.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert insight_called(demo_store, QUIETLY).shareable
    assert quietly.state_label.text() == "Pinned · Shared with my therapist"

    undo_keys(qtbot)
    assert not insight_called(demo_store, QUIETLY).shareable
    assert not quietly.share_box.isChecked()
    undo_keys(qtbot)
    assert not insight_called(demo_store, QUIETLY).pinned
    assert texts_of(view).index(QUIETLY) > 3
    redo_keys(qtbot)
    assert insight_called(demo_store, QUIETLY).pinned


def test_edit_the_words_then_undo_and_redo(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    rest = card_called(view, REST)
    rest.edit_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert rest.is_editing()
    assert focused() is rest.editor
    assert rest.editor.toPlainText() == REST
    press(qtbot, Qt.Key.Key_Backspace)
    qtbot.keyClicks(focused(), ", not even on busy days.")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    edited = "I don't have to earn rest, not even on busy days."
    assert not rest.is_editing()
    assert focused() is rest.edit_button
    stored = demo_store.insights.get(insight_called(demo_store, edited).id)
    assert stored.updated_at >= stored.created_at
    assert rest.text_label.text() == edited
    assert view.undo_button.isEnabled()
    assert view.undo_button.accessibleName().startswith("Undo: Edit “I don't have to earn rest")

    undo_keys(qtbot)
    assert insight_called(demo_store, REST).id == stored.id
    assert rest.text_label.text() == REST
    assert view.redo_button.isEnabled()
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert demo_store.insights.get(stored.id).text == edited
    undo_keys(qtbot)
    redo_keys(qtbot)
    assert rest.text_label.text() == edited


def test_escape_keeps_the_words_and_leaves_the_edit(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    rest = card_called(view, REST)
    rest.start_editing()
    qtbot.keyClicks(focused(), " Maybe.")
    press(qtbot, Qt.Key.Key_Escape)
    assert not rest.is_editing()
    assert insight_called(demo_store, f"{REST} Maybe.").text == f"{REST} Maybe."
    assert view.undo_button.isEnabled()  # and it can be taken back


def test_escape_never_loses_words_over_the_limit(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    rest = card_called(view, REST)
    rest.start_editing()
    rest.editor.setPlainText("a" * (INSIGHT_MAX_LENGTH + 1))
    press(qtbot, Qt.Key.Key_Escape)
    assert rest.is_editing()  # the words stay, with the note on how far over they are
    assert rest.editor.toPlainText() == "a" * (INSIGHT_MAX_LENGTH + 1)
    assert insight_called(demo_store, REST).text == REST


def test_escape_keeps_a_small_step_and_a_note_typed_but_not_yet_saved(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    anger = card_called(view, ANGER)
    editor = anger.commitment_editor
    editor.add_step_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    qtbot.keyClicks(focused(), "Count to ten")
    press(qtbot, Qt.Key.Key_Escape)
    [step] = demo_store.insights.commitments_for(anger.data.id)
    assert step.text == "Count to ten"

    editor.note_edit.setFocus()
    qtbot.keyClicks(focused(), "Got to seven.")
    press(qtbot, Qt.Key.Key_Escape)  # closes the card, keeping the note
    assert [n.text for n in demo_store.insights.commitment_notes(step.id)] == ["Got to seven."]


def test_re_theme_with_a_theme_of_ones_own(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    rest = card_called(view, REST)
    rest_id = rest.data.id
    assert demo_store.themes.keys_for_insight(rest_id) == ["self_compassion"]
    rest.themes_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert rest.is_choosing_themes()
    picker = rest.theme_picker
    boxes = picker.boxes()
    assert len(boxes) == len(demo_store.themes.list())
    assert boxes["self_compassion"].isChecked()
    tab_to(qtbot, boxes["body"], TAB_STOPS, or_its_focus_proxy=False)
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, picker.own_theme_edit, TAB_STOPS, or_its_focus_proxy=False)
    qtbot.keyClicks(focused(), "Slowing down")
    with qtbot.waitSignal(view.data_changed) as changed:
        press(qtbot, Qt.Key.Key_Return)
    assert changed.args == ["themes"]
    [own] = [theme for theme in demo_store.themes.list() if theme.name == "Slowing down"]
    assert not own.builtin
    assert picker.boxes()[own.key].isChecked()
    tab_to(qtbot, picker.save_button, TAB_STOPS, or_its_focus_proxy=False)
    press(qtbot, Qt.Key.Key_Space)
    assert not rest.is_choosing_themes()
    assert set(demo_store.themes.keys_for_insight(rest_id)) == {"self_compassion", "body", own.key}
    QApplication.processEvents()  # widgets added to a shown layout appear on the next turn
    chips = [chip.text() for chip in rest.findChildren(QLabel, "chip") if chip.isVisibleTo(rest)]
    assert sorted(chips) == ["Body", "Self-compassion", "Slowing down"]
    assert view.theme_box.findData(own.key) >= 0  # the theme filter offers it now

    undo_keys(qtbot)
    assert demo_store.themes.keys_for_insight(rest_id) == ["self_compassion"]
    redo_keys(qtbot)
    assert len(demo_store.themes.keys_for_insight(rest_id)) == 3


def test_add_a_small_step_change_how_it_is_going_and_add_a_dated_note(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    anger = card_called(view, ANGER)
    anger_id = anger.data.id
    editor = anger.commitment_editor
    assert demo_store.insights.commitments_for(anger_id) == []
    assert editor.add_step_button.accessibleName() == f"Add a small step for: {ANGER}"
    editor.add_step_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert focused() is editor.step_edit
    qtbot.keyClicks(focused(), "Notice my breath when I feel heat in my chest")
    press(qtbot, Qt.Key.Key_Return)
    [step] = demo_store.insights.commitments_for(anger_id)
    assert step.text == "Notice my breath when I feel heat in my chest"
    assert step.status is CommitmentStatus.NOT_STARTED
    assert editor.step_text.text() == step.text
    assert focused() is editor.status_box

    press(qtbot, Qt.Key.Key_Down)
    assert demo_store.insights.commitments_for(anger_id)[0].status is CommitmentStatus.TRYING
    assert editor.status_box.currentText() == status_label(CommitmentStatus.TRYING) == "Trying it"
    undo_keys(qtbot)
    assert demo_store.insights.commitments_for(anger_id)[0].status is CommitmentStatus.NOT_STARTED
    assert editor.status_box.currentText() == "Not started yet"
    redo_keys(qtbot)
    assert editor.status_box.currentText() == "Trying it"

    tab_to(qtbot, editor.note_edit, TAB_STOPS, or_its_focus_proxy=False)
    for words in ("Tried it at work; it helped a little.", "Forgot twice.", "Easier today."):
        qtbot.keyClicks(focused(), words)
        press(qtbot, Qt.Key.Key_Return)
        assert editor.note_edit.text() == ""
    QApplication.processEvents()  # widgets added to a shown layout appear on the next turn
    notes = demo_store.insights.commitment_notes(step.id)
    assert [note.text for note in notes][-1] == "Easier today."
    assert len(notes) == 3
    shown = [label.text() for label in editor.findChildren(QLabel) if label.isVisibleTo(editor)]
    assert "Easier today." in shown and "Forgot twice." not in shown  # only the latest
    from ui.widgets.wording import day_text

    assert day_text(notes[-1].noted_at) in shown  # dated as the locale writes dates
    assert editor.show_all_button.text() == "Show all 3 notes"
    editor.show_all_button.click()
    QApplication.processEvents()
    shown = [label.text() for label in editor.findChildren(QLabel) if label.isVisibleTo(editor)]
    assert {"Forgot twice.", "Tried it at work; it helped a little."} <= set(shown)
    assert editor.show_all_button.text() == "Show only the latest note"


def test_move_to_recently_deleted_and_undo_brings_it_back(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    position = texts_of(view).index(ANGER)
    anger = card_called(view, ANGER)
    anger_id = anger.data.id
    anger.delete_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert ANGER not in texts_of(view)
    assert anger_id not in {insight.id for insight in demo_store.insights.list()}
    assert [item.id for item in demo_store.deleted.items()] == [anger_id]
    assert view.notice.isVisibleTo(view) and "recently deleted" in view.notice.text()
    # Focus moves to the insight that took its place, not out of the board.
    assert focused() is view.board_list
    assert view.board_list.currentIndex().row() == position
    assert current_text(view) == texts_of(view)[position]

    undo_keys(qtbot)
    assert texts_of(view)[position] == ANGER
    assert demo_store.deleted.items() == []
    assert focused() is view.board_list  # on the insight that came back
    assert current_text(view) == ANGER
    assert not view.notice.isVisibleTo(view)
    redo_keys(qtbot)
    assert ANGER not in texts_of(view)


def test_filters_pinned_shared_and_theme(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    everything = demo_store.insights.list()
    view.show_buttons[ShowOnly.ALL].setFocus()
    press(qtbot, Qt.Key.Key_Right)  # the segments behave like radio buttons
    assert view.show_buttons[ShowOnly.PINNED].isChecked()
    assert view.board_filter() == BoardFilter(ShowOnly.PINNED)
    assert texts_of(view) == [insight.text for insight in everything if insight.pinned]

    press(qtbot, Qt.Key.Key_Right)
    assert texts_of(view) == [insight.text for insight in everything if insight.shareable]
    assert len(texts_of(view)) == 7

    # Keeping something private under "Shared" takes it off this view; undo puts it back.
    card_called(view, SAFE).share_box.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert SAFE not in texts_of(view)
    assert view.isAncestorOf(focused())
    undo_keys(qtbot)
    assert SAFE in texts_of(view)

    view.theme_box.setFocus()
    index = view.theme_box.findData("boundaries")
    view.theme_box.setCurrentIndex(index)
    assert texts_of(view) == ["I can say no kindly, and people usually cope."]
    view.show_buttons[ShowOnly.ALL].click()
    assert len(texts_of(view)) == 2  # the theme still narrows

    view.set_filter(BoardFilter(ShowOnly.PINNED, "fear"))
    assert view.rows() == 0
    assert view.empty_card.isVisibleTo(view)
    assert view.empty_button.text() == "Show all insights"
    view.empty_button.click()
    assert view.board_filter() == BoardFilter()
    assert view.rows() == 14
    assert focused() is view.board_list


def test_the_from_link_asks_to_open_the_reflection(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    rest = card_called(view, REST)
    reflection_id = insight_called(demo_store, REST).reflection_id
    assert reflection_id is not None
    reflection = demo_store.reflections.get(reflection_id)
    session = demo_store.sessions.get(reflection.session_id)  # type: ignore[arg-type]
    expected = f"Session {session.number_in_course} · {prompt_set_for(reflection.phase).title}"
    assert rest.from_button.text() == f"From: {expected}"
    assert rest.from_button.accessibleName() == f"Open the reflection this came from: {expected}"
    rest.from_button.setFocus()
    with qtbot.waitSignal(view.open_reflection_requested) as requested:
        press(qtbot, Qt.Key.Key_Space)
    assert requested.args == [int(reflection_id)]


def test_an_insight_whose_reflection_is_gone_says_where_it_came_from_without_a_link(
    open_view: ViewFactory, store: Store
) -> None:
    same_day = prompt_set_for(Phase.SAME_DAY)
    reflection = store.reflections.start(Phase.SAME_DAY, same_day.id, same_day.version)
    store.insights.add("Slow is fine.", reflection_id=reflection.id)
    store.deleted.move(DeletedKind.REFLECTION, reflection.id)
    store.insights.add("Written on its own.")
    view = open_view(store)
    assert view.rows() == 2
    for data in view.shown_insights():
        assert view.model.index(view.model.row_of(data.id) or 0, 0).data(InsightRole.SOURCE) == ""
        shown = view.open_insight(data.id)
        assert shown is not None
        assert not shown.from_button.isVisibleTo(shown)
        assert not shown.from_label.isVisibleTo(shown)


def test_an_empty_board_says_what_will_appear_and_offers_one_button(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    assert view.rows() == 0
    assert view.empty_card.isVisibleTo(view)
    assert not view.filter_row.isVisibleTo(view)
    assert view.empty_text.text() == (
        "Things you want to carry forward will appear here. They come from the end of each "
        "reflection."
    )
    # A card of its own size, as on every other screen, not stretched down the window.
    assert view.empty_card.height() <= view.empty_card.sizeHint().height() + 1
    with qtbot.waitSignal(view.reflect_requested):
        view.empty_button.click()

    store.insights.add("A first thing to keep.")
    view.refresh()
    assert texts_of(view) == ["A first thing to keep."]
    assert not view.empty_card.isVisibleTo(view)
    assert view.filter_row.isVisibleTo(view)


def test_a_long_board_builds_a_card_only_for_the_insight_opened(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    for number in range(60):
        store.insights.add(f"Thought number {number}")
    view = open_view(store)
    assert view.rows() == 60
    assert view.findChildren(InsightCard) == []
    view.board_list.setFocus()
    press(qtbot, Qt.Key.Key_End)
    assert current_text(view) == "Thought number 0"  # the oldest, at the bottom
    press(qtbot, Qt.Key.Key_Return)
    card = view.open_card()
    assert card is not None and card.data.insight.text == "Thought number 0"
    assert card.isAncestorOf(focused())
    viewport = view.board_list.viewport()
    assert viewport.rect().intersects(card.geometry())  # scrolled into view
    QApplication.processEvents()
    assert len(view.findChildren(InsightCard)) == 1


def test_a_refused_edit_says_so_gently_and_keeps_the_words(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    rest = card_called(view, REST)
    rest.start_editing()
    qtbot.keyClicks(focused(), " Really.")
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    with held_by_another_program(demo_store):
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [(title, message)] = seen
    assert title == "This change was not saved"
    assert "Another program is using your data file" in message
    assert "Traceback" not in message and "SQLITE" not in message
    assert rest.is_editing()
    assert rest.editor.toPlainText() == REST + " Really."
    assert view.undo_stack.count() == 0  # nothing half-done to undo
    assert insight_called(demo_store, REST).text == REST


def test_a_refused_share_leaves_the_tick_as_the_store_has_it(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    rest = card_called(view, REST)
    assert not rest.share_box.isChecked()
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    rest.share_box.setFocus()
    with refusing_writes(demo_store):
        press(qtbot, Qt.Key.Key_Space)
    assert [title for title, _message in seen] == ["This change was not saved"]
    assert not rest.share_box.isChecked()
    assert rest.state_label.text() == "Pinned · Private"


def test_tab_follows_the_board_in_reading_order(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    view.show_buttons[ShowOnly.ALL].setFocus()
    # The segments are one stop, like radio buttons: Tab leaves them, arrows move within.
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.theme_box
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.board_list  # the whole board is one stop
    texts = texts_of(view)
    assert current_text(view) == texts[0]
    press(qtbot, Qt.Key.Key_Down)
    assert current_text(view) == texts[1]
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Return)  # Enter opens the insight with all its controls
    first = view.open_card()
    assert first is not None and first.data.insight.text == texts[0]
    editor = first.commitment_editor
    assert focused() is first.from_button
    expected = [
        editor.status_box,
        editor.note_edit,
        first.share_box,
        first.pin_button,
        first.edit_button,
        first.themes_button,
        first.delete_button,
    ]
    for widget in expected:
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is widget, (focused().accessibleName(), widget.accessibleName())
    assert all(name in first.pin_button.accessibleName() for name in ("Unpin: ", REST))

    press(qtbot, Qt.Key.Key_Escape)  # closes the card, back on its row
    assert focused() is view.board_list and view.open_card() is None
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)  # Space opens it too
    second = view.open_card()
    assert second is not None and second.data.insight.text == texts[1]
    assert second.isAncestorOf(focused())


def test_every_focusable_widget_has_an_accessible_name(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)

    def first() -> InsightCard:
        card = view.open_insight(view.shown_insights()[0].id)
        assert card is not None
        return card

    def themes() -> None:
        first().start_theming()
        boxes = [box for box in first().findChildren(QCheckBox) if box.isVisibleTo(first())]
        assert boxes and all(box.accessibleName() for box in boxes)

    states: dict[str, Callable[[], object]] = {
        "board": lambda: None,
        "open": first,
        "editing": lambda: first().start_editing(),
        "themes": themes,
        "adding a step": lambda: card_called(view, ANGER).commitment_editor.start_adding(),
        "nothing matches": lambda: view.set_filter(BoardFilter(ShowOnly.PINNED, "fear")),
    }
    for name, show in states.items():
        show()
        QApplication.processEvents()
        focusable = focusable_widgets(view)
        assert focusable, name
        for widget in focusable:
            assert widget.accessibleName(), f"{name}: {widget!r}"
    view.set_filter(BoardFilter())
    for row in range(view.rows()):
        index = view.model.index(row, 0)
        assert index.data(Qt.ItemDataRole.AccessibleTextRole)
        assert "Themes: " in index.data(Qt.ItemDataRole.AccessibleDescriptionRole)


def test_nothing_is_clipped_in_the_smallest_window(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    rest = insight_called(demo_store, REST)
    [step] = demo_store.insights.commitments_for(rest.id)
    for words in ("A long note " * 12, "Short one."):
        demo_store.insights.add_commitment_note(step.id, words)
    view = open_view(demo_store)
    view.resize(SMALLEST)
    card = card_called(view, REST)
    steps: list[Callable[[], object]] = [
        lambda: None,
        card.commitment_editor.show_all_button.click,
        card.start_editing,
        card.start_theming,
        lambda: view.set_filter(BoardFilter(ShowOnly.SHARED)),
    ]
    for step_shown in steps:
        step_shown()
        wait_until_nothing_is_clipped(qtbot, view)


def test_edit_by_keyboard_alone_from_the_list(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    view.theme_box.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.board_list
    press(qtbot, Qt.Key.Key_Return)
    rest = view.open_card()
    assert rest is not None and rest.data.insight.text == REST
    tab_to(qtbot, rest.edit_button, TAB_STOPS, or_its_focus_proxy=False)
    press(qtbot, Qt.Key.Key_Space)
    assert focused() is rest.editor
    qtbot.keyClicks(focused(), " Ever.")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert insight_called(demo_store, REST + " Ever.").pinned
    assert current_text(view) == REST + " Ever."  # the painted row says so too
    tab_to(qtbot, rest.commitment_editor.note_edit, TAB_STOPS, or_its_focus_proxy=False)
    qtbot.keyClicks(focused(), "Managed it on Tuesday.")
    press(qtbot, Qt.Key.Key_Return)
    [step] = demo_store.insights.commitments_for(rest.data.id)
    assert [note.text for note in demo_store.insights.commitment_notes(step.id)] == [
        "Managed it on Tuesday."
    ]
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is view.board_list
    assert view.model.index(0, 0).data(InsightRole.LATEST_NOTE).endswith("Managed it on Tuesday.")


def test_cards_below_the_fold_come_as_the_board_scrolls_and_work_by_keyboard(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    for number in range(80):
        store.insights.add(f"Thought number {number}")
    view = open_view(store)
    assert view.rows() == 80
    held_at_first = view.model.rowCount()
    assert 0 < held_at_first < 80  # only the first cards are laid out
    view.board_list.setFocus()
    for _ in range(held_at_first + 5):  # arrow down past the last card held at first
        press(qtbot, Qt.Key.Key_Down)
    assert view.model.rowCount() > held_at_first
    wanted = f"Thought number {80 - 1 - held_at_first - 5}"
    assert current_text(view) == wanted
    press(qtbot, Qt.Key.Key_Return)
    card = view.open_card()
    assert card is not None and card.data.insight.text == wanted
    assert view.board_list.viewport().rect().intersects(card.geometry())
    tab_to(qtbot, card.share_box, TAB_STOPS, or_its_focus_proxy=False)  # Tab reaches its controls
    press(qtbot, Qt.Key.Key_Space)
    assert insight_called(store, wanted).shareable
    view.set_filter(BoardFilter(ShowOnly.SHARED))
    assert texts_of(view) == [wanted] and view.open_card() is card  # the open card stays
    view.set_filter(BoardFilter())
    assert view.open_card() is card
    undo_keys(qtbot)
    assert not insight_called(store, wanted).shareable


def test_end_reaches_the_oldest_insight_a_slice_of_rows_at_a_time(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    with store.transaction():
        for number in range(300):
            store.insights.add(f"Thought number {number}")
    view = open_view(store)
    view.board_list.setFocus()
    press(qtbot, Qt.Key.Key_End)
    assert view.model.rowCount() < 300  # the rest come on the next turns of the event loop
    qtbot.waitUntil(lambda: current_text(view) == "Thought number 0")
    assert view.model.rowCount() == 300
    press(qtbot, Qt.Key.Key_Return)
    card = view.open_card()
    assert card is not None and card.data.insight.text == "Thought number 0"
    assert view.board_list.viewport().rect().intersects(card.geometry())


def test_a_key_on_the_way_to_the_end_stops_there(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    with store.transaction():
        for number in range(300):
            store.insights.add(f"Thought number {number}")
    view = open_view(store)
    view.board_list.setFocus()
    press(qtbot, Qt.Key.Key_End)
    reached = int(current_text(view).rsplit(" ", 1)[1])
    press(qtbot, Qt.Key.Key_Up)
    held = view.model.rowCount()
    qtbot.wait(50)
    assert view.model.rowCount() == held < 300
    assert current_text(view) == f"Thought number {reached + 1}"  # stayed where Up put it
