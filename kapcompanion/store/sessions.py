"""`store.sessions`: the sessions of the course (dosing, preparation, integration).

Adds, changes and reads sessions; moving one to "recently deleted" is `store.deleted`'s job.
Never imports Qt.
"""

from __future__ import annotations

import builtins
import json
from datetime import datetime

from kapcompanion.domain import NewSession, Session, SessionKind, check_distress, new_uuid, utc_now
from kapcompanion.errors import NotFoundError
from kapcompanion.ids import SessionId
from kapcompanion.limits import refuse_too_long
from kapcompanion.store import rows as to
from kapcompanion.store.part import Part
from kapcompanion.store.rows import Row
from kapcompanion.timestamps import to_db_time


class Sessions(Part):
    def add(self, new: NewSession, *, at: datetime | None = None) -> Session:
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            new_id = self._insert(
                "sessions",
                {"uuid": new_uuid(), **_fields(new), "created_at": now, "updated_at": now},
            )
            return self.get(SessionId(new_id))

    def update(self, session_id: SessionId, new: NewSession) -> Session:
        """Replace what the client entered; the uuid and creation time stay as they were."""
        with self._db.atomic():
            self._require_live("sessions", session_id)
            fields = {**_fields(new), "updated_at": to_db_time(utc_now())}
            self._table("sessions").update(session_id, fields)
            return self.get(session_id)

    def get(self, session_id: SessionId) -> Session:
        row = self._one("SELECT * FROM sessions WHERE id = ? AND deleted_at IS NULL", [session_id])
        if row is None:
            raise NotFoundError(f"No session {session_id}.")
        return to.session(row)

    def list(self) -> builtins.list[Session]:
        """Live sessions, oldest first."""
        rows = self._all("SELECT * FROM sessions WHERE deleted_at IS NULL ORDER BY held_at, id")
        return [to.session(row) for row in rows]

    def next_number(self) -> int:
        """The number the next dosing session would have in the course."""
        row = self._one(
            "SELECT MAX(number_in_course) AS highest FROM sessions "
            "WHERE kind = 'dosing' AND deleted_at IS NULL"
        )
        return int(row["highest"] or 0) + 1 if row else 1


def _fields(new: NewSession) -> Row:
    refuse_too_long(new.route, new.setting, new.intention, new.after_effects_notes, new.notes)
    return {
        "kind": SessionKind(new.kind).value,
        "held_at": to_db_time(new.held_at),
        "number_in_course": new.number_in_course,
        "route": new.route,
        "setting": new.setting,
        "intention": new.intention,
        "distress_before": check_distress(new.distress_before),
        "distress_after": check_distress(new.distress_after),
        "after_effects": json.dumps(list(new.after_effects)),
        "after_effects_notes": new.after_effects_notes,
        "notes": new.notes,
    }
