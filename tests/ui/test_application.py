"""Starting the window: a profile that cannot be used gets a calm dialog and exit status 1."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kapcompanion import errors
from kapcompanion.profile import Profile
from tests.file_modes import modes
from tests.profile_lock_holder import lock_held_elsewhere
from tests.ui.helpers import answer_next_dialog
from ui.application import run_window
from ui.widgets.error_messages import describe


@pytest.fixture(autouse=True)
def reset_quit_state(qapp: QApplication) -> Iterator[None]:
    """run_window ends with QApplication.exec() returning after quit(); Qt then keeps a
    "quit now" flag that makes every later modal dialog return at once, until the next
    QApplication.exec(). Run one empty turn so the tests after these see a normal app."""
    yield
    QTimer.singleShot(0, qapp.quit)
    qapp.exec()


def window_args(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(data_dir=str(data_dir), demo=False, exit_after="loaded")


def test_a_profile_open_in_another_copy_is_refused_with_a_dialog(
    tmp_path: Path, qapp: QApplication
) -> None:
    with lock_held_elsewhere(tmp_path):
        seen: list[tuple[str, str]] = []
        answer_next_dialog(seen)
        assert run_window(window_args(tmp_path)) == 1
        assert [title for title, _message in seen] == ["KAP Companion is already open"]
        assert not (tmp_path / "kap-companion.sqlite3").exists()


def test_a_folder_that_cannot_be_made_is_explained(tmp_path: Path, qapp: QApplication) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    assert run_window(window_args(blocker / "profile")) == 1
    assert [title for title, _message in seen] == ["Your data folder cannot be used"]


def test_a_healthy_profile_opens_and_exits_cleanly(tmp_path: Path, qapp: QApplication) -> None:
    assert run_window(window_args(tmp_path)) == 0
    assert (tmp_path / "kap-companion.sqlite3").is_file()
    assert not Profile(tmp_path).lock_path.exists()


@pytest.mark.usefixtures("usual_umask")
def test_the_window_keeps_its_profile_and_window_ini_private(
    tmp_path: Path, qapp: QApplication
) -> None:
    folder = tmp_path / "profile"
    assert run_window(window_args(folder)) == 0
    profile = Profile(folder)
    assert modes(folder, profile.database_path, profile.window_state_path) == {
        "profile": "0o700",
        "kap-companion.sqlite3": "0o600",
        "window.ini": "0o600",
    }


@pytest.mark.usefixtures("usual_umask")
def test_the_window_tightens_a_profile_an_older_version_left_readable(
    demo_profile: Profile, qapp: QApplication
) -> None:
    assert run_window(window_args(demo_profile.folder)) == 0
    files = [demo_profile.database_path, demo_profile.window_state_path]
    demo_profile.folder.chmod(0o755)
    for path in files:
        path.chmod(0o644)
    assert run_window(window_args(demo_profile.folder)) == 0
    assert modes(demo_profile.folder, *files) == {
        "profile": "0o700",
        "kap-companion.sqlite3": "0o600",
        "window.ini": "0o600",
    }


@pytest.mark.parametrize(
    "error",
    [
        errors.ProfileLockedError(Path("/p"), "process 1 on here"),
        errors.ProfileUnavailableError(Path("/p"), "Permission denied"),
        errors.DatabaseUnreadableError(Path("/p/db"), "file is not a database"),
        errors.ForeignDatabaseError(Path("/p/db")),
        errors.NewerDatabaseError(Path("/p/db"), ["9999_future"]),
        errors.DatabaseReadOnlyError(Path("/p/db")),
    ],
)
def test_every_opening_error_has_its_own_calm_wording(error: errors.KapError) -> None:
    title, message = describe(error)
    assert title != "Something needs your attention"
    assert "/p" in message
    assert "!" not in title + message
    assert "Traceback" not in message


def test_a_protected_profile_cannot_be_timed_to_loaded_and_says_why(
    demo_profile: Profile, qapp: QApplication, capsys: pytest.CaptureFixture[str]
) -> None:
    from kapcompanion.store import protection

    protection.protect(demo_profile.database_path, demo_profile.backups_folder, "quiet")
    assert run_window(window_args(demo_profile.folder)) == 1
    assert "protected with a passphrase" in capsys.readouterr().err
    assert protection.is_protected(demo_profile.database_path)


def test_a_timed_start_can_stop_at_the_unlock_screen(
    demo_profile: Profile, qapp: QApplication
) -> None:
    from kapcompanion.store import protection

    pytest.importorskip("sqlcipher3", reason="this installation has no SQLCipher")
    args = argparse.Namespace(data_dir=str(demo_profile.folder), demo=False, exit_after="locked")
    assert run_window(args) == 0  # an ordinary profile: it stops once the data is shown
    protection.protect(demo_profile.database_path, demo_profile.backups_folder, "quiet")
    before = demo_profile.database_path.read_bytes()
    assert run_window(args) == 0
    assert demo_profile.database_path.read_bytes() == before


def test_the_window_backs_up_your_data_once_a_day_as_it_opens(
    demo_profile: Profile, qapp: QApplication
) -> None:
    from kapcompanion.store.automatic_backups import automatic_backups

    assert automatic_backups(demo_profile.backups_folder) == []
    assert run_window(window_args(demo_profile.folder)) == 0
    (first,) = automatic_backups(demo_profile.backups_folder)
    assert run_window(window_args(demo_profile.folder)) == 0  # the same day, nothing written
    assert [backup.path for backup in automatic_backups(demo_profile.backups_folder)] == [
        first.path
    ]
