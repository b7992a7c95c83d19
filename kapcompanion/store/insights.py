"""`store.insights`: insights, the small steps (commitments) taken from them, and dated notes
on how each step is going.

Moving an insight to "recently deleted" is `store.deleted`'s job; its themes are
`store.themes`'. Never imports Qt.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from kapcompanion.domain import (
    Commitment,
    CommitmentNote,
    CommitmentStatus,
    Insight,
    Phase,
    new_uuid,
    utc_now,
)
from kapcompanion.errors import EntryRefusedError, NotFoundError
from kapcompanion.ids import CommitmentId, InsightId, ReflectionId, SessionId
from kapcompanion.limits import refuse_too_long
from kapcompanion.store import rows as to
from kapcompanion.store.keep import KEEP, Keep
from kapcompanion.store.only_ids import only
from kapcompanion.store.part import Part
from kapcompanion.store.rows import Row
from kapcompanion.timestamps import to_db_time
from kapcompanion.wording.translation import translate

CONTEXT = "Store"
T = TypeVar("T")


@dataclass(frozen=True)
class InsightOrigin:
    """Where a live insight came from, as far as the store still holds it."""

    reflection_id: ReflectionId | None  # the reflection it came from, unless that was deleted
    phase: Phase | None  # that reflection's phase
    session_id: SessionId | None  # that reflection's session, else the insight's own


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

    def with_origins(
        self, of: Collection[InsightId] | None = None
    ) -> builtins.list[tuple[Insight, InsightOrigin]]:
        """Live insights (all, or those of `of`) with where each came from, in one query, in
        `list`'s order: pinned first, then newest first."""
        condition, params = only("i.id", of)
        rows = self._all(
            "SELECT i.*, r.id AS origin_reflection, r.phase AS origin_phase, "
            "CASE WHEN r.id IS NULL THEN i.session_id ELSE r.session_id END AS origin_session "
            "FROM insights i "
            "LEFT JOIN reflections r ON r.id = i.reflection_id AND r.deleted_at IS NULL "
            "WHERE i.deleted_at IS NULL" + condition + " "
            "ORDER BY i.pinned DESC, i.created_at DESC, i.id DESC",
            params,
        )
        return [
            (
                to.insight(row),
                InsightOrigin(
                    reflection_id=_or_none(ReflectionId, row["origin_reflection"]),
                    phase=_or_none(Phase, row["origin_phase"]),
                    session_id=_or_none(SessionId, row["origin_session"]),
                ),
            )
            for row in rows
        ]

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

    def commitments_by_insight(
        self, of: Collection[InsightId] | None = None
    ) -> dict[InsightId, builtins.list[Commitment]]:
        """The live small steps of every insight (or of those in `of`) in one query, each
        insight's first made first (as `commitments_for` gives them); one with none is left
        out."""
        condition, params = only("insight_id", of)
        rows = self._all(
            "SELECT * FROM commitments WHERE deleted_at IS NULL"
            + condition
            + " ORDER BY created_at, id",
            params,
        )
        steps: dict[InsightId, builtins.list[Commitment]] = {}
        for row in rows:
            step = to.commitment(row)
            steps.setdefault(step.insight_id, []).append(step)
        return steps

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

    def notes_by_commitment(
        self, of_insights: Collection[InsightId] | None = None
    ) -> dict[CommitmentId, builtins.list[CommitmentNote]]:
        """The notes of every live small step (or of the steps of the insights in
        `of_insights`) in one query, each step's oldest first (as `commitment_notes` gives
        them); a step with none is left out."""
        condition, params = only("c.insight_id", of_insights)
        rows = self._all(
            "SELECT n.* FROM commitment_notes n JOIN commitments c ON c.id = n.commitment_id "
            "WHERE n.deleted_at IS NULL AND c.deleted_at IS NULL"
            + condition
            + " ORDER BY n.commitment_id, n.noted_at, n.id",
            params,
        )
        notes: dict[CommitmentId, builtins.list[CommitmentNote]] = {}
        for row in rows:
            note = to.commitment_note(row)
            notes.setdefault(note.commitment_id, []).append(note)
        return notes


def _or_none(make: Callable[[Any], T], value: Any) -> T | None:
    return None if value is None else make(value)
