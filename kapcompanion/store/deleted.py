"""`store.deleted`: "recently deleted", one verb set for every kind of record.

`move` puts a record aside (restorable), `restore` brings it back, `erase` deletes it for good,
and `purge` erases what has waited longer than the grace period (run when a profile opens,
never from a screen's refresh). Erasing also rewrites the search index the record's words were
in and empties the `-wal`, so they leave the file (see `scrub`). Nothing here erases a live
record. Never imports Qt.

What goes together, comes back together:

- A session never goes alone: its reflections (drafts too) were written about it, so they go
  with it, and restoring the session brings them back. A reflection moved aside on its own
  before stays where it is, listed apart.
- Insights are the client's to keep. Moving a reflection or a session leaves the insights that
  came from it on the board unless `with_insights` is given; then they go with it and come
  back with it (`insights_from` says how many there are, so the window can ask).
- What went with something is not listed apart: `items` counts it on the row of what it went
  with, and `restore`, `erase` and `purge` treat them as one.

What ties them is the moment: everything moved in one `move` gets the same `deleted_at`, to the
microsecond, so the tie needs no column of its own. An import keeps times to the second, so
there things moved together stay together (and something of the same record moved aside on its
own within that second would come back with them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from kapcompanion.domain import (
    CheckIn,
    DeletedItem,
    DeletedKind,
    DistressRating,
    Medication,
    PracticeEntry,
    Session,
    utc_now,
)
from kapcompanion.errors import NotFoundError
from kapcompanion.store import rows as to
from kapcompanion.store.part import Part
from kapcompanion.store.rows import Row
from kapcompanion.store.scrub import checkpoint_wal, optimize
from kapcompanion.timestamps import from_db_time, to_db_time

GRACE_DAYS = 30
TABLES = {
    DeletedKind.REFLECTION: "reflections",
    DeletedKind.INSIGHT: "insights",
    DeletedKind.CHECK_IN: "checkins",
    DeletedKind.SESSION: "sessions",
    DeletedKind.DISTRESS_RATING: "distress_ratings",
    DeletedKind.PRACTICE: "practice_entries",
    DeletedKind.MEDICATION: "medications",
}
# The search indexes an erased record's words are in (its answers go with a reflection).
INDEXES = {
    DeletedKind.REFLECTION: ("answers_fts",),
    DeletedKind.INSIGHT: ("insights_fts",),
    DeletedKind.CHECK_IN: (),
    DeletedKind.SESSION: ("sessions_fts",),
    DeletedKind.DISTRESS_RATING: (),
    DeletedKind.PRACTICE: (),
    DeletedKind.MEDICATION: (),
}
# What the Recently deleted screen lists and `purge` erases (of check-ins, only finished ones:
# see DeletedKind).
LISTED = (
    DeletedKind.REFLECTION,
    DeletedKind.INSIGHT,
    DeletedKind.SESSION,
    DeletedKind.CHECK_IN,
    DeletedKind.DISTRESS_RATING,
    DeletedKind.PRACTICE,
    DeletedKind.MEDICATION,
)
# Which rows of each table are listed and purged.
_LISTED_ROWS = {kind: "deleted_at IS NOT NULL" for kind in LISTED} | {
    DeletedKind.CHECK_IN: "deleted_at IS NOT NULL AND status = 'complete'"
}
# The insights that came from a session `?1` (its own, and those of its reflections) or from a
# reflection `?1`.
_INSIGHTS_OF_SESSION = (
    "(session_id = ?1 OR reflection_id IN (SELECT id FROM reflections WHERE session_id = ?1))"
)
_INSIGHTS_FROM = {
    DeletedKind.SESSION: _INSIGHTS_OF_SESSION,
    DeletedKind.REFLECTION: "reflection_id = ?1",
}
# Rows moved together with a session or reflection `?1` that was moved at `?2`.
_WENT_WITH = {
    DeletedKind.SESSION: (
        (DeletedKind.INSIGHT, f"deleted_at = ?2 AND {_INSIGHTS_OF_SESSION}"),
        (DeletedKind.REFLECTION, "deleted_at = ?2 AND session_id = ?1"),
    ),
    DeletedKind.REFLECTION: (
        (DeletedKind.INSIGHT, f"deleted_at = ?2 AND {_INSIGHTS_FROM[DeletedKind.REFLECTION]}"),
    ),
}


class Deleted(Part):
    def move(
        self,
        kind: DeletedKind,
        item_id: int,
        *,
        at: datetime | None = None,
        with_insights: bool = False,
    ) -> None:
        """Move a live record to "recently deleted" (restorable; nothing is erased here).

        A session takes its live reflections with it; with `with_insights`, a session or a
        reflection takes the live insights that came from it too.
        """
        kind = DeletedKind(kind)
        table = TABLES[kind]
        moment = _moment(at or datetime.now(UTC))
        with self._db.atomic():
            self._require_live(table, item_id)
            if with_insights and kind in _INSIGHTS_FROM:
                self._db.execute(
                    "UPDATE insights SET deleted_at = ?2 "
                    f"WHERE deleted_at IS NULL AND {_INSIGHTS_FROM[kind]}",
                    [item_id, moment],
                )
            if kind is DeletedKind.SESSION:
                self._db.execute(
                    "UPDATE reflections SET deleted_at = ? "
                    "WHERE session_id = ? AND deleted_at IS NULL",
                    [moment, item_id],
                )
            self._table(table).update(item_id, {"deleted_at": moment})

    def insights_from(self, kind: DeletedKind, item_id: int) -> int:
        """How many live insights came from this session or reflection (0 for other kinds)."""
        where = _INSIGHTS_FROM.get(DeletedKind(kind))
        if where is None:
            return 0
        row = self._one(
            f"SELECT COUNT(*) AS n FROM insights WHERE deleted_at IS NULL AND {where}", [item_id]
        )
        return int(row["n"]) if row else 0

    def restore(self, kind: DeletedKind, item_id: int) -> None:
        """Bring a record back from "recently deleted", with what went there with it."""
        kind = DeletedKind(kind)
        now = to_db_time(utc_now())
        with self._db.atomic():
            moment = self._require_deleted(kind, item_id)
            for each, ids in self._went_with(kind, item_id, moment):
                self._db.execute(
                    f"UPDATE {TABLES[each]} SET deleted_at = NULL, updated_at = ? "
                    "WHERE id IN (SELECT value FROM json_each(?))",
                    [now, _json_ids(ids)],
                )
            self._table(TABLES[kind]).update(item_id, {"deleted_at": None, "updated_at": now})

    def items(self) -> list[DeletedItem]:
        """Everything listed in "recently deleted", most recently deleted first; what went
        with something is counted on its row, not listed apart."""
        items = [
            *self._reflections(),
            *self._insights(),
            *self._sessions(),
            *self._check_ins(),
            *self._distress_ratings(),
            *self._practice_entries(),
            *self._medications(),
        ]
        return sorted(items, key=lambda item: item.deleted_at, reverse=True)

    def erase(self, kind: DeletedKind, item_id: int) -> None:
        """Erase something from "recently deleted" for good, with what went there with it
        (the window asks first)."""
        kind = DeletedKind(kind)
        with self._db.atomic():
            moment = self._require_deleted(kind, item_id)
            erased = [kind]
            for each, ids in self._went_with(kind, item_id, moment):
                self._db.execute(
                    f"DELETE FROM {TABLES[each]} WHERE id IN (SELECT value FROM json_each(?))",
                    [_json_ids(ids)],
                )
                erased.append(each)
            self._db.execute(f"DELETE FROM {TABLES[kind]} WHERE id = ?", [item_id])
            optimize(self._db.conn, _indexes_of(erased))
        checkpoint_wal(self._db.conn)

    def purge(self, *, older_than_days: int = GRACE_DAYS, now: datetime | None = None) -> int:
        """Erase what has been in "recently deleted" for longer than the grace period; returns
        how many records went (what went with something counts too)."""
        cutoff = _moment((now or utc_now()) - timedelta(days=older_than_days))
        with self._db.atomic():
            erased: list[DeletedKind] = []
            count = 0
            for kind in LISTED:
                cursor = self._db.execute(
                    f"DELETE FROM {TABLES[kind]} WHERE {_LISTED_ROWS[kind]} AND deleted_at < ?",
                    [cutoff],
                )
                if cursor.rowcount:
                    count += cursor.rowcount
                    erased.append(kind)
            optimize(self._db.conn, _indexes_of(erased))
        if count:
            checkpoint_wal(self._db.conn)
        return count

    # Reading ----------------------------------------------------------------------------------

    def _went_with(
        self, kind: DeletedKind, item_id: int, moment: str
    ) -> list[tuple[DeletedKind, list[int]]]:
        """What was moved together with this record, by kind (only kinds that have some)."""
        found = []
        for each, where in _WENT_WITH.get(kind, ()):
            ids = [
                int(row["id"])
                for row in self._all(
                    f"SELECT id FROM {TABLES[each]} WHERE {where}", [item_id, moment]
                )
            ]
            if ids:
                found.append((each, ids))
        return found

    def _reflections(self) -> list[DeletedItem]:
        rows = self._all(
            """
            SELECT r.id,
                   COALESCE((SELECT substr(a.text, 1, 120) FROM answers a
                             WHERE a.reflection_id = r.id AND a.text != ''
                             ORDER BY a.position LIMIT 1), r.phase) AS description,
                   r.deleted_at,
                   (SELECT COUNT(*) FROM insights i
                    WHERE i.reflection_id = r.id AND i.deleted_at = r.deleted_at) AS insights
            FROM reflections r
            WHERE r.deleted_at IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM sessions s WHERE s.id = r.session_id AND s.deleted_at = r.deleted_at
            )
            """
        )
        return [_item(DeletedKind.REFLECTION, row, insights=row["insights"]) for row in rows]

    def _insights(self) -> list[DeletedItem]:
        rows = self._all(
            """
            SELECT i.id, i.text AS description, i.deleted_at FROM insights i
            WHERE i.deleted_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM reflections r
                              WHERE r.id = i.reflection_id AND r.deleted_at = i.deleted_at)
              AND NOT EXISTS (SELECT 1 FROM sessions s
                              WHERE s.id = i.session_id AND s.deleted_at = i.deleted_at)
            """
        )
        return [_item(DeletedKind.INSIGHT, row) for row in rows]

    def _sessions(self) -> list[DeletedItem]:
        rows = self._all(
            f"""
            SELECT s.*, substr(s.intention, 1, 120) AS description,
                   (SELECT COUNT(*) FROM reflections r
                    WHERE r.session_id = s.id AND r.deleted_at = s.deleted_at) AS reflections,
                   (SELECT COUNT(*) FROM insights WHERE deleted_at = s.deleted_at
                    AND {_INSIGHTS_OF_SESSION.replace("?1", "s.id")}) AS insights
            FROM sessions s WHERE s.{_LISTED_ROWS[DeletedKind.SESSION]}
            """
        )
        return [
            _item(
                DeletedKind.SESSION,
                row,
                record=to.session(row),
                reflections=row["reflections"],
                insights=row["insights"],
            )
            for row in rows
        ]

    def _check_ins(self) -> list[DeletedItem]:
        rows = self._all(
            "SELECT *, instrument AS description FROM checkins "
            f"WHERE {_LISTED_ROWS[DeletedKind.CHECK_IN]}"
        )
        answers: dict[int, dict[int, int]] = {}
        for answer in self._all(
            "SELECT checkin_id, item_number, value FROM checkin_answers "
            "WHERE checkin_id IN (SELECT value FROM json_each(?))",
            [_json_ids(row["id"] for row in rows)],
        ):
            answers.setdefault(answer["checkin_id"], {})[answer["item_number"]] = answer["value"]
        return [
            _item(DeletedKind.CHECK_IN, row, record=to.check_in(row, answers.get(row["id"], {})))
            for row in rows
        ]

    def _distress_ratings(self) -> list[DeletedItem]:
        rows = self._all(
            "SELECT *, note AS description FROM distress_ratings "
            f"WHERE {_LISTED_ROWS[DeletedKind.DISTRESS_RATING]}"
        )
        return [
            _item(DeletedKind.DISTRESS_RATING, row, record=to.distress_rating(row)) for row in rows
        ]

    def _practice_entries(self) -> list[DeletedItem]:
        rows = self._all(
            "SELECT e.*, o.name AS own_name, e.note AS description FROM practice_entries e "
            "LEFT JOIN own_practices o ON o.id = e.own_practice_id "
            f"WHERE e.{_LISTED_ROWS[DeletedKind.PRACTICE]}"
        )
        return [_item(DeletedKind.PRACTICE, row, record=to.practice_entry(row)) for row in rows]

    def _medications(self) -> list[DeletedItem]:
        rows = self._all(
            "SELECT *, name AS description FROM medications "
            f"WHERE {_LISTED_ROWS[DeletedKind.MEDICATION]}"
        )
        return [_item(DeletedKind.MEDICATION, row, record=to.medication(row)) for row in rows]

    def _require_deleted(self, kind: DeletedKind, item_id: int) -> str:
        """The moment the record was moved aside; NotFoundError if it is not there."""
        table = TABLES[DeletedKind(kind)]
        row = self._one(
            f"SELECT deleted_at FROM {table} WHERE id = ? AND deleted_at IS NOT NULL", [item_id]
        )
        if row is None:
            raise NotFoundError(f"Nothing in recently deleted for {kind} {item_id}.")
        return str(row["deleted_at"])


def _item(
    kind: DeletedKind,
    row: Row,
    *,
    record: Session | CheckIn | DistressRating | PracticeEntry | Medication | None = None,
    reflections: int = 0,
    insights: int = 0,
) -> DeletedItem:
    return DeletedItem(
        kind,
        row["id"],
        row["description"] or "",
        from_db_time(row["deleted_at"]),
        record,
        reflections_with_it=int(reflections),
        insights_with_it=int(insights),
    )


def _moment(at: datetime) -> str:
    """A `deleted_at`: UTC to the microsecond, unlike other stored times (see the docstring)."""
    if at.tzinfo is None:
        raise ValueError("Times must carry a time zone before they are stored.")
    return at.astimezone(UTC).isoformat()


def _indexes_of(kinds: Iterable[DeletedKind]) -> list[str]:
    return [index for kind in kinds for index in INDEXES[kind]]


def _json_ids(ids: Iterable[int]) -> str:
    return json.dumps([int(each) for each in ids])
