"""The Trends charts: each figure renders for empty, single-session, sample and ten-year profiles
in light and dark, draws exactly the numbers it was given, never clips a label, and saves as
PNG or SVG, all without pyplot or Qt."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex, to_rgb
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.text import Text

from kapcompanion.charts import (
    DISTRESS_EMPTY,
    DISTRESS_NO_SESSIONS,
    MUTED_PALETTE,
    PALE_GREY,
    PRACTICES_EMPTY,
    THEME_MAP_EMPTY,
    ChartStyle,
    distress_figure,
    practice_distress_figure,
    questionnaire_figure,
    save_figure,
    theme_map_figure,
)
from kapcompanion.course.practice_distress import PracticeDistress, practice_distress
from kapcompanion.course.trends import (
    DistressSeries,
    QuestionnaireSeries,
    ThemeMap,
    distress_series,
    questionnaire_series,
    theme_map,
)
from kapcompanion.data_files.questionnaires import all_questionnaires, questionnaire
from kapcompanion.data_files.resource_files import load_json_resource
from kapcompanion.demo import fill_demo
from kapcompanion.domain import NewSession, Phase
from kapcompanion.errors import KapError
from kapcompanion.files import FileWriteError
from kapcompanion.store import Store
from tests.paths import REPOSITORY

ROOT = REPOSITORY
START = datetime(2016, 1, 4, 10, tzinfo=UTC)
STYLES = {"light": ChartStyle.light(), "dark": ChartStyle.dark()}
PROFILES = ("empty", "single", "sample", "large")


# Profiles -----------------------------------------------------------------------------------


def fill_single(store: Store) -> None:
    """One session rated before and after, one reflection, one theme, one PHQ-9."""
    with store.transaction():
        session = store.sessions.add(
            NewSession(held_at=START, number_in_course=1, distress_before=6, distress_after=4)
        )
        reflection = store.reflections.start(
            Phase.SAME_DAY, "same_day", 1, session_id=session.id, at=START + timedelta(hours=6)
        )
        store.reflections.set_distress(reflection.id, start=5, end=3)
        store.themes.set_for_reflection(reflection.id, ["safety"])
        store.reflections.complete(reflection.id, at=START + timedelta(hours=7))
        phq9 = questionnaire("phq9")
        check_in = store.check_ins.start(phq9.id, phq9.version, at=START)
        for item in phq9.items:
            store.check_ins.save_answer(check_in.id, item.number, 1)
        store.check_ins.complete(check_in.id, at=START + timedelta(minutes=5))


def fill_large(store: Store, sessions: int = 500) -> None:
    """Ten years: weekly sessions, 30 themes (13 of the client's own), two reflections a
    session, a check-in of each questionnaire every eight weeks."""
    rng = np.random.default_rng(3)
    with store.transaction():
        for number in range(13):
            store.themes.add(f"Own theme {number + 1}")
        keys = [theme.key for theme in store.themes.list()]
        assert len(keys) == 30
        for number in range(1, sessions + 1):
            held = START + timedelta(weeks=number - 1)
            session = store.sessions.add(
                NewSession(
                    held_at=held,
                    number_in_course=number,
                    distress_before=int(rng.integers(3, 11)),
                    distress_after=int(rng.integers(0, 8)) if number % 17 else None,
                ),
                at=held,
            )
            for day in (0, 1):
                reflection = store.reflections.start(
                    Phase.SAME_DAY,
                    "same_day",
                    1,
                    session_id=session.id,
                    at=held + timedelta(days=day, hours=8),
                )
                store.reflections.set_distress(
                    reflection.id, start=int(rng.integers(0, 11)), end=int(rng.integers(0, 11))
                )
                chosen = rng.choice(len(keys), size=int(rng.integers(1, 4)), replace=False)
                store.themes.set_for_reflection(reflection.id, [keys[i] for i in chosen])
        for block in range(sessions // 8):
            for instrument in all_questionnaires():
                taken = START + timedelta(weeks=8 * block, days=2)
                check_in = store.check_ins.start(instrument.id, instrument.version, at=taken)
                for item in instrument.items:
                    store.check_ins.save_answer(check_in.id, item.number, int(rng.integers(0, 4)))
                store.check_ins.complete(check_in.id, at=taken)


class Profile:
    def __init__(self, store: Store) -> None:
        self.distress: DistressSeries = distress_series(store)
        self.themes: ThemeMap = theme_map(store)
        self.scores: tuple[QuestionnaireSeries, ...] = questionnaire_series(store)
        self.practices: PracticeDistress = practice_distress(store)


@pytest.fixture(scope="module")
def profiles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Profile]]:
    """Each profile built once for the module: the ten-year one takes a second or two."""
    fills = {"empty": None, "single": fill_single, "sample": fill_demo, "large": fill_large}
    result = {}
    for name, fill in fills.items():
        folder = tmp_path_factory.mktemp(name)
        with Store.open(folder / "profile.sqlite3") as store:
            if fill is not None:
                fill(store)
            result[name] = Profile(store)
    yield result


def drawn(figure: Figure) -> Figure:
    FigureCanvasAgg(figure).draw()
    return figure


def all_figures(profile: Profile, style: ChartStyle) -> dict[str, Figure]:
    figures = {
        "distress by number": distress_figure(profile.distress, style),
        "distress by date": distress_figure(profile.distress, style, by="date"),
        "theme map": theme_map_figure(profile.themes, style),
        "practices": practice_distress_figure(profile.practices, style),
    }
    for series in profile.scores:
        figures[series.questionnaire.name] = questionnaire_figure(series, style)
    return figures


def by_gid(figure: Figure, gid: str) -> list[object]:
    return [artist for artist in figure.findobj() if artist.get_gid() == gid]


def visible_texts(figure: Figure) -> list[Text]:
    texts = [
        text
        for text in figure.findobj(Text)
        if isinstance(text, Text) and text.get_visible() and text.get_text().strip()
    ]
    for axes in figure.axes:  # tick labels outside the view are never drawn
        for axis in (axes.xaxis, axes.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    texts = [text for text in texts if text not in (tick.label1, tick.label2)]
    return texts


# Style ----------------------------------------------------------------------------------------


def test_styles_follow_the_app_tokens_and_the_palette_has_no_pure_red() -> None:
    tokens = load_json_resource("style", "tokens.json")["palettes"]
    for scheme, style in STYLES.items():
        assert style.text == tokens[scheme]["text"]
        assert style.muted == tokens[scheme]["muted_text"]
        assert style.background == tokens[scheme]["surface"]
        assert style.grid == tokens[scheme]["border"]
        assert style.accent == tokens[scheme]["accent"]
        assert style.font_size == 10.0
    assert STYLES["dark"].is_dark and not STYLES["light"].is_dark
    assert len(set(MUTED_PALETTE)) == 9 and PALE_GREY == "#DDDDDD"
    assert not {"#FF0000", "#F00"} & {colour.upper() for colour in MUTED_PALETTE}


# Every figure, every profile, both schemes -------------------------------------------------------


@pytest.mark.parametrize("scheme", STYLES)
@pytest.mark.parametrize("name", PROFILES)
def test_every_chart_renders_without_clipping_a_label(
    profiles: dict[str, Profile], name: str, scheme: str
) -> None:
    style = STYLES[scheme]
    for chart, figure in all_figures(profiles[name], style).items():
        drawn(figure)
        assert figure.get_facecolor()[:3] == pytest.approx(to_rgb(style.background))
        bounds = figure.bbox
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        for text in visible_texts(figure):
            box = text.get_window_extent(renderer)
            assert box.x0 >= bounds.x0 - 1 and box.x1 <= bounds.x1 + 1, (chart, text)
            assert box.y0 >= bounds.y0 - 1 and box.y1 <= bounds.y1 + 1, (chart, text)
        for axes in figure.axes:
            assert axes.get_title() == ""
            assert not axes.spines["top"].get_visible()
            assert not axes.spines["right"].get_visible()


def test_empty_profile_shows_a_friendly_sentence_and_no_axes(profiles: dict[str, Profile]) -> None:
    figures = all_figures(profiles["empty"], STYLES["light"])
    for chart, figure in figures.items():
        drawn(figure)
        assert figure.axes == [], chart
        assert len(figure.texts) == 1
    assert figures["distress by number"].texts[0].get_text() == DISTRESS_EMPTY
    assert figures["theme map"].texts[0].get_text() == THEME_MAP_EMPTY
    assert figures["practices"].texts[0].get_text() == PRACTICES_EMPTY
    assert figures["PHQ-9"].texts[0].get_text() == (
        "PHQ-9 scores will appear here after your first check-in."
    )


def test_large_type_still_fits(profiles: dict[str, Profile]) -> None:
    style = replace(STYLES["dark"], font_size=16.0)
    for figure in all_figures(profiles["sample"], style).values():
        drawn(figure)
        for text in visible_texts(figure):
            box = text.get_window_extent(figure.canvas.get_renderer())  # type: ignore[attr-defined]
            assert box.x0 >= -1 and box.x1 <= figure.bbox.x1 + 1, text
        tick_labels = figure.axes[0].get_yticklabels() if figure.axes else []
        assert all(label.get_fontsize() == pytest.approx(14.4) for label in tick_labels)


# Distress -------------------------------------------------------------------------------------


def line(figure: Figure, gid: str) -> tuple[list[float], list[float]]:
    (found,) = by_gid(figure, gid)
    return list(found.get_xdata()), list(found.get_ydata())  # type: ignore[attr-defined]


def test_distress_by_number_draws_the_ratings_of_the_sample_course(
    profiles: dict[str, Profile],
) -> None:
    series = profiles["sample"].distress
    figure = drawn(distress_figure(series, STYLES["light"]))
    numbers = [float(s.number or 0) for s in series.sessions]
    assert line(figure, "before-session") == (numbers, [s.before for s in series.sessions])
    assert line(figure, "after-session") == (numbers, [s.after for s in series.sessions])
    # One line per session from before to after (a single path broken by NaNs).
    xs, ys = line(figure, "before-after")
    assert np.allclose(xs, [v for n in numbers for v in (n, n, np.nan)], equal_nan=True)
    ratings = [(float(s.before or 0), float(s.after or 0)) for s in series.sessions]
    assert all(s.before is not None and s.after is not None for s in series.sessions)
    assert np.allclose(ys, [v for pair in ratings for v in (*pair, np.nan)], equal_nan=True)
    # Reflections sit just right of the session they belong to (the preparation reflection
    # belongs to no dosing session and has no place on this axis).
    xs, ys = line(figure, "reflection-start")
    position: dict[object, float] = {
        s.session_id: n for n, s in zip(numbers, series.sessions, strict=True)
    }
    placed = [r for r in series.reflections if r.session_id in position and r.start is not None]
    assert ys == [r.start for r in placed]
    assert all(0 < x - position[r.session_id] < 0.5 for x, r in zip(xs, placed, strict=True))
    # The trend runs from the first to the last rated session, along series.trend().
    slope, intercept = series.trend() or (0.0, 0.0)
    xs, ys = line(figure, "trend")
    assert xs == [numbers[0], numbers[-1]]  # a straight line, drawn by its two ends
    assert ys == pytest.approx([intercept, slope * (len(numbers) - 1) + intercept])
    axes = figure.axes[0]
    assert axes.get_ylabel() == "Distress (0–10)"
    assert axes.get_ylim() == (-0.5, 10.5)
    assert [label.get_text() for label in axes.get_xticklabels()] == ["1", "2", "3", "4", "5", "6"]
    legend = axes.get_legend()
    assert legend is not None
    assert [text.get_text() for text in legend.get_texts()] == [
        "Before session",
        "After session",
        "Reflection start",
        "Reflection end",
        "Quick check-in",
        "Trend after sessions",
    ]


def test_distress_by_date_puts_every_rating_on_its_day(profiles: dict[str, Profile]) -> None:
    series = profiles["sample"].distress
    figure = drawn(distress_figure(series, STYLES["dark"], by="date"))

    def day(moment: datetime) -> float:
        return float(date2num(moment.astimezone().replace(tzinfo=None)))

    xs, ys = line(figure, "after-session")
    assert xs == pytest.approx([day(s.held_at) for s in series.sessions])
    assert ys == [s.after for s in series.sessions]
    rated = [r for r in series.reflections if r.end is not None]
    xs, ys = line(figure, "reflection-end")
    assert xs == pytest.approx([day(r.written_at) for r in rated])
    assert ys == [r.end for r in rated]
    assert len(rated) == len(series.reflections) - 2  # two reflections were left unrated


def test_distress_leaves_out_missing_ratings_and_handles_sparse_data(
    profiles: dict[str, Profile],
) -> None:
    large = profiles["large"].distress
    figure = drawn(distress_figure(large, STYLES["light"]))
    _xs, afters = line(figure, "after-session")
    assert afters == [s.after for s in large.sessions if s.after is not None]
    assert len(afters) < len(large.sessions)
    single = drawn(distress_figure(profiles["single"].distress, STYLES["light"], by="date"))
    assert line(single, "before-session")[1] == [6]
    assert by_gid(single, "trend") == []  # one rating is no trend
    low, high = single.axes[0].get_xlim()
    assert high - low >= 14  # a lone session sits in a fortnight, not a sliver


def test_reflections_without_a_session_show_only_by_date(store: Store) -> None:
    reflection = store.reflections.start(Phase.OPEN, "open", 1, at=START)
    store.reflections.set_distress(reflection.id, start=4, end=2)
    series = distress_series(store)
    by_number = drawn(distress_figure(series, STYLES["light"]))
    assert by_number.axes == [] and by_number.texts[0].get_text() == DISTRESS_NO_SESSIONS
    by_date = drawn(distress_figure(series, STYLES["light"], by="date"))
    assert line(by_date, "reflection-start")[1] == [4]


def test_quick_check_ins_are_diamonds_between_the_sessions_they_came_between(
    profiles: dict[str, Profile],
) -> None:
    series = profiles["sample"].distress
    assert series.quick  # the sample course has a few
    by_number = drawn(distress_figure(series, STYLES["light"]))
    (diamonds,) = by_gid(by_number, "quick-check-in")
    assert diamonds.get_marker() == "D"  # type: ignore[attr-defined]
    xs, ys = line(by_number, "quick-check-in")
    assert ys == [quick.value for quick in series.quick]
    held = [s.held_at for s in series.sessions]
    for x, quick in zip(xs, series.quick, strict=True):
        sessions_before = sum(1 for moment in held if moment <= quick.rated_at)
        assert sessions_before <= x < sessions_before + 1  # after its session, before the next
    by_date = drawn(distress_figure(series, STYLES["dark"], by="date"))
    xs, _ys = line(by_date, "quick-check-in")
    assert xs == pytest.approx(
        [float(date2num(q.rated_at.astimezone().replace(tzinfo=None))) for q in series.quick]
    )


def test_months_of_quick_check_ins_after_the_last_session_stay_within_one_sessions_width(
    store: Store,
) -> None:
    for week in range(3):
        store.sessions.add(
            NewSession(held_at=START + timedelta(weeks=week), number_in_course=week + 1)
        )
    for days in (3, 50, 100):  # half a week, then months after session 3
        store.check_ins.add_distress_rating(2, at=START + timedelta(weeks=2, days=days))
    store.check_ins.add_distress_rating(5, at=START - timedelta(days=2))  # before session 1
    figure = drawn(distress_figure(distress_series(store), STYLES["light"]))
    xs, _ys = line(figure, "quick-check-in")
    assert xs == pytest.approx([1 - 2 / 7, 3 + 3 / 100, 3.5, 4.0])
    assert figure.axes[0].get_xlim()[1] <= 4.3


def test_quick_check_ins_alone_are_a_chart_by_date(store: Store) -> None:
    store.check_ins.add_distress_rating(4, note="Tired", at=START)
    series = distress_series(store)
    assert not series.is_empty
    by_number = drawn(distress_figure(series, STYLES["light"]))
    assert by_number.axes == [] and by_number.texts[0].get_text() == DISTRESS_NO_SESSIONS
    assert line(drawn(distress_figure(series, STYLES["light"], by="date")), "quick-check-in")[
        1
    ] == [4]


def test_practices_are_bars_with_the_weeks_distress_as_a_line_on_its_own_axis(
    profiles: dict[str, Profile],
) -> None:
    data = profiles["sample"].practices
    figure = drawn(practice_distress_figure(data, STYLES["light"]))
    counts_axes, distress_axes = figure.axes
    bars = by_gid(figure, "practice-bar")
    assert [bar.get_height() for bar in bars] == [w.practices for w in data.weeks]  # type: ignore[attr-defined]
    assert line(figure, "weekly-practices")[1] == [w.practices for w in data.weeks]
    assert line(figure, "weekly-distress")[1] == pytest.approx(
        [w.distress for w in data.weeks if w.distress is not None]
    )
    assert counts_axes.get_ylabel() == "Practices logged"
    assert distress_axes.get_ylabel() == "Distress (0–10)"
    assert distress_axes.get_ylim() == (-0.5, 10.5)
    # The two scales share their grid lines: each side's ticks at the same heights.
    heights = [
        [axes.transData.transform((0, tick))[1] for tick in axes.get_yticks()]
        for axes in (counts_axes, distress_axes)
    ]
    assert heights[0] == pytest.approx(heights[1])
    assert all(tick == int(tick) for tick in counts_axes.get_yticks())  # whole practices
    assert counts_axes.get_yticks()[-1] >= max(w.practices for w in data.weeks)
    legend = distress_axes.get_legend()
    assert legend is not None
    assert [text.get_text() for text in legend.get_texts()] == [
        "Practices that week",
        "Average distress that week",
    ]


def test_distress_refuses_an_unknown_axis(profiles: dict[str, Profile]) -> None:
    with pytest.raises(ValueError, match="number"):
        distress_figure(profiles["sample"].distress, STYLES["light"], by="week")


# Theme map ------------------------------------------------------------------------------------


def test_theme_map_shows_the_counts_with_each_themes_colour(profiles: dict[str, Profile]) -> None:
    data = profiles["sample"].themes
    figure = drawn(theme_map_figure(data, STYLES["light"]))
    (image,) = by_gid(figure, "theme-map")
    assert np.array_equal(image.get_array(), np.array(data.counts))  # type: ignore[attr-defined]
    axes = figure.axes[0]
    assert [label.get_text() for label in axes.get_yticklabels()] == [t.name for t in data.themes]
    assert [label.get_text() for label in axes.get_xticklabels()] == [
        str(s.number) for s in data.sessions
    ]
    (swatches,) = by_gid(figure, "theme-swatches")
    colours = swatches.get_facecolors()  # type: ignore[attr-defined]
    assert [to_hex(colour).upper() for colour in colours] == [t.colour.upper() for t in data.themes]
    counts = by_gid(figure, "count")
    written = [(text.get_position(), text.get_text()) for text in counts]  # type: ignore[attr-defined]
    expected = [
        ((column, row), str(count))
        for row, counts in enumerate(data.counts)
        for column, count in enumerate(counts)
        if count
    ]
    assert sorted(written) == sorted(expected)
    assert by_gid(figure, "shade-key") == []  # the numbers say it already


def test_theme_map_shades_run_from_the_background_to_the_accent(
    profiles: dict[str, Profile],
) -> None:
    for style in STYLES.values():
        data = profiles["sample"].themes
        (image,) = by_gid(theme_map_figure(data, style), "theme-map")
        peak = max(max(row) for row in data.counts)
        zero, top = image.to_rgba(np.array([0, peak]))  # type: ignore[attr-defined]
        assert tuple(zero[:3]) == pytest.approx(to_rgb(style.background))
        assert tuple(top[:3]) == pytest.approx(to_rgb(style.accent))


def test_a_ten_year_theme_map_keeps_every_cell_and_explains_the_shades(
    profiles: dict[str, Profile],
) -> None:
    data = profiles["large"].themes
    assert len(data.themes) == 30 and len(data.sessions) == 500
    figure = drawn(theme_map_figure(data, STYLES["dark"]))
    (image,) = by_gid(figure, "theme-map")
    assert np.array_equal(image.get_array(), np.array(data.counts))  # type: ignore[attr-defined]
    assert by_gid(figure, "count") == []  # 15,000 cells are too small to write in
    assert len(by_gid(figure, "shade-key")) == 1
    labels = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert 2 <= len(labels) <= 16 and labels[0] == "1" and labels[-1] == "500"
    assert figure.get_figheight() > 4.0  # thirty readable rows need the room


def test_sessions_without_a_number_are_labelled_by_date(store: Store) -> None:
    session = store.sessions.add(NewSession(held_at=START))
    reflection = store.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id)
    store.themes.set_for_reflection(reflection.id, ["grief"])
    figure = drawn(theme_map_figure(theme_map(store), STYLES["light"]))
    label = START.astimezone().strftime("%d %b").lstrip("0")
    assert [text.get_text() for text in figure.axes[0].get_xticklabels()] == [label]


# Questionnaires -------------------------------------------------------------------------------


def test_questionnaire_bands_and_points(profiles: dict[str, Profile]) -> None:
    for series in profiles["sample"].scores:
        instrument = series.questionnaire
        figure = drawn(questionnaire_figure(series, STYLES["light"]))
        axes = figure.axes[0]
        assert axes.get_ylim() == (0, instrument.max_total * instrument.multiplier)
        xs, ys = line(figure, "scores")
        assert ys == [point.total * instrument.multiplier for point in series.points]
        assert len(xs) == len(series.points)
        bands = by_gid(figure, "severity-band")
        assert len(bands) == len(instrument.bands)
        labels = {text.get_text() for text in axes.texts}
        assert {band.label for band in instrument.bands} <= labels
        if instrument.id == "pcl5":
            assert instrument.bands == ()
            (reference,) = by_gid(figure, "screening-cut-point")
            extent = reference.get_window_extent()  # type: ignore[attr-defined]
            low, high = axes.transData.inverted().transform([[0, extent.y0], [0, extent.y1]])[:, 1]
            assert (low, high) == pytest.approx((30.5, 33.5))
            assert "screening cut-point" in labels
            assert not any("reference" in label for label in labels)
        else:
            assert by_gid(figure, "screening-cut-point") == []
    assert [len(s.questionnaire.bands) for s in profiles["sample"].scores] == [5, 4, 0, 3]


def test_who5_is_drawn_as_a_percentage_with_its_cut_points_and_the_deepest_shade_low(
    profiles: dict[str, Profile],
) -> None:
    """WHO-5 is higher-is-better: 0–100 on the axis, 50 and 28 where its bands meet, and its
    lowest band (not its highest) shaded deepest, so nothing reads "up is worse"."""
    (who5,) = [s for s in profiles["sample"].scores if s.questionnaire.id == "who5"]
    figure = drawn(questionnaire_figure(who5, STYLES["light"]))
    axes = figure.axes[0]
    assert axes.get_ylim() == (0, 100)
    assert list(axes.get_yticks()) == [0, 25, 50, 75, 100]
    assert "well-being" in axes.get_ylabel()
    assert line(figure, "scores")[1] == [point.total * 4 for point in who5.points]
    spans = []
    for patch in by_gid(figure, "severity-band"):
        extent = patch.get_window_extent()  # type: ignore[attr-defined]
        low, high = axes.transData.inverted().transform([[0, extent.y0], [0, extent.y1]])[:, 1]
        spans.append((round(low), round(high), patch.get_facecolor()))  # type: ignore[attr-defined]
    spans.sort(key=lambda span: span[0])
    assert [(low, high) for low, high, _ in spans] == [(0, 30), (30, 50), (50, 100)]
    lightness = [sum(colour[:3]) for _, _, colour in spans]
    assert lightness[0] < lightness[1] < lightness[2]  # light style: the deepest shade lowest


def test_one_check_in_draws_one_point(profiles: dict[str, Profile]) -> None:
    phq9 = profiles["single"].scores[0]
    assert len(phq9.points) == 1
    figure = drawn(questionnaire_figure(phq9, STYLES["dark"]))
    assert line(figure, "scores")[1] == [9]
    low, high = figure.axes[0].get_xlim()
    assert high - low >= 14


# Saving -----------------------------------------------------------------------------------------


def test_save_figure_writes_png_and_svg_and_refuses_other_kinds(
    profiles: dict[str, Profile], tmp_path: Path
) -> None:
    figure = distress_figure(profiles["sample"].distress, STYLES["light"])
    save_figure(figure, tmp_path / "distress.png")
    png = (tmp_path / "distress.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1520, 800)  # 7.6 × 4 inches at 200 dpi
    save_figure(figure, tmp_path / "distress.SVG")
    svg = (tmp_path / "distress.SVG").read_text(encoding="utf-8")
    assert "<svg" in svg
    assert profiles["sample"].distress.summary() in svg  # the summary travels as the title
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        save_figure(figure, tmp_path / "distress.txt")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["distress.SVG", "distress.png"]
    assert figure.dpi == 100  # saving at 200 dpi leaves the figure as the screen had it


def test_save_figure_replaces_a_chart_and_a_missing_folder_is_a_plain_error(
    profiles: dict[str, Profile], tmp_path: Path
) -> None:
    figure = distress_figure(profiles["sample"].distress, STYLES["light"])
    path = tmp_path / "distress.png"
    path.write_bytes(b"an older chart")
    save_figure(figure, path)
    assert path.read_bytes().startswith(b"\x89PNG")
    missing = tmp_path / "no such folder" / "distress.svg"
    with pytest.raises(FileWriteError) as failed:
        save_figure(figure, missing)
    assert isinstance(failed.value, KapError) and failed.value.reason
    assert sorted(p.name for p in tmp_path.iterdir()) == ["distress.png"]


# No pyplot --------------------------------------------------------------------------------------


def test_charts_never_import_pyplot() -> None:
    check = "import kapcompanion.charts, sys; assert 'matplotlib.pyplot' not in sys.modules"
    subprocess.run([sys.executable, "-c", check], cwd=ROOT, check=True)
    # Nor does drawing and saving every kind of chart.
    program = """
import sys, tempfile
from pathlib import Path
from kapcompanion.charts import *
from kapcompanion.store import Store
from kapcompanion.demo import fill_demo
from kapcompanion.course.trends import distress_series, theme_map, questionnaire_series
folder = Path(tempfile.mkdtemp())
with Store.open(folder / "p.sqlite3") as store:
    fill_demo(store)
    style = ChartStyle.dark()
    save_figure(distress_figure(distress_series(store), style, by="date"), folder / "a.png")
    save_figure(theme_map_figure(theme_map(store), style), folder / "b.svg")
    save_figure(questionnaire_figure(questionnaire_series(store)[2], style), folder / "c.png")
assert "matplotlib.pyplot" not in sys.modules, "pyplot was imported"
# QtCore only (translated sentences); nothing of Qt's painting or widgets.
gui = ("PySide6.QtGui", "PySide6.QtWidgets", "PyQt")
assert not any(name.startswith(gui) for name in sys.modules), "Qt's GUI was imported"
"""
    subprocess.run([sys.executable, "-c", program], cwd=ROOT, check=True)


def texts_outside(figure: Figure) -> list[str]:
    drawn(figure)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    bounds = figure.bbox
    outside = []
    for text in visible_texts(figure):
        box = text.get_window_extent(renderer)
        across = box.x0 < bounds.x0 - 1 or box.x1 > bounds.x1 + 1
        if across or box.y0 < bounds.y0 - 1 or box.y1 > bounds.y1 + 1:
            outside.append(text.get_text())
    return outside


@pytest.mark.filterwarnings("ignore:Glyph")  # matplotlib's own font has no CJK glyphs
def test_long_theme_names_in_a_narrow_map_are_shortened_not_a_crash(store: Store) -> None:
    from kapcompanion.ids import SessionId

    session = store.sessions.add(NewSession(held_at=datetime(2026, 10, 1, tzinfo=UTC)))
    long_names = ("悲しみと喪失と向き合うための長い名前のテーマです", "W" * 28)
    for name in long_names:
        theme = store.themes.add(name)
        insight = store.insights.add("Something.", session_id=SessionId(session.id))
        store.themes.set_for_insight(insight.id, [theme.key])
    for size in (10.0, 16.0, 20.0):
        style = replace(STYLES["light"], font_size=size, width_inches=3.5)
        figure = theme_map_figure(theme_map(store), style)
        assert texts_outside(figure) == []
        labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
        assert all(label.endswith("…") for label in labels)  # shortened to fit, still named


@pytest.mark.parametrize("height", [2.0, 3.0, 6.0])
def test_charts_made_shorter_or_taller_after_building_keep_every_label(
    profiles: dict[str, Profile], height: float
) -> None:
    """The printout and the screen change a chart's size after it is built: its margins are
    kept in points, so no caption or legend is cut."""
    style = replace(STYLES["light"], font_size=8.0, width_inches=6.5)
    for chart, figure in all_figures(profiles["sample"], style).items():
        figure.set_size_inches(6.5, height)
        assert texts_outside(figure) == [], chart


def test_a_theme_named_in_japanese_is_drawn_with_a_fallback_font(store: Store) -> None:
    import warnings

    from matplotlib import font_manager

    from kapcompanion.charts import FALLBACK_FONTS
    from kapcompanion.ids import SessionId

    installed = {font.name for font in font_manager.fontManager.ttflist}
    japanese = {"Noto Sans CJK JP", "Droid Sans Fallback", "Source Han Sans", "Yu Gothic"}
    if not installed & japanese & set(FALLBACK_FONTS):
        pytest.skip("no font with Japanese letters is installed here")
    session = store.sessions.add(NewSession(held_at=datetime(2026, 10, 1, tzinfo=UTC)))
    theme = store.themes.add("悲しみと喪失")
    insight = store.insights.add("Something.", session_id=SessionId(session.id))
    store.themes.set_for_insight(insight.id, [theme.key])
    with warnings.catch_warnings():
        warnings.filterwarnings("error", "Glyph .* missing")  # a box instead of a letter
        drawn(theme_map_figure(theme_map(store), STYLES["light"]))


def test_the_chart_colours_are_chosen_without_loading_matplotlib() -> None:
    """The Trends screen picks a style on the main thread; matplotlib loads in the background."""
    program = """
import sys
from kapcompanion.charts import ChartStyle, MUTED_PALETTE
from kapcompanion.charts.style import ink_on, mix
style = ChartStyle.dark()
assert ink_on(mix(style.background, style.accent, 0.5), style) and MUTED_PALETTE
assert "matplotlib" not in sys.modules, "matplotlib was loaded for the colours"
from kapcompanion.charts import distress_figure
assert "matplotlib" in sys.modules and callable(distress_figure)
"""
    subprocess.run([sys.executable, "-c", program], cwd=ROOT, check=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colours_mixed_without_matplotlib_are_the_ones_it_would_mix(scheme: str) -> None:
    from kapcompanion.charts.style import luminance, mix

    style = STYLES[scheme]
    for end in (style.accent, style.text, *MUTED_PALETTE):
        for share in (0.0, 0.25, 0.7, 1.0):
            (r1, g1, b1), (r2, g2, b2) = to_rgb(style.background), to_rgb(end)
            expected = to_hex(
                (r1 + (r2 - r1) * share, g1 + (g2 - g1) * share, b1 + (b2 - b1) * share)
            )
            assert mix(style.background, end, share) == expected
    assert luminance("#FFFFFF") == pytest.approx(1.0) and luminance("#000000") == 0.0
    assert luminance("white") == pytest.approx(1.0)  # a named colour, read by matplotlib
