"""Where data lives, and the lock that keeps a second copy of the app out of a profile."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kapcompanion.errors import ProfileLockedError, ProfileUnavailableError
from kapcompanion.profile import (
    APP_FOLDER_NAME,
    ENVIRONMENT_VARIABLE,
    Profile,
    ProfileLock,
    resolve_profile_dir,
)
from tests.profile_lock_holder import lock_held_elsewhere


def test_the_command_line_wins_over_the_environment(tmp_path: Path) -> None:
    chosen = resolve_profile_dir(tmp_path / "cli", {ENVIRONMENT_VARIABLE: str(tmp_path / "env")})
    assert chosen == tmp_path / "cli"


def test_the_environment_wins_over_the_default(tmp_path: Path) -> None:
    assert resolve_profile_dir(None, {ENVIRONMENT_VARIABLE: str(tmp_path / "env")}) == (
        tmp_path / "env"
    )


def test_the_default_is_the_platforms_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_profile_dir(None, {}) == tmp_path / "xdg" / APP_FOLDER_NAME


def test_a_relative_or_tilde_path_becomes_absolute(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_profile_dir("~/kap", {}) == tmp_path / "kap"
    monkeypatch.chdir(tmp_path)
    assert resolve_profile_dir("here", {}) == tmp_path / "here"


def test_a_file_in_place_of_the_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("not a folder")
    with pytest.raises(ProfileUnavailableError):
        Profile(tmp_path / "taken").ensure_exists()


@pytest.fixture
def lock_holder(profile: Profile) -> Iterator[subprocess.Popen[str]]:
    with lock_held_elsewhere(profile.folder) as holder:
        yield holder


def test_a_second_copy_is_refused_while_the_first_holds_the_profile(
    profile: Profile, lock_holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(ProfileLockedError) as refused:
        ProfileLock(profile).acquire()
    assert f"process {lock_holder.pid}" in refused.value.message
    assert "already open" in refused.value.message


def test_a_lock_left_by_a_killed_process_is_taken_over(
    profile: Profile, lock_holder: subprocess.Popen[str]
) -> None:
    os.kill(lock_holder.pid, signal.SIGKILL)
    lock_holder.wait()
    assert profile.lock_path.exists()
    with ProfileLock(profile):
        pass
    assert not profile.lock_path.exists()
