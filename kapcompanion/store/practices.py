"""`store.practices`: the practice log (what the client did for themselves between sessions)
and the practices of their own.

An entry names a built-in practice by its key (resources/practices/practices.json) or one of
the client's own practices by its row. An own practice can be renamed (its entries follow)
and removed: removing only hides it from the choices, since the entries logged with it keep
its name; adding a practice by a removed one's name brings that one back. Moving an entry to
"recently deleted" is `store.deleted`'s job. Never imports Qt.

Local time: every time is stored in UTC. `weekly_counts` is the one place here that needs the
client's calendar; like the rest of the core (trends, follow-ups) it turns each stored time
into local time in Python, with the zone it is given or the computer's own, so a week runs
Monday to Sunday where the client lives, across a change to or from summer time too.
"""

from __future__ import annotations

import builtins
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from kapcompanion.data_files.practices import builtin_keys
from kapcompanion.domain import (
    NewPracticeEntry,
    OwnPractice,
    PracticeEntry,
    WeekCount,
    new_uuid,
    utc_now,
)
from kapcompanion.entry_rules import (
    checked_minutes,
    checked_name,
    checked_not_future,
    checked_note,
)
from kapcompanion.errors import EntryRefusedError, NotFoundError
from kapcompanion.ids import OwnPracticeId, PracticeEntryId
from kapcompanion.store import rows as to
from kapcompanion.store.part import Part
from kapcompanion.store.rows import Row
from kapcompanion.timestamps import to_db_time
from kapcompanion.wording.translation import translate

CONTEXT = "Store"
_ENTRIES = (
    "SELECT e.*, o.name AS own_name FROM practice_entries e "
    "LEFT JOIN own_practices o ON o.id = e.own_practice_id"
)


