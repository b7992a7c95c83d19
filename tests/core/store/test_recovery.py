"""A profile that went wrong is recognised, never made worse, and never quietly replaced.

A `-wal` from another profile is set aside (the data file byte-identical, the client told); a
genuine one left by a killed app still brings back the last words typed; an empty, cut-short
or damaged file, or a missing one while backups exist, asks for a backup instead of becoming a
new, empty profile; `check` tells a full disk from damage and leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from kapcompanion.domain import Phase
from kapcompanion.errors import DiskFullError, ProfileNeedsRecoveryError
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from kapcompanion.store.backup import backup_database, default_backup_path
from kapcompanion.store.file_checks import check_database
from kapcompanion.store.stray_wal import _identity_broken
from tests.paths import REPOSITORY
from tests.raw_sql import connection_of

LAST_WORDS = "and then the music softened and I felt my shoulders drop for the first time"


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def everything(store: Store) -> dict[str, object]:
    connection = connection_of(store)
    return {
        table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in ("sessions", "reflections", "answers", "insights", "checkins")
    }


# A process that keeps a store open, writes, says so, and waits to be killed: what a crash while
# typing leaves is a -wal that was never written into the file.
HOLD_OPEN = """
import sys, time
from pathlib import Path
from kapcompanion.domain import Phase
from kapcompanion.store import Store
store = Store.open(Path(sys.argv[1]), passphrase=sys.argv[3] if len(sys.argv) > 3 else None)
if sys.argv[2] == "rewrite":  # change every answer: many pages of the -wal
    for reflection in store.reflections.list():
        for answer in store.reflections.get(reflection.id).answers:
            store.reflections.update_answer(answer.id, "another profile's words " + answer.text)
else:
    reflection = store.reflections.start(Phase.SAME_DAY, "same_day", 1)
    store.reflections.save_answer(
        reflection.id, position=0, prompt_id="felt", prompt_text="How do you feel?",
        text=sys.argv[2],
    )
print("written", flush=True)
time.sleep(60)
"""


def killed_while_open(database: Path, what: str, passphrase: str | None = None) -> None:
    """Run HOLD_OPEN on `database` and kill it once it has written: no close, no checkpoint."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLD_OPEN,
            str(database),
            what,
            *([passphrase] if passphrase else []),
        ],
        cwd=REPOSITORY,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "written"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()
    assert Path(f"{database}-wal").stat().st_size > 0


def another_profiles_wal(tmp_path: Path, *, demo: bool) -> Path:
    """The un-checkpointed -wal of another profile: a demo one rewritten, or a new one."""
    other = Profile(tmp_path / "other")
    other.ensure_exists()
    if demo:
        from kapcompanion.demo import fill_demo

        with Store.open(other.database_path) as store:
            fill_demo(store)
        killed_while_open(other.database_path, "rewrite")
    else:
        killed_while_open(other.database_path, "the other person's words")
    return Path(f"{other.database_path}-wal")


@pytest.mark.parametrize("demo", [True, False], ids=["rewritten-demo", "brand-new-profile"])
def test_another_profiles_wal_is_set_aside_and_the_client_told(
    demo_profile: Profile, tmp_path: Path, demo: bool
) -> None:
    database = demo_profile.database_path
    with Store.open(database) as store:
        before = everything(store)
    foreign = another_profiles_wal(tmp_path, demo=demo)
    shutil.copy(foreign, f"{database}-wal")
    original = fingerprint(database)

    store = Store.open(database)
    try:
        assert fingerprint(database) == original  # not one byte of the file was replaced
        assert everything(store) == before
        assert store.set_aside is not None
        kept = store.set_aside.kept[0]
        assert kept.name.startswith("kap-companion.sqlite3-wal.set-aside-")
        assert kept.read_bytes() == foreign.read_bytes()  # kept whole, not deleted
        assert str(kept) in store.set_aside.message
        assert "did not belong" in store.set_aside.message
    finally:
        store.close()
    assert check_database(database).healthy
    assert not [name for name in names_in(demo_profile.folder) if name.startswith(".wal-check")]


def test_a_killed_app_s_wal_still_brings_back_the_last_words(demo_profile: Profile) -> None:
    killed_while_open(demo_profile.database_path, LAST_WORDS)
    with Store.open(demo_profile.database_path) as store:
        assert store.set_aside is None
        [draft] = store.reflections.unfinished()
        assert store.reflections.get(draft.id).answers[0].text == LAST_WORDS
    assert names_in(demo_profile.folder) == ["kap-companion.sqlite3"]  # closing left no -wal
    assert check_database(demo_profile.database_path).healthy


def test_a_new_profile_killed_at_its_first_words_keeps_them(profile: Profile) -> None:
    profile.ensure_exists()
    killed_while_open(profile.database_path, LAST_WORDS)
    with Store.open(profile.database_path) as store:
        assert store.set_aside is None
        [draft] = store.reflections.unfinished()
        assert store.reflections.get(draft.id).answers[0].text == LAST_WORDS


