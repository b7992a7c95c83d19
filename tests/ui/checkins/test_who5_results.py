"""WHO-5 on the check-ins screen: a result reads as a score out of 100 with the raw total in
small words, its band in neutral words, and (at or below 50) a gentle word about talking it over
with the clinician; the change is in points of 0–100. Checked against hand-worked scores and
through the real screen by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapcompanion.data_files.questionnaires import questionnaire, score
from kapcompanion.store import Store
from tests.ui.helpers import focused, press, visible_texts
from ui.application import create_application
from ui.checkins.view import CheckInsView
from ui.checkins.wording import range_text, raw_score_text, result_sentence, short_result
from ui.widgets.style import ColourScheme, apply_style

DIGITS = [getattr(Qt.Key, f"Key_{n}") for n in range(10)]
CUT_50 = "the published screening cut-point for poor well-being"
TALK_50 = (
    "At or below 50, talking it over with your clinician or therapist may help. You could bring "
    "this result to your next appointment."
)
TALK_28 = (
    "At or below 28, the authors suggest talking it over with your clinician or therapist. It "
    "may help to bring this result to your next appointment, or to get in touch sooner if you "
    "would like to."
)


@pytest.mark.parametrize(
    ("answers", "sentence", "raw", "suggestion"),
    [
        (
            (5, 5, 5, 5, 5),  # 25 × 4
            f"Your WHO-5 score is 100 out of 100, above 50, {CUT_50}.",
            "Your answers add up to 25 out of 25; times 4, that gives 100 out of 100.",
            "",
        ),
        (
            (2, 2, 2, 2, 5),  # 13 × 4: the lowest score above the cut-point (50 cannot be had)
            f"Your WHO-5 score is 52 out of 100, above 50, {CUT_50}.",
            "Your answers add up to 13 out of 25; times 4, that gives 52 out of 100.",
            "",
        ),
        (
            (3, 3, 2, 2, 2),  # 12 × 4
            f"Your WHO-5 score is 48 out of 100, at or below 50, {CUT_50}.",
            "Your answers add up to 12 out of 25; times 4, that gives 48 out of 100.",
            TALK_50,
        ),
        (
            (1, 1, 2, 1, 2),  # 7 × 4
            "Your WHO-5 score is 28 out of 100, at or below 28, where the authors suggest a "
            "closer look at low mood.",
            "Your answers add up to 7 out of 25; times 4, that gives 28 out of 100.",
            TALK_28,
        ),
        (
            (0, 0, 0, 0, 0),
            "Your WHO-5 score is 0 out of 100, at or below 28, where the authors suggest a "
            "closer look at low mood.",
            "Your answers add up to 0 out of 25; times 4, that gives 0 out of 100.",
            TALK_28,
        ),
    ],
)
def test_hand_worked_results_in_words(
    qapp: QApplication, answers: tuple[int, ...], sentence: str, raw: str, suggestion: str
) -> None:
    locale = QLocale("en_GB")
    result = score(questionnaire("who5"), dict(enumerate(answers, start=1)))
    assert result_sentence(result, locale) == sentence
    assert raw_score_text(result, locale) == raw
    assert result.band is not None and result.band.suggestion == suggestion
    # A history line names the band by its number: "48 out of 100, at or below 50".
    assert short_result(result, locale) == f"{result.scaled_total} out of 100, {result.band.label}"
    words = f"{sentence} {raw} {suggestion}".lower()
    assert "diagnos" not in words and "depress" not in words


def test_the_symptom_measures_keep_their_own_numbers(qapp: QApplication) -> None:
    locale = QLocale("en_GB")
    phq9 = score(questionnaire("phq9"), dict.fromkeys(range(1, 10), 1))
    assert result_sentence(phq9, locale) == "Your PHQ-9 score is 9, in the mild range."
    assert raw_score_text(phq9, locale) == ""
    assert range_text(questionnaire("phq9"), locale) == "PHQ-9 scores run from 0 to 27."
    assert range_text(questionnaire("who5"), locale) == (
        "WHO-5 scores run from 0 to 100. Here a higher score means better well-being."
    )


@pytest.fixture
def view(qtbot: QtBot, qapp: QApplication, store: Store) -> Iterator[CheckInsView]:
    create_application()
    apply_style(qapp, ColourScheme.LIGHT)
    shown = CheckInsView()
    qtbot.addWidget(shown)
    shown.resize(900, 720)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    yield shown


def finish_earlier(store: Store, answers: dict[int, int], days_ago: int) -> None:
    at = datetime.now(UTC) - timedelta(days=days_ago)
    check_in = store.check_ins.start("who5", 1, at=at)
    for number, value in answers.items():
        store.check_ins.save_answer(check_in.id, number, value)
    store.check_ins.complete(check_in.id, at=at)


def test_who5_by_keyboard_shows_its_result_out_of_100(
    view: CheckInsView, store: Store, qtbot: QtBot
) -> None:
    finish_earlier(store, {1: 2, 2: 2, 3: 1, 4: 1, 5: 3}, days_ago=15)  # 9: 36 out of 100
    view.set_store(store)
    qtbot.wait(1)
    card = view.cards["who5"]
    assert "How well you have been feeling in yourself" in " ".join(visible_texts(card))
    card.take_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert view.current_page() == "taking"
    who5 = questionnaire("who5")
    assert who5.instructions in visible_texts(view)
    press(qtbot, Qt.Key.Key_Return)
    answers = {1: 3, 2: 3, 3: 2, 4: 2, 5: 2}  # 12: 48 out of 100
    for number in range(1, 6):
        assert who5.items[number - 1].text in visible_texts(view)
        press(qtbot, DIGITS[answers[number]])
        press(qtbot, Qt.Key.Key_Return)
    assert view.current_page() == "results", visible_texts(view)
    [_, stored] = store.check_ins.completed("who5")
    assert stored.answers == answers

    shown = visible_texts(view.results)
    assert f"Your WHO-5 score is 48 out of 100, at or below 50, {CUT_50}." in shown
    assert "Your answers add up to 12 out of 25; times 4, that gives 48 out of 100." in shown
    assert TALK_50 in shown
    assert "12 points higher than last time." in shown  # 36 → 48, in points of 0–100
    # 36 → 48 is 12 points: at least the 10 points of the WHO-5 scoring instructions.
    assert (
        "This is at least the 10-point change that published sources count as meaningful "
        "on the WHO-5." in shown
    )
    assert any(who5.source in line and who5.licence in line for line in shown)
    assert not any("diagnos" in line.lower() for line in shown)

    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "overview"
    assert focused() is card.take_button
    assert card.change.text() == "12 points higher than the time before."
    assert [button.text().split(" · ")[1] for button in card.history_buttons] == [
        "48 out of 100, at or below 50",
        "36 out of 100, at or below 50",
    ]


def test_above_the_cut_point_there_is_no_suggestion(
    view: CheckInsView, store: Store, qtbot: QtBot
) -> None:
    finish_earlier(store, {1: 4, 2: 3, 3: 3, 4: 2, 5: 4}, days_ago=1)  # 16: 64 out of 100
    view.set_store(store)
    qtbot.wait(1)  # the history's buttons appear on the next turn
    view.cards["who5"].history_buttons[0].setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert view.current_page() == "results"
    shown = visible_texts(view.results)
    assert f"Your WHO-5 score is 64 out of 100, above 50, {CUT_50}." in shown
    assert not any("clinician" in line for line in shown)
    assert view.results.suggestion_label is None
