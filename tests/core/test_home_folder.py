"""With HOME unset, the data folder is still under the account's own home folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kapcompanion.home_folder import fill_in_home

pwd = pytest.importorskip("pwd")  # POSIX only
ACCOUNT_HOME = pwd.getpwuid(os.getuid()).pw_dir


def test_an_unset_or_empty_home_is_the_accounts_own() -> None:
    for environ in ({}, {"HOME": ""}):
        fill_in_home(environ)
        assert environ["HOME"] == ACCOUNT_HOME


def test_a_home_that_is_set_is_left_as_it_is(tmp_path: Path) -> None:
    environ = {"HOME": str(tmp_path)}
    fill_in_home(environ)
    assert environ == {"HOME": str(tmp_path)}


def test_a_command_with_home_unset_names_the_usual_folder_not_the_root(tmp_path: Path) -> None:
    # Every XDG variable unset too, as in `env -i`; `restore --list` only reads, and says which
    # folder it looked in when that holds no data.
    environ = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "QT_QPA_PLATFORM": "offscreen"}
    app = Path(__file__).resolve().parents[2] / "app.py"
    result = subprocess.run(
        [sys.executable, str(app), "restore", "--list"],
        env=environ,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    words = result.stdout + result.stderr
    assert "Traceback" not in words
    assert "//.local" not in words
    if result.returncode != 1:
        pytest.skip("this account has KAP Companion data, so the folder is not named")
    assert str(Path(ACCOUNT_HOME) / ".local" / "share" / "kap-companion") in words
