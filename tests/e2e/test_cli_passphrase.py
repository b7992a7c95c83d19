"""`kap-companion passphrase …` and every command on a protected profile, as real processes,
with passphrases given one per line on standard input."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kapcompanion.profile import DATABASE_NAME
from kapcompanion.store import protection
from tests.e2e.test_cli import ENTRY_POINT, assert_no_traceback, run

pytest.importorskip("sqlcipher3", reason="this installation has no SQLCipher")


def answering(folder: Path, *args: str, lines: list[str]) -> subprocess.CompletedProcess[str]:
    """Run a command on `folder`, typing `lines` into standard input."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("KAP_COMPANION_DEBUG", None)
    result = subprocess.run(
        [str(ENTRY_POINT), "--data-dir", str(folder), *args],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert_no_traceback(result)
    # SQLCipher's own log lines ("ERROR CORE sqlcipher_page_cipher…") never reach the client.
    assert "CORE" not in result.stderr and "hmac" not in result.stderr
    return result


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith(".lock")
    }


@pytest.fixture
def protected(tmp_path: Path) -> Path:
    """The sample course with one backup, protected with "first words"."""
    assert run("--data-dir", str(tmp_path), "demo").returncode == 0
    assert run("--data-dir", str(tmp_path), "backup").returncode == 0
    result = answering(tmp_path, "passphrase", "set", lines=["first words", "first words"])
    assert result.returncode == 0, result.stderr
    assert "is now protected with a passphrase" in result.stdout
    assert "changed with it: 1" in result.stdout
    return tmp_path


def test_every_command_asks_for_the_passphrase_and_works_with_it(
    protected: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("out")
    check = answering(protected, "check", lines=["first words"])
    assert check.returncode == 0, check.stderr
    assert "All is well" in check.stdout and "protected with a passphrase" in check.stdout
    backup = answering(protected, "backup", lines=["first words"])
    assert backup.returncode == 0, backup.stderr
    assert protection.unprotected_backups(protected / "backups") == []
    export = answering(protected, "export", "--out", str(out / "e.json"), lines=["first words"])
    assert export.returncode == 0, export.stderr
    assert "7 sessions" in export.stdout
    report = answering(protected, "report", "--out", str(out / "r.pdf"), lines=["first words"])
    assert report.returncode == 0, report.stderr
    assert (out / "r.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("command", [["check"], ["backup"], ["export", "--out", "x.json"]])
def test_a_wrong_or_missing_passphrase_says_so_and_changes_nothing(
    protected: Path, command: list[str]
) -> None:
    before = files(protected)
    wrong = answering(protected, *command, lines=["first word"])
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == (
        f"That passphrase does not open the data in {protected}. Nothing was changed."
    )
    missing = answering(protected, *command, lines=[])
    assert missing.returncode == 1
    assert "No passphrase was given" in missing.stderr
    assert files(protected) == before


def test_change_then_remove(protected: Path) -> None:
    changed = answering(
        protected, "passphrase", "change", lines=["first words", "second  words ", "second  words "]
    )
    assert changed.returncode == 0, changed.stderr
    assert answering(protected, "check", lines=["first words"]).returncode == 1
    # Spaces inside and at the end of a line are part of the passphrase.
    assert answering(protected, "check", lines=["second  words "]).returncode == 0
    removed = answering(protected, "passphrase", "remove", lines=["second  words "])
    assert removed.returncode == 0, removed.stderr
    assert "no longer has a passphrase" in removed.stdout
    plain = run("--data-dir", str(protected), "check")
    assert plain.returncode == 0 and "protected" not in plain.stdout
    assert protection.unprotected_backups(protected / "backups") == protection.backup_files(
        protected / "backups"
    )


def test_mistyped_or_empty_new_passphrases_change_nothing(protected: Path) -> None:
    before = files(protected)
    for lines in (
        ["first words", "new one", "new onr"],
        ["first words", "", ""],
        ["wrong", "new", "new"],
    ):
        result = answering(protected, "passphrase", "change", lines=lines)
        assert result.returncode == 1, lines
        assert "Nothing was changed" in result.stderr
    assert files(protected) == before


def test_set_on_protected_data_and_change_on_ordinary_data_are_refused(
    protected: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    again = answering(protected, "passphrase", "set", lines=["x", "x"])
    assert again.returncode == 1 and "already protected" in again.stderr
    plain = tmp_path_factory.mktemp("plain")
    assert run("--data-dir", str(plain), "demo").returncode == 0
    change = answering(plain, "passphrase", "change", lines=["x", "y", "y"])
    assert change.returncode == 1 and "is not protected" in change.stderr
    empty = tmp_path_factory.mktemp("empty")
    nothing = answering(empty, "passphrase", "set", lines=["x", "x"])
    assert nothing.returncode == 1 and "no KAP Companion data" in nothing.stderr
    assert not (empty / DATABASE_NAME).exists()


def test_backups_can_be_left_unprotected_and_are_listed(tmp_path: Path) -> None:
    assert run("--data-dir", str(tmp_path), "demo").returncode == 0
    assert run("--data-dir", str(tmp_path), "backup").returncode == 0
    result = answering(tmp_path, "passphrase", "set", "--leave-backups", lines=["x", "x"])
    assert result.returncode == 0, result.stderr
    (backup,) = protection.backup_files(tmp_path / "backups")
    assert "These backups are not protected" in result.stdout and str(backup) in result.stdout
    check = answering(tmp_path, "check", lines=["x"])
    assert "1 of its backups are not protected" in check.stdout