def test_a_wal_that_is_not_a_wal_at_all_is_set_aside(demo_profile: Profile) -> None:
    database = demo_profile.database_path
    Path(f"{database}-wal").write_bytes(b"synced notes, not a database journal\n" * 200)
    original = fingerprint(database)
    with Store.open(database) as store:
        assert fingerprint(database) == original
        assert store.set_aside is not None
        assert store.live_count("reflections") > 0


def with_a_backup(profile: Profile) -> Path:
    destination = default_backup_path(profile.backups_folder, datetime(2026, 1, 2))
    return backup_database(profile.database_path, destination)


def test_an_empty_file_with_backups_asks_for_one_and_stays_as_it_is(
    demo_profile: Profile,
) -> None:
    with_a_backup(demo_profile)
    demo_profile.database_path.write_bytes(b"")
    with pytest.raises(ProfileNeedsRecoveryError) as needs:
        Store.open(demo_profile.database_path)
    assert needs.value.kind == ProfileNeedsRecoveryError.EMPTY
    assert "empty" in needs.value.message
    assert demo_profile.database_path.read_bytes() == b""
    assert names_in(demo_profile.folder) == ["backups", "kap-companion.sqlite3"]


def test_an_empty_file_without_backups_is_a_start_cut_short_and_opens_empty(
    profile: Profile,
) -> None:
    profile.ensure_exists()
    profile.database_path.write_bytes(b"")
    with Store.open(profile.database_path) as store:
        assert store.is_empty()


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.999])
def test_a_file_cut_short_asks_for_a_backup_and_stays_as_it_is(
    demo_profile: Profile, keep: float
) -> None:
    with_a_backup(demo_profile)
    database = demo_profile.database_path
    data = database.read_bytes()
    database.write_bytes(data[: int(len(data) * keep)])
    original = fingerprint(database)
    with pytest.raises(ProfileNeedsRecoveryError) as needs:
        Store.open(database)
    assert needs.value.kind == ProfileNeedsRecoveryError.TRUNCATED
    assert "cut short" in needs.value.message
    assert fingerprint(database) == original
    assert names_in(demo_profile.folder) == ["backups", "kap-companion.sqlite3"]


def test_a_missing_file_with_backups_asks_for_one_and_makes_no_new_profile(
    demo_profile: Profile,
) -> None:
    with_a_backup(demo_profile)
    demo_profile.database_path.unlink()
    with pytest.raises(ProfileNeedsRecoveryError) as needs:
        Store.open(demo_profile.database_path)
    assert needs.value.kind == ProfileNeedsRecoveryError.MISSING
    assert names_in(demo_profile.folder) == ["backups"]


def test_a_brand_new_profile_still_just_opens_empty(profile: Profile) -> None:
    profile.ensure_exists()
    with Store.open(profile.database_path) as store:
        assert store.is_empty()
        assert store.set_aside is None


def test_damage_is_told_in_plain_words_with_sqlite_s_own_in_the_details(
    demo_profile: Profile,
) -> None:
    database = demo_profile.database_path
    size = database.stat().st_size
    with database.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xff" * 8192)
    original = fingerprint(database)
    with pytest.raises(ProfileNeedsRecoveryError) as needs:
        Store.open(database)
    assert needs.value.kind == ProfileNeedsRecoveryError.DAMAGED
    assert "***" not in needs.value.message and "Page" not in needs.value.message
    assert "damaged" in needs.value.message
    assert needs.value.detail  # SQLite's own words, for a details fold
    assert fingerprint(database) == original


def test_check_leaves_nothing_beside_the_file(demo_profile: Profile) -> None:
    assert check_database(demo_profile.database_path).healthy
    assert names_in(demo_profile.folder) == ["kap-companion.sqlite3"]


CHECK_ON_A_FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from kapcompanion.errors import KapError
from kapcompanion.store.file_checks import check_database
from kapcompanion.store.stray_wal import _identity_broken
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
try:
    report = check_database(Path(sys.argv[1]))
except KapError as error:
    print(type(error).__name__, error.message)
else:
    print("healthy" if report.healthy else "damaged: " + report.problems[0])
