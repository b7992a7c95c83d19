"""PCL-5's 31–33 is a screening cut-point: below it a quiet note, and at or above it the
suggestion to talk it over reads at least as plainly as inside it (once inverted: a total of
50 showed only muted small print). Real results pages, offscreen, on a real store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapcompanion.data_files.questionnaires import Questionnaire, questionnaire
from kapcompanion.domain import CheckIn
from kapcompanion.store import Store
from tests.questionnaire_answers import answers_totalling
from tests.ui.helpers import visible_texts
from ui.checkins.results import CheckInResults

PCL5 = questionnaire("pcl5")
PHQ9 = questionnaire("phq9")
START = datetime(2026, 10, 25, 9, tzinfo=UTC)


def finished(store: Store, q: Questionnaire, answers: dict[int, int], weeks: int) -> CheckIn:
    at = START + timedelta(weeks=weeks)
    check_in = store.check_ins.start(q.id, q.version, at=at)
    for number, value in answers.items():
        store.check_ins.save_answer(check_in.id, number, value)
    store.check_ins.complete(check_in.id, at=at)
    return next(c for c in store.check_ins.completed(q.id) if c.id == check_in.id)


@pytest.fixture
def page(qtbot: QtBot, qapp: QApplication) -> Iterator[CheckInResults]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    shown = CheckInResults()
    qtbot.addWidget(shown)
    shown.resize(700, 900)
    shown.show()
    yield shown
    QLocale.setDefault(QLocale.system())


@pytest.mark.parametrize(
    ("total", "words", "role"),
    [
        (20, "For reference, the published screening cut-point is 31 to 33.", "muted"),
        (
            32,
            "Your score is at the screening cut-point, 31 to 33. "
            "Talking it over with your clinician may help.",
            "reading",
        ),
        (
            50,
            "Your score is above the screening cut-point, 31 to 33. "
            "Talking it over with your clinician may help.",
            "reading",
        ),
    ],
)
def test_pcl5_cut_point_wording_below_inside_and_above(
    page: CheckInResults, store: Store, total: int, words: str, role: str
) -> None:
    check_in = finished(store, PCL5, answers_totalling(PCL5, total), weeks=0)
    page.show_result(PCL5, check_in, [])
    assert page.cut_point_label is not None
    assert page.cut_point_label.text() == words
    assert page.cut_point_label.objectName() == role
    shown = " ".join(visible_texts(page))
    assert page.cut_point_label.isVisibleTo(page)
    assert "reference range" not in shown
    assert ("says nothing about who you are" in shown) is (total >= 31)
    assert "diagnos" not in shown.lower()


def test_the_change_since_the_first_is_said_with_its_date_and_the_published_figure(
    page: CheckInResults, store: Store
) -> None:
    first = finished(store, PHQ9, answers_totalling(PHQ9, 13), weeks=0)
    middle = finished(store, PHQ9, answers_totalling(PHQ9, 10), weeks=2)
    latest = finished(store, PHQ9, answers_totalling(PHQ9, 6), weeks=4)
    page.show_result(PHQ9, latest, [first, middle])
    shown = visible_texts(page)
    assert "4 points lower than last time." in shown
    assert (
        "Your score has changed by 7 points since your first, on 25 October 2026: from 13 to 6."
        in shown
    )
    assert (
        "This is at least the 5-point change that published sources count as meaningful "
        "on the PHQ-9." in shown
    )
    # Response and remission are words for the clinician's page, not the client's screen.
    assert not any("response" in line.lower() or "remission" in line.lower() for line in shown)


def test_a_change_short_of_every_published_figure_names_none(
    page: CheckInResults, store: Store
) -> None:
    first = finished(store, PHQ9, answers_totalling(PHQ9, 13), weeks=0)
    middle = finished(store, PHQ9, answers_totalling(PHQ9, 12), weeks=2)
    latest = finished(store, PHQ9, answers_totalling(PHQ9, 9), weeks=4)
    page.show_result(PHQ9, latest, [first, middle])
    shown = visible_texts(page)
    assert any(line.startswith("Your score has changed by 4 points") for line in shown)
    assert not any(line.startswith("This is at least") for line in shown)
