"""The sample course's throw-away folder goes when it ends: by closing, by SIGTERM or SIGINT,
and, after a SIGKILL (which no program can answer), at the next start. A folder whose sample
course is still running is never touched."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kapcompanion.profile import Profile
from tests.paths import REPOSITORY
from tests.processes import end_process
from tests.profile_lock_holder import lock_held_elsewhere
from ui.application import SAMPLE_FOLDER_PREFIX, remove_abandoned_sample_folders, run_window


@pytest.fixture(autouse=True)
def reset_quit_state(qapp: QApplication) -> Iterator[None]:
    """As in test_application: run one empty turn so later modal dialogs behave."""
    yield
    QTimer.singleShot(0, qapp.quit)
    qapp.exec()


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, for this test alone (Qt reads TMPDIR)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def sample_folders(temp: Path) -> list[Path]:
    return sorted(temp.glob(f"{SAMPLE_FOLDER_PREFIX}*"))


def start_sample_course(temp: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """A real `kap-companion --demo`, offscreen, once its sample course is written."""
    environment = dict(os.environ, TMPDIR=str(temp), QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-P", "-m", "app", "--demo"],
        cwd=REPOSITORY,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = sample_folders(temp)
        if found:
            folder = found[0]
            database = Profile(folder).database_path
            if Profile(folder).lock_path.exists() and database.exists():
                time.sleep(1.0)  # let it finish filling the sample course
                return child, folder
        if child.poll() is not None:
            break
        time.sleep(0.1)
    end_process(child.pid)
    raise AssertionError("the sample course did not start")


@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_ends_the_sample_course_and_removes_its_folder(
    temp_folder: Path, sent: signal.Signals
) -> None:
    child, folder = start_sample_course(temp_folder)
    try:
        child.send_signal(sent)
        assert child.wait(timeout=30) == 0
    finally:
        end_process(child.pid)
    assert not folder.exists()
    assert sample_folders(temp_folder) == []


def test_a_killed_sample_course_s_folder_is_removed_at_the_next_start(
    temp_folder: Path, tmp_path: Path, qapp: QApplication
) -> None:
    child, folder = start_sample_course(temp_folder)
    try:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        end_process(child.pid)
    assert folder.exists()  # SIGKILL leaves it behind
    arguments = argparse.Namespace(data_dir=str(tmp_path / "own"), demo=False, exit_after="loaded")
    assert run_window(arguments) == 0
    assert not folder.exists()


def test_a_running_sample_course_s_folder_is_left_alone(temp_folder: Path) -> None:
    folder = temp_folder / f"{SAMPLE_FOLDER_PREFIX}live01"
    with lock_held_elsewhere(folder):
        (folder / "kap-companion.sqlite3").write_bytes(b"")
        assert remove_abandoned_sample_folders() == []
        assert folder.exists()
    # Its process is gone now: the lock it left is stale, and the folder goes.
    assert remove_abandoned_sample_folders() == [folder]
    assert not folder.exists()


def test_a_folder_just_made_without_its_lock_yet_is_left_alone(temp_folder: Path) -> None:
    folder = temp_folder / f"{SAMPLE_FOLDER_PREFIX}new001"
    folder.mkdir()
    assert remove_abandoned_sample_folders() == []
    assert folder.exists()
    unrelated = temp_folder / "someone-else"
    unrelated.mkdir()
    old = time.time() - 3600
    os.utime(folder, (old, old))
    os.utime(unrelated, (old, old))
    assert remove_abandoned_sample_folders() == [folder]
    assert unrelated.exists()