"""


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="no RLIMIT_FSIZE here")
@pytest.mark.parametrize("leftover_wal", [False, True])
def test_check_on_a_full_disk_never_calls_a_sound_file_damaged(
    demo_profile: Profile, leftover_wal: bool
) -> None:
    database = demo_profile.database_path
    if leftover_wal:  # a crash's -wal: reading it needs a -shm, which a full disk refuses
        killed_while_open(database, LAST_WORDS)
        Path(f"{database}-shm").unlink()
    result = subprocess.run(
        [sys.executable, "-c", CHECK_ON_A_FULL_DISK, str(database)],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    said = result.stdout.strip()
    assert not said.startswith("damaged"), said
    if leftover_wal:
        assert said.startswith(("DiskIOError", "DiskFullError", "healthy")), said
    else:
        assert said == "healthy"
        assert names_in(demo_profile.folder) == ["kap-companion.sqlite3"]


def test_autosave_on_a_full_disk_says_the_disk_is_full(store: Store) -> None:
    reflection = store.reflections.start(Phase.SAME_DAY, "same_day", 1)
    connection = connection_of(store)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(DiskFullError) as refused:
        store.reflections.save_answer(
            reflection.id, position=0, prompt_id="felt", prompt_text="?", text="words " * 50_000
        )
    assert "disk is full" in refused.value.message
    assert store.reflections.get(reflection.id).answers == ()


def test_what_a_genuine_wal_may_do_to_records_and_what_only_a_foreign_one_does() -> None:
    before = ("profile", {"answers": {"u1": 1, "u2": 2, "u3": 3}})

    def after(records: dict[str, int], profile_id: str = "profile") -> str | None:
        return _identity_broken(before, (profile_id, {"answers": records}))

    # Genuine: records added, changed, erased; the newest erased and its number used again;
    # one erased for good and brought back by an import under a new number.
    assert after({"u1": 1, "u2": 2, "u3": 3, "u4": 4}) is None
    assert after({"u1": 1, "u3": 3}) is None
    assert after({"u1": 1, "u2": 2, "new": 3}) is None
    assert after({"u1": 1, "u3": 3, "u2": 4}) is None
    # Foreign: another profile, records swapped, or some replaced while later ones stay.
    assert after({"u1": 1, "u2": 2, "u3": 3}, "someone else") is not None
    assert after({"u1": 2, "u2": 1, "u3": 3}) is not None
    assert after({"x": 1, "u2": 2, "u3": 3}) is not None
    assert after({"x": 1, "y": 2, "z": 3}) is not None


def test_a_damaged_file_with_its_own_wal_asks_for_a_backup_and_keeps_both(
    demo_profile: Profile,
) -> None:
    database = demo_profile.database_path
    # Damage pages the last words do not rewrite (the sessions), so the -wal cannot hide it.
    with closing(sqlite3.connect(database)) as probe:
        [(page_size,)] = probe.execute("PRAGMA page_size").fetchall()
        [(sessions,)] = probe.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'sessions'"
        ).fetchall()
    killed_while_open(database, LAST_WORDS)
    with database.open("r+b") as handle:
        handle.seek((sessions - 1) * page_size)
        handle.write(b"\xff" * page_size)
    wal = Path(f"{database}-wal")
    originals = fingerprint(database), fingerprint(wal)
    with pytest.raises(ProfileNeedsRecoveryError) as needs:
        Store.open(database)
    assert needs.value.kind == ProfileNeedsRecoveryError.DAMAGED
    assert (fingerprint(database), fingerprint(wal)) == originals  # nothing set aside or replayed
    assert not [name for name in names_in(demo_profile.folder) if "set-aside" in name]


def test_a_protected_profile_keeps_its_last_words_and_sets_another_s_wal_aside(
    demo_profile: Profile, tmp_path: Path
) -> None:
    pytest.importorskip("sqlcipher3", reason="this installation has no SQLCipher")
    from kapcompanion.demo import fill_demo
    from kapcompanion.errors import WrongPassphraseError
    from kapcompanion.store import protection

    database = demo_profile.database_path
    protection.protect(database, demo_profile.backups_folder, "ours")
    killed_while_open(database, LAST_WORDS, "ours")
    with pytest.raises(WrongPassphraseError):
        Store.open(database, passphrase="not ours")
    assert Path(f"{database}-wal").stat().st_size > 0  # a wrong passphrase moved nothing
    with Store.open(database, passphrase="ours") as store:
        assert store.set_aside is None
        [draft] = store.reflections.unfinished()
        assert store.reflections.get(draft.id).answers[0].text == LAST_WORDS
        before = everything(store)

    other = Profile(tmp_path / "other")
    other.ensure_exists()
    with Store.open(other.database_path) as store:
        fill_demo(store)
    protection.protect(other.database_path, other.backups_folder, "theirs")
    killed_while_open(other.database_path, "rewrite", "theirs")
    shutil.copy(f"{other.database_path}-wal", f"{database}-wal")
    original = fingerprint(database)
    with Store.open(database, passphrase="ours") as store:
        assert fingerprint(database) == original
        assert store.set_aside is not None
        assert everything(store) == before


@pytest.mark.parametrize("keep", [0, 0.5])
def test_check_calls_an_empty_or_cut_short_file_damaged(demo_profile: Profile, keep: float) -> None:
    database = demo_profile.database_path
    data = database.read_bytes()
    database.write_bytes(data[: int(len(data) * keep)])
    report = check_database(database)
    assert not report.healthy
    assert report.problems[0] in ProfileNeedsRecoveryError.REASONS.values()
    assert names_in(demo_profile.folder) == ["kap-companion.sqlite3"]
