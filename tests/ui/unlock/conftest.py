"""A protected sample course, for the unlock and auto-lock tests."""

from __future__ import annotations

import pytest

from kapcompanion.profile import Profile
from kapcompanion.store import protection

PASSPHRASE = "quiet harbour"


@pytest.fixture
def protected_profile(demo_profile: Profile) -> Profile:
    """The sample course, protected with PASSPHRASE."""
    protection.protect(demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE)
    return demo_profile
