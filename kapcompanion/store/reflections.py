"""`store.reflections`: reflections and their answers, from a first draft to complete.

A draft autosaves answer by answer and survives a crash; `finish` lands the closing rating,
insights and themes in one transaction. Moving a reflection to "recently deleted" is
`store.deleted`'s job. Never imports Qt.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from kapcompanion.domain import (
    Answer,
    Phase,
    Reflection,
    ReflectionStatus,
    check_distress,
    new_uuid,
    utc_now,
)
from kapcompanion.errors import NotFoundError
from kapcompanion.ids import AnswerId, ReflectionId, SessionId
from kapcompanion.limits import refuse_too_long
from kapcompanion.store import rows as to
from kapcompanion.store.keep import KEEP, Keep
from kapcompanion.store.part import Part
from kapcompanion.store.rows import Row
from kapcompanion.timestamps import to_db_time


class Reflections(Part):
    def start(
        self,
        phase: Phase,
        prompt_set_id: str,
        prompt_set_version: int,
        *,
        session_id: SessionId | None = None,
        at: datetime | None = None,
    ) -> Reflection:
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            if session_id is not None:
                self._require_live("sessions", session_id)
            new_id = self._insert(
                "reflections",
                {
                    "uuid": new_uuid(),
                    "session_id": session_id,
                    "phase": Phase(phase).value,
                    "prompt_set_id": prompt_set_id,
                    "prompt_set_version": prompt_set_version,
                    "status": ReflectionStatus.DRAFT.value,
                    "started_at": now,
                    "updated_at": now,
                },
            )
            return self.get(ReflectionId(new_id))

    def save_answer(
        self,
        reflection_id: ReflectionId,
        *,
        position: int,
        prompt_id: str,
        prompt_text: str,
        text: str,
        skipped: bool = False,
        at: datetime | None = None,
    ) -> None:
        """Store the answer to one prompt, with the prompt's wording as the client saw it.

        Text longer than one entry holds (kapcompanion.limits) is refused, nothing written."""
        refuse_too_long(text, prompt_text)
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            self._db.execute(
                """
                INSERT INTO answers (uuid, reflection_id, position, prompt_id, prompt_text,
                                     text, skipped, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (reflection_id, prompt_id) DO UPDATE SET
                    position = excluded.position, prompt_text = excluded.prompt_text,
                    text = excluded.text, skipped = excluded.skipped,
                    updated_at = excluded.updated_at
                """,
                [
                    new_uuid(),
                    reflection_id,
                    position,
                    prompt_id,
                    prompt_text,
                    text,
                    int(skipped),
                    now,
                ],
            )
            self._db.execute(
                "UPDATE reflections SET updated_at = ?, current_position = ? WHERE id = ?",
                [now, position, reflection_id],
            )

    def update_answer(self, answer_id: AnswerId, text: str) -> Answer:
        """Change the words of one answer (the prompt it answered stays as it was)."""
        refuse_too_long(text)
        now = to_db_time(utc_now())
        with self._db.atomic():
            row = self._one("SELECT * FROM answers WHERE id = ?", [answer_id])
            if row is None:
                raise NotFoundError(f"No answer {answer_id}.")
            self._table("answers").update(
                answer_id,
                {"text": text, "skipped": int(row["skipped"] and not text), "updated_at": now},
            )
            self._table("reflections").update(row["reflection_id"], {"updated_at": now})
            updated = self._one("SELECT * FROM answers WHERE id = ?", [answer_id])
            assert updated is not None
            return to.answer(updated)

    def set_distress(
        self,
        reflection_id: ReflectionId,
        *,
        start: int | Keep | None = KEEP,
        end: int | Keep | None = KEEP,
    ) -> None:
        """Record the distress rating at the start and/or the end (None: not rated)."""
        fields: Row = {"updated_at": to_db_time(utc_now())}
        if not isinstance(start, Keep):
            fields["distress_start"] = check_distress(start)
        if not isinstance(end, Keep):
            fields["distress_end"] = check_distress(end)
        with self._db.atomic():
            self._require_live("reflections", reflection_id)
            self._table("reflections").update(reflection_id, fields)

    def set_position(self, reflection_id: ReflectionId, position: int) -> None:
        """Remember which step the client is on, so a paused reflection resumes there."""
        with self._db.atomic():
            self._require_live("reflections", reflection_id)
            self._table("reflections").update(
                reflection_id,
                {"current_position": position, "updated_at": to_db_time(utc_now())},
            )

    def set_shareable(self, reflection_id: ReflectionId, shareable: bool) -> None:
        """Whether the client chose to share this reflection with their therapist."""
        with self._db.atomic():
            self._require_live("reflections", reflection_id)
            self._table("reflections").update(
                reflection_id, {"shareable": int(shareable), "updated_at": to_db_time(utc_now())}
            )

    def finish(
        self,
        reflection_id: ReflectionId,
        *,
        distress_end: int | None,
        insights: Sequence[str],
        theme_keys: Sequence[str],
    ) -> Reflection:
        """Complete a reflection with its closing rating, insights and confirmed themes.

        All of it lands together or, if anything fails, none of it does.
        """
        with self._db.atomic():
            reflection = self.get(reflection_id)
            self.set_distress(reflection_id, end=distress_end)
            for text in insights:
                if text.strip():
                    insight = self._store.insights.add(
                        text, reflection_id=reflection_id, session_id=reflection.session_id
                    )
                    self._store.themes.set_for_insight(insight.id, theme_keys)
            self._store.themes.set_for_reflection(reflection_id, theme_keys)
            return self.complete(reflection_id)

    def complete(self, reflection_id: ReflectionId, *, at: datetime | None = None) -> Reflection:
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            self._require_live("reflections", reflection_id)
            self._table("reflections").update(
                reflection_id,
                {"status": ReflectionStatus.COMPLETE.value, "completed_at": now, "updated_at": now},
            )
            return self.get(reflection_id)

    def get(self, reflection_id: ReflectionId) -> Reflection:
        row = self._one(
            "SELECT * FROM reflections WHERE id = ? AND deleted_at IS NULL", [reflection_id]
        )
        if row is None:
            raise NotFoundError(f"No reflection {reflection_id}.")
        answers = self._all(
            "SELECT * FROM answers WHERE reflection_id = ? ORDER BY position, id",
            [reflection_id],
        )
        return to.reflection(row, tuple(to.answer(answer) for answer in answers))

    def list(self, session_id: SessionId | None = None) -> builtins.list[Reflection]:
        """Live reflections (without their answers), oldest first; of one session if given."""
        where = "deleted_at IS NULL"
        params: list[Any] = []
        if session_id is not None:
            where += " AND session_id = ?"
            params.append(session_id)
        rows = self._all(f"SELECT * FROM reflections WHERE {where} ORDER BY started_at, id", params)
        return [to.reflection(row, ()) for row in rows]

    def unfinished(self) -> builtins.list[Reflection]:
        """Drafts the client paused or lost to a crash, most recently touched first."""
        rows = self._all(
            "SELECT * FROM reflections WHERE status = 'draft' AND deleted_at IS NULL "
            "ORDER BY updated_at DESC, id DESC"
        )
        return [to.reflection(row, ()) for row in rows]

    def first_written_answers(
        self, reflection_ids: Collection[ReflectionId]
    ) -> dict[ReflectionId, tuple[Answer, ...]]:
        """Of many reflections, each one's first answer with words in it (not skipped, not
        blank), in one query: what a list of reflections shows of each. A reflection with no
        words is left out."""
        rows = self._all(
            "SELECT * FROM (SELECT *, row_number() OVER "
            "(PARTITION BY reflection_id ORDER BY position, id) AS nth FROM answers "
            "WHERE reflection_id IN (SELECT value FROM json_each(?)) "
            "AND skipped = 0 AND trim(text) != '') WHERE nth = 1",
            [json.dumps(sorted(reflection_ids))],
        )
        return {ReflectionId(row["reflection_id"]): (to.answer(row),) for row in rows}

    def answers_of(
        self, reflection_ids: Collection[ReflectionId]
    ) -> dict[ReflectionId, tuple[Answer, ...]]:
        """The answers of many reflections in one query, each reflection's in prompt order (as
        `get` gives them); a reflection with none is left out."""
        rows = self._all(
            "SELECT * FROM answers WHERE reflection_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY reflection_id, position, id",
            [json.dumps(sorted(reflection_ids))],
        )
        answers: dict[ReflectionId, list[Answer]] = {}
        for row in rows:
            answer = to.answer(row)
            answers.setdefault(answer.reflection_id, []).append(answer)
        return {reflection_id: tuple(each) for reflection_id, each in answers.items()}
