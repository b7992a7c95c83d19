"""The package as a user gets it: a wheel carrying both packages, app.py and every resource."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    [built] = out.glob("kap_companion-*.whl")
    return built


def test_the_wheel_carries_code_entry_point_and_every_resource(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "app.py" in names
    assert "kapcompanion/store/store.py" in names
    assert "ui/main_window.py" in names
    shipped = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file()
    }
    assert shipped
    assert {f"kapcompanion/{name}" for name in shipped} <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "kap-companion = app:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_installed_wheel_runs_from_anywhere(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    environment = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import kapcompanion.data_files.resource_files as r; print(r.resources_dir())",
        ],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(probe.stdout.strip()) == target / "kapcompanion" / "resources"
    demo = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "p"), "demo"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert demo.returncode == 0, demo.stderr
    assert "sample course" in demo.stdout
