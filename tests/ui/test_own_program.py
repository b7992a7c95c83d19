"""Starting KAP Companion itself as another process, from a venv and from a bundle."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kapcompanion import __version__
from ui.widgets.own_program import own_program


def test_from_python_it_runs_the_app_module_and_prints_the_version() -> None:
    program, arguments = own_program("--version")
    result = subprocess.run(
        [program, *arguments], capture_output=True, text=True, timeout=60, check=True
    )
    assert __version__ in result.stdout


def test_a_bundle_runs_its_own_program_with_the_arguments_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/kap-companion/kap-companion")
    assert own_program("report", "--out", "a b.pdf") == (
        "/opt/kap-companion/kap-companion",
        ["report", "--out", "a b.pdf"],
    )
