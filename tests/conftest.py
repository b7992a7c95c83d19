"""Shared fixtures: a fresh profile folder per test, real SQLite files, Qt offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kapcompanion.profile import Profile
from kapcompanion.store import Store


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
