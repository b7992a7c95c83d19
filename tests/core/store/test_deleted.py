"""Recently deleted: one verb set for every kind, and the 30-day purge done at opening."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kapcompanion.domain import DeletedKind, Phase
from kapcompanion.errors import NotFoundError
from kapcompanion.store import Store


def test_opening_erases_what_waited_longer_than_30_days(tmp_path: Path) -> None:
    path = tmp_path / "kap-companion.sqlite3"
    now = datetime.now(UTC)
    with Store.open(path) as store:
        old = store.reflections.start(Phase.OPEN, "open", 1)
        recent = store.reflections.start(Phase.OPEN, "open", 1)
        insight = store.insights.add("Slow down.")
        store.deleted.move(DeletedKind.REFLECTION, old.id, at=now - timedelta(days=31))
        store.deleted.move(DeletedKind.REFLECTION, recent.id, at=now - timedelta(days=2))
        store.deleted.move(DeletedKind.INSIGHT, insight.id, at=now - timedelta(days=40))
        assert len(store.deleted.items()) == 3  # reading never purges
    with Store.open(path) as store:
        assert [(item.kind, item.id) for item in store.deleted.items()] == [
            (DeletedKind.REFLECTION, recent.id)
        ]
        with pytest.raises(NotFoundError):
            store.deleted.restore(DeletedKind.REFLECTION, old.id)


def test_a_discarded_check_in_is_moved_aside_but_not_listed(store: Store) -> None:
    draft = store.check_ins.start("phq9", 1)
    store.deleted.move(DeletedKind.CHECK_IN, draft.id)
    assert store.check_ins.unfinished("phq9") is None
    assert store.deleted.items() == []
    with pytest.raises(NotFoundError):
        store.deleted.move(DeletedKind.CHECK_IN, draft.id)  # already moved
    store.deleted.restore(DeletedKind.CHECK_IN, draft.id)
    assert store.check_ins.unfinished("phq9") == store.check_ins.get(draft.id)
    store.deleted.move(DeletedKind.CHECK_IN, draft.id)
    store.deleted.erase(DeletedKind.CHECK_IN, draft.id)
    with pytest.raises(NotFoundError):
        store.deleted.restore(DeletedKind.CHECK_IN, draft.id)


def test_purge_leaves_discarded_check_ins_as_they_always_were(store: Store) -> None:
    draft = store.check_ins.start("phq9", 1)
    long_ago = datetime.now(UTC) - timedelta(days=90)
    store.deleted.move(DeletedKind.CHECK_IN, draft.id, at=long_ago)
    assert store.deleted.purge() == 0
    store.deleted.restore(DeletedKind.CHECK_IN, draft.id)  # still there to bring back


def test_an_in_memory_store_opens_empty(tmp_path: Path) -> None:
    with Store.in_memory() as store:
        assert store.is_empty()
        assert store.deleted.items() == []
    assert list(tmp_path.iterdir()) == []
