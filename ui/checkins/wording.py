"""How a questionnaire and its results are put into words on the check-ins screen.

Shared by the overview, the questionnaire flow and the results page, so a result reads the same
way everywhere: the score and its band as the authors publish them, the change since last time
without judging it, and what is missing said plainly. Never a verdict, never "diagnosis".
Every string goes through Qt's translation; numbers and dates through QLocale.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel

from kapcompanion.course.change import thresholds_passed
from kapcompanion.data_files.questionnaires import (
    ClusterScore,
    Questionnaire,
    Score,
    ThresholdKind,
    score,
)
from kapcompanion.domain import CheckIn
from kapcompanion.wording.translation import fill
from ui.widgets.building_blocks import text
from ui.widgets.wording import day_of, scaled_font

CONTEXT = "CheckInWording"

# How often a questionnaire can be suggested, in days (0 = never); the client picks one.
EVERY_DAYS_CHOICES = (7, 14, 28, 0)


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def small_print(content: str) -> QLabel:
    """Quiet, smaller text for a citation or a licence note."""
    label = text(content, "muted", selectable=True)
    label.setFont(scaled_font(label.font(), "small"))
    label.setAccessibleName(content)  # selectable, so it can take the keyboard focus
    return label


def what_it_looks_at(questionnaire: Questionnaire) -> str:
    """What a questionnaire asks about, in everyday words rather than clinical ones."""
    plain = {
        "phq9": _tr("How your mood has been over the last two weeks"),
        "gad7": _tr("How much worry and nervousness you have felt over the last two weeks"),
        "pcl5": _tr("How a very stressful experience has been affecting you over the past month"),
        "who5": _tr("How well you have been feeling in yourself over the last two weeks"),
    }
    return plain.get(questionnaire.id, questionnaire.recall_period)


def length_text(questionnaire: Questionnaire, locale: QLocale | None = None) -> str:
    count = len(questionnaire.items)
    return fill(_tr("%1 questions"), (locale or QLocale()).toString(count))


def every_days_text(days: int, locale: QLocale | None = None) -> str:
    named = {
        7: _tr("Every week"),
        14: _tr("Every two weeks"),
        28: _tr("Every four weeks"),
        0: _tr("Never"),
    }
    if days in named:
        return named[days]
    return fill(_tr("Every %1 days"), (locale or QLocale()).toString(days))


def when_words(moment: datetime, today: date, locale: QLocale | None = None) -> str:
    """ "today", "yesterday" or "on Monday, 9 November 2026", for a moment in the past."""
    local_day = moment.astimezone().date()
    if local_day == today:
        return _tr("today")
    if (today - local_day).days == 1:
        return _tr("yesterday")
    return fill(_tr("on %1"), day_of(moment, locale))


def latest_text(
    check_in: CheckIn, questionnaire: Questionnaire, today: date, locale: QLocale | None = None
) -> str:
    """The most recent result in a sentence, saying plainly when it has no total."""
    locale = locale or QLocale()
    assert check_in.completed_at is not None
    when = when_words(check_in.completed_at, today, locale)
    result = score_of(check_in, questionnaire)
    if result.total is None:
        return fill(
            _tr("Your most recent check-in, %1, has no total, as %2 not answered."),
            when,
            _items_phrase(list(result.missing), locale),
        )
    if result.band is not None and questionnaire.multiplier != 1:  # room for the band's words
        shown = fill(_tr("%1, %2"), published_score(result, locale), result.band.words)
        return fill(_tr("Your most recent score, %1, was %2."), when, shown)
    return fill(_tr("Your most recent score, %1, was %2."), when, short_result(result, locale))


def score_of(check_in: CheckIn, questionnaire: Questionnaire) -> Score:
    """The score of a stored check-in, ignoring answers that no longer fit the questionnaire."""
    allowed = {option.value for option in questionnaire.options}
    numbers = {item.number for item in questionnaire.items}
    answers = {n: v for n, v in check_in.answers.items() if n in numbers and v in allowed}
    return score(questionnaire, answers)


def number_list(numbers: tuple[int, ...] | list[int], locale: QLocale | None = None) -> str:
    """ "3", "3 and 7", "2, 3 and 7", as the locale joins a list."""
    locale = locale or QLocale()
    # The C locale joins with bare commas; the untranslated words around it are English.
    joiner = QLocale("en_GB") if locale.language() == QLocale.Language.C else locale
    return joiner.createSeparatedList([locale.toString(n) for n in numbers])


def missing_text(missing: tuple[int, ...], locale: QLocale | None = None) -> str:
    """Which items were left unanswered, and that there is therefore no total."""
    if len(missing) == 1:
        return fill(
            _tr("Item %1 was not answered, so there is no total this time."),
            (locale or QLocale()).toString(missing[0]),
        )
    return fill(
        _tr("Items %1 were not answered, so there is no total this time."),
        number_list(missing, locale),
    )


def result_sentence(result: Score, locale: QLocale | None = None) -> str:
    """ "Your PHQ-9 score is 7, in the mild range.", "Your WHO-5 score is 52 out of 100, …"
    or how much was answered."""
    locale = locale or QLocale()
    questionnaire = result.questionnaire
    name = questionnaire.name
    if result.total is None:
        answered = len(questionnaire.items) - len(result.missing)
        return fill(
            _tr("You answered %1 of the %2 questions of the %3."),
            locale.toString(answered),
            locale.toString(len(questionnaire.items)),
            name,
        )
    shown = published_score(result, locale)
    if result.band is not None:
        return fill(_tr("Your %1 score is %2, %3."), name, shown, result.band.words)
    return fill(_tr("Your %1 score is %2."), name, shown)


def published_score(result: Score, locale: QLocale | None = None) -> str:
    """The total as its authors publish it: "7", or "52 out of 100" for WHO-5's percentage."""
    locale = locale or QLocale()
    questionnaire = result.questionnaire
    if result.scaled_total is None:
        return ""
    if questionnaire.multiplier == 1:
        return locale.toString(result.scaled_total)
    return fill(
        _tr("%1 out of %2"),
        locale.toString(result.scaled_total),
        locale.toString(questionnaire.max_scaled_total),
    )


