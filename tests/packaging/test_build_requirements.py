"""The build's pins: every runtime dependency pyproject.toml names is pinned to a version it
allows (so the bundle never carries PySide6-Essentials 6.12.0), and the bundler is PyInstaller 6."""

from __future__ import annotations

import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.paths import REPOSITORY

REQUIREMENTS = REPOSITORY / "packaging" / "build-requirements.txt"


def pins() -> dict[str, Requirement]:
    lines = REQUIREMENTS.read_text(encoding="utf-8").splitlines()
    wanted = [Requirement(line) for line in lines if line.strip() and not line.startswith("#")]
    return {canonicalize_name(requirement.name): requirement for requirement in wanted}


def pinned_version(requirement: Requirement) -> str:
    [specifier] = list(requirement.specifier)
    assert specifier.operator == "==", f"{requirement} is not pinned"
    return specifier.version


def test_every_line_pins_one_exact_version() -> None:
    assert pins()
    for requirement in pins().values():
        pinned_version(requirement)


def test_each_runtime_dependency_is_pinned_to_a_version_pyproject_allows() -> None:
    project = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    pinned = pins()
    for line in project["project"]["dependencies"]:
        dependency = Requirement(line)
        pin = pinned[canonicalize_name(dependency.name)]
        assert dependency.specifier.contains(pinned_version(pin)), f"{pin} against {dependency}"
        assert pin.marker == dependency.marker


def test_the_qt_binding_pin_avoids_the_faulty_release() -> None:
    pinned = pins()
    qt = pinned_version(pinned["pyside6-essentials"])
    assert qt != "6.12.0"
    assert pinned_version(pinned["shiboken6"]) == qt


def test_the_bundler_is_pyinstaller_6() -> None:
    assert pinned_version(pins()["pyinstaller"]).startswith("6.")
