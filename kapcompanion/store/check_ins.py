"""`store.check_ins`: questionnaire check-ins (PHQ-9, GAD-7, PCL-5), answer by answer, and the
quick distress ratings the client records between sessions.

Discarding a draft check-in is `store.deleted.move(DeletedKind.CHECK_IN, …)`. Never imports Qt.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kapcompanion.domain import (
    CheckIn,
    DistressRating,
    RatingMoment,
    ReflectionStatus,
    check_distress,
    new_uuid,
    utc_now,
)
from kapcompanion.errors import NotFoundError
from kapcompanion.ids import CheckInId
from kapcompanion.store import rows as to
from kapcompanion.store.part import Part
from kapcompanion.timestamps import to_db_time


class CheckIns(Part):
    def start(self, instrument: str, version: int, *, at: datetime | None = None) -> CheckIn:
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            new_id = self._insert(
                "checkins",
                {
                    "uuid": new_uuid(),
                    "instrument": instrument,
                    "instrument_version": version,
                    "status": ReflectionStatus.DRAFT.value,
                    "started_at": now,
                    "updated_at": now,
                },
            )
            return self.get(CheckInId(new_id))

    def save_answer(self, check_in_id: CheckInId, item_number: int, value: int | None) -> None:
        """Record (or, with None, clear) one answer; a draft keeps them through a crash."""
        now = to_db_time(utc_now())
        with self._db.atomic():
            self._require_live("checkins", check_in_id)
            if value is None:
                self._db.execute(
                    "DELETE FROM checkin_answers WHERE checkin_id = ? AND item_number = ?",
                    [check_in_id, item_number],
                )
            else:
                self._db.execute(
                    "INSERT INTO checkin_answers (checkin_id, item_number, value, updated_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (checkin_id, item_number) DO UPDATE SET "
                    "value = excluded.value, updated_at = excluded.updated_at",
                    [check_in_id, item_number, value, now],
                )
            self._table("checkins").update(check_in_id, {"updated_at": now})

    def set_extra_answer(self, check_in_id: CheckInId, value: int | None) -> None:
        with self._db.atomic():
            self._require_live("checkins", check_in_id)
            self._table("checkins").update(
                check_in_id, {"extra_answer": value, "updated_at": to_db_time(utc_now())}
            )

    def complete(self, check_in_id: CheckInId, *, at: datetime | None = None) -> CheckIn:
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            self._require_live("checkins", check_in_id)
            self._table("checkins").update(
                check_in_id,
                {"status": ReflectionStatus.COMPLETE.value, "completed_at": now, "updated_at": now},
            )
            return self.get(check_in_id)

    def get(self, check_in_id: CheckInId) -> CheckIn:
        row = self._one("SELECT * FROM checkins WHERE id = ? AND deleted_at IS NULL", [check_in_id])
        if row is None:
            raise NotFoundError(f"No check-in {check_in_id}.")
        answers = {
            number: value
            for number, value in self._db.execute(
                "SELECT item_number, value FROM checkin_answers WHERE checkin_id = ?",
                [check_in_id],
            )
        }
        return to.check_in(row, answers)

    def completed(self, instrument: str | None = None) -> list[CheckIn]:
        """Finished check-ins, oldest first (of one instrument if given)."""
        where = "status = 'complete' AND deleted_at IS NULL"
        params: list[Any] = []
        if instrument is not None:
            where += " AND instrument = ?"
            params.append(instrument)
        rows = self._all(f"SELECT * FROM checkins WHERE {where} ORDER BY completed_at, id", params)
        # All their answers in one query, not one query per check-in (780 at ten years).
        answers: dict[int, dict[int, int]] = {row["id"]: {} for row in rows}
        for check_in_id, number, value in self._db.execute(
            "SELECT a.checkin_id, a.item_number, a.value FROM checkin_answers a "
            f"JOIN checkins ON checkins.id = a.checkin_id WHERE {where}",
            params,
        ):
            answers[check_in_id][number] = value
        return [to.check_in(row, answers[row["id"]]) for row in rows]

    def latest(self, instrument: str) -> CheckIn | None:
        """The last finished check-in of `instrument` (the last of `completed(instrument)`)."""
        row = self._one(
            "SELECT id FROM checkins WHERE instrument = ? AND status = 'complete' "
            "AND deleted_at IS NULL ORDER BY completed_at DESC, id DESC LIMIT 1",
            [instrument],
        )
        return None if row is None else self.get(CheckInId(row["id"]))

    def unfinished(self, instrument: str) -> CheckIn | None:
        row = self._one(
            "SELECT id FROM checkins WHERE instrument = ? AND status = 'draft' "
            "AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1",
            [instrument],
        )
        return None if row is None else self.get(CheckInId(row["id"]))

    # Quick distress ratings ---------------------------------------------------------------------

    def add_distress_rating(
        self, value: int, *, note: str = "", at: datetime | None = None
    ) -> DistressRating:
        check_distress(value)
        now = to_db_time(utc_now())
        with self._db.atomic():
            new_id = self._insert(
                "distress_ratings",
                {
                    "uuid": new_uuid(),
                    "rated_at": to_db_time(at or utc_now()),
                    "value": value,
                    "moment": RatingMoment.CHECK_IN.value,
                    "note": note,
                    "created_at": now,
                    "updated_at": now,
                },
            )
            row = self._one("SELECT * FROM distress_ratings WHERE id = ?", [new_id])
            assert row is not None
            return to.distress_rating(row)

    def latest_distress_rating(self) -> DistressRating | None:
        """The live quick distress check-in made last, if any."""
        row = self._one(
            "SELECT * FROM distress_ratings WHERE deleted_at IS NULL "
            "ORDER BY rated_at DESC, id DESC LIMIT 1"
        )
        return None if row is None else to.distress_rating(row)

    def distress_ratings(self) -> list[DistressRating]:
        """Live quick distress check-ins (not the ratings of sessions or reflections), oldest
        first."""
        rows = self._all(
            "SELECT * FROM distress_ratings WHERE deleted_at IS NULL ORDER BY rated_at, id"
        )
        return [to.distress_rating(row) for row in rows]
