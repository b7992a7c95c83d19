"""Practices the client asked to be reminded of: due N days after they were last logged, listed
on Home after the rest, set aside for a day with "not now"; never a streak."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kapcompanion.course.practice_reminders import (
    due_practices,
    practice_title,
    reminders,
    set_reminder,
    set_reminders,
)
from kapcompanion.course.whats_due import DueKind, set_aside, whats_due
from kapcompanion.domain import NewPracticeEntry, PracticeRef
from kapcompanion.store import Store

TODAY = date(2026, 12, 10)
MINDFULNESS = PracticeRef(builtin_key="mindfulness")


def logged(store: Store, practice: PracticeRef, day: date) -> None:
    done_at = datetime(day.year, day.month, day.day, 8, 0).astimezone()
    store.practices.log(NewPracticeEntry(practice, done_at), now=done_at + timedelta(hours=1))


def test_a_practice_never_logged_is_due_at_once(store: Store) -> None:
    set_reminder(store, MINDFULNESS, 1)
    assert [(due.practice, due.due_on) for due in due_practices(store, TODAY)] == [
        (MINDFULNESS, TODAY)
    ]


@pytest.mark.parametrize(
    ("every_days", "last_logged", "due_on"),
    [
        (1, date(2026, 12, 10), None),  # done today: not due
        (1, date(2026, 12, 9), date(2026, 12, 10)),
        (3, date(2026, 12, 8), None),
        (3, date(2026, 12, 7), date(2026, 12, 10)),
        (3, date(2026, 12, 1), date(2026, 12, 10)),  # long ago: due today, never "overdue"
        (7, date(2026, 12, 4), None),
        (7, date(2026, 12, 3), date(2026, 12, 10)),
    ],
)
def test_due_n_days_after_it_was_last_logged(
    store: Store, every_days: int, last_logged: date, due_on: date | None
) -> None:
    set_reminder(store, MINDFULNESS, every_days)
    logged(store, MINDFULNESS, last_logged)
    due = due_practices(store, TODAY)
    assert [item.due_on for item in due] == ([] if due_on is None else [due_on])


def test_an_own_practice_by_name_and_stopping_a_reminder(store: Store) -> None:
    own = store.practices.add_own("Piano")
    piano = PracticeRef(own_id=own.id)
    set_reminder(store, piano, 2)
    set_reminder(store, MINDFULNESS, 1)
    assert reminders(store) == {piano: 2, MINDFULNESS: 1}
    assert practice_title(store, piano) == "Piano"
    assert practice_title(store, MINDFULNESS) == "Mindfulness"
    set_reminder(store, piano, None)
    assert reminders(store) == {MINDFULNESS: 1}
    with pytest.raises(ValueError):
        set_reminder(store, MINDFULNESS, 0)


def test_home_lists_it_and_not_now_sets_it_aside_for_the_day(store: Store) -> None:
    set_reminder(store, MINDFULNESS, 1)
    [item] = whats_due(store, TODAY)  # no session yet: the practice alone
    assert item.kind is DueKind.PRACTICE and item.practice == MINDFULNESS
    set_aside(store, item, TODAY)
    assert whats_due(store, TODAY) == []
    assert [due.kind for due in whats_due(store, TODAY + timedelta(days=1))] == [DueKind.PRACTICE]


def test_reminders_travel_with_an_export(tmp_path: Path, store: Store) -> None:
    from kapcompanion.exchange import import_file, write_json_export

    with Store.open(tmp_path / "source.sqlite3") as source:
        piano = PracticeRef(own_id=source.practices.add_own("Piano").id)
        set_reminder(source, piano, 2)
        set_reminder(source, MINDFULNESS, 1)
        exported = write_json_export(source, tmp_path / "export.json").path
    import_file(store, exported)
    [own] = store.practices.own()
    assert reminders(store) == {PracticeRef(own_id=own.id): 2, MINDFULNESS: 1}


def test_several_reminders_change_in_one_write_and_a_bad_one_changes_none(store: Store) -> None:
    own = store.practices.add_own("Playing the piano")
    piano = PracticeRef(own_id=own.id)
    movement = PracticeRef(builtin_key="movement")
    set_reminder(store, MINDFULNESS, 2)
    set_reminders(store, {movement: 7, piano: 3, MINDFULNESS: None})
    assert reminders(store) == {movement: 7, piano: 3}
    with pytest.raises(ValueError, match="every 1 to 365 days"):
        set_reminders(store, {movement: None, piano: 0})
    assert reminders(store) == {movement: 7, piano: 3}
