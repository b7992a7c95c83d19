"""`store.medications`: the client's own medication list, to show their prescriber.

Each medication is written as the client copies it: a name and a dose as the prescriber wrote
them (free text), the days it was started and stopped (both optional), and notes. The app
gives no advice and checks no interactions: it only keeps the list. Current and past are
told apart by the stop day, in the client's calendar (`today`). Moving one to "recently
deleted" is `store.deleted`'s job. Never imports Qt.
"""

from __future__ import annotations

import builtins
from datetime import date, datetime

from kapcompanion.domain import Medication, NewMedication, new_uuid, utc_now
from kapcompanion.entry_rules import checked_dates, checked_name, checked_note
from kapcompanion.errors import NotFoundError
from kapcompanion.ids import MedicationId
from kapcompanion.store import rows as to
from kapcompanion.store.part import Part
from kapcompanion.store.rows import Row
from kapcompanion.timestamps import to_db_time
from kapcompanion.wording.translation import translate

CONTEXT = "Store"
_LIVE = "SELECT * FROM medications WHERE deleted_at IS NULL"
_BY_NAME = "ORDER BY name COLLATE NOCASE, id"


class Medications(Part):
    def add(self, new: NewMedication, *, at: datetime | None = None) -> Medication:
        fields = _fields(new)
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            new_id = self._insert(
                "medications",
                {"uuid": new_uuid(), **fields, "created_at": now, "updated_at": now},
            )
            return self.get(MedicationId(new_id))

    def update(self, medication_id: MedicationId, new: NewMedication) -> Medication:
        """Replace what the client wrote; the uuid and creation time stay as they were."""
        fields = {**_fields(new), "updated_at": to_db_time(utc_now())}
        with self._db.atomic():
            self._require_live("medications", medication_id)
            self._table("medications").update(medication_id, fields)
            return self.get(medication_id)

    def get(self, medication_id: MedicationId) -> Medication:
        row = self._one(f"{_LIVE} AND id = ?", [medication_id])
        if row is None:
            raise NotFoundError(f"No medication {medication_id}.")
        return to.medication(row)

    def list(self) -> builtins.list[Medication]:
        """Every medication on the list (current and past), by name."""
        return [to.medication(row) for row in self._all(f"{_LIVE} {_BY_NAME}")]

    def current(self, today: date) -> builtins.list[Medication]:
        """Those not stopped by `today` (no stop day, or one still to come), by name."""
        rows = self._all(
            f"{_LIVE} AND (stopped_on IS NULL OR stopped_on > ?) {_BY_NAME}", [today.isoformat()]
        )
        return [to.medication(row) for row in rows]

    def past(self, today: date) -> builtins.list[Medication]:
        """Those stopped on or before `today`, most recently stopped first."""
        rows = self._all(
            f"{_LIVE} AND stopped_on <= ? ORDER BY stopped_on DESC, name COLLATE NOCASE, id",
            [today.isoformat()],
        )
        return [to.medication(row) for row in rows]


def _fields(new: NewMedication) -> Row:
    name = checked_name(new.name, translate(CONTEXT, "A medication needs a name."))
    checked_dates(new.started_on, new.stopped_on)
    return {
        "name": name,
        "dose": checked_note(new.dose.strip()),
        "started_on": None if new.started_on is None else new.started_on.isoformat(),
        "stopped_on": None if new.stopped_on is None else new.stopped_on.isoformat(),
        "notes": checked_note(new.notes),
    }
