"""Backups made without being asked, and letting the old ones go.

The window calls `backup_if_due` once the profile is open (a backup when the newest automatic
one is a day old or more, so the very first open makes one) and `backup_on_close` just before
it closes the store (a backup when anything was written). The command line's `backup` rotates.
`Store.open` does neither: tests and the command line open stores all the time.

Automatic backups are named `auto-YYYY-MM-DD-HHMMSS.sqlite3` (a `-2`, `-3`… before the suffix
when that name is taken), so they can be told from the ones made by hand
(`kap-companion-….sqlite3`, or any name given to `backup --out`). They are made with
`Store.back_up`, so a protected profile's stay protected.

`rotate` keeps the newest automatic backup of each of the 7 most recent days, 4 most recent ISO
weeks and 12 most recent months that have one (counted in backups, not on the calendar: a
month away from the app does not cost the older backups), and never the newest one that opens
whole. Backups made by hand are never touched. One that goes is overwritten with zeros first
(`file_swap.wipe`). Times are the local clock's, read from the name; `now` is a parameter so
tests can run a year in a second.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kapcompanion.store.file_swap import wipe
from kapcompanion.store.protection import backup_files

if TYPE_CHECKING:
    from kapcompanion.store.store import Store

# A folder the client chose for their backups too (an external drive, say), as a path string;
# absent: the profile's own `backups/` only. The window writes it (Settings) and passes the
# folder to the functions here; they never read it themselves.
BACKUP_FOLDER_SETTING = "backups.folder"

AUTOMATIC_PREFIX = "auto-"
DUE_AFTER = timedelta(hours=24)
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12

_TIME_FORMAT = "%Y-%m-%d-%H%M%S"
_NAMED = re.compile(r"^(auto|kap-companion)-(\d{4}-\d{2}-\d{2}-\d{6})(?:-(\d+))?\.sqlite3$")


@dataclass(frozen=True)
class AutomaticBackup:
    path: Path
    made: datetime


def automatic_backup_path(folder: Path, now: datetime) -> Path:
    """A new file name in `folder` for an automatic backup made at `now`."""
    stem = f"{AUTOMATIC_PREFIX}{now:{_TIME_FORMAT}}"
    for number in itertools.count(1):
        candidate = folder / (f"{stem}.sqlite3" if number == 1 else f"{stem}-{number}.sqlite3")
        if not candidate.exists():
            return candidate
    raise AssertionError("unreachable")


def is_automatic(path: Path) -> bool:
    """True for a backup this module made (by its name)."""
    match = _NAMED.match(path.name)
    return match is not None and match.group(1) == "auto"


def made_at(path: Path) -> datetime:
    """When a backup was made: from its name when the app named it, else the file's time."""
    match = _NAMED.match(path.name)
    if match is not None:
        try:
            return datetime.strptime(match.group(2), _TIME_FORMAT)
        except ValueError:
            pass  # a name that looks like ours but holds no real date
    return datetime.fromtimestamp(path.stat().st_mtime)


def automatic_backups(folder: Path) -> list[AutomaticBackup]:
    """The automatic backups in `folder`, newest first."""
    found = [
        AutomaticBackup(path, made_at(path)) for path in backup_files(folder) if is_automatic(path)
    ]
    return sorted(found, key=lambda backup: (backup.made, _sequence(backup.path)), reverse=True)


def _sequence(path: Path) -> int:
    """1 for the first backup made in a second, 2, 3… for the ones made after it (-2, -3…)."""
    match = _NAMED.match(path.name)
    return int(match.group(3)) if match is not None and match.group(3) else 1


def is_due(folder: Path, now: datetime) -> bool:
    """True when the newest automatic backup in `folder` is a day old or more (or there is
    none, or it is dated after `now`: a clock that was put back)."""
    found = automatic_backups(folder)
    return not found or not timedelta(0) <= now - found[0].made < DUE_AFTER


def backup_if_due(store: Store, folder: Path, now: datetime) -> Path | None:
    """Make an automatic backup of `store` in `folder` when one is due (see `is_due`), then
    rotate; return the new backup, or None when none was due. Raises BackupError if the backup
    could not be made (the profile is unchanged). An empty profile (a first start, or just after
    "delete all my data") has nothing to keep, and gets none."""
    if store.is_empty() or not is_due(folder, now):
        return None
    return _back_up_and_rotate(store, folder, now)


def backup_on_close(store: Store, folder: Path, now: datetime) -> Path | None:
    """Make an automatic backup of `store` in `folder` when anything was written since it was
    opened, then rotate; call it just before `store.close()`. None when nothing changed, or
    when nothing is left (an empty backup must not push older ones out of the rotation)."""
    if not store.changed_since_open() or store.is_empty():
        return None
    return _back_up_and_rotate(store, folder, now)


def _back_up_and_rotate(store: Store, folder: Path, now: datetime) -> Path:
    made = store.back_up(automatic_backup_path(folder, now))
    store.rotate_automatic_backups(folder, now)
    return made


def rotate(folder: Path, now: datetime, passphrase: str | None = None) -> list[Path]:
    """Delete (overwriting them first) the automatic backups in `folder` that the rules above
    do not keep; return those deleted. `passphrase` opens protected ones, to find the newest
    that opens whole; without it, a protected backup counts as whole (it was checked when it
    was made). Backups dated after `now` (a clock put back) are kept."""
    from kapcompanion.store.restore import summarize

    found = automatic_backups(folder)
    past = [backup for backup in found if backup.made <= now]
    kept = {backup.path for backup in found if backup.made > now}
    kept |= newest_per_period(past, _day, KEEP_DAILY)
    kept |= newest_per_period(past, _iso_week, KEEP_WEEKLY)
    kept |= newest_per_period(past, _month, KEEP_MONTHLY)
    for backup in past:
        summary = summarize(backup.path, passphrase)
        if summary.usable or (summary.protected and passphrase is None):
            kept.add(backup.path)
            break
    gone = [backup.path for backup in found if backup.path not in kept]
    for path in gone:
        wipe(path)
    return gone


def newest_per_period(
    newest_first: Iterable[AutomaticBackup],
    period: Callable[[datetime], tuple[int, ...]],
    count: int,
) -> set[Path]:
    """The newest backup of each of the `count` most recent periods that have one."""
    chosen: dict[tuple[int, ...], Path] = {}
    for backup in newest_first:
        key = period(backup.made)
        if key not in chosen:
            if len(chosen) == count:
                break
            chosen[key] = backup.path
    return set(chosen.values())


def _day(moment: datetime) -> tuple[int, ...]:
    return (moment.year, moment.month, moment.day)


def _iso_week(moment: datetime) -> tuple[int, ...]:
    year, week, _weekday = moment.isocalendar()
    return (year, week)


def _month(moment: datetime) -> tuple[int, ...]:
    return (moment.year, moment.month)
