"""Recently deleted, as the journal shows it: sessions, finished check-ins and quick ratings
are listed in plain words and brought back, or erased, by keyboard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import cast

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kapcompanion.data_files.questionnaires import questionnaire
from kapcompanion.domain import DeletedKind, NewSession, Phase
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.core.store.test_secure_delete import (
    files_holding,
    reflection_and_insight_with,
    unique_word,
    write_some,
)
from tests.ui.conftest import ShowView
from tests.ui.helpers import answer_next_dialog, focused, press, tab_to
from ui.journal.view import JournalView
from ui.recently_deleted.view import WHEN_ROLE, RecentlyDeletedView


@pytest.fixture
def filled(store: Store) -> Store:
    """A session with a reflection, a finished GAD-7 (score 7) and a quick rating of 6, each
    moved to recently deleted a minute apart (the rating last)."""
    now = datetime.now(UTC)
    session = store.sessions.add(
        NewSession(held_at=now - timedelta(days=2), number_in_course=2, intention="Be gentle.")
    )
    store.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id)
    gad7 = questionnaire("gad7")
    check_in = store.check_ins.start("gad7", gad7.version)
    for item in gad7.items:
        store.check_ins.save_answer(check_in.id, item.number, 1)
    store.check_ins.complete(check_in.id)
    rating = store.check_ins.add_distress_rating(6)
    store.deleted.move(DeletedKind.SESSION, session.id, at=now - timedelta(minutes=2))
    store.deleted.move(DeletedKind.CHECK_IN, check_in.id, at=now - timedelta(minutes=1))
    store.deleted.move(DeletedKind.DISTRESS_RATING, rating.id, at=now)
    return store


def open_page(
    show_view: ShowView, store: Store, qtbot: QtBot
) -> tuple[JournalView, RecentlyDeletedView]:
    """The journal, then its "Recently deleted" button pressed by keyboard."""
    view = show_view(
        lambda: JournalView(RecentlyDeletedView()), store, first_page=JournalView.show_timeline
    )
    view.deleted_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert view.current_page() == "deleted"
    return view, cast(RecentlyDeletedView, view.recently_deleted)


def rows(page: RecentlyDeletedView) -> list[tuple[str, str]]:
    model = page.model
    return [
        (model.index(row, 0).data(), model.index(row, 0).data(WHEN_ROLE))
        for row in range(model.rowCount())
    ]


def test_sessions_check_ins_and_ratings_are_listed_in_plain_words(
    show_view: ShowView, filled: Store, qtbot: QtBot
) -> None:
    _view, page = open_page(show_view, filled, qtbot)
    (rating, rating_when), (check_in, _), (session, session_when) = rows(page)
    assert rating.startswith("Distress 6 of 10 · ")
    assert check_in.startswith("A check-in: GAD-7 · ") and check_in.endswith(" · score 7")
    assert session.startswith("A session: Session 2 · ") and session.endswith(" · Be gentle.")
    assert session_when.startswith("With its 1 reflection. Moved here on ")
    assert rating_when.startswith("Moved here on ")
    assert page.list_view.accessibleName() == "Recently deleted items"


def test_each_is_restored_by_keyboard_and_tells_the_screens_that_show_it(
    show_view: ShowView, filled: Store, qtbot: QtBot
) -> None:
    view, page = open_page(show_view, filled, qtbot)
    assert focused() is page.list_view
    told: list[str] = []
    view.data_changed.connect(told.append)
    for _ in range(3):
        page.list_view.setFocus()
        press(qtbot, Qt.Key.Key_Home)
        tab_to(qtbot, page.restore_button)
        press(qtbot, Qt.Key.Key_Space)
    assert told == ["checkins", "checkins", "sessions"]
    assert page.empty_card.isVisibleTo(page)
    assert filled.deleted.items() == []
    assert [rating.value for rating in filled.check_ins.distress_ratings()] == [6]
    assert len(filled.check_ins.completed("gad7")) == 1
    (session,) = filled.sessions.list()
    assert len(filled.reflections.list(session.id)) == 1  # back with its session
    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "timeline"


def test_erasing_a_session_says_its_reflections_go_too(
    show_view: ShowView, filled: Store, qtbot: QtBot
) -> None:
    _view, page = open_page(show_view, filled, qtbot)
    page.list_view.setFocus()
    press(qtbot, Qt.Key.Key_End)  # the session, moved first
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen, choose="Delete for good")
    tab_to(qtbot, page.delete_button)
    press(qtbot, Qt.Key.Key_Space)
    assert seen == [
        (
            "Delete this for good?",
            "With its 1 reflection. They are deleted too. This cannot be undone.",
        )
    ]
    assert len(rows(page)) == 2
    assert [item.kind for item in filled.deleted.items()] == [
        DeletedKind.DISTRESS_RATING,
        DeletedKind.CHECK_IN,
    ]
    assert filled.sessions.list() == [] and filled.reflections.list() == []


def test_what_another_screen_moves_here_shows_when_the_page_comes_back_into_sight(
    show_view: ShowView, filled: Store, qtbot: QtBot
) -> None:
    view, page = open_page(show_view, filled, qtbot)
    assert len(rows(page)) == 3
    view.hide()  # another screen is shown, and a rating is moved here from elsewhere
    rating = filled.check_ins.add_distress_rating(2)
    filled.deleted.move(DeletedKind.DISTRESS_RATING, rating.id)
    view.show()
    assert len(rows(page)) == 4
    assert rows(page)[0][0].startswith("Distress 2 of 10 · ")


def erase_first_by_keyboard(
    qtbot: QtBot, page: RecentlyDeletedView, *, from_backups: bool
) -> list[str]:
    """Delete the first row for good, answering the question with the backups box ticked or
    not; returns the box's words ("" when there was none)."""
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        box = dialog.checkBox()
        seen.append(box.text() if box is not None else "")
        if box is not None:
            box.setChecked(from_backups)
        for button in dialog.buttons():
            if button.text() == "Delete for good":
                button.click()
        dialog.close()

    QTimer.singleShot(20, answer)
    page.list_view.setFocus()
    press(qtbot, Qt.Key.Key_Home)
    tab_to(qtbot, page.delete_button)
    press(qtbot, Qt.Key.Key_Space)
    return seen


@pytest.mark.parametrize("from_backups", [True, False])
def test_deleting_for_good_offers_to_delete_it_from_older_backups_too(
    show_view: ShowView, store: Store, profile: Profile, qtbot: QtBot, from_backups: bool
) -> None:
    word = unique_word()
    write_some(store, "river", count=3)
    reflection_id, _insight_id = reflection_and_insight_with(store, word)
    store.back_up(profile.backups_folder / "last-week.sqlite3")
    store.deleted.move(DeletedKind.REFLECTION, reflection_id, with_insights=True)
    _view, page = open_page(show_view, store, qtbot)

    seen = erase_first_by_keyboard(qtbot, page, from_backups=from_backups)

    assert seen == ["Also delete it from the 1 backup you made before"]
    assert store.deleted.items() == []
    expected = [] if from_backups else ["backups/last-week.sqlite3"]
    assert files_holding(profile.folder, word) == expected
    assert len(store.journal.search("river")) == 3


def test_with_no_backups_nothing_is_offered(
    show_view: ShowView, filled: Store, qtbot: QtBot
) -> None:
    _view, page = open_page(show_view, filled, qtbot)
    assert erase_first_by_keyboard(qtbot, page, from_backups=True) == [""]
    assert len(filled.deleted.items()) == 2
