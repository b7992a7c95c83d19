"""What the printout says, computed from a real store: only chosen writing, flags, scores."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QLocale

from kapcompanion.course.trends import Period
from kapcompanion.data_files.questionnaires import questionnaire
from kapcompanion.domain import NewSession, Phase, SessionKind
from kapcompanion.ids import InsightId, ReflectionId, SessionId
from kapcompanion.report.content.build import CHECK_IN, FlagKind, build_content
from kapcompanion.report.content.options import ReportOptions, default_options
from kapcompanion.report.paint.tables import score_table
from kapcompanion.store import Store
from tests.raw_sql import connection_of

START = datetime(2026, 10, 5, 10, tzinfo=UTC)
TODAY = date(2026, 11, 25)

# Words that appear only in what the client keeps to themselves.
PRIVATE_REFLECTION_WORDS = "zanzibar quokka lantern"
PRIVATE_INSIGHT_WORDS = "marmalade lighthouse keeper"
PRIVATE_THEME = "Velvet orchid"
SHARED_REFLECTION_WORDS = "walked by the river and felt steady"
SHARED_INSIGHT_WORDS = "I can rest without earning it."


@dataclass(frozen=True)
class Seeded:
    sessions: list[SessionId]
    shared_reflection: ReflectionId
    private_reflection: ReflectionId
    shared_insight: InsightId
    private_insight: InsightId


def write_reflection(
    store: Store,
    session_id: SessionId | None,
    at: datetime,
    answer: str,
    themes: list[str],
    *,
    shareable: bool,
    distress: tuple[int | None, int | None] = (None, None),
    phase: Phase = Phase.SAME_DAY,
) -> ReflectionId:
    reflection = store.reflections.start(phase, phase.value, 1, session_id=session_id, at=at)
    store.reflections.save_answer(
        reflection.id,
        position=0,
        prompt_id="what_stands_out",
        prompt_text="What stands out from the session?",
        text=answer,
        at=at,
    )
    store.reflections.save_answer(
        reflection.id, position=1, prompt_id="skipped", prompt_text="Skipped prompt", text="",
        skipped=True, at=at,
    )  # fmt: skip
    store.reflections.set_distress(reflection.id, start=distress[0], end=distress[1])
    store.themes.set_for_reflection(reflection.id, themes)
    store.reflections.complete(reflection.id, at=at)
    if shareable:
        store.reflections.set_shareable(reflection.id, True)
    return reflection.id


def seed_course(store: Store) -> Seeded:
    """Three dosing sessions and a preparation session; one shared and one private reflection
    and insight, the private ones with words and a theme of their own."""
    store.sessions.add(
        NewSession(held_at=START - timedelta(days=4), kind=SessionKind.PREPARATION), at=START
    )
    sessions = [
        store.sessions.add(
            NewSession(
                held_at=START + timedelta(days=7 * i),
                number_in_course=i + 1,
                distress_before=(8, 6, 5)[i],
                distress_after=(5, 4, 3)[i],
                after_effects=(("nausea",), (), ("headache", "dizziness"))[i],
                after_effects_notes=("Queasy for an hour.", "", "")[i],
                intention="a private intention about my sister",
            )
        ).id
        for i in range(3)
    ]
    store.themes.add(PRIVATE_THEME)
    private_key = next(t.key for t in store.themes.list() if t.name == PRIVATE_THEME)
    shared_reflection = write_reflection(
        store,
        sessions[1],
        START + timedelta(days=7, hours=8),
        SHARED_REFLECTION_WORDS,
        ["safety", "body"],
        shareable=True,
        distress=(5, 3),
    )
    private_reflection = write_reflection(
        store,
        sessions[2],
        START + timedelta(days=14, hours=8),
        PRIVATE_REFLECTION_WORDS,
        [private_key, "grief"],
        shareable=False,
        distress=(9, 8),
    )
    shared_insight = store.insights.add(
        SHARED_INSIGHT_WORDS,
        reflection_id=shared_reflection,
        session_id=sessions[1],
        shareable=True,
        at=START + timedelta(days=7, hours=9),
    ).id
    store.themes.set_for_insight(shared_insight, ["safety"])
    commitment = store.insights.add_commitment(shared_insight, "Sit down with tea after work")
    store.insights.add_commitment_note(
        commitment.id, "Managed it three days", at=START + timedelta(days=9)
    )
    private_insight = store.insights.add(
        PRIVATE_INSIGHT_WORDS,
        reflection_id=private_reflection,
        session_id=sessions[2],
        at=START + timedelta(days=14, hours=9),
    ).id
    store.themes.set_for_insight(private_insight, [private_key])
    # A draft: never offered, never printed.
    draft = store.reflections.start(Phase.OPEN, "open", 1, at=START + timedelta(days=15))
    store.reflections.save_answer(
        draft.id, position=0, prompt_id="p", prompt_text="Open", text="unfinished draft words"
    )
    return Seeded(sessions, shared_reflection, private_reflection, shared_insight, private_insight)


def take_check_in(store: Store, instrument: str, answers: list[int], at: datetime) -> None:
    chosen = questionnaire(instrument)
    check_in = store.check_ins.start(chosen.id, chosen.version, at=at)
    for item, value in zip(chosen.items, answers, strict=True):
        store.check_ins.save_answer(check_in.id, item.number, value)
    store.check_ins.complete(check_in.id, at=at)


def test_only_chosen_writing_is_in_the_content(store: Store) -> None:
    seeded = seed_course(store)
    content = build_content(store, default_options(store, Period()), TODAY)
    assert [item.reflection.id for item in content.reflections] == [seeded.shared_reflection]
    assert [item.insight.id for item in content.insights] == [seeded.shared_insight]
    # The skipped prompt is not printed; the answered one is, with its prompt.
    (answer,) = content.reflections[0].answers
    assert answer.text == SHARED_REFLECTION_WORDS
    assert answer.prompt_text == "What stands out from the session?"
    # The private reflection's ratings (9 and 8) are neither plotted nor flagged.
    assert [r.reflection_id for r in content.distress.reflections] == [seeded.shared_reflection]
    assert all(flag.reflection is None for flag in content.flags)


def test_themes_are_counted_from_chosen_items_only(store: Store) -> None:
    seed_course(store)
    content = build_content(store, default_options(store, Period()), TODAY)
    names = {count.theme.name: count.uses for count in content.frequent_themes}
    assert names == {"Safety": 2, "Body": 1}  # the shared reflection and insight
    assert PRIVATE_THEME not in {theme.name for theme in content.theme_map.themes}
    assert "Grief" not in {theme.name for theme in content.theme_map.themes}
    # The theme map still has a column for every dosing session in the period.
    assert len(content.theme_map.sessions) == 3


def test_choosing_a_private_item_brings_it_and_its_themes_in(store: Store) -> None:
    seeded = seed_course(store)
    options = replace(
        default_options(store, Period()),
        reflection_ids=frozenset({seeded.private_reflection}),
        insight_ids=frozenset({seeded.private_insight}),
    )
    content = build_content(store, options, TODAY)
    assert [item.reflection.id for item in content.reflections] == [seeded.private_reflection]
    assert PRIVATE_THEME in {count.theme.name for count in content.frequent_themes}
    # Now its distress of 9 at the start and 8 at the end are flagged.
    ratings = [(f.moment, f.rating) for f in content.flags if f.reflection is not None]
    assert ratings == [("start", 9), ("end", 8)]


def test_flags_distress_safety_item_and_after_effects(store: Store) -> None:
    seeded = seed_course(store)
    take_check_in(store, "phq9", [1, 1, 1, 1, 0, 0, 0, 0, 1], START + timedelta(days=8))
    take_check_in(store, "phq9", [1, 1, 1, 1, 0, 0, 0, 0, 0], START + timedelta(days=15))
    content = build_content(store, default_options(store, Period()), TODAY)
    by_kind = {kind: [f for f in content.flags if f.kind is kind] for kind in FlagKind}
    (high,) = by_kind[FlagKind.HIGH_DISTRESS]
    assert (high.session and high.session.id, high.moment, high.rating) == (
        seeded.sessions[0],
        "before",
        8,
    )
    (safety,) = by_kind[FlagKind.SAFETY_ITEM]
    assert (safety.questionnaire and safety.questionnaire.id, safety.item_number) == ("phq9", 9)
    assert safety.rating == 1
    effects = [f.after_effects for f in by_kind[FlagKind.AFTER_EFFECTS]]
    assert effects == [("Nausea",), ("Headache", "Dizziness")]
    assert [f.when for f in content.flags] == sorted(f.when for f in content.flags)


def test_quick_check_ins_rated_8_or_more_in_the_period_are_flagged(store: Store) -> None:
    seed_course(store)
    store.check_ins.add_distress_rating(
        9, note="a private note about work", at=START + timedelta(days=3)
    )
    store.check_ins.add_distress_rating(7, at=START + timedelta(days=4))  # under 8: not flagged
    store.check_ins.add_distress_rating(8, at=START + timedelta(days=60))  # after the period
    removed = store.check_ins.add_distress_rating(10, at=START + timedelta(days=5))
    with store.transaction():  # in "recently deleted": never read back
        connection_of(store).execute(
            "UPDATE distress_ratings SET deleted_at = updated_at WHERE id = ?", [removed.id]
        )
    listed = store.check_ins.distress_ratings()
    assert [(r.value, r.rated_at) for r in listed] == [
        (9, START + timedelta(days=3)),
        (7, START + timedelta(days=4)),
        (8, START + timedelta(days=60)),
    ]
    period = Period(START.date(), (START + timedelta(days=30)).date())
    content = build_content(store, default_options(store, period), TODAY)
    check_ins = [(f.when, f.rating) for f in content.flags if f.moment == CHECK_IN]
    assert check_ins == [(START + timedelta(days=3), 9)]
    assert [f.when for f in content.flags] == sorted(f.when for f in content.flags)
    assert all(
        f.session is None and f.reflection is None for f in content.flags if f.moment == CHECK_IN
    )


def test_latest_score_with_band_and_change_since_the_first(store: Store) -> None:
    take_check_in(store, "phq9", [2, 2, 2, 2, 1, 2, 1, 1, 0], START)  # 13, moderate
    take_check_in(store, "phq9", [1, 1, 1, 1, 0, 1, 1, 0, 0], START + timedelta(days=40))  # 6
    take_check_in(store, "gad7", [1, 1, 1, 1, 0, 1, 1], START + timedelta(days=40))  # 6
    # The last 30 days hold only the second PHQ-9; its change is still against the first.
    options = ReportOptions(period=Period.last_days(30, TODAY))
    content = build_content(store, options, TODAY)
    lines = {line.questionnaire.id: line for line in content.scores}
    assert set(lines) == {"phq9", "gad7"}
    assert (lines["phq9"].latest.total, lines["phq9"].latest.band) == (6, "mild")
    assert lines["phq9"].first is not None and lines["phq9"].first.total == 13
    assert lines["phq9"].change == -7
    assert [t.key for t in lines["phq9"].passed] == ["minimal_important_difference", "response"]
    assert lines["gad7"].first is None and lines["gad7"].change is None
    assert lines["gad7"].passed == ()


def test_a_latest_pcl5_with_an_unanswered_item_is_the_latest_and_has_no_total(
    store: Store,
) -> None:
    """No total while an item is unanswered (never prorated), so the change runs to the last
    total; but the printout names the later check-in as the latest, without a total."""
    take_check_in(store, "pcl5", [3] * 14 + [2] * 2 + [0] * 4, START)  # 46
    take_check_in(store, "pcl5", [2] * 9 + [1] * 11, START + timedelta(days=30))  # 29
    chosen = questionnaire("pcl5")
    partial_at = START + timedelta(days=40)
    partial = store.check_ins.start("pcl5", chosen.version, at=partial_at)
    for number in range(1, 21):
        if number != 7:
            store.check_ins.save_answer(partial.id, number, 1)
    store.check_ins.complete(partial.id, at=partial_at)
    content = build_content(store, ReportOptions(), TODAY)
    (line,) = content.scores
    assert line.latest.total == 29 and line.change == -17
    assert [t.key for t in line.passed] == ["minimal_important_difference", "reliable_change"]
    assert line.unscored_latest is not None
    assert line.unscored_latest.taken_at == partial_at
    assert line.unscored_latest.missing == (7,)
    assert line.in_period == 3
    html = score_table(
        content.scores, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    assert "no total: 1 of 20 questions unanswered; last total 29 of 80 on" in html


def test_period_limits_sessions_and_the_printed_days(store: Store) -> None:
    seed_course(store)
    period = Period(date(2026, 10, 10), date(2026, 10, 15))
    content = build_content(store, default_options(store, period), TODAY)
    assert [line.session.number_in_course for line in content.sessions] == [2]
    assert (content.first_day, content.last_day) == (period.start, period.end)
    whole = build_content(store, ReportOptions(), TODAY)
    assert whole.first_day == date(2026, 10, 1)  # the preparation session
    assert whole.last_day == TODAY


def test_an_empty_profile_has_empty_content(store: Store) -> None:
    content = build_content(store, ReportOptions(), TODAY)
    assert content.is_empty
    assert content.first_day == content.last_day == TODAY


def test_the_printed_period_begins_with_a_lone_flag_or_chosen_insight(store: Store) -> None:
    store.check_ins.add_distress_rating(9, at=START)
    content = build_content(store, ReportOptions(), TODAY)
    assert (content.first_day, content.last_day) == (START.date(), TODAY)
    earlier = store.insights.add("Rest is allowed.", shareable=True, at=START - timedelta(days=3))
    content = build_content(store, default_options(store, Period()), TODAY)
    assert [item.insight.id for item in content.insights] == [earlier.id]
    assert content.first_day == (START - timedelta(days=3)).date()
