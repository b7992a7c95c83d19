"""Home writes its dates in the locale's words, never as bare digits ("since 29 10 2026")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFrame, QLabel

from kapcompanion.domain import NewSession
from kapcompanion.profile import Profile
from tests.ui.conftest import WindowFactory
from ui.changes import DataKind


@pytest.fixture
def british() -> Iterator[None]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(QLocale.system())


def test_the_sessions_card_and_latest_session_read_as_words(
    open_window: WindowFactory, profile: Profile, british: None
) -> None:
    window = open_window(profile)
    assert window.store is not None
    for day in (29, 3):
        month = 10 if day == 29 else 11
        held = datetime(2026, month, day, 10).astimezone()
        window.store.sessions.add(
            NewSession(held_at=held, number_in_course=window.store.sessions.next_number())
        )
    window.data_changed.emit(DataKind.SESSIONS)
    names = [frame.accessibleName() for frame in window.home.findChildren(QFrame)]
    assert "Sessions: 2, since 29 Oct 2026" in names
    texts = " ".join(label.text() for label in window.home.findChildren(QLabel))
    assert "was on Tuesday, 3 November 2026." in texts
