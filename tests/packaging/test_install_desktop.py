"""scripts/install-desktop.sh puts the entry, metainfo and icons under one user's data folder
(no root), starting the program it is given; --uninstall takes exactly those away again and
never the data folder with the client's entries."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kapcompanion.autostart import exec_argument
from tests.packaging.files import INSTALL_SCRIPT, STANDARD_ICON_SIZES, desktop_entry

EXPECTED_FILES = {
    "applications/kap-companion.desktop",
    "metainfo/kap-companion.metainfo.xml",
    "icons/hicolor/scalable/apps/kap-companion.svg",
    *(f"icons/hicolor/{size}x{size}/apps/kap-companion.png" for size in STANDARD_ICON_SIZES),
}


def files_under(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def run_script(
    *arguments: str, data_home: Path | None, home: Path | None
) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items() if key not in ("HOME", "XDG_DATA_HOME")
    }
    if data_home is not None:
        environment["XDG_DATA_HOME"] = str(data_home)
    if home is not None:
        environment["HOME"] = str(home)
    return subprocess.run(
        ["bash", str(INSTALL_SCRIPT), *arguments],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """A stand-in for the bundle's program, in a folder whose name needs quoting in Exec."""
    folder = tmp_path / "Mes programmes" / 'Zoë\'s "apps" 100%' / "kap-companion"
    folder.mkdir(parents=True)
    path = folder / "kap-companion"
    path.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def data_home(tmp_path: Path) -> Path:
    """A user's data folder that already holds KAP Companion's own data."""
    folder = tmp_path / "share"
    entries = folder / "kap-companion"
    entries.mkdir(parents=True)
    (entries / "kap-companion.sqlite3").write_bytes(b"the client's entries")
    return folder


def test_install_puts_exactly_the_entry_metainfo_and_icons_in_place(
    program: Path, data_home: Path
) -> None:
    result = run_script("--program", str(program), data_home=data_home, home=None)
    assert result.returncode == 0, result.stderr
    assert files_under(data_home) == EXPECTED_FILES | {"kap-companion/kap-companion.sqlite3"}
    entry = desktop_entry(data_home / "applications" / "kap-companion.desktop")
    assert entry["Exec"] == exec_argument(str(program))
    assert entry["Icon"] == "kap-companion"
    assert "menu" in result.stdout


def test_the_installed_entry_validates(program: Path, data_home: Path) -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed here")
    assert run_script("--program", str(program), data_home=data_home, home=None).returncode == 0
    installed = data_home / "applications" / "kap-companion.desktop"
    result = subprocess.run([validate, str(installed)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout


def test_uninstall_removes_them_and_never_the_data_folder(program: Path, data_home: Path) -> None:
    assert run_script("--program", str(program), data_home=data_home, home=None).returncode == 0
    result = run_script("--uninstall", data_home=data_home, home=None)
    assert result.returncode == 0, result.stderr
    assert files_under(data_home) == {"kap-companion/kap-companion.sqlite3"}
    assert (data_home / "kap-companion" / "kap-companion.sqlite3").read_bytes() == (
        b"the client's entries"
    )
    assert "not touched" in result.stdout


def test_without_xdg_data_home_it_uses_the_home_folder(program: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert run_script("--program", str(program), data_home=None, home=home).returncode == 0
    assert files_under(home / ".local" / "share") == EXPECTED_FILES


def test_a_missing_program_is_said_and_nothing_is_installed(
    tmp_path: Path, data_home: Path
) -> None:
    result = run_script("--program", str(tmp_path / "nowhere"), data_home=data_home, home=None)
    assert result.returncode == 1
    assert "There is no KAP Companion program" in result.stderr
    assert files_under(data_home) == {"kap-companion/kap-companion.sqlite3"}


def test_with_no_home_at_all_it_says_so() -> None:
    result = run_script("--uninstall", data_home=None, home=None)
    assert result.returncode == 1
    assert "HOME" in result.stderr
