"""Start at login: an XDG autostart entry for this user, with the command quoted as the Desktop
Entry Specification asks, and taken away again."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kapcompanion import autostart


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


def exec_line(path: Path) -> str:
    [line] = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("Exec=")
    ]
    return line.removeprefix("Exec=")


def test_enabling_writes_an_entry_that_starts_minimised_and_disabling_removes_it(
    config_home: Path,
) -> None:
    assert not autostart.is_enabled()
    path = autostart.enable("/usr/bin/python3", ["-P", "-m", "app"])
    assert path == config_home / "autostart" / "kap-companion.desktop"
    assert autostart.is_enabled()
    assert exec_line(path) == "/usr/bin/python3 -P -m app --minimised"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    autostart.disable()
    assert not autostart.is_enabled()
    autostart.disable()  # twice is fine


@pytest.mark.parametrize(
    ("argument", "written"),
    [
        ("/opt/kap companion/kap-companion", '"/opt/kap companion/kap-companion"'),
        ("/home/zoë/app", "/home/zoë/app"),
        ('say "hi"', '"say \\\\"hi\\\\""'),
        ("C:\\path", '"C:\\\\\\\\path"'),
        ("50%", "50%%"),
        ("$HOME", '"\\\\$HOME"'),
        ("", '""'),
    ],
)
def test_arguments_are_quoted_as_the_specification_asks(argument: str, written: str) -> None:
    assert autostart.exec_argument(argument) == written


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="no desktop-file-validate"
)
def test_the_entry_is_a_valid_desktop_file(config_home: Path) -> None:
    path = autostart.enable("/opt/kap companion/kap-companion", [])
    result = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
