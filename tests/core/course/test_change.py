"""Change from the first check-in to the latest against the published thresholds, checked on
hand-computed series (the figures and their sources are in docs/questionnaire-thresholds.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kapcompanion.course.change import Taken, course_change, thresholds_passed
from kapcompanion.data_files.questionnaires import Questionnaire, questionnaire, score
from tests.questionnaire_answers import answers_totalling

PHQ9 = questionnaire("phq9")
GAD7 = questionnaire("gad7")
PCL5 = questionnaire("pcl5")
WHO5 = questionnaire("who5")
START = datetime(2026, 10, 25, 9, tzinfo=UTC)


def series(q: Questionnaire, *totals: int | None) -> list[Taken]:
    """Check-ins a week apart; None is a finished check-in with item 7 unanswered."""
    taken = []
    for week, total in enumerate(totals):
        if total is None:
            answers = answers_totalling(q, 20)
            del answers[7]
        else:
            answers = answers_totalling(q, total)
        taken.append(Taken(START + timedelta(weeks=week), score(q, answers)))
    return taken


def keys(q: Questionnaire, first: int, latest: int) -> list[str]:
    return [threshold.key for threshold in thresholds_passed(q, first, latest)]


@pytest.mark.parametrize(
    ("first", "latest", "passed"),
    [
        # 13 → 6: −7 ≥ 5; a drop of 7/13 = 54 % ≥ 50 %; 6 is not below 5.
        (13, 6, ["minimal_important_difference", "response"]),
        # 10 → 5: exactly 5 points and exactly 50 %; 5 is not below 5.
        (10, 5, ["minimal_important_difference", "response"]),
        (10, 4, ["minimal_important_difference", "response", "remission"]),
        # 11 → 6: 5 points but 5/11 = 45 %.
        (11, 6, ["minimal_important_difference"]),
        (13, 9, []),  # −4
        (6, 13, ["minimal_important_difference"]),  # a rise passes the MCID, never response
        # 4 → 2 halves the score (response as defined, with no entry criterion), but it
        # started below 5, so it crosses no remission line.
        (4, 2, ["response"]),
        (0, 0, []),
    ],
)
def test_phq9_response_remission_and_mcid_by_hand(
    first: int, latest: int, passed: list[str]
) -> None:
    assert keys(PHQ9, first, latest) == passed


def test_gad7_has_only_its_verified_four_point_mcid() -> None:
    assert [t.key for t in GAD7.change_thresholds] == ["minimal_important_difference"]
    assert keys(GAD7, 12, 8) == ["minimal_important_difference"]
    assert keys(GAD7, 12, 9) == []
    assert keys(GAD7, 12, 6) == ["minimal_important_difference"]  # 50 % is not claimed


@pytest.mark.parametrize(
    ("first", "latest", "passed"),
    [
        (46, 29, ["minimal_important_difference", "reliable_change"]),  # −17
        (46, 31, ["minimal_important_difference", "reliable_change"]),  # −15
        (46, 32, ["minimal_important_difference"]),  # −14
        (46, 36, ["minimal_important_difference"]),  # −10
        (46, 37, []),  # −9
    ],
)
def test_pcl5_mid_and_reliable_change_by_hand(first: int, latest: int, passed: list[str]) -> None:
    assert keys(PCL5, first, latest) == passed


def test_who5_ten_points_on_the_percentage_score() -> None:
    # Raw 10 → 12 is 40 → 48 on 0–100: 8 points. Raw 10 → 13 is 40 → 52: 12 points.
    assert keys(WHO5, 10, 12) == []
    assert keys(WHO5, 10, 13) == ["meaningful_change"]
    assert keys(WHO5, 13, 10) == ["meaningful_change"]


def test_the_change_runs_from_the_first_total_to_the_latest() -> None:
    change = course_change(PHQ9, series(PHQ9, 13, 10, 6))
    assert change.change == -7
    assert change.first is not None and change.first.score.total == 13
    assert [t.key for t in change.passed] == ["minimal_important_difference", "response"]
    assert not change.latest_is_partial


def test_who5_change_is_in_points_of_100() -> None:
    assert course_change(WHO5, series(WHO5, 10, 13)).change == 12


def test_one_check_in_has_no_change_and_passes_nothing() -> None:
    change = course_change(PCL5, series(PCL5, 46))
    assert change.change is None and change.passed == ()
    assert change.latest is change.latest_total
    assert course_change(PCL5, []).latest is None


def test_a_partial_latest_pcl5_is_the_latest_and_says_it_has_no_total() -> None:
    """The PCL-5 file's rule: no total while any item is unanswered (no prorating). So a
    finished PCL-5 with item 7 unanswered has no total and cannot be measured against a
    threshold; the change runs to the last total, and the partial one is still the latest."""
    taken = series(PCL5, 46, 29, None)
    change = course_change(PCL5, taken)
    assert change.latest is taken[-1]
    assert change.latest_is_partial
    assert change.latest.score.missing == (7,)
    assert change.latest_total is taken[1]
    assert change.change == -17
    assert [t.key for t in change.passed] == ["minimal_important_difference", "reliable_change"]


def test_a_partial_first_check_in_is_skipped_for_the_first_total() -> None:
    change = course_change(PCL5, series(PCL5, None, 46, 36))
    assert change.first is not None and change.first.score.total == 46
    assert change.change == -10
