"""`kap-companion delete-all`, run as a real process on real temporary profiles."""

from __future__ import annotations

from pathlib import Path

from kapcompanion.profile import BACKUPS_FOLDER, DATABASE_NAME, LOCK_NAME, WINDOW_STATE_NAME
from tests.e2e.test_cli import assert_no_traceback, run
from tests.profile_lock_holder import lock_held_elsewhere


def filled(folder: Path) -> dict[str, bytes]:
    """A profile with the sample course, a backup, window settings and a file of the client's;
    returns every file in it with its bytes."""
    assert run("--data-dir", str(folder), "demo").returncode == 0
    assert run("--data-dir", str(folder), "backup").returncode == 0
    (folder / WINDOW_STATE_NAME).write_text("[window]\ndestination=journal\n")
    (folder / "letter to my therapist.txt").write_text("mine")
    return contents(folder)


def contents(folder: Path) -> dict[str, bytes]:
    """Every file in `folder` but the lock (whose holder writes it), with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != LOCK_NAME
    }


def test_without_confirm_it_says_what_would_go_and_changes_nothing(tmp_path: Path) -> None:
    before = filled(tmp_path)
    result = run("--data-dir", str(tmp_path), "delete-all")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "would delete your entries (the data file), 1 backup and the window's settings" in (
        result.stderr
    )
    assert "--confirm" in result.stderr
    assert "Nothing was changed" in result.stderr
    assert contents(tmp_path) == before


def test_with_confirm_the_data_goes_and_the_clients_own_file_stays(tmp_path: Path) -> None:
    filled(tmp_path)
    result = run("--data-dir", str(tmp_path), "delete-all", "--confirm")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Deleted your entries (the data file), 1 backup and the")
    assert "Exports you saved elsewhere were not touched." in result.stdout
    assert len(result.stdout.strip().splitlines()) == 1
    assert contents(tmp_path) == {"letter to my therapist.txt": b"mine"}
    assert not (tmp_path / BACKUPS_FOLDER).exists()
    assert tmp_path.is_dir()


def test_a_profile_with_no_data_says_so(tmp_path: Path) -> None:
    for arguments in ((), ("--confirm",)):
        result = run("--data-dir", str(tmp_path / "new"), "delete-all", *arguments)
        assert result.returncode == 1, result.stderr
        assert "There is no KAP Companion data in" in result.stdout
        assert "nothing was removed" in result.stdout
    assert not (tmp_path / "new").exists()


def test_while_the_window_has_the_profile_open_it_refuses(tmp_path: Path) -> None:
    before = filled(tmp_path)
    with lock_held_elsewhere(tmp_path):
        result = run("--data-dir", str(tmp_path), "delete-all", "--confirm")
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "already open" in result.stderr
    assert contents(tmp_path) == before
    assert (tmp_path / DATABASE_NAME).exists()