class Practices(Part):
    # The log --------------------------------------------------------------------------------

    def log(self, new: NewPracticeEntry, *, now: datetime | None = None) -> PracticeEntry:
        """Log one practice; refused (EntryRefusedError) with a time still to come, minutes
        outside 1..1440 or a note longer than one entry holds."""
        moment = now or utc_now()
        with self._db.atomic():
            fields = self._fields(new, moment, allowed_own=None)
            stamp = to_db_time(moment)
            new_id = self._insert(
                "practice_entries",
                {"uuid": new_uuid(), **fields, "created_at": stamp, "updated_at": stamp},
            )
            return self.get(PracticeEntryId(new_id))

    def edit(
        self, entry_id: PracticeEntryId, new: NewPracticeEntry, *, now: datetime | None = None
    ) -> PracticeEntry:
        """Replace what the client logged; the uuid and creation time stay as they were."""
        moment = now or utc_now()
        with self._db.atomic():
            current = self.get(entry_id)
            fields = self._fields(new, moment, allowed_own=current.practice.own_id)
            fields["updated_at"] = to_db_time(moment)
            self._table("practice_entries").update(entry_id, fields)
            return self.get(entry_id)

    def get(self, entry_id: PracticeEntryId) -> PracticeEntry:
        row = self._one(f"{_ENTRIES} WHERE e.id = ? AND e.deleted_at IS NULL", [entry_id])
        if row is None:
            raise NotFoundError(f"No practice entry {entry_id}.")
        return to.practice_entry(row)

    def entries(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        *,
        newest_first: bool = True,
    ) -> builtins.list[PracticeEntry]:
        """Live entries done from `start` up to (not including) `end`; None on either side
        means from the first or up to the last. Newest first (the history), or oldest first
        (charts and the printout)."""
        where, params = _period("e.done_at", start, end)
        order = "DESC" if newest_first else "ASC"
        rows = self._all(
            f"{_ENTRIES} WHERE e.deleted_at IS NULL{where} "
            f"ORDER BY e.done_at {order}, e.id {order}",
            params,
        )
        return [to.practice_entry(row) for row in rows]

    def weekly_counts(
        self,
        first_day: date | None = None,
        last_day: date | None = None,
        zone: tzinfo | None = None,
    ) -> builtins.list[WeekCount]:
        """How many practices were logged in each ISO week that the days `first_day` to
        `last_day` (local, both included) touch, weeks with none included, oldest first.

        Days are the client's: `zone`, or the computer's own when None. Without `first_day`
        the weeks start at the first entry's, without `last_day` they end at the last's; a
        log with no entries in the period gives no weeks when it is open-ended.
        """
        start = None if first_day is None else _local_midnight(first_day, zone)
        end = None if last_day is None else _local_midnight(last_day + timedelta(days=1), zone)
        where, params = _period("done_at", start, end)
        mondays: Counter[date] = Counter()
        for (done_at,) in self._db.execute(
            f"SELECT done_at FROM practice_entries WHERE deleted_at IS NULL{where}", params
        ):
            mondays[_monday(datetime.fromisoformat(done_at).astimezone(zone).date())] += 1
        if first_day is None and not mondays:
            return []
        low = _monday(first_day) if first_day is not None else min(mondays)
        if last_day is not None:
            high = _monday(last_day)
        elif mondays:
            high = max(mondays)
        else:
            high = low
        weeks = []
        monday = low
        while monday <= high:
            weeks.append(WeekCount(monday, mondays[monday]))
            monday += timedelta(weeks=1)
        return weeks

    # Practices of the client's own --------------------------------------------------------

    def add_own(self, name: str) -> OwnPractice:
        """A practice of the client's own. A name already in use (in any case) is refused; a
        removed practice of that name comes back instead of a second one being made."""
        name = _checked_practice_name(name)
        now = to_db_time(utc_now())
        with self._db.atomic():
            self._refuse_taken(name)
            removed = next(
                (
                    row["id"]
                    for row in self._all(
                        "SELECT id, name FROM own_practices WHERE deleted_at IS NOT NULL "
                        "ORDER BY updated_at DESC, id DESC"
                    )
                    if _same_name(row["name"], name)
                ),
                None,
            )
            if removed is not None:
                self._table("own_practices").update(
                    removed, {"name": name, "deleted_at": None, "updated_at": now}
                )
                return self.own_practice(OwnPracticeId(removed))
            new_id = self._insert(
                "own_practices",
                {"uuid": new_uuid(), "name": name, "created_at": now, "updated_at": now},
            )
            return self.own_practice(OwnPracticeId(new_id))

    def rename_own(self, practice_id: OwnPracticeId, name: str) -> OwnPractice:
        """A new name for a practice of the client's own; its entries follow."""
        name = _checked_practice_name(name)
        with self._db.atomic():
            self._require_live("own_practices", practice_id)
            self._refuse_taken(name, but=practice_id)
            self._table("own_practices").update(
                practice_id, {"name": name, "updated_at": to_db_time(utc_now())}
            )
            return self.own_practice(practice_id)

    def remove_own(self, practice_id: OwnPracticeId) -> None:
        """Take a practice of the client's own off the choices (its entries keep it)."""
        now = to_db_time(utc_now())
        with self._db.atomic():
            self._require_live("own_practices", practice_id)
            self._table("own_practices").update(practice_id, {"deleted_at": now, "updated_at": now})

    def own_practice(self, practice_id: OwnPracticeId) -> OwnPractice:
        """One practice of the client's own, removed or not (an old entry may name it)."""
        row = self._one("SELECT * FROM own_practices WHERE id = ?", [practice_id])
        if row is None:
            raise NotFoundError(f"No practice of your own {practice_id}.")
        return to.own_practice(row)

    def own_ids_by_name(self) -> dict[str, OwnPracticeId]:
        """The client's own practices on offer, by `name_key` of their name (for an import,
        which takes a practice of the same name as the one already here)."""
        return {name_key(practice.name): practice.id for practice in self.own()}

    def own(self) -> builtins.list[OwnPractice]:
        """The client's own practices on offer (not removed), by name."""
        rows = self._all(
            "SELECT * FROM own_practices WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id"
        )
        return [to.own_practice(row) for row in rows]

    # Helpers ----------------------------------------------------------------------------------

    def _fields(
        self, new: NewPracticeEntry, now: datetime, *, allowed_own: OwnPracticeId | None
    ) -> Row:
        practice = new.practice
        if practice.builtin_key is not None and practice.builtin_key not in builtin_keys():
            raise ValueError(f"There is no built-in practice {practice.builtin_key!r}.")
        if practice.own_id is not None and practice.own_id != allowed_own:
            self._require_live("own_practices", practice.own_id)
        return {
            "builtin_key": practice.builtin_key,
            "own_practice_id": practice.own_id,
            "done_at": to_db_time(checked_not_future(new.done_at, now)),
            "minutes": checked_minutes(new.minutes),
            "note": checked_note(new.note),
        }

    def _refuse_taken(self, name: str, but: OwnPracticeId | None = None) -> None:
        for practice in self.own():
            if practice.id != but and _same_name(practice.name, name):
                raise EntryRefusedError(
                    translate(
                        CONTEXT,
                        "There is already a practice of your own called %1. Nothing was saved.",
                        practice.name,
                    )
                )


def _checked_practice_name(name: str) -> str:
    return checked_name(name, translate(CONTEXT, "A practice of your own needs a name."))


def name_key(name: str) -> str:
    """What two names of practices must share to be the same practice: spaces and case aside."""
    return " ".join(name.split()).casefold()


def _same_name(one: str, other: str) -> bool:
    return name_key(one) == name_key(other)


def _period(column: str, start: datetime | None, end: datetime | None) -> tuple[str, list[str]]:
    """ " AND start <= column < end" (either side left out when None), with its parameters."""
    where, params = "", []
    if start is not None:
        where += f" AND {column} >= ?"
        params.append(to_db_time(start))
    if end is not None:
        where += f" AND {column} < ?"
        params.append(to_db_time(end))
    return where, params


def _local_midnight(day: date, zone: tzinfo | None) -> datetime:
    """The start of `day` in `zone` (the computer's own when None), in UTC."""
    if zone is None:
        return datetime.combine(day, time()).astimezone().astimezone(UTC)
    return datetime.combine(day, time(), zone).astimezone(UTC)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