def raw_score_text(result: Score, locale: QLocale | None = None) -> str:
    """For a scaled measure, the raw total it comes from, in small words ("" otherwise)."""
    locale = locale or QLocale()
    questionnaire = result.questionnaire
    if questionnaire.multiplier == 1 or result.total is None:
        return ""
    return fill(
        _tr("Your answers add up to %1 out of %2; times %3, that gives %4 out of %5."),
        locale.toString(result.total),
        locale.toString(questionnaire.max_total),
        locale.toString(questionnaire.multiplier),
        locale.toString(result.scaled_total or 0),
        locale.toString(questionnaire.max_scaled_total),
    )


def range_text(questionnaire: Questionnaire, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    if questionnaire.higher_is_better:
        return fill(
            _tr("%1 scores run from 0 to %2. Here a higher score means better well-being."),
            questionnaire.name,
            locale.toString(questionnaire.max_scaled_total),
        )
    return fill(
        _tr("%1 scores run from 0 to %2."),
        questionnaire.name,
        locale.toString(questionnaire.max_scaled_total),
    )


def short_result(result: Score, locale: QLocale | None = None) -> str:
    """A result in a few words, for a history line: "7, in the mild range"."""
    locale = locale or QLocale()
    if result.total is None:
        if len(result.missing) == 1:
            return _tr("no total, 1 question not answered")
        return fill(
            _tr("no total, %1 questions not answered"), locale.toString(len(result.missing))
        )
    if result.band is not None:
        # A scaled score's band is named by its number ("48 out of 100, at or below 50"):
        # its words in full would not fit a history line.
        band = result.band.label if result.questionnaire.multiplier != 1 else result.band.words
        return fill(_tr("%1, %2"), published_score(result, locale), band)
    return fill(
        _tr("%1 out of %2"),
        locale.toString(result.scaled_total or 0),
        locale.toString(result.questionnaire.max_scaled_total),
    )


def difference_text(difference: int, than: str, locale: QLocale | None = None) -> str:
    """ "3 points lower than last time" — a plain difference, never praise or blame."""
    locale = locale or QLocale()
    size = locale.toString(abs(difference))
    if difference == 0:
        return fill(_tr("The same as %1."), than)
    if difference < 0:
        if abs(difference) == 1:
            return fill(_tr("1 point lower than %1."), than)
        return fill(_tr("%1 points lower than %2."), size, than)
    if difference == 1:
        return fill(_tr("1 point higher than %1."), than)
    return fill(_tr("%1 points higher than %2."), size, than)


def since_first_text(
    first: int, latest: int, first_at: datetime, locale: QLocale | None = None
) -> str:
    """ "Your score has changed by 7 points since your first, on 25 October: from 13 to 6." """
    locale = locale or QLocale()
    when = day_of(first_at, locale)
    if first == latest:
        return fill(_tr("Your score is the same as your first, on %1."), when)
    words = (
        _tr("Your score has changed by 1 point since your first, on %2: from %3 to %4.")
        if abs(latest - first) == 1
        else _tr("Your score has changed by %1 points since your first, on %2: from %3 to %4.")
    )
    return fill(
        words,
        locale.toString(abs(latest - first)),
        when,
        locale.toString(first),
        locale.toString(latest),
    )


def threshold_text(result: Score, earlier: list[CheckIn], locale: QLocale | None = None) -> str:
    """For the client, when the change since the first total is at least a published number
    of points (e.g. PHQ-9's 5): that figure, said neutrally, whichever the direction. "" when
    none is passed. The clinician's page names each threshold (kapcompanion.course.change)."""
    with_total = earlier_with_total(earlier, result.questionnaire)
    if result.total is None or not with_total:
        return ""
    passed = [
        threshold.value
        for threshold in thresholds_passed(result.questionnaire, with_total[0][1], result.total)
        if threshold.kind is ThresholdKind.POINTS
    ]
    if not passed:
        return ""
    return fill(
        _tr(
            "This is at least the %1-point change that published sources count as "
            "meaningful on the %2."
        ),
        (locale or QLocale()).toString(max(passed)),
        result.questionnaire.name,
    )


def cut_point_text(result: Score, locale: QLocale | None = None) -> str:
    """Where a total lies against the screening cut-point (PCL-5's 31–33), "" without one."""
    cut_point, side = result.questionnaire.screening_cut_point, result.cut_point_side
    if cut_point is None or side is None:
        return ""
    locale = locale or QLocale()
    low, high = locale.toString(cut_point.low), locale.toString(cut_point.high)
    if side < 0:
        return fill(_tr("For reference, the published screening cut-point is %1 to %2."), low, high)
    words = (
        _tr("Your score is at the screening cut-point, %1 to %2. %3")
        if side == 0
        else _tr("Your score is above the screening cut-point, %1 to %2. %3")
    )
    return fill(words, low, high, cut_point.words)


def earlier_with_total(
    earlier: list[CheckIn], questionnaire: Questionnaire
) -> list[tuple[CheckIn, int]]:
    """The earlier check-ins that have a total, oldest first, with that total."""
    found = []
    for check_in in earlier:
        total = score_of(check_in, questionnaire).total
        if total is not None:
            found.append((check_in, total))
    return found


def change_lines(
    result: Score,
    earlier: list[CheckIn],
    locale: QLocale | None = None,
    *,
    last_time: str = "",
) -> list[str]:
    """The change since the last total (and, once there are two before it, since the first
    one), in points of the published score (WHO-5: of 0–100).

    `earlier` holds the check-ins finished before this one, oldest first; `last_time` names
    the one just before ("last time" unless told otherwise).
    """
    locale = locale or QLocale()
    if result.total is None:
        return []
    questionnaire = result.questionnaire
    with_total = earlier_with_total(earlier, questionnaire)
    if not with_total:
        return []
    previous, previous_total = with_total[-1]
    if earlier and previous is earlier[-1]:
        than = last_time or _tr("last time")
    else:
        assert previous.completed_at is not None
        than = fill(_tr("on %1"), day_of(previous.completed_at, locale))
    points = questionnaire.multiplier
    lines = [difference_text((result.total - previous_total) * points, than, locale)]
    if len(with_total) >= 2:
        first, first_total = with_total[0]
        assert first.completed_at is not None
        lines.append(
            since_first_text(
                first_total * points, result.total * points, first.completed_at, locale
            )
        )
    return lines


def cluster_line(result: Score, cluster_score: ClusterScore, locale: QLocale) -> str:
    """ "B · Intrusion (items 1–5): 9 out of 20", or why it has no score (never zeros)."""
    cluster = cluster_score.cluster
    highest = max(option.value for option in result.questionnaire.options)
    first, last = min(cluster.items), max(cluster.items)
    items = (
        fill(_tr("item %1"), locale.toString(first))
        if first == last
        else fill(_tr("items %1–%2"), locale.toString(first), locale.toString(last))
    )
    name = fill(_tr("%1 · %2 (%3)"), cluster.key, cluster.name, items)
    unanswered = [number for number in cluster.items if number in result.missing]
    if unanswered:
        return fill(
            _tr("%1: no score, as %2 not answered"), name, _items_phrase(unanswered, locale)
        )
    return fill(
        _tr("%1: %2 out of %3"),
        name,
        locale.toString(cluster_score.score),
        locale.toString(highest * len(cluster.items)),
    )


def _items_phrase(numbers: list[int], locale: QLocale) -> str:
    if len(numbers) == 1:
        return fill(_tr("item %1 was"), locale.toString(numbers[0]))
    return fill(_tr("items %1 were"), number_list(numbers, locale))


def next_suggested_text(
    last: CheckIn | None, due_on: date | None, today: date, locale: QLocale | None = None
) -> str:
    """When the questionnaire is next suggested; `due_on` is None when the client chose never."""
    if due_on is None:
        return _tr("Not suggested, as you chose. You can still take it whenever you like.")
    if last is None:
        return _tr("Not taken yet. You can take it whenever you like.")
    if due_on <= today:
        return _tr("Suggested again now, whenever you feel ready.")
    return fill(_tr("Next suggested on %1."), day_of(due_on, locale))
