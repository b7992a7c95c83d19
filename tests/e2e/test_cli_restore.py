"""`kap-companion restore --list`, `restore FILE` and the rotation `backup` does, as real
processes on real temporary profiles."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kapcompanion.profile import DATABASE_NAME
from tests.e2e.test_cli import assert_no_traceback, run
from tests.e2e.test_cli_passphrase import answering, files


@pytest.fixture
def with_backup(tmp_path: Path) -> Path:
    """The sample course with one hand-made backup, then its newest insight deleted."""
    assert run("--data-dir", str(tmp_path), "demo").returncode == 0
    assert run("--data-dir", str(tmp_path), "backup").returncode == 0
    with closing(sqlite3.connect(tmp_path / DATABASE_NAME)) as connection, connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("DELETE FROM insights WHERE id = (SELECT max(id) FROM insights)")
    return tmp_path


def backups(folder: Path) -> list[Path]:
    return sorted((folder / "backups").glob("*.sqlite3"))


def test_the_list_shows_each_backup_and_marks_a_damaged_one(with_backup: Path) -> None:
    damaged = with_backup / "backups" / "damaged.sqlite3"
    shutil.copyfile(backups(with_backup)[0], damaged)
    with damaged.open("r+b") as handle:
        handle.seek(damaged.stat().st_size // 2)
        handle.write(b"\xff" * 8192)

    listed = run("--data-dir", str(with_backup), "restore", "--list")

    assert listed.returncode == 0, listed.stderr
    assert_no_traceback(listed)
    lines = listed.stdout.splitlines()
    assert "newest first" in lines[0]
    assert lines[1].split()[:4] == ["When", "Made", "Passphrase", "Holds"]
    good = next(line for line in lines if "kap-companion-" in line)
    assert "by hand" in good and "none" in good
    assert "7 sessions, 18 reflections, 14 insights" in good
    bad = next(line for line in lines if "damaged.sqlite3" in line)
    assert "CANNOT BE RESTORED: it is damaged" in bad


def test_restore_puts_the_backup_back_and_says_where_the_replaced_data_is(
    with_backup: Path,
) -> None:
    replaced = (with_backup / DATABASE_NAME).read_bytes()
    backup = backups(with_backup)[0]

    restored = run("--data-dir", str(with_backup), "restore", str(backup))

    assert restored.returncode == 0, restored.stderr
    assert "your data now holds 7 sessions, 18 reflections, 14 insights" in restored.stdout
    kept = Path(restored.stdout.split("is kept in ")[1].strip().removesuffix("."))
    assert kept.parent == with_backup and kept.read_bytes() == replaced
    check = run("--data-dir", str(with_backup), "check")
    assert check.returncode == 0 and "14 insights" in check.stdout


@pytest.mark.parametrize("content", [b"", b"not a database at all\n" * 100, None])
def test_a_bad_file_is_refused_in_one_sentence_and_nothing_changes(
    with_backup: Path, tmp_path_factory: pytest.TempPathFactory, content: bytes | None
) -> None:
    bad = tmp_path_factory.mktemp("elsewhere") / "bad.sqlite3"
    if content is not None:
        bad.write_bytes(content)
    before = files(with_backup)

    refused = run("--data-dir", str(with_backup), "restore", str(bad))

    assert refused.returncode == 1
    assert_no_traceback(refused)
    assert refused.stderr.count("\n") == 1 and "Nothing was changed." in refused.stderr
    assert files(with_backup) == before


def test_backup_lets_old_automatic_backups_go_and_never_hand_made_ones(
    with_backup: Path,
) -> None:
    hand_made = backups(with_backup)[0]
    for day in range(1, 11):  # ten mornings of January 2025, as the window would make them
        name = f"auto-2025-01-{day:02}-090000.sqlite3"
        shutil.copyfile(hand_made, with_backup / "backups" / name)

    made = run("--data-dir", str(with_backup), "backup")

    assert made.returncode == 0, made.stderr
    assert "Older automatic backups let go" in made.stdout
    names = [path.name for path in backups(with_backup)]
    kept_auto = [name for name in names if name.startswith("auto-")]
    # 7 days, the newest of each of 2 ISO weeks (Jan 5, Jan 10) and of the month: Jan 4-10, 5.
    assert kept_auto == [f"auto-2025-01-{day:02}-090000.sqlite3" for day in range(4, 11)]
    assert hand_made.name in names and len(names) == len(kept_auto) + 2


def test_a_protected_profile_asks_for_its_passphrase_to_list_and_restore(
    with_backup: Path,
) -> None:
    pytest.importorskip("sqlcipher3", reason="this installation has no SQLCipher")
    assert answering(with_backup, "passphrase", "set", lines=["tide", "tide"]).returncode == 0
    backup = backups(with_backup)[0]

    listed = answering(with_backup, "restore", "--list", lines=["tide"])
    assert listed.returncode == 0, listed.stderr
    assert "protected" in listed.stdout and "14 insights" in listed.stdout

    wrong = answering(with_backup, "restore", str(backup), lines=["not it"])
    assert wrong.returncode == 1 and "passphrase" in wrong.stderr

    restored = answering(with_backup, "restore", str(backup), lines=["tide"])
    assert restored.returncode == 0, restored.stderr
    assert "It is protected with the passphrase." in restored.stdout
    check = answering(with_backup, "check", lines=["tide"])
    assert check.returncode == 0 and "14 insights" in check.stdout
