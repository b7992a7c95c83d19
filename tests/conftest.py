"""Shared fixtures: a fresh profile folder per test, real SQLite files, Qt offscreen."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kapcompanion.private_files import HAS_POSIX_MODES
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.processes import RUN_MARK, end_process, processes_marked


@pytest.fixture(scope="session", autouse=True)
def no_process_outlives_the_suite() -> Iterator[None]:
    """Fail the run if anything the suite started is still running at its end (then end it)."""
    token = uuid.uuid4().hex
    os.environ[RUN_MARK] = token
    yield
    left = processes_marked(token)
    described = []
    for pid in left:
        try:
            described.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" "))
        except OSError:
            described.append(str(pid).encode())
        end_process(pid)
    assert not left, f"processes the tests started are still running: {described}"


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile")


@pytest.fixture
def store(profile: Profile) -> Iterator[Store]:
    profile.ensure_exists()
    with Store.open(profile.database_path) as opened:
        yield opened


@pytest.fixture
def demo_profile(profile: Profile) -> Profile:
    """A profile holding the sample course, closed again so tests can open it their own way."""
    from kapcompanion.demo import fill_demo

    profile.ensure_exists()
    with Store.open(profile.database_path) as opened:
        fill_demo(opened)
    return profile


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The usual umask (022, which lets others read what is made) for one test, and back.
    Skipped where files have no POSIX modes. The suite runs as root in CI: modes still apply to
    what is created, so tests assert the bits, not whether another user could read the file."""
    if not HAS_POSIX_MODES:
        pytest.skip("this system has no POSIX file modes")
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)
