"""What the printout says, as plain data: computed from the store and the client's choices,
with no wording, layout or Qt, so that every rule here can be tested directly.

What may appear, and from where (the rule: anything the client did not choose never appears):

- Reflections and insights: only those in `ReportOptions.reflection_ids` / `insight_ids` that
  are also candidates in the period (finished, not deleted, written in the period).
- Themes (the summary's frequent and emerging themes, and the theme map) are counted from the
  chosen reflections and insights only. Counting unchosen ones would leak no words, but it
  would show what the client kept to themselves.
- Reflection distress ratings (chart points, flags) likewise come from chosen reflections only.
- Session facts (date, number, distress before and after, after-effects), questionnaire
  scores and the numbers of quick distress check-ins are not private writing, so every session
  and check-in in the period counts. A session's intention, route, setting and free notes, and
  a quick check-in's note, are the client's own words and are left out.
- The after-effect notes are the client's own words too, and the one exception: the
  after-effect notes are printed with the sessions section (the screen says so), and nowhere
  else; leaving that section out leaves them out.
- The medication list is read only when the client ticked its section (off by default): every
  medication on the list, current ones first, then past ones, whatever the period, as the
  prescriber needs the whole list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from kapcompanion.course.change import Taken, course_change
from kapcompanion.course.trends import (
    DistressSeries,
    Period,
    QuestionnaireSeries,
    ReflectionDistress,
    ScorePoint,
    ThemeMap,
    UnscoredPoint,
    distress_series,
)
from kapcompanion.course.trends import theme_map as trends_theme_map
from kapcompanion.data_files.questionnaires import (
    ChangeThreshold,
    Questionnaire,
    all_questionnaires,
    cut_point_side,
    score,
)
from kapcompanion.data_files.session_options import session_options
from kapcompanion.domain import (
    Answer,
    Commitment,
    CommitmentNote,
    Insight,
    Medication,
    Reflection,
    Session,
    SessionKind,
    Theme,
)
from kapcompanion.ids import InsightId, ReflectionId, SessionId
from kapcompanion.report.content.options import (
    ReportOptions,
    ReportSection,
    candidate_insights,
    candidate_reflections,
)
from kapcompanion.store import Store

ANSWERED_PER_STEP = 120  # reflections whose answers are read at a time: about 10 ms
HIGH_DISTRESS = 8  # a rating at or above this is flagged
CHECK_IN = "check_in"  # the moment of a flag from a quick distress check-in


class FlagKind(StrEnum):
    HIGH_DISTRESS = "high_distress"
    SAFETY_ITEM = "safety_item"  # e.g. PHQ-9 item 9 answered above 0
    AFTER_EFFECTS = "after_effects"


@dataclass(frozen=True)
class SessionLine:
    """One session in the period, with its after-effects as their printed labels."""

    session: Session
    after_effects: tuple[str, ...]

    @property
    def is_dosing(self) -> bool:
        return self.session.kind is SessionKind.DOSING


@dataclass(frozen=True)
class ScoreLine:
    """The latest score of one questionnaire in the period, against the first one taken."""

    questionnaire: Questionnaire
    latest: ScorePoint  # the latest total in the period
    first: ScorePoint | None  # the course's first score, when it is not the latest itself
    in_period: int  # how many check-ins of this questionnaire fall in the period
    # From `first` to `latest`: the published change thresholds it passes (course.change).
    passed: tuple[ChangeThreshold, ...] = ()
    # A later finished check-in in the period without a total: the real latest, said so.
    unscored_latest: UnscoredPoint | None = None

    @property
    def change(self) -> int | None:
        """In points of the published score (WHO-5: of 0–100)."""
        if self.first is None:
            return None
        return (self.latest.total - self.first.total) * self.questionnaire.multiplier

    @property
    def cut_point_position(self) -> int | None:
        """-1 below, 0 at, 1 above the screening cut-point (None: the questionnaire has none)."""
        cut_point = self.questionnaire.screening_cut_point
        return None if cut_point is None else cut_point_side(cut_point, self.latest.total)


@dataclass(frozen=True)
class Flag:
    """Something a clinician may want to ask about: when, what, and the plain facts."""

    kind: FlagKind
    when: datetime
    session: Session | None = None  # the session it belongs to, if any
    reflection: Reflection | None = None  # a chosen reflection, for reflection ratings
    rating: int | None = None  # the distress rating, or the answer given to a safety item
    moment: str = ""  # "before" / "after" a session, "start" / "end" of a reflection, CHECK_IN
    questionnaire: Questionnaire | None = None
    item_number: int | None = None
    after_effects: tuple[str, ...] = ()
    unfinished: bool = False  # a safety item answered in a check-in not finished yet


@dataclass(frozen=True)
class CommitmentLine:
    commitment: Commitment
    notes: tuple[CommitmentNote, ...]


@dataclass(frozen=True)
class InsightItem:
    insight: Insight
    themes: tuple[Theme, ...]
    commitments: tuple[CommitmentLine, ...]
    session: Session | None


@dataclass(frozen=True)
class ReflectionItem:
    reflection: Reflection
    session: Session | None
    themes: tuple[Theme, ...]

    @property
    def answers(self) -> tuple[Answer, ...]:
        """The prompts the client answered (skipped and empty ones are left out)."""
        return tuple(a for a in self.reflection.answers if not a.skipped and a.text.strip())


@dataclass(frozen=True)
class ThemeCount:
    theme: Theme
    uses: int


@dataclass(frozen=True)
class ReportContent:
    """Everything the printout shows, before any wording or layout."""

    period: Period
    first_day: date  # the period as printed: its own bounds, else the data's, else today
    last_day: date
    sessions: tuple[SessionLine, ...]  # every session in the period, oldest first
    distress: DistressSeries  # dosing sessions in the period + chosen reflections
    theme_map: ThemeMap  # from chosen reflections and insights only
    frequent_themes: tuple[ThemeCount, ...]
    scores: tuple[ScoreLine, ...]  # questionnaires with a check-in in the period
    questionnaires: tuple[QuestionnaireSeries, ...]  # every questionnaire, points in period
    flags: tuple[Flag, ...]  # oldest first
    insights: tuple[InsightItem, ...]  # chosen: pinned first, then newest first
    reflections: tuple[ReflectionItem, ...]  # chosen: oldest first, to read as a story
    # Only when its section is chosen: current ones by name, past ones latest stopped first.
    medications: tuple[Medication, ...] = ()
    past_medications: tuple[Medication, ...] = ()

    @property
    def dosing_sessions(self) -> tuple[SessionLine, ...]:
        return tuple(line for line in self.sessions if line.is_dosing)

    @property
    def emerging_themes(self) -> tuple[Theme, ...]:
        return self.theme_map.emerging

    @property
    def is_empty(self) -> bool:
        """Nothing at all to show for the period: no sessions, scores, flags or chosen
        writing. A flag alone (a quick check-in of 9, a safety item) is never hidden."""
        return not (
            self.sessions
            or self.scores
            or self.flags
            or self.insights
            or self.reflections
            or self.medications
            or self.past_medications
        )


def build_content(store: Store, options: ReportOptions, today: date) -> ReportContent:
    """Gather what the printout shows for `options` (see the module docstring for the rules)."""
    steps = content_steps(store, options, today)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            content: ReportContent = done.value
            return content


def content_steps(
    store: Store, options: ReportOptions, today: date
) -> Generator[None, None, ReportContent]:
    """`build_content` a few reads of the store at a time: it pauses after each (the store
    serves one thread only, so the screen reads between its events, not on a worker)."""
    period = options.period
    # Only the chosen ones' answers are read, a part at a time: reading every answer of ten
    # years at once held the window for a fifth of a second.
    chosen_reflections = [
        r for r in candidate_reflections(store, period) if r.id in options.reflection_ids
    ]
    yield
    chosen_insights = [i for i in candidate_insights(store, period) if i.id in options.insight_ids]
    yield
    answers: dict[ReflectionId, tuple[Answer, ...]] = {}
    for start in range(0, len(chosen_reflections), ANSWERED_PER_STEP):
        part = chosen_reflections[start : start + ANSWERED_PER_STEP]
        answers.update(store.reflections.answers_of([r.id for r in part]))
        yield
    chosen_reflections = [replace(r, answers=answers.get(r.id, ())) for r in chosen_reflections]
    every_session = store.sessions.list()
    sessions = [s for s in every_session if period.contains(s.held_at)]
    by_id = {s.id: s for s in every_session}
    themes = {theme.key: theme for theme in store.themes.list()}
    yield

    # Every theme link in one read (not one read per reflection), each item's keys in the
    # themes' order by name, as the store gives one item's.
    reflection_keys: dict[ReflectionId, list[str]] = {r.id: [] for r in chosen_reflections}
    insight_keys: dict[InsightId, list[str]] = {i.id: [] for i in chosen_insights}
    for key, _session, reflection_id, insight_id in store.themes.links():
        if reflection_id is not None and reflection_id in reflection_keys:
            reflection_keys[reflection_id].append(key)
        elif insight_id is not None and insight_id in insight_keys:
            insight_keys[insight_id].append(key)
    for keys in [*reflection_keys.values(), *insight_keys.values()]:
        keys.sort(key=lambda key: themes[key].name if key in themes else key)
    yield
    counted = Counter(
        key
        for keys in [*reflection_keys.values(), *insight_keys.values()]
        for key in keys
        if key in themes
    )
    frequent = tuple(
        ThemeCount(themes[key], count)
        for key, count in sorted(counted.items(), key=lambda kv: (-kv[1], themes[kv[0]].name))
    )
    theme_map = trends_theme_map(
        store,
        period,
        reflection_ids=frozenset(reflection_keys),
        insight_ids=frozenset(insight_keys),
    )
    yield

    everything = distress_series(store, period)
    chosen_ids = {r.id for r in chosen_reflections}
    distress = DistressSeries(
        everything.sessions,
        tuple(r for r in everything.reflections if r.reflection_id in chosen_ids),
    )
    oldest_first = sorted(chosen_reflections, key=lambda r: (r.started_at, r.id))

    yield
    scores, questionnaires, flags = yield from _scores_and_safety_flags(store, period)
    lines = tuple(
        SessionLine(s, tuple(session_options().after_effect_label(key) for key in s.after_effects))
        for s in sessions
    )
    flags += _session_flags(lines) + _reflection_flags(distress.reflections, chosen_reflections)
    flags += _check_in_flags(store, period)
    flags.sort(key=lambda flag: flag.when)
    insights = _insight_items(store, chosen_insights, insight_keys, themes, by_id)
    medications: tuple[Medication, ...] = ()
    past_medications: tuple[Medication, ...] = ()
    if options.includes(ReportSection.MEDICATIONS):
        medications = tuple(store.medications.current(today))
        past_medications = tuple(store.medications.past(today))

    first_day, last_day = _shown_days(
        period,
        today,
        [
            *(s.held_at for s in sessions),
            *(r.started_at for r in chosen_reflections),
            *(i.created_at for i in chosen_insights),
            *(p.taken_at for q in questionnaires for p in q.points),
            *(flag.when for flag in flags),
        ],
    )
    return ReportContent(
        period=period,
        first_day=first_day,
        last_day=last_day,
        sessions=lines,
        distress=distress,
        theme_map=theme_map,
        frequent_themes=frequent,
        scores=scores,
        questionnaires=questionnaires,
        flags=tuple(flags),
        insights=insights,
        reflections=tuple(
            ReflectionItem(
                r,
                by_id.get(r.session_id) if r.session_id is not None else None,
                tuple(themes[key] for key in reflection_keys[r.id] if key in themes),
            )
            for r in oldest_first
        ),
        medications=medications,
        past_medications=past_medications,
    )


def _scores_and_safety_flags(
    store: Store, period: Period
) -> Generator[
    None, None, tuple[tuple[ScoreLine, ...], tuple[QuestionnaireSeries, ...], list[Flag]]
]:
    """From one read of the finished check-ins: the latest score per questionnaire in the
    period (against the course's first score), every questionnaire's scores in the period,
    and every check-in in the period that answered a safety item above its threshold.
    It pauses after each questionnaire (see `content_steps`)."""
    lines: list[ScoreLine] = []
    in_period: list[QuestionnaireSeries] = []
    flags: list[Flag] = []
    up_to_end = Period(None, period.end)
    for questionnaire in all_questionnaires():
        points: list[ScorePoint] = []
        finished: list[Taken] = []
        for check_in in store.check_ins.completed(questionnaire.id):
            taken = check_in.completed_at
            if taken is None or not up_to_end.contains(taken):
                continue
            scored = score(questionnaire, check_in.answers)
            finished.append(Taken(taken, scored))
            if scored.total is not None:  # incomplete check-ins have no total
                band = scored.band.label if scored.band else ""
                points.append(ScorePoint(taken, scored.total, band))
            if not period.contains(taken):
                continue
            for number in scored.safety_flags:
                flags.append(
                    Flag(
                        FlagKind.SAFETY_ITEM,
                        taken,
                        rating=check_in.answers[number],
                        questionnaire=questionnaire,
                        item_number=number,
                    )
                )
        flags.extend(_unfinished_safety_flags(store, questionnaire, period))
        inside = [p for p in points if period.contains(p.taken_at)]
        in_period.append(QuestionnaireSeries(questionnaire, tuple(inside)))
        if inside:
            first = points[0]
            change = course_change(questionnaire, finished)
            last = change.latest
            unscored = (
                UnscoredPoint(last.when, last.score.missing)
                if last is not None and change.latest_is_partial and period.contains(last.when)
                else None
            )
            lines.append(
                ScoreLine(
                    questionnaire,
                    latest=inside[-1],
                    first=None if first == inside[-1] else first,
                    in_period=len(inside) + (unscored is not None),
                    passed=change.passed,
                    unscored_latest=unscored,
                )
            )
        yield
    return tuple(lines), tuple(in_period), flags


def _unfinished_safety_flags(
    store: Store, questionnaire: Questionnaire, period: Period
) -> list[Flag]:
    """A safety item answered above its threshold in a check-in the client has not finished
    (paused or left): the answer was given, so it is flagged too, said to be unfinished."""
    draft = store.check_ins.unfinished(questionnaire.id)
    if draft is None or not period.contains(draft.started_at):
        return []
    return [
        Flag(
            FlagKind.SAFETY_ITEM,
            draft.started_at,
            rating=draft.answers[number],
            questionnaire=questionnaire,
            item_number=number,
            unfinished=True,
        )
        for number in score(questionnaire, draft.answers).safety_flags
    ]


def _session_flags(lines: tuple[SessionLine, ...]) -> list[Flag]:
    flags = []
    for line in lines:
        session = line.session
        for moment, rating in (
            ("before", session.distress_before),
            ("after", session.distress_after),
        ):
            if rating is not None and rating >= HIGH_DISTRESS:
                flags.append(
                    Flag(
                        FlagKind.HIGH_DISTRESS,
                        session.held_at,
                        session=session,
                        rating=rating,
                        moment=moment,
                    )
                )
        if line.after_effects:
            flags.append(
                Flag(
                    FlagKind.AFTER_EFFECTS,
                    session.held_at,
                    session=session,
                    after_effects=line.after_effects,
                )
            )
    return flags


def _reflection_flags(
    ratings: tuple[ReflectionDistress, ...], chosen: list[Reflection]
) -> list[Flag]:
    by_id = {r.id: r for r in chosen}
    flags = []
    for rating in ratings:
        for moment, value in (("start", rating.start), ("end", rating.end)):
            if value is not None and value >= HIGH_DISTRESS:
                flags.append(
                    Flag(
                        FlagKind.HIGH_DISTRESS,
                        rating.written_at,
                        reflection=by_id[rating.reflection_id],
                        rating=value,
                        moment=moment,
                    )
                )
    return flags


def _check_in_flags(store: Store, period: Period) -> list[Flag]:
    """Quick distress check-ins in the period rated HIGH_DISTRESS or more (the number only)."""
    return [
        Flag(FlagKind.HIGH_DISTRESS, rating.rated_at, rating=rating.value, moment=CHECK_IN)
        for rating in store.check_ins.distress_ratings()
        if rating.value >= HIGH_DISTRESS and period.contains(rating.rated_at)
    ]


def _insight_items(
    store: Store,
    chosen: list[Insight],
    keys: dict[InsightId, list[str]],
    themes: dict[str, Theme],
    sessions: dict[SessionId, Session],
) -> tuple[InsightItem, ...]:
    ordered = sorted(chosen, key=lambda i: (i.pinned, i.created_at, i.id), reverse=True)
    return tuple(
        InsightItem(
            insight,
            tuple(themes[key] for key in keys[insight.id] if key in themes),
            tuple(
                CommitmentLine(c, tuple(store.insights.commitment_notes(c.id)))
                for c in store.insights.commitments_for(insight.id)
            ),
            sessions.get(insight.session_id) if insight.session_id is not None else None,
        )
        for insight in ordered
    )


def _shown_days(period: Period, today: date, moments: list[datetime]) -> tuple[date, date]:
    """The first and last day printed in the header: the period's own bounds where it has
    them; an open end takes the earliest (or latest) of the `moments` shown, or today."""
    days = [moment.astimezone().date() for moment in moments]
    first = period.start or min(days, default=today)
    last = period.end or max([today, *days])
    return first, max(first, last)
