"""The medication list in the store: written as the client copies it, told apart into current
and past, refusals of what cannot be kept, and "recently deleted" for medications."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kapcompanion.domain import DeletedKind, NewMedication
from kapcompanion.errors import EntryRefusedError, NotFoundError
from kapcompanion.store import Store

TODAY = date(2026, 11, 25)
SERTRALINE = NewMedication(
    "Sertraline",
    "50 mg tablet, one in the morning",
    started_on=date(2026, 5, 21),
    notes="Prescribed by Dr Hahn.",
)


def test_a_medication_reads_back_as_it_was_written(store: Store) -> None:
    added = store.medications.add(SERTRALINE)
    assert store.medications.get(added.id) == added
    assert (added.name, added.dose, added.started_on, added.stopped_on, added.notes) == (
        "Sertraline",
        "50 mg tablet, one in the morning",
        date(2026, 5, 21),
        None,
        "Prescribed by Dr Hahn.",
    )
    bare = store.medications.add(NewMedication("  Ibuprofen  "))
    assert (bare.name, bare.dose, bare.started_on, bare.stopped_on) == ("Ibuprofen", "", None, None)


def test_current_and_past_are_told_apart_by_the_day_it_stopped(store: Store) -> None:
    store.medications.add(SERTRALINE)
    stopped_today = store.medications.add(
        NewMedication("Melatonin", started_on=date(2026, 9, 1), stopped_on=TODAY)
    )
    stops_later = store.medications.add(NewMedication("Amoxicillin", stopped_on=date(2026, 12, 1)))
    stopped_long_ago = store.medications.add(
        NewMedication("Zopiclone", stopped_on=date(2025, 1, 10))
    )
    assert [m.name for m in store.medications.current(TODAY)] == ["Amoxicillin", "Sertraline"]
    assert [m.id for m in store.medications.past(TODAY)] == [stopped_today.id, stopped_long_ago.id]
    assert [m.name for m in store.medications.list()] == [
        "Amoxicillin",
        "Melatonin",
        "Sertraline",
        "Zopiclone",
    ]
    assert stops_later in store.medications.past(date(2026, 12, 1))


def test_stopped_before_started_is_refused_and_nothing_is_kept(store: Store) -> None:
    with pytest.raises(EntryRefusedError) as refused:
        store.medications.add(
            NewMedication("Sertraline", started_on=date(2026, 5, 2), stopped_on=date(2026, 5, 1))
        )
    assert "stopped comes before the day it started" in refused.value.message
    assert store.medications.list() == []
    same_day = store.medications.add(
        NewMedication("Sertraline", started_on=date(2026, 5, 2), stopped_on=date(2026, 5, 2))
    )
    with pytest.raises(EntryRefusedError):
        store.medications.update(
            same_day.id,
            NewMedication("Sertraline", started_on=date(2026, 5, 3), stopped_on=date(2026, 5, 2)),
        )
    assert store.medications.get(same_day.id) == same_day


def test_a_time_of_day_is_not_a_day(store: Store) -> None:
    with pytest.raises(ValueError):
        store.medications.add(NewMedication("Sertraline", started_on=datetime.now(UTC)))


def test_a_medication_needs_a_name_of_at_most_200_characters(store: Store) -> None:
    with pytest.raises(EntryRefusedError) as empty:
        store.medications.add(NewMedication(" \n\t "))
    assert empty.value.message == "A medication needs a name."
    with pytest.raises(EntryRefusedError) as huge:
        store.medications.add(NewMedication("x" * 10_000))
    assert huge.value.message.startswith("A name holds up to 200 characters, and this one has")
    assert "Longer details fit in the notes" in huge.value.message
    assert store.medications.list() == []
    with pytest.raises(EntryRefusedError) as broken:
        store.medications.add(NewMedication("Sertra\ud800line"))
    assert "broken character" in broken.value.message
    assert store.medications.list() == []
    assert store.medications.add(NewMedication("x" * 200)).name == "x" * 200


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(max_size=300), dose=st.text(max_size=100))
def test_any_unicode_name_is_kept_exactly_or_refused_plainly(
    store: Store, name: str, dose: str
) -> None:
    before = store.medications.list()
    try:
        added = store.medications.add(NewMedication(name, dose))
    except EntryRefusedError as refused:
        assert refused.message.endswith(".")
        assert store.medications.list() == before
    else:
        assert added.name == " ".join(name.split()) and added.name
        assert added.dose == dose.strip()
        assert store.medications.get(added.id) == added


def test_an_update_keeps_its_identity_and_a_deleted_one_cannot_be_changed(store: Store) -> None:
    added = store.medications.add(SERTRALINE)
    updated = store.medications.update(
        added.id, NewMedication("Sertraline", "100 mg, one in the morning", date(2026, 5, 21))
    )
    assert (updated.uuid, updated.created_at) == (added.uuid, added.created_at)
    assert updated.dose == "100 mg, one in the morning" and updated.notes == ""
    store.deleted.move(DeletedKind.MEDICATION, added.id)
    with pytest.raises(NotFoundError):
        store.medications.update(added.id, SERTRALINE)
    with pytest.raises(NotFoundError):
        store.medications.get(added.id)


def test_a_medication_goes_to_recently_deleted_comes_back_and_is_erased(store: Store) -> None:
    kept, erased, old = (
        store.medications.add(NewMedication(name)) for name in ("Sertraline", "Melatonin", "Old")
    )
    store.deleted.move(DeletedKind.MEDICATION, kept.id)
    assert [m.id for m in store.medications.current(TODAY)] == [erased.id, old.id]
    [item] = store.deleted.items()
    assert (item.kind, item.description, item.record) == (
        DeletedKind.MEDICATION,
        "Sertraline",
        kept,
    )
    store.deleted.restore(DeletedKind.MEDICATION, kept.id)
    assert kept.id in [m.id for m in store.medications.list()]

    store.deleted.move(DeletedKind.MEDICATION, erased.id)
    store.deleted.erase(DeletedKind.MEDICATION, erased.id)
    assert store.deleted.items() == []
    store.deleted.move(DeletedKind.MEDICATION, old.id, at=datetime.now(UTC) - timedelta(days=31))
    assert store.deleted.purge() == 1
    assert [m.name for m in store.medications.list()] == ["Sertraline"]
    assert store.counts()["medications"] == 1
