"""The numbers behind the Trends charts, checked against hand-computed examples."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kapcompanion.course.trends import Period, distress_series, questionnaire_series, theme_map
from kapcompanion.domain import NewSession, Phase
from kapcompanion.store import Store

START = datetime(2026, 10, 1, 10, tzinfo=UTC)


def course(store: Store, afters: list[int | None]) -> list[int]:
    ids = []
    for number, after in enumerate(afters, start=1):
        held = START + timedelta(days=7 * (number - 1))
        ids.append(
            int(
                store.sessions.add(
                    NewSession(
                        held_at=held,
                        number_in_course=number,
                        distress_before=7,
                        distress_after=after,
                    )
                ).id
            )
        )
    return ids


def reflect(store: Store, session_id: int, themes: list[str], days: int) -> None:
    from kapcompanion.ids import SessionId

    reflection = store.reflections.start(
        Phase.SAME_DAY,
        "same_day",
        1,
        session_id=SessionId(session_id),
        at=START + timedelta(days=days),
    )
    store.themes.set_for_reflection(reflection.id, themes)
    store.reflections.complete(reflection.id, at=START + timedelta(days=days))


def test_distress_after_sessions_with_a_trend_and_a_plain_sentence(store: Store) -> None:
    course(store, [6, 5, None, 3])
    series = distress_series(store)
    assert [s.after for s in series.sessions] == [6, 5, None, 3]
    slope, intercept = series.trend() or (0.0, 0.0)
    # Points (0,6), (1,5), (3,3): mean x 4/3, mean y 14/3, slope -1, intercept 6.
    assert slope == pytest.approx(-1.0)
    assert intercept == pytest.approx(6.0)
    assert series.summary() == "Distress after sessions went from 6 to 3 across 3 sessions."


def test_sparse_and_empty_distress(store: Store) -> None:
    assert distress_series(store).is_empty
    assert distress_series(store).trend() is None
    assert "no distress ratings" in distress_series(store).summary()
    course(store, [4])
    assert distress_series(store).summary() == (
        "Distress after your one rated session was 4 out of 10."
    )
    assert distress_series(store).trend() is None


def test_the_period_narrows_everything(store: Store) -> None:
    course(store, [6, 5, 4, 3])
    october = Period(date(2026, 10, 1), date(2026, 10, 10))
    assert [s.number for s in distress_series(store, october).sessions] == [1, 2]
    assert Period.last_days(30, date(2026, 11, 1)).start == date(2026, 10, 3)


def test_theme_map_counts_by_session_and_finds_emerging_and_fading(store: Store) -> None:
    sessions = course(store, [5, 5, 5, 5])
    reflect(store, sessions[0], ["fear", "shame"], 0)
    reflect(store, sessions[0], ["fear"], 1)
    reflect(store, sessions[1], ["fear"], 7)
    reflect(store, sessions[2], ["hope"], 14)
    reflect(store, sessions[3], ["hope", "fear"], 21)
    reflect(store, sessions[3], ["hope"], 22)
    themes = theme_map(store)
    by_key = {t.key: themes.counts[i] for i, t in enumerate(themes.themes)}
    assert [t.key for t in themes.themes] == ["fear", "hope", "shame"]
    assert by_key == {"fear": (2, 1, 0, 1), "hope": (0, 0, 1, 2), "shame": (1, 0, 0, 0)}
    assert [t.key for t in themes.emerging] == ["hope"]
    assert [t.key for t in themes.fading] == ["fear"]
    # Fear and hope both appear in 3 of the last 5; the tie goes to the theme used most overall.
    assert themes.summary() == "Fear appeared in 3 of your last 5 reflections."
    only_hope = theme_map(store, theme_keys=frozenset({"hope"}))
    assert [t.key for t in only_hope.themes] == ["hope"]


def test_an_empty_theme_map_says_what_will_appear(store: Store) -> None:
    themes = theme_map(store)
    assert themes.is_empty
    assert "will show here" in themes.summary()


def test_questionnaire_series_with_bands_and_change(store: Store) -> None:
    for days, values in ((0, 2), (14, 1)):
        check_in = store.check_ins.start("gad7", 1)
        for item in range(1, 8):
            store.check_ins.save_answer(check_in.id, item, values)
        store.check_ins.complete(check_in.id, at=START + timedelta(days=days))
    incomplete = store.check_ins.start("gad7", 1)
    store.check_ins.save_answer(incomplete.id, 1, 3)
    store.check_ins.complete(incomplete.id, at=START + timedelta(days=20))
    gad7 = {s.questionnaire.id: s for s in questionnaire_series(store)}["gad7"]
    assert [(p.total, p.band) for p in gad7.points] == [(14, "moderate"), (7, "mild")]
    # The unfinished-looking latest check-in has no total: it is named, never hidden behind
    # the older total; the change runs from 14 on 1 October to that last total of 7.
    assert gad7.unscored_latest is not None and len(gad7.unscored_latest.missing) == 6
    assert gad7.summary() == (
        "Your GAD-7 check-in on 21 October 2026 has no total, as 6 questions had no "
        "answer. Your last GAD-7 total is 7, mild. It has changed by 7 points since "
        "1 October 2026, from 14. That is at least the 4-point change that published sources "
        "count as meaningful."
    )
    phq9 = {s.questionnaire.id: s for s in questionnaire_series(store)}["phq9"]
    assert phq9.summary() == "No PHQ-9 check-ins in this period yet."


def test_chosen_sessions_narrow_distress_and_the_theme_map(store: Store) -> None:
    from kapcompanion.ids import SessionId

    sessions = course(store, [6, 5, 4, 3])
    reflect(store, sessions[0], ["fear"], 0)
    reflect(store, sessions[1], ["fear", "hope"], 7)
    reflect(store, sessions[3], ["hope"], 21)
    chosen = frozenset({SessionId(sessions[1]), SessionId(sessions[3])})

    series = distress_series(store, sessions=chosen)
    assert [s.number for s in series.sessions] == [2, 4]
    assert [r.session_id for r in series.reflections] == [sessions[1], sessions[3]]
    assert series.summary() == "Distress after sessions went from 5 to 3 across 2 sessions."

    themes = theme_map(store, sessions=chosen)
    by_key = {t.key: themes.counts[i] for i, t in enumerate(themes.themes)}
    assert by_key == {"hope": (1, 1), "fear": (1, 0)}
    assert themes.summary() == "Hope appeared in 2 of your last 2 reflections."


def test_one_reflection_is_spoken_of_in_the_singular(store: Store) -> None:
    sessions = course(store, [5])
    reflect(store, sessions[0], ["grief"], 0)
    assert theme_map(store).summary() == "Grief appeared in your latest reflection."


def test_a_single_score_without_change_reads_plainly(store: Store) -> None:
    for days in (0, 14):
        check_in = store.check_ins.start("gad7", 1)
        for item in range(1, 8):
            store.check_ins.save_answer(check_in.id, item, 1)
        store.check_ins.complete(check_in.id, at=START + timedelta(days=days))
        gad7 = {s.questionnaire.id: s for s in questionnaire_series(store)}["gad7"]
        if days == 0:
            assert gad7.summary() == "Your GAD-7 score was 7, mild."
    assert gad7.summary() == "Your latest GAD-7 score is 7, mild, the same as on 1 October 2026."


def test_theme_map_counts_only_the_chosen_reflections_and_insights(store: Store) -> None:
    from kapcompanion.ids import InsightId, SessionId

    sessions = course(store, [5, 5, 5, 5])
    for session, themes, days in (
        (0, ["fear", "shame"], 0),
        (0, ["fear"], 1),
        (1, ["fear"], 7),
        (2, ["hope"], 14),
        (3, ["hope", "fear"], 21),
        (3, ["hope"], 22),
    ):
        reflect(store, sessions[session], themes, days)
    reflections = [r.id for r in store.reflections.list()]  # oldest first
    insights: list[InsightId] = []
    for session, key in ((0, "shame"), (3, "hope"), (2, "grief")):
        insight = store.insights.add("Words", session_id=SessionId(sessions[session]))
        store.themes.set_for_insight(insight.id, [key])
        insights.append(insight.id)

    chosen = theme_map(
        store,
        reflection_ids=frozenset({reflections[0], reflections[4], reflections[5]}),
        insight_ids=frozenset({insights[1]}),
    )
    by_key = {t.key: chosen.counts[i] for i, t in enumerate(chosen.themes)}
    # Hope: two chosen reflections and the chosen insight on session 4. Fear: the first and
    # the fifth reflection. Shame: the first reflection only (its insight was not chosen).
    assert by_key == {"hope": (0, 0, 0, 3), "fear": (1, 0, 0, 1), "shame": (1, 0, 0, 0)}
    assert [t.key for t in chosen.themes] == ["hope", "fear", "shame"]
    assert [t.key for t in chosen.emerging] == ["hope"]  # 0 in the first half, 3 in the second
    assert chosen.fading == ()  # fear 1 and 1; shame 1 and 0: a difference under 2
    assert chosen.recent_total == 3  # the latest reflections are chosen ones too
    assert chosen.recent_uses == {"fear": 2, "shame": 1, "hope": 2}
    assert chosen.summary() == "Hope appeared in 2 of your last 3 reflections."

    insights_only = theme_map(store, reflection_ids=frozenset())
    by_key = {t.key: insights_only.counts[i] for i, t in enumerate(insights_only.themes)}
    assert by_key == {"grief": (0, 0, 1, 0), "hope": (0, 0, 0, 1), "shame": (1, 0, 0, 0)}
    assert insights_only.recent_total == 0
    # None means every one: the same map as without the parameters.
    assert theme_map(store, reflection_ids=None, insight_ids=None) == theme_map(store)


def test_counts_of_one_read_in_the_singular(store: Store) -> None:
    sessions = course(store, [5, 5])
    reflect(store, sessions[0], ["grief"], 0)
    reflect(store, sessions[1], ["hope"], 7)
    store.themes.set_for_reflection(store.reflections.list()[1].id, [])  # hope no longer confirmed
    older = theme_map(store, sessions=frozenset({store.sessions.list()[0].id}))
    assert older.summary() == "Grief appeared in your latest reflection."
    for days, value in ((0, 1), (14, 0)):  # GAD-7 totals 7, then 6: one point lower
        check_in = store.check_ins.start("gad7", 1)
        for item in range(1, 8):
            store.check_ins.save_answer(check_in.id, item, 0 if item == 1 else 1)
        if value:
            store.check_ins.save_answer(check_in.id, 1, 1)
        store.check_ins.complete(check_in.id, at=START + timedelta(days=days))
    gad7 = {s.questionnaire.id: s for s in questionnaire_series(store)}["gad7"]
    assert gad7.summary() == (
        "Your latest GAD-7 score is 6, mild. It has changed by 1 point since 1 October 2026, "
        "from 7."
    )


def test_a_theme_from_one_insight_came_up_once(store: Store) -> None:
    from kapcompanion.ids import SessionId

    sessions = course(store, [5])
    insight = store.insights.add("I can rest.", session_id=SessionId(sessions[0]))
    store.themes.set_for_insight(insight.id, ["hope"])
    assert theme_map(store).summary() == "Hope is the theme that came up most (once)."


def test_a_lone_check_in_without_a_total_is_named_not_hidden(store: Store) -> None:
    check_in = store.check_ins.start("pcl5", 1)
    for item in range(1, 21):
        if item != 7:
            store.check_ins.save_answer(check_in.id, item, 1)
    store.check_ins.complete(check_in.id, at=START)
    pcl5 = {s.questionnaire.id: s for s in questionnaire_series(store)}["pcl5"]
    assert pcl5.points == ()
    assert pcl5.summary() == (
        "Your PCL-5 check-in on 1 October 2026 has no total, as 1 question had no answer."
    )
