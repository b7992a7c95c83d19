"""The command line, as real processes under the usual umask (022), keeps the profile the
user's alone: the folder 0700 and every file it writes 0600, and it tightens an older profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from kapcompanion.profile import Profile
from tests.e2e.test_cli import run
from tests.file_modes import modes

pytestmark = pytest.mark.usefixtures("usual_umask")


def test_every_file_the_commands_write_is_private(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "profile")
    folder = str(profile.folder)
    out = tmp_path / "out"
    out.mkdir()
    for command in (
        ["demo"],
        ["backup"],
        ["backup", "--out", str(out / "copy.sqlite3")],
        ["export", "--out", str(out / "export.json")],
        ["export", "--format", "csv", "--out", str(out / "export.zip")],
        ["report", "--out", str(out / "printout.pdf")],
    ):
        result = run("--data-dir", folder, *command)
        assert result.returncode == 0, (command, result.stderr)
    [backup] = profile.backups_folder.iterdir()
    written = [profile.database_path, backup, *sorted(out.iterdir())]
    assert modes(profile.folder, profile.backups_folder, *written) == {
        "profile": "0o700",
        "backups": "0o700",
        **{path.name: "0o600" for path in written},
    }


def test_a_backup_from_the_command_line_tightens_an_older_profile(tmp_path: Path) -> None:
    profile = Profile(tmp_path / "profile")
    assert run("--data-dir", str(profile.folder), "demo").returncode == 0
    profile.folder.chmod(0o755)
    profile.database_path.chmod(0o644)
    result = run("--data-dir", str(profile.folder), "backup")
    assert result.returncode == 0, result.stderr
    [backup] = profile.backups_folder.iterdir()
    assert modes(profile.folder, profile.database_path, profile.backups_folder, backup) == {
        "profile": "0o700",
        "kap-companion.sqlite3": "0o600",
        "backups": "0o700",
        backup.name: "0o600",
    }
