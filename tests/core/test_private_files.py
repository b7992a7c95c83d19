"""The profile is the user's alone: its folder 0700, every file the core writes 0600, whatever
the umask (here the usual 022, which would let others read), and an older profile left readable
to others is tightened when it is opened. Real files throughout."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from PySide6.QtWidgets import QApplication

from kapcompanion.charts import save_figure
from kapcompanion.demo import fill_demo
from kapcompanion.exchange import write_csv_export, write_json_export
from kapcompanion.private_files import (
    create_private_file,
    database_files,
    make_private_folder,
    tighten,
)
from kapcompanion.profile import Profile, ProfileLock
from kapcompanion.report.content.options import ReportOptions
from kapcompanion.report.paint.render import save_report_pdf
from kapcompanion.store import Store
from kapcompanion.store.backup import backup_database, default_backup_path
from tests.file_modes import mode, modes

pytestmark = pytest.mark.usefixtures("usual_umask")


def wal_and_shm(database: Path) -> tuple[Path, Path]:
    return database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")


# The rule itself --------------------------------------------------------------------------------


def test_a_new_folder_and_file_are_private_and_existing_ones_are_left_alone(
    tmp_path: Path,
) -> None:
    make_private_folder(tmp_path / "a" / "b", parents=True)
    assert create_private_file(tmp_path / "a" / "b" / "file")
    assert modes(tmp_path / "a" / "b", tmp_path / "a" / "b" / "file") == {
        "b": "0o700",
        "file": "0o600",
    }
    assert mode(tmp_path / "a") == 0o755  # a parent made on the way is not the profile
    (tmp_path / "a" / "b" / "file").write_bytes(b"words")
    assert not create_private_file(tmp_path / "a" / "b" / "file")
    assert (tmp_path / "a" / "b" / "file").read_bytes() == b"words"
    (tmp_path / "file").touch()
    with pytest.raises(FileExistsError):
        make_private_folder(tmp_path / "file")


def test_a_strict_umask_still_leaves_the_user_their_own_folder_and_file(tmp_path: Path) -> None:
    os.umask(0o277)
    make_private_folder(tmp_path / "folder")
    create_private_file(tmp_path / "folder" / "file")
    assert modes(tmp_path / "folder", tmp_path / "folder" / "file") == {
        "folder": "0o700",
        "file": "0o600",
    }


def test_tightening_only_takes_permissions_away_and_never_follows_a_link(tmp_path: Path) -> None:
    shared, read_only, elsewhere = tmp_path / "shared", tmp_path / "read-only", tmp_path / "other"
    for path, bits in ((shared, 0o664), (read_only, 0o444), (elsewhere, 0o644)):
        path.touch()
        path.chmod(bits)
    (tmp_path / "link").symlink_to(elsewhere)
    tighten([shared, read_only, tmp_path / "link", tmp_path / "missing"])
    assert modes(shared, read_only, elsewhere) == {
        "shared": "0o600",
        "read-only": "0o400",
        "other": "0o644",
    }


# Every file the core writes ---------------------------------------------------------------------


def test_a_new_profile_its_database_wal_and_shm_are_private(profile: Profile) -> None:
    with ProfileLock(profile), Store.open(profile.database_path) as store:
        fill_demo(store)
        wal, shm = wal_and_shm(profile.database_path)
        assert wal.exists() and shm.exists()
        assert modes(profile.folder, profile.database_path, wal, shm, profile.lock_path) == {
            "profile": "0o700",
            "kap-companion.sqlite3": "0o600",
            "kap-companion.sqlite3-wal": "0o600",
            "kap-companion.sqlite3-shm": "0o600",
            "kap-companion.lock": "0o600",
        }


def test_a_backup_and_the_backups_folder_are_private(store: Store, profile: Profile) -> None:
    fill_demo(store)
    written = backup_database(
        profile.database_path, default_backup_path(profile.backups_folder, datetime.now())
    )
    assert modes(profile.backups_folder, written) == {
        "backups": "0o700",
        written.name: "0o600",
    }


def test_exports_printouts_and_charts_are_private(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    fill_demo(store)
    write_json_export(store, tmp_path / "export.json")
    write_csv_export(store, tmp_path / "export.zip")
    save_report_pdf(store, ReportOptions(), tmp_path / "printout.pdf")
    figure = Figure()
    figure.add_subplot().plot([1, 2, 3])
    save_figure(figure, tmp_path / "chart.png")
    (tmp_path / "chart.svg").write_text("an older chart, readable by others")
    (tmp_path / "chart.svg").chmod(0o644)
    save_figure(figure, tmp_path / "chart.svg")
    written = ("export.json", "export.zip", "printout.pdf", "chart.png", "chart.svg")
    assert modes(*(tmp_path / name for name in written)) == dict.fromkeys(written, "0o600")


# An older profile, readable by others -----------------------------------------------------------


def test_opening_an_older_profile_tightens_it(demo_profile: Profile) -> None:
    backup = backup_database(
        demo_profile.database_path,
        default_backup_path(demo_profile.backups_folder, datetime.now()),
    )
    # What an older version left after a crash, under the usual umask.
    companions = database_files(demo_profile.database_path)[1:]
    demo_profile.window_state_path.write_text("[General]\n")
    files = [demo_profile.database_path, *companions, backup, demo_profile.window_state_path]
    for path in companions:
        path.touch()
    stranger = demo_profile.folder / "someone else's notes.txt"
    stranger.write_text("not the app's")
    for path in (demo_profile.folder, demo_profile.backups_folder):
        path.chmod(0o755)
    for path in [*files, stranger]:
        path.chmod(0o644)
    with ProfileLock(demo_profile):
        assert modes(
            demo_profile.folder, demo_profile.backups_folder, *files, demo_profile.lock_path
        ) == {
            "profile": "0o700",
            "backups": "0o700",
            **{path.name: "0o600" for path in [*files, demo_profile.lock_path]},
        }
        assert mode(stranger) == 0o644  # a --data-dir folder may hold what is not the app's


def test_the_store_tightens_an_older_database_before_sqlite_makes_its_wal(
    demo_profile: Profile,
) -> None:
    database = demo_profile.database_path
    database.chmod(0o644)
    with Store.open(database):  # opening reads and writes, so SQLite makes -wal and -shm
        wal, shm = wal_and_shm(database)
        assert modes(database, wal, shm) == dict.fromkeys(
            [database.name, wal.name, shm.name], "0o600"
        )
