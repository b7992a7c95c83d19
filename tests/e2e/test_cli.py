"""The command line, run as a real process on real temporary profiles."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from kapcompanion import __version__
from kapcompanion.profile import DATABASE_NAME
from tests.profile_lock_holder import lock_held_elsewhere

ENTRY_POINT = Path(sys.executable).with_name("kap-companion")


def run(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    environment.pop("KAP_COMPANION_DEBUG", None)
    return subprocess.run(
        [str(ENTRY_POINT), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
        check=False,
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr


def test_version_and_help() -> None:
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"kap-companion {__version__}"
    help_text = run("--help")
    assert help_text.returncode == 0
    for command in ("demo", "check", "backup", "--data-dir"):
        assert command in help_text.stdout


def test_demo_fills_an_empty_profile_then_refuses_a_second_time(tmp_path: Path) -> None:
    first = run("--data-dir", str(tmp_path), "demo")
    assert first.returncode == 0, first.stderr
    assert "6 dosing sessions" in first.stdout
    database = tmp_path / DATABASE_NAME
    sessions = sqlite3.connect(database).execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
    again = run("--data-dir", str(tmp_path), "demo")
    assert again.returncode == 1
    assert "already holds entries" in again.stderr
    assert_no_traceback(again)
    after = sqlite3.connect(database).execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
    assert after == sessions


def test_the_environment_variable_chooses_the_profile(tmp_path: Path) -> None:
    result = run("demo", env={"KAP_COMPANION_DATA_DIR": str(tmp_path / "from-env")})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "from-env" / DATABASE_NAME).is_file()


def test_check_passes_on_a_healthy_profile(tmp_path: Path) -> None:
    run("--data-dir", str(tmp_path), "demo")
    result = run("check", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "All is well" in result.stdout
    assert "sessions" in result.stdout


def test_check_fails_clearly_on_a_damaged_file_and_changes_nothing(tmp_path: Path) -> None:
    run("--data-dir", str(tmp_path), "demo")
    database = tmp_path / DATABASE_NAME
    with database.open("r+b") as handle:
        handle.seek(100)
        handle.write(b"\x00\xff" * 1500)
    before = database.read_bytes()
    result = run("--data-dir", str(tmp_path), "check")
    assert result.returncode == 1
    assert str(database) in result.stderr
    assert_no_traceback(result)
    assert database.read_bytes() == before


def test_check_on_a_text_file_says_it_is_not_a_data_file(tmp_path: Path) -> None:
    (tmp_path / DATABASE_NAME).write_text("just some words")
    result = run("--data-dir", str(tmp_path), "check")
    assert result.returncode == 1
    assert "not a KAP Companion data file" in result.stderr
    assert_no_traceback(result)


def test_check_on_an_empty_folder_explains_there_is_nothing_yet(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "check")
    assert result.returncode == 1
    assert f"There is no KAP Companion data in {tmp_path} yet" in result.stderr
    assert "keep this file safe" not in result.stderr  # there is no file to keep
    assert not (tmp_path / DATABASE_NAME).exists()


def test_every_command_on_a_folder_with_no_data_says_so_and_exits_1(tmp_path: Path) -> None:
    """A mistyped --data-dir must never look like success: no empty PDF, export or backup.
    (demo, import and restoring a backup bring data into a folder, so they may start empty.)"""
    mistyped = tmp_path / "mistyped"
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    commands = {
        "check": ["check"],
        "backup": ["backup", "--out", str(outputs / "b.sqlite3")],
        "export": ["export", "--out", str(outputs / "e.json")],
        "export csv": ["export", "--format", "csv", "--out", str(outputs / "e.zip")],
        "export fhir": ["export", "--format", "fhir", "--out", str(outputs / "f.json")],
        "report": ["report", "--out", str(outputs / "r.pdf")],
        "delete-all": ["delete-all", "--confirm"],
        "passphrase": ["passphrase", "remove"],
        "restore --list": ["restore", "--list"],
    }
    for name, arguments in commands.items():
        result = run("--data-dir", str(mistyped), *arguments)
        assert result.returncode == 1, name
        assert_no_traceback(result)
        assert f"no KAP Companion data in {mistyped}" in result.stdout + result.stderr, name
    assert list(outputs.iterdir()) == []
    assert not mistyped.exists()


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("in the way")
    result = run("--data-dir", str(tmp_path / "a-file" / "profile"), "demo")
    assert result.returncode == 1
    assert "cannot use the folder" in result.stderr
    assert_no_traceback(result)


def test_backup_writes_a_copy_that_opens_and_matches(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    run("--data-dir", str(profile), "demo")
    out = tmp_path / "elsewhere" / "copy.sqlite3"
    result = run("--data-dir", str(profile), "backup", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout

    def dump(path: Path) -> list[tuple[object, ...]]:
        connection = sqlite3.connect(path)
        rows = [
            row
            for table in ("sessions", "reflections", "answers", "insights")
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY id")
        ]
        connection.close()
        return rows

    assert dump(out) == dump(profile / DATABASE_NAME)
    assert run("--data-dir", str(profile), "backup", "--out", str(out)).returncode == 1


def test_backup_without_out_goes_to_the_backups_folder(tmp_path: Path) -> None:
    run("--data-dir", str(tmp_path), "demo")
    result = run("--data-dir", str(tmp_path), "backup")
    assert result.returncode == 0, result.stderr
    backups = list((tmp_path / "backups").glob("kap-companion-*.sqlite3"))
    assert len(backups) == 1


def test_demo_is_refused_while_another_copy_holds_the_profile(tmp_path: Path) -> None:
    with lock_held_elsewhere(tmp_path):
        result = run("--data-dir", str(tmp_path), "demo")
        assert result.returncode == 1
        assert "already open" in result.stderr
        assert_no_traceback(result)
        assert not (tmp_path / DATABASE_NAME).exists()


def test_the_window_starts_and_loads_a_profile_offscreen(tmp_path: Path) -> None:
    run("--data-dir", str(tmp_path), "demo")
    result = run("--data-dir", str(tmp_path), "--exit-after", "loaded", timeout=60)
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    assert (tmp_path / "window.ini").is_file()


def test_the_sample_course_window_leaves_no_trace(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "tmp").mkdir()
    result = run(
        "--demo",
        "--exit-after",
        "loaded",
        env={
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "TMPDIR": str(tmp_path / "tmp"),
            "KAP_COMPANION_DATA_DIR": "",
        },
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert not (home / "data" / "kap-companion").exists()
    assert list((tmp_path / "tmp").iterdir()) == []
