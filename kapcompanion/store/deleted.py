"""`store.deleted`: "recently deleted", one verb set for every kind of record.

`move` puts a record aside (restorable), `restore` brings it back, `erase` deletes it for good,
and `purge` erases what has waited longer than the grace period (run when a profile opens,
never from a screen's refresh). Erasing also rewrites the search index the record's words were
in and empties the `-wal`, so they leave the file (see `scrub`). Nothing here erases a live
record. Never imports Qt.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from kapcompanion.domain import DeletedItem, DeletedKind, utc_now
from kapcompanion.errors import NotFoundError
from kapcompanion.store.part import Part
from kapcompanion.store.scrub import checkpoint_wal, optimize
from kapcompanion.timestamps import from_db_time, to_db_time

GRACE_DAYS = 30
TABLES = {
    DeletedKind.REFLECTION: "reflections",
    DeletedKind.INSIGHT: "insights",
    DeletedKind.CHECK_IN: "checkins",
}
# The search indexes an erased record's words are in (its answers go with a reflection).
INDEXES = {
    DeletedKind.REFLECTION: ("answers_fts",),
    DeletedKind.INSIGHT: ("insights_fts",),
    DeletedKind.CHECK_IN: (),
}
# What the Recently deleted screen lists and `purge` erases (see DeletedKind on check-ins).
LISTED = (DeletedKind.REFLECTION, DeletedKind.INSIGHT)


class Deleted(Part):
    def move(self, kind: DeletedKind, item_id: int, *, at: datetime | None = None) -> None:
        """Move a live record to "recently deleted" (restorable; nothing is erased here)."""
        table = TABLES[DeletedKind(kind)]
        with self._db.atomic():
            self._require_live(table, item_id)
            self._table(table).update(item_id, {"deleted_at": to_db_time(at or utc_now())})

    def restore(self, kind: DeletedKind, item_id: int) -> None:
        """Bring a record back from "recently deleted"."""
        table = TABLES[DeletedKind(kind)]
        with self._db.atomic():
            self._require_deleted(kind, item_id)
            self._table(table).update(
                item_id, {"deleted_at": None, "updated_at": to_db_time(utc_now())}
            )

    def items(self) -> list[DeletedItem]:
        """Reflections and insights in "recently deleted", most recently deleted first."""
        rows = self._all(
            """
            SELECT 'reflection' AS kind, r.id,
                   COALESCE((SELECT substr(a.text, 1, 120) FROM answers a
                             WHERE a.reflection_id = r.id AND a.text != ''
                             ORDER BY a.position LIMIT 1), r.phase) AS description,
                   r.deleted_at
            FROM reflections r WHERE r.deleted_at IS NOT NULL
            UNION ALL
            SELECT 'insight', i.id, i.text, i.deleted_at
            FROM insights i WHERE i.deleted_at IS NOT NULL
            ORDER BY 4 DESC
            """
        )
        return [
            DeletedItem(
                DeletedKind(row["kind"]),
                row["id"],
                row["description"],
                from_db_time(row["deleted_at"]),
            )
            for row in rows
        ]

    def erase(self, kind: DeletedKind, item_id: int) -> None:
        """Erase something from "recently deleted" for good (the window asks first)."""
        table = TABLES[DeletedKind(kind)]
        with self._db.atomic():
            self._require_deleted(kind, item_id)
            self._db.execute(f"DELETE FROM {table} WHERE id = ?", [item_id])
            optimize(self._db.conn, INDEXES[DeletedKind(kind)])
        checkpoint_wal(self._db.conn)

    def purge(self, *, older_than_days: int = GRACE_DAYS, now: datetime | None = None) -> int:
        """Erase what has been in "recently deleted" for longer than the grace period; returns
        how many records went."""
        cutoff = to_db_time((now or utc_now()) - timedelta(days=older_than_days))
        with self._db.atomic():
            erased = 0
            for kind in LISTED:
                cursor = self._db.execute(
                    f"DELETE FROM {TABLES[kind]} WHERE deleted_at IS NOT NULL AND deleted_at < ?",
                    [cutoff],
                )
                if cursor.rowcount:
                    erased += cursor.rowcount
                    optimize(self._db.conn, INDEXES[kind])
        if erased:
            checkpoint_wal(self._db.conn)
        return erased

    def _require_deleted(self, kind: DeletedKind, item_id: int) -> None:
        table = TABLES[DeletedKind(kind)]
        if (
            self._one(f"SELECT 1 FROM {table} WHERE id = ? AND deleted_at IS NOT NULL", [item_id])
            is None
        ):
            raise NotFoundError(f"Nothing in recently deleted for {kind} {item_id}.")
