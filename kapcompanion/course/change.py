"""Change in a questionnaire's score from the first check-in to the latest, and which of the
published change thresholds (resources/questionnaires/, each with its citation) it passes.

Pure: no store, no Qt, no words. The thresholds are stated, never judged: passing one says
how a change compares with a published figure, not how a person is doing.

A finished check-in with an unanswered item has no total (the app never prorates nor counts
a missing answer as zero, as each file's "missing" rule says), so it cannot be measured
against a threshold. It is still the latest check-in: `CourseChange.latest` is it, and
`latest_is_partial` says so, so a page never shows an older total as if it were the latest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kapcompanion.data_files.questionnaires import (
    ChangeThreshold,
    Questionnaire,
    Score,
    ThresholdKind,
)


@dataclass(frozen=True)
class Taken:
    """One finished check-in: when it was finished, and its score (total or not)."""

    when: datetime
    score: Score


@dataclass(frozen=True)
class CourseChange:
    questionnaire: Questionnaire
    first: Taken | None  # the first check-in with a total
    latest_total: Taken | None  # the latest check-in with a total
    latest: Taken | None  # the latest finished check-in, with a total or not
    passed: tuple[ChangeThreshold, ...]  # from `first` to `latest_total`, in the file's order

    @property
    def change(self) -> int | None:
        """Points of the published score (WHO-5: of 0–100) from the first total to the
        latest; None until there are two totals."""
        if self.first is None or self.latest_total is None or self.first is self.latest_total:
            return None
        latest, first = self.latest_total.score.scaled_total, self.first.score.scaled_total
        assert latest is not None and first is not None  # both were chosen for their totals
        return latest - first

    @property
    def latest_is_partial(self) -> bool:
        """The latest finished check-in left an item unanswered, so it has no total."""
        return self.latest is not None and self.latest.score.total is None


def thresholds_passed(
    questionnaire: Questionnaire, first_total: int, latest_total: int
) -> tuple[ChangeThreshold, ...]:
    """The published thresholds a change from `first_total` to `latest_total` passes; both
    are raw totals (as `Score.total`), compared on the published scale."""
    first = first_total * questionnaire.multiplier
    latest = latest_total * questionnaire.multiplier
    improvement = (latest - first) if questionnaire.higher_is_better else (first - latest)
    passed = []
    for threshold in questionnaire.change_thresholds:
        if threshold.kind is ThresholdKind.POINTS:
            met = abs(latest - first) >= threshold.value
        elif threshold.kind is ThresholdKind.PERCENT_IMPROVEMENT:
            # Whole numbers only: improvement / first >= value / 100, without rounding.
            met = first > 0 and improvement * 100 >= threshold.value * first
        else:  # BELOW: only a move from at or above the figure to below it
            met = first >= threshold.value > latest
        if met:
            passed.append(threshold)
    return tuple(passed)


def course_change(questionnaire: Questionnaire, taken: Sequence[Taken]) -> CourseChange:
    """From `taken` (the finished check-ins of `questionnaire`, oldest first)."""
    with_total = [each for each in taken if each.score.total is not None]
    first = with_total[0] if with_total else None
    latest_total = with_total[-1] if with_total else None
    passed: tuple[ChangeThreshold, ...] = ()
    if first is not None and latest_total is not None and first is not latest_total:
        assert first.score.total is not None and latest_total.score.total is not None
        passed = thresholds_passed(questionnaire, first.score.total, latest_total.score.total)
    return CourseChange(
        questionnaire,
        first=first,
        latest_total=latest_total,
        latest=taken[-1] if taken else None,
        passed=passed,
    )
