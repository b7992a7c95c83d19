"""`store.insights`: insights, the small steps (commitments) taken from them, and dated notes
on how each step is going.

Moving an insight to "recently deleted" is `store.deleted`'s job; its themes are
`store.themes`'. Never imports Qt.
"""

from __future__ import annotations

import builtins
from datetime import datetime

from kapcompanion.domain import (
    Commitment,
    CommitmentNote,
    CommitmentStatus,
    Insight,
    new_uuid,
    utc_now,
)
from kapcompanion.errors import EntryRefusedError, NotFoundError
from kapcompanion.ids import CommitmentId, InsightId, ReflectionId, SessionId
from kapcompanion.limits import refuse_too_long
from kapcompanion.store import rows as to
from kapcompanion.store.keep import KEEP, Keep
from kapcompanion.store.part import Part
from kapcompanion.store.rows import Row
from kapcompanion.timestamps import to_db_time
from kapcompanion.wording.translation import translate

CONTEXT = "Store"


class Insights(Part):
    def add(
        self,
        text: str,
        *,
        reflection_id: ReflectionId | None = None,
        session_id: SessionId | None = None,
        pinned: bool = False,
        shareable: bool = False,
        at: datetime | None = None,
    ) -> Insight:
        if not text.strip():
            raise EntryRefusedError(translate(CONTEXT, "An insight needs a few words."))
        refuse_too_long(text)
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            new_id = self._insert(
                "insights",
                {
                    "uuid": new_uuid(),
                    "text": text.strip(),
                    "reflection_id": reflection_id,
                    "session_id": session_id,
                    "pinned": int(pinned),
                    "shareable": int(shareable),
                    "created_at": now,
                    "updated_at": now,
                },
            )
            return self.get(InsightId(new_id))

    def update(
        self,
        insight_id: InsightId,
        *,
        text: str | Keep = KEEP,
        pinned: bool | Keep = KEEP,
        shareable: bool | Keep = KEEP,
    ) -> Insight:
        """Change an insight's words, pin or sharing; what is not given stays as it was."""
        fields: Row = {"updated_at": to_db_time(utc_now())}
        if not isinstance(text, Keep):
            if not text.strip():
                raise EntryRefusedError(translate(CONTEXT, "An insight needs a few words."))
            refuse_too_long(text)
            fields["text"] = text.strip()
        if not isinstance(pinned, Keep):
            fields["pinned"] = int(pinned)
        if not isinstance(shareable, Keep):
            fields["shareable"] = int(shareable)
        with self._db.atomic():
            self._require_live("insights", insight_id)
            self._table("insights").update(insight_id, fields)
            return self.get(insight_id)

    def get(self, insight_id: InsightId) -> Insight:
        row = self._one("SELECT * FROM insights WHERE id = ? AND deleted_at IS NULL", [insight_id])
        if row is None:
            raise NotFoundError(f"No insight {insight_id}.")
        return to.insight(row)

    def list(self) -> builtins.list[Insight]:
        """Live insights: pinned first, then newest first."""
        rows = self._all(
            "SELECT * FROM insights WHERE deleted_at IS NULL "
            "ORDER BY pinned DESC, created_at DESC, id DESC"
        )
        return [to.insight(row) for row in rows]

    def leading(self, count: int) -> builtins.list[Insight]:
        """The first `count` insights of `list` (pinned first, then newest), read alone."""
        rows = self._all(
            "SELECT * FROM insights WHERE deleted_at IS NULL "
            "ORDER BY pinned DESC, created_at DESC, id DESC LIMIT ?",
            [count],
        )
        return [to.insight(row) for row in rows]

    def from_reflection(self, reflection_id: ReflectionId) -> builtins.list[Insight]:
        """Live insights noted from one reflection, in the order `list` gives."""
        rows = self._all(
            "SELECT * FROM insights WHERE reflection_id = ? AND deleted_at IS NULL "
            "ORDER BY pinned DESC, created_at DESC, id DESC",
            [reflection_id],
        )
        return [to.insight(row) for row in rows]

    # Commitments: the small steps an insight leads to ---------------------------------------

    def add_commitment(
        self,
        insight_id: InsightId,
        text: str,
        status: CommitmentStatus = CommitmentStatus.NOT_STARTED,
        *,
        at: datetime | None = None,
    ) -> Commitment:
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            self._require_live("insights", insight_id)
            new_id = self._insert(
                "commitments",
                {
                    "uuid": new_uuid(),
                    "insight_id": insight_id,
                    "text": text.strip(),
                    "status": CommitmentStatus(status).value,
                    "created_at": now,
                    "updated_at": now,
                },
            )
            row = self._one("SELECT * FROM commitments WHERE id = ?", [new_id])
            assert row is not None
            return to.commitment(row)

    def commitments_for(self, insight_id: InsightId) -> builtins.list[Commitment]:
        rows = self._all(
            "SELECT * FROM commitments WHERE insight_id = ? AND deleted_at IS NULL "
            "ORDER BY created_at, id",
            [insight_id],
        )
        return [to.commitment(row) for row in rows]

    def update_commitment(
        self,
        commitment_id: CommitmentId,
        *,
        text: str | Keep = KEEP,
        status: CommitmentStatus | Keep = KEEP,
    ) -> Commitment:
        fields: Row = {"updated_at": to_db_time(utc_now())}
        if not isinstance(text, Keep):
            fields["text"] = text.strip()
        if not isinstance(status, Keep):
            fields["status"] = CommitmentStatus(status).value
        with self._db.atomic():
            self._require_live("commitments", commitment_id)
            self._table("commitments").update(commitment_id, fields)
            row = self._one("SELECT * FROM commitments WHERE id = ?", [commitment_id])
            assert row is not None
            return to.commitment(row)

    def list_commitments(self) -> builtins.list[Commitment]:
        rows = self._all(
            "SELECT * FROM commitments WHERE deleted_at IS NULL ORDER BY created_at, id"
        )
        return [to.commitment(row) for row in rows]

    def add_commitment_note(
        self, commitment_id: CommitmentId, text: str, *, at: datetime | None = None
    ) -> CommitmentNote:
        """A dated note on how a small step is going."""
        if not text.strip():
            raise EntryRefusedError(translate(CONTEXT, "A note needs a few words."))
        refuse_too_long(text)
        now = to_db_time(utc_now())
        with self._db.atomic():
            self._require_live("commitments", commitment_id)
            new_id = self._insert(
                "commitment_notes",
                {
                    "uuid": new_uuid(),
                    "commitment_id": commitment_id,
                    "noted_at": to_db_time(at or utc_now()),
                    "text": text.strip(),
                    "created_at": now,
                    "updated_at": now,
                },
            )
            row = self._one("SELECT * FROM commitment_notes WHERE id = ?", [new_id])
            assert row is not None
            return to.commitment_note(row)

    def commitment_notes(self, commitment_id: CommitmentId) -> builtins.list[CommitmentNote]:
        rows = self._all(
            "SELECT * FROM commitment_notes WHERE commitment_id = ? AND deleted_at IS NULL "
            "ORDER BY noted_at, id",
            [commitment_id],
        )
        return [to.commitment_note(row) for row in rows]

    def notes_by_commitment(self) -> dict[CommitmentId, builtins.list[CommitmentNote]]:
        """The notes of every live small step in one query, each step's oldest first (as
        `commitment_notes` gives them); a step with none is left out."""
        rows = self._all(
            "SELECT n.* FROM commitment_notes n JOIN commitments c ON c.id = n.commitment_id "
            "WHERE n.deleted_at IS NULL AND c.deleted_at IS NULL "
            "ORDER BY n.commitment_id, n.noted_at, n.id"
        )
        notes: dict[CommitmentId, builtins.list[CommitmentNote]] = {}
        for row in rows:
            note = to.commitment_note(row)
            notes.setdefault(note.commitment_id, []).append(note)
        return notes
