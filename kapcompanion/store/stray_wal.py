"""A `-wal` beside the data file is replayed only once it is proved to belong there.

A clean close leaves no `-wal` (closing the last connection writes it into the file and
removes it), so one found at opening is either what a crash or a power cut left (the last
words typed, which must come back) or a file that does not belong: another profile's, put
there by a file-sync tool or a careless copy. SQLite cannot tell the two apart (a `-wal`
carries nothing that ties it to its database: its salts only tie its frames to each other), and
would replay either, page by page, over the file.

So before SQLite sees it, the file and its `-wal` are copied to a private folder beside them
and the copy is opened, letting SQLite replay it there. The result must pass the full integrity
check and still be the same profile: the same profile id (kept in the settings at creation),
and every record the file held before keeping its place (a genuine `-wal` adds and changes
recent records, and may remove some; a foreign one puts another profile's pages over ours, so
records swap places or vanish while others keep theirs). Only then is the real file opened and
the `-wal` replayed for real, which gives the same result. Otherwise the `-wal` and `-shm` are
moved aside under a name that says so (kept, never deleted), the data file is left
byte-identical, and the store says what was set aside (`Store.set_aside`).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kapcompanion import private_files
from kapcompanion.errors import ProfileNeedsRecoveryError, WrongPassphraseError
from kapcompanion.store import driver
from kapcompanion.store.file_checks import (
    has_wal,
    integrity_problems,
    is_damage,
    page_size_of,
    shm_path,
    wal_path,
)
from kapcompanion.wording.translation import translate

PROFILE_ID_KEY = "profile_id"
CHECK_FOLDER_PREFIX = ".wal-check-"
SET_ASIDE_MARK = ".set-aside-"
WAL_MAGIC = (0x377F0682, 0x377F0683)
# Tables whose records carry a uuid that never changes once made.
IDENTIFIED_TABLES = (
    "sessions",
    "reflections",
    "answers",
    "insights",
    "distress_ratings",
    "checkins",
    "commitments",
    "commitment_notes",
    "themes",
    "own_practices",
    "practice_entries",
    "medications",
)


@dataclass(frozen=True)
class SetAsideWal:
    """A `-wal` (and `-shm`) that did not belong to the data file, moved aside, kept."""

    kept: tuple[Path, ...]
    reason: str  # for a "details" fold: what the check found

    @property
    def message(self) -> str:
        return translate(
            "Store",
            "A file that did not belong to your data was found beside it and set aside, so it "
            "could not change your entries. Your entries are as they were when KAP Companion "
            "last closed properly. The file was kept as %1, in case you or a helper want to "
            "look at it.",
            str(self.kept[0]),
        )


def screen(path: Path, passphrase: str | None = None) -> SetAsideWal | None:
    """Set aside a `-wal` beside `path` that does not belong to it; None when there is none
    or it belongs (then opening `path` replays it). `path` itself is never written."""
    for leftover in path.parent.glob(f"{CHECK_FOLDER_PREFIX}*"):  # of a check cut short
        shutil.rmtree(leftover, ignore_errors=True)
    if not has_wal(path):
        return None
    reason = _why_foreign(path, passphrase)
    if reason is None:
        return None
    return SetAsideWal(_move_aside(path), reason)


def _why_foreign(path: Path, passphrase: str | None) -> str | None:
    """What shows the `-wal` beside `path` is not its own; None when nothing does."""
    wal = wal_path(path)
    if passphrase is None:  # a protected file's header is encrypted: no page size to compare
        with wal.open("rb") as handle:
            header = handle.read(32)
        if len(header) < 32 or int.from_bytes(header[0:4], "big") not in WAL_MAGIC:
            return "it is not a -wal file"
        wal_page = int.from_bytes(header[8:12], "big")
        if wal_page != page_size_of(path):
            return f"its pages are {wal_page} bytes, the data file's {page_size_of(path)}"
    with _private_folder(path.parent) as folder:
        before = _copy(path, folder / "before.sqlite3")
        after = _copy(path, folder / "after.sqlite3")
        _copy(wal, wal_path(after))
        try:
            with _opened(after, passphrase) as connection:
                problems = integrity_problems(connection)
                new = None if problems else _identity(connection)
        except WrongPassphraseError:  # another profile's page 1, under another key
            problems, new = ["its pages do not open with this profile's passphrase"], None
        # Opened second, so that a wrong passphrase is told as such, with nothing moved.
        with _opened(before, passphrase) as connection:
            if problems:
                damage = integrity_problems(connection, quick=True)
                if damage:  # the file is damaged, whatever the -wal holds: it stays beside it
                    raise ProfileNeedsRecoveryError(
                        path, ProfileNeedsRecoveryError.DAMAGED, "\n".join(damage[:20])
                    )
                return f"replayed on a copy, it damages the file: {problems[0]}"
            try:
                old = _identity(connection)
            except driver.errors("DatabaseError") as error:
                if not is_damage(error):
                    raise
                # Stopped part-way through taking in its -wal: only the -wal makes it whole,
                # and the copy showed that it does.
                old = (None, {})
    assert new is not None
    return _identity_broken(old, new)


Identity = tuple[str | None, dict[str, dict[str, int]]]  # profile id; table -> uuid -> rowid


def _identity(connection: sqlite3.Connection) -> Identity:
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    profile_id = None
    if "settings" in tables:
        row = connection.execute(
            "SELECT value FROM settings WHERE key = ?", [PROFILE_ID_KEY]
        ).fetchone()
        profile_id = None if row is None else str(row[0])
    records = {
        table: {uuid: rowid for rowid, uuid in connection.execute(f"SELECT id, uuid FROM {table}")}
        for table in IDENTIFIED_TABLES
        if table in tables
    }
    return profile_id, records


def _identity_broken(old: Identity, new: Identity) -> str | None:
    old_id, old_records = old
    new_id, new_records = new
    if old_id is not None and new_id != old_id:
        return "replayed on a copy, it makes the data another profile's"
    for table, before in old_records.items():
        after = new_records.get(table, {})
        by_rowid = {rowid: uuid for uuid, rowid in after.items()}
        # Records never change places (an import may bring back one erased for good, under a
        # new number; its old place stays empty): a foreign -wal swaps them around.
        moved = [
            uuid
            for uuid, rowid in before.items()
            if after.get(uuid, rowid) != rowid and rowid in by_rowid
        ]
        if moved:
            return f"replayed on a copy, it moves {len(moved)} {table} records"
        # A genuine -wal reuses a number only after every record above it went; a foreign one
        # puts other records where some of ours were while others above keep their place.
        replaced = [rowid for uuid, rowid in before.items() if by_rowid.get(rowid, uuid) != uuid]
        kept = [rowid for uuid, rowid in before.items() if uuid in after]
        if replaced and kept and max(kept) > min(replaced):
            return f"replayed on a copy, it replaces {len(replaced)} {table} records"
        if before and not kept and after:
            return f"replayed on a copy, it replaces every {table} record"
    return None


def _move_aside(path: Path) -> tuple[Path, ...]:
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    kept: list[Path] = []
    for sidecar in (wal_path(path), shm_path(path)):
        if sidecar.exists():
            target = sidecar.with_name(f"{sidecar.name}{SET_ASIDE_MARK}{stamp}")
            number = 1
            while target.exists():  # never over one kept before
                number += 1
                target = sidecar.with_name(f"{sidecar.name}{SET_ASIDE_MARK}{stamp}-{number}")
            sidecar.rename(target)
            kept.append(target)
    return tuple(kept)


@contextmanager
def _private_folder(parent: Path) -> Iterator[Path]:
    """A folder only the user can read, beside the data file (copies of the client's words
    never go to /tmp), removed afterwards whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix=CHECK_FOLDER_PREFIX, dir=parent))  # made 0700
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy(source: Path, target: Path) -> Path:
    private_files.create_private_file(target)
    with source.open("rb") as reading, target.open("r+b") as writing:
        shutil.copyfileobj(reading, writing, 1 << 20)
    return target


@contextmanager
def _opened(path: Path, passphrase: str | None) -> Iterator[sqlite3.Connection]:
    connection = driver.connect(path, passphrase)
    try:
        yield connection
    finally:
        with suppress(*driver.errors()):
            connection.close()
