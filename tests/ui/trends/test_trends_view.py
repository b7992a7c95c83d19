"""The Trends screen, driven through its real widgets and the keyboard, on a real store."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from kapcompanion.course.practice_distress import practice_distress
from kapcompanion.course.trends import Period, distress_series, questionnaire_series, theme_map
from kapcompanion.data_files.questionnaires import all_questionnaires
from kapcompanion.store import Store
from tests.file_modes import modes
from tests.paths import REPOSITORY
from tests.ui.conftest import ShowView
from tests.ui.helpers import (
    answer_next_dialog,
    focusable_widgets,
    focused,
    press,
    tab_to,
    visible_texts,
    wait_until_nothing_is_clipped,
)
from ui.trends.chart import ChartPanel
from ui.trends.controls import PeriodChoice
from ui.trends.view import TrendsView
from ui.widgets.style import ColourScheme, apply_style
from ui.widgets.wording import day_of

ViewFactory = Callable[[Store], TrendsView]
SMALLEST = (720 - 200, 480)  # the main window's smallest size, less its sidebar


@pytest.fixture
def open_view(show_view: ShowView) -> ViewFactory:
    """Show the Trends screen in its own active window, every chart drawn (see `settle`)."""

    def open_and_settle(store: Store) -> TrendsView:
        view = show_view(TrendsView, store)
        settle(view)
        return view

    return open_and_settle


def finished(panel: ChartPanel) -> bool:
    return not panel.is_drawing()


def settle(view: QWidget) -> None:
    """Wait until every card's data is read and every chart is drawn, as a person scrolling
    down to each sees it (a chart out of sight is drawn when it comes into sight)."""
    assert isinstance(view, TrendsView)

    def wait_for(done: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 60  # the first chart waits for the drawing process
        while not done():
            assert time.monotonic() < deadline, "the charts were never drawn"
            QApplication.processEvents()
            time.sleep(0.002)

    def seen(widget: QWidget, done: Callable[[], bool]) -> Callable[[], bool]:
        def scrolled_to() -> bool:
            view.scroll_area.ensureWidgetVisible(widget)  # again: the layout may have grown
            return done()

        return scrolled_to

    wait_for(lambda: not view.is_reading())
    if view.waits_for_sight():  # the check-in scores are read when scrolled to
        wait_for(
            seen(view.scores_card, lambda: not view.is_reading() and not view.waits_for_sight())
        )
    for panel in view.panels():
        if panel.is_drawing() and not panel.showing_table():
            wait_for(seen(panel.chart_host, partial(finished, panel)))
    view.scroll_area.verticalScrollBar().setValue(0)  # back to the top, as it opened


@pytest.fixture
def light_again(qapp: QApplication) -> Iterator[None]:
    """Whatever a test does to the colours, the next test starts in the light scheme."""
    yield
    apply_style(qapp, ColourScheme.LIGHT)


def drawn(panel: ChartPanel, gid: str) -> list[tuple[float, float]]:
    """The (x, y) of every point the chart drew for the series named `gid`."""
    settle(panel.window())
    assert panel.picture is not None
    return [xy for line in panel.picture.lines_named(gid) for xy in line.data]


def table_of(panel: ChartPanel) -> list[list[str]]:
    """What the panel's table shows, row by row, read through the view's model."""
    settle(panel.window())
    panel.table_data()  # made when first shown
    model = panel.table.model()
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def headers_of(panel: ChartPanel) -> list[str]:
    settle(panel.window())
    panel.table_data()
    model = panel.table.model()
    return [
        str(model.headerData(column, Qt.Orientation.Horizontal))
        for column in range(model.columnCount())
    ]


def move_pointer(widget: QWidget, at: QPoint) -> None:
    """The pointer moves over `widget` to `at`, with no button down.

    (QTest's mouseMove reaches no widget on the offscreen platform; a real move event does.)
    """
    global_at = QPointF(widget.mapToGlobal(at))
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(at),
        global_at,
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, move)


def number(value: int | None) -> str:
    return "—" if value is None else QLocale().toString(value)


def show_tables_by_keyboard(qtbot: QtBot, view: TrendsView) -> None:
    for panel in view.panels():
        tab_to(qtbot, panel.table_button, limit=80)
        press(qtbot, Qt.Key.Key_Space)
        assert panel.showing_table()


# Opening ----------------------------------------------------------------------------------


def test_the_sample_course_opens_with_four_charts_sections_and_their_sentences(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    assert view.accessibleName() == "Trends"
    texts = visible_texts(view)
    sections = [
        "Distress across your course",
        "Themes across sessions",
        "Practices and distress, week by week",
        "Check-in scores",
    ]
    for title in sections:
        assert title in texts
    assert [card.accessibleName() for card in view.sections()] == sections

    expected = [
        distress_series(demo_store).summary(),
        theme_map(demo_store).summary(),
        practice_distress(demo_store).summary(),
        *(series.summary() for series in questionnaire_series(demo_store)),
    ]
    assert [panel.summary_text() for panel in view.panels()] == expected
    for panel, sentence in zip(view.panels(), expected, strict=True):
        assert sentence in texts
        assert panel.summary.accessibleDescription() == sentence  # a screen reader reads it
        assert panel.canvas is not None and panel.canvas.isVisible()
        assert panel.has_chart()  # axes, not a message
        assert panel.chart_host.accessibleDescription() == sentence
    assert [panel.name for panel in list(view.scores.values())] == [
        f"{each.name} scores" for each in all_questionnaires()
    ]
    assert "Distress after sessions went from 5 to 3 across 6 sessions." in texts


def test_charts_are_drawn_at_the_screens_resolution(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    for panel in view.panels():
        assert panel.canvas is not None and panel.picture is not None
        screen = panel.canvas.screen()
        expected = screen.logicalDotsPerInch() * panel.canvas.devicePixelRatioF()
        assert panel.picture.dpi == pytest.approx(expected)


def test_matplotlib_waits_until_the_screen_draws_and_pyplot_never_comes(
    open_view: ViewFactory, demo_store: Store
) -> None:
    imported = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, ui.trends.view; print('matplotlib' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPOSITORY,
    )
    assert imported.stdout.strip() == "False"
    open_view(demo_store)
    assert "matplotlib.pyplot" not in sys.modules


# Controls -----------------------------------------------------------------------------------


def test_choosing_the_last_30_days_redraws_with_fewer_sessions(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    whole = drawn(view.distress, "after-session")
    assert len(whole) == 6

    tab_to(qtbot, view.controls.period_box)
    press(qtbot, Qt.Key.Key_Down)
    assert view.controls.period_choice() is PeriodChoice.LAST_30_DAYS

    period = Period.last_days(30, date.today())
    recent = distress_series(demo_store, period)
    after = drawn(view.distress, "after-session")
    assert len(after) == len([s for s in recent.sessions if s.after is not None]) < 6
    assert [y for _x, y in after] == [s.after for s in recent.sessions if s.after is not None]
    assert view.distress.summary_text() == recent.summary()
    assert view.themes.summary_text() == theme_map(demo_store, period).summary()
    for panel, series in zip(
        view.scores.values(), questionnaire_series(demo_store, period), strict=True
    ):
        assert panel.summary_text() == series.summary()


def test_chosen_dates_show_only_the_days_between(open_view: ViewFactory, demo_store: Store) -> None:
    view = open_view(demo_store)
    sessions = distress_series(demo_store).sessions
    first, last = (sessions[1].held_at.astimezone().date(), sessions[3].held_at.astimezone().date())
    view.controls.choose_period(PeriodChoice.CUSTOM)
    assert view.controls.from_date.isVisible() and view.controls.to_date.isVisible()
    view.controls.from_date.choose(first)
    view.controls.to_date.choose(last)

    chosen = distress_series(demo_store, Period(first, last))
    assert [s.number for s in chosen.sessions] == [2, 3, 4]
    assert [y for _x, y in drawn(view.distress, "after-session")] == [
        s.after for s in chosen.sessions if s.after is not None
    ]
    assert view.distress.summary_text() == chosen.summary()


def test_the_x_axis_goes_by_session_number_or_by_date(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    by_number = drawn(view.distress, "after-session")
    assert [x for x, _y in by_number] == [1, 2, 3, 4, 5, 6]

    # The two segments are one stop, like radio buttons: arrows choose within them.
    tab_to(qtbot, view.controls.by_number)
    press(qtbot, Qt.Key.Key_Right)
    assert view.controls.by() == "date"
    assert focused() is view.controls.by_date
    by_date = drawn(view.distress, "after-session")
    assert [y for _x, y in by_date] == [y for _x, y in by_number]
    days = [x for x, _y in by_date]
    assert days == sorted(days) and days[-1] - days[0] == pytest.approx(35, abs=0.1)

    press(qtbot, Qt.Key.Key_Left)
    assert view.controls.by() == "number"
    assert [x for x, _y in drawn(view.distress, "after-session")] == [1, 2, 3, 4, 5, 6]


def test_choosing_themes_narrows_the_map(open_view: ViewFactory, demo_store: Store) -> None:
    view = open_view(demo_store)
    everything = theme_map(demo_store)
    assert [row[0] for row in table_of(view.themes)] == [t.name for t in everything.themes]

    view.controls.theme_box.choose({"hope", "grief"})
    chosen = theme_map(demo_store, Period(), frozenset({"hope", "grief"}))
    assert [row[0] for row in table_of(view.themes)] == [t.name for t in chosen.themes]
    assert {t.key for t in chosen.themes} == {"hope", "grief"}
    assert view.themes.summary_text() == chosen.summary()
    assert view.controls.theme_box.shown_text() == "2 themes"

    view.controls.theme_box.choose(())
    assert view.controls.theme_box.shown_text() == "All themes"
    assert len(table_of(view.themes)) == len(everything.themes)


def test_choosing_sessions_narrows_distress_and_the_map(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    dosing = [s for s in demo_store.sessions.list() if s.kind.value == "dosing"]
    assert view.controls.session_box.shown_text() == "All sessions"
    assert view.controls.session_box.count() == len(dosing) == 6

    tab_to(qtbot, view.controls.session_box)
    press(qtbot, Qt.Key.Key_Down)  # opens the list of check marks
    popup = view.controls.session_box.view()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Space)  # ticks the first session
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Space)  # and the third
    qtbot.keyClick(popup, Qt.Key.Key_Escape)

    first_and_third = frozenset({dosing[0].id, dosing[2].id})
    assert view.controls.session_ids() == first_and_third
    assert view.controls.session_box.shown_text() == "2 sessions"
    chosen = distress_series(demo_store, Period(), first_and_third)
    assert [y for _x, y in drawn(view.distress, "after-session")] == [
        s.after for s in chosen.sessions if s.after is not None
    ]
    assert len(chosen.sessions) == 2
    assert view.distress.summary_text() == chosen.summary()
    map_chosen = theme_map(demo_store, Period(), None, first_and_third)
    assert len(table_of(view.themes)) == len(map_chosen.themes)
    assert view.themes.summary_text() == map_chosen.summary()

    view.controls.session_box.choose(())
    assert len(drawn(view.distress, "after-session")) == 6


def test_the_sessions_offered_are_those_in_the_chosen_days(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    dosing = [s for s in demo_store.sessions.list() if s.kind.value == "dosing"]
    view.controls.session_box.choose({str(dosing[0].id), str(dosing[-1].id)})

    view.controls.choose_period(PeriodChoice.LAST_30_DAYS)
    period = Period.last_days(30, date.today())
    inside = [s for s in dosing if period.contains(s.held_at)]
    assert 0 < len(inside) < len(dosing)
    assert view.controls.session_box.count() == len(inside)
    # The first session is outside these days: only the last stays chosen, and is drawn.
    assert view.controls.session_ids() == frozenset({dosing[-1].id})
    assert len(drawn(view.distress, "after-session")) == 1


# Tables -------------------------------------------------------------------------------------


def test_show_as_table_gives_the_same_numbers_as_the_charts(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    show_tables_by_keyboard(qtbot, view)
    for panel in view.panels():
        assert panel.table.isVisible()
        assert not panel.chart_host.isVisible()
        assert panel.table_button.text() == "Show as chart"

    series = distress_series(demo_store)
    assert headers_of(view.distress) == ["Entry", "Date", "Before", "After", "Check-in"]
    session_rows = [row for row in table_of(view.distress) if row[0].startswith("Session")]
    assert session_rows == [
        [f"Session {s.number}", day_of(s.held_at), number(s.before), number(s.after), "—"]
        for s in series.sessions
    ]
    rated = [r for r in series.reflections if r.start is not None or r.end is not None]
    reflection_rows = [row for row in table_of(view.distress) if row[0].startswith("Reflection")]
    assert [row[2:] for row in reflection_rows] == [
        [number(r.start), number(r.end), "—"] for r in rated
    ]
    quick_rows = [row for row in table_of(view.distress) if row[0].startswith("Quick")]
    assert [row[2:] for row in quick_rows] == [["—", "—", number(q.value)] for q in series.quick]
    assert len(quick_rows) == len(demo_store.check_ins.distress_ratings()) > 0

    weeks = practice_distress(demo_store)
    assert headers_of(view.practices) == ["Week", "Practices", "Average distress", "Ratings"]
    assert table_of(view.practices) == [
        [
            f"Week of {day_of(week.monday)}",
            str(week.practices),
            "—" if week.distress is None else QLocale().toString(week.distress, "f", 1),
            str(len(week.ratings)),
        ]
        for week in weeks.weeks
    ]

    themes = theme_map(demo_store)
    assert headers_of(view.themes) == ["Theme", *(f"Session {s.number}" for s in themes.sessions)]
    assert table_of(view.themes) == [
        [theme.name, *(str(count) for count in counts)]
        for theme, counts in zip(themes.themes, themes.counts, strict=True)
    ]

    for panel, scores in zip(view.scores.values(), questionnaire_series(demo_store), strict=True):
        assert headers_of(panel) == ["Date", "Score", "Band"]
        assert table_of(panel) == [
            [day_of(p.taken_at), str(scores.shown_total(p)), p.band.capitalize() if p.band else "—"]
            for p in scores.points
        ]

    # Back to the charts, and a control change keeps showing the (new) table.
    press(qtbot, Qt.Key.Key_Space)  # on the last panel's button: WHO-5's
    assert not view.scores["who5"].showing_table()
    assert view.scores["who5"].chart_host.isVisible()
    view.controls.choose_period(PeriodChoice.LAST_30_DAYS)
    settle(view)
    assert view.distress.table.isVisible()
    recent = distress_series(demo_store, Period.last_days(30, date.today()))
    session_rows = [row for row in table_of(view.distress) if row[0].startswith("Session")]
    assert len(session_rows) == len(recent.sessions)


def test_the_table_is_read_only_and_walked_with_the_arrow_keys(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    panel = view.scores["phq9"]
    tab_to(qtbot, panel.table_button, limit=80)
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, panel.table, limit=80)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Right)
    current = panel.table.currentIndex()
    assert (current.row(), current.column()) == (1, 1)
    assert current.data() == "10"
    press(qtbot, Qt.Key.Key_F2)  # nothing here can be edited
    assert panel.table.state() != panel.table.State.EditingState


# Saying what a point is ---------------------------------------------------------------------


def test_arrow_keys_on_a_chart_say_each_points_date_and_value(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    tab_to(qtbot, view.distress.chart_host, limit=80)  # Tab in: the first point is said
    first_session = distress_series(demo_store).sessions[0]
    chosen = view.distress.chosen_point()
    assert chosen is not None
    assert chosen.words == f"Before session 1 · {day_of(first_session.held_at)}: 7 of 10"
    assert QToolTip.text() == chosen.words
    press(qtbot, Qt.Key.Key_Right)
    chosen = view.distress.chosen_point()
    assert chosen is not None
    assert chosen.words == f"After session 1 · {day_of(first_session.held_at)}: 5 of 10"
    assert QToolTip.text() == chosen.words
    press(qtbot, Qt.Key.Key_End)
    last = view.distress.chosen_point()
    assert last is not None and "Reflection on session 6" in last.words
    press(qtbot, Qt.Key.Key_Escape)
    assert view.distress.chosen_point() is None

    tab_to(qtbot, view.themes.chart_host, limit=80)
    assert view.distress.chosen_point() is None  # leaving a chart lets go of its point
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Down)
    cell = view.themes.chosen_point()
    assert cell is not None
    assert cell.words.startswith("Childhood · Session 1, ") and cell.words.endswith("came up once")


def test_hovering_a_point_says_its_date_and_value(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    panel = view.scores["phq9"]
    canvas = panel.canvas
    assert canvas is not None and panel.picture is not None
    point = panel.points()[0]
    x, y = point.on_screen()
    ratio = canvas.devicePixelRatioF()
    at = QPoint(round(x / ratio), round((panel.picture.height - y) / ratio))
    move_pointer(canvas, at)
    first = questionnaire_series(demo_store)[0].points[0]
    qtbot.waitUntil(lambda: QToolTip.text() == f"PHQ-9 · {day_of(first.taken_at)}: 13 (moderate)")
    move_pointer(canvas, QPoint(2, 2))  # far from every point
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


# Empty and sparse ---------------------------------------------------------------------------


def test_an_empty_store_shows_friendly_words_and_no_empty_charts(
    open_view: ViewFactory, store: Store
) -> None:
    view = open_view(store)
    texts = visible_texts(view)
    assert view.empty_notice.isVisible()
    assert view.empty_notice.text() in texts
    assert view.empty_notice.objectName() != "notice"  # neutral words, not the colour of a problem
    assert "There are no distress ratings after sessions in this period yet." in texts
    assert "Themes will show here once your reflections have confirmed themes." in texts
    for panel in view.panels():
        assert not panel.has_chart()  # the figure is a sentence, never an empty axis
        assert not panel.chart_host.isVisible()
        assert not panel.save_button.isVisible() and not panel.table_button.isVisible()
        assert panel.summary_text() in texts
    for panel, series in zip(view.scores.values(), questionnaire_series(store), strict=True):
        name = series.questionnaire.name
        assert panel.summary_text() == f"No {name} check-ins in this period yet."
    assert not view.theme_changes.isVisible()


def test_one_session_draws_a_chart_and_says_so_plainly(
    open_view: ViewFactory, store: Store
) -> None:
    from datetime import UTC, datetime

    from kapcompanion.domain import NewSession

    store.sessions.add(
        NewSession(
            held_at=datetime.now(UTC), number_in_course=1, distress_before=6, distress_after=4
        )
    )
    view = open_view(store)
    assert view.distress.has_chart()
    assert view.distress.summary_text() == "Distress after your one rated session was 4 out of 10."
    assert drawn(view.distress, "after-session") == [(1.0, 4.0)]
    assert not view.empty_notice.isVisible()
    assert not view.themes.has_chart()


def test_a_period_with_nothing_in_it_says_so(open_view: ViewFactory, demo_store: Store) -> None:
    view = open_view(demo_store)
    first = distress_series(demo_store).sessions[0].held_at.astimezone().date()
    quiet_day = first + timedelta(days=3)  # between the sample course's reflections
    view.controls.choose_period(PeriodChoice.CUSTOM)
    view.controls.from_date.choose(quiet_day)
    view.controls.to_date.choose(quiet_day)
    assert view.controls.period(date.today()) == Period(quiet_day, quiet_day)
    settle(view)
    assert not any(panel.has_chart() for panel in view.panels())
    assert view.distress.summary_text() == (
        "There are no distress ratings after sessions in this period yet."
    )
    assert view.empty_notice.isVisible()
    assert "longer period" in view.empty_notice.text()

    view.controls.choose_period(PeriodChoice.WHOLE_COURSE)
    settle(view)
    assert view.distress.has_chart()
    assert not view.empty_notice.isVisible()


# Refreshing ---------------------------------------------------------------------------------


def test_work_waits_while_the_screen_is_hidden(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    before = view.distress.picture
    view.hide()
    view.refresh()
    assert view.distress.picture is before  # nothing drawn for no one to see
    view.show()
    qtbot.waitUntil(lambda: view.distress.picture is not before)
    assert view.distress.has_chart()


# Saving -------------------------------------------------------------------------------------


def saved(qtbot: QtBot, panel: ChartPanel, path: Path) -> bool:
    """Save the chart (in the background, as the button does) and say whether it was."""
    with qtbot.waitSignal(panel.saved, timeout=60_000) as outcome:
        panel.save(path)
    assert outcome.args is not None and outcome.args[0] == path
    return bool(outcome.args[1])


def test_save_writes_a_png_and_an_svg(
    open_view: ViewFactory, demo_store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    png, svg = tmp_path / "distress.png", tmp_path / "themes.svg"
    assert saved(qtbot, view.distress, png)
    assert saved(qtbot, view.themes, svg)
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "<svg" in svg.read_text(encoding="utf-8")
    assert saved(qtbot, view.scores["gad7"], tmp_path / "gad7.png")


def test_the_window_answers_while_a_chart_is_saved(
    open_view: ViewFactory, demo_store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    panel = view.themes
    with qtbot.waitSignal(panel.saved, timeout=60_000):
        panel.save(tmp_path / "themes.png")
        assert not panel.save_button.isEnabled()  # one at a time
        view.controls.choose_period(PeriodChoice.LAST_30_DAYS)  # meanwhile
        assert view.controls.period_choice() is PeriodChoice.LAST_30_DAYS
    assert panel.save_button.isEnabled()
    assert (tmp_path / "themes.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.usefixtures("usual_umask")
def test_a_saved_chart_is_private(
    open_view: ViewFactory, demo_store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    png, svg = tmp_path / "distress.png", tmp_path / "themes.svg"
    assert saved(qtbot, view.distress, png)
    assert saved(qtbot, view.themes, svg)
    assert modes(png, svg) == {"distress.png": "0o600", "themes.svg": "0o600"}


def test_a_chart_that_cannot_be_written_says_so_gently(
    open_view: ViewFactory, demo_store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    assert not saved(qtbot, view.distress, tmp_path / "no such folder" / "distress.png")
    assert seen and seen[0][0] == "The chart was not saved"
    assert "another folder" in seen[0][1]
    assert view.distress.save_button.isEnabled()


# Colours ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("light_again")
def test_the_dark_scheme_draws_dark_charts(
    open_view: ViewFactory, demo_store: Store, qapp: QApplication, qtbot: QtBot
) -> None:
    from kapcompanion.charts import ChartStyle

    view = open_view(demo_store)
    light = view.distress.style_used()
    assert light is not None and light.background == ChartStyle.light().background
    light_picture = view.distress.picture
    assert light_picture is not None

    apply_style(qapp, ColourScheme.DARK)

    def all_dark() -> bool:
        return all(
            (style := panel.style_used()) is not None
            and style.background == ChartStyle.dark().background
            for panel in view.panels()
        )

    def settled_dark() -> bool:
        settle(view)  # scrolled down to each chart: those out of sight are drawn then
        return all_dark()

    qtbot.waitUntil(settled_dark)
    dark_picture = view.distress.picture
    assert dark_picture is not None and dark_picture is not light_picture
    assert dark_picture.background != light_picture.background
    assert dark_picture.background == ChartStyle.dark().background.lower()


# Keyboard, names, room ------------------------------------------------------------------------


def test_every_focusable_widget_has_a_name(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    view.controls.choose_period(PeriodChoice.CUSTOM)
    for state in ("charts", "tables"):
        if state == "tables":
            show_tables_by_keyboard(qtbot, view)
        reachable = focusable_widgets(view)
        assert reachable
        for widget in reachable:
            assert widget.accessibleName(), f"{state}: {widget!r}"


def test_tab_reaches_every_control_and_chart(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    controls = view.controls
    targets = [controls.period_box, controls.by_number, controls.theme_box]
    for panel in view.panels():
        targets += [panel.chart_host, panel.table_button, panel.save_button]
    for target in targets:
        tab_to(qtbot, target, limit=80)
        assert focused() is target or focused().focusProxy() is target


@pytest.mark.parametrize("tables", [False, True])
def test_nothing_is_clipped_at_the_smallest_window(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot, tables: bool
) -> None:
    view = open_view(demo_store)
    view.controls.choose_period(PeriodChoice.CUSTOM)
    if tables:
        for panel in view.panels():
            panel.set_showing_table(True)
    view.resize(*SMALLEST)
    wait_until_nothing_is_clipped(qtbot, view)
    assert view.column.width() <= SMALLEST[0]


def test_nothing_is_clipped_on_an_empty_store_at_the_smallest_window(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    view.resize(*SMALLEST)
    wait_until_nothing_is_clipped(qtbot, view)


def test_a_narrow_window_lays_the_chart_out_for_its_width(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    panel = view.distress
    view.resize(560, 700)

    def laid_out_for_the_width() -> bool:
        picture = panel.picture
        host = panel.chart_host.width()
        return picture is not None and abs(picture.width_inches * picture.dpi - host) < 30

    qtbot.waitUntil(laid_out_for_the_width, timeout=3000)
    assert panel.picture is not None and panel.picture.width_inches < 6


def test_a_session_added_elsewhere_is_in_the_next_reading(
    open_view: ViewFactory, demo_store: Store
) -> None:
    from datetime import UTC, datetime

    from kapcompanion.domain import NewSession

    view = open_view(demo_store)
    view.controls.choose_period(PeriodChoice.LAST_90_DAYS)
    settle(view)
    before = drawn(view.distress, "after-session")
    demo_store.sessions.add(
        NewSession(
            held_at=datetime.now(UTC), number_in_course=7, distress_before=6, distress_after=2
        )
    )
    view.refresh()  # as the window does when data changes elsewhere
    settle(view)
    assert len(drawn(view.distress, "after-session")) == len(before) + 1
    assert drawn(view.distress, "after-session")[-1][1] == 2.0
    view.controls.choose_period(PeriodChoice.WHOLE_COURSE)  # read before the change
    settle(view)
    assert view.distress.summary_text() == distress_series(demo_store).summary()


def test_a_practice_or_quick_check_in_logged_elsewhere_is_in_the_next_reading(
    open_view: ViewFactory, demo_store: Store
) -> None:
    from datetime import UTC, datetime

    from kapcompanion.domain import NewPracticeEntry, PracticeRef
    from ui.changes import DataKind

    view = open_view(demo_store)
    this_week = table_of(view.practices)[-1]
    quick_before = [row for row in table_of(view.distress) if row[0].startswith("Quick")]
    now = datetime.now(UTC)
    demo_store.practices.log(NewPracticeEntry(PracticeRef(builtin_key="movement"), now), now=now)
    view.data_changed_elsewhere(DataKind.PRACTICES)  # as the window passes the change on
    settle(view)
    assert int(table_of(view.practices)[-1][1]) == int(this_week[1]) + 1
    demo_store.check_ins.add_distress_rating(1, note="Lighter", at=now)
    view.data_changed_elsewhere(DataKind.CHECK_INS)
    settle(view)
    quick_after = [row for row in table_of(view.distress) if row[0].startswith("Quick")]
    assert quick_after == [*quick_before, ["Quick check-in: Lighter", day_of(now), "—", "—", "1"]]
    assert view.practices.summary_text() == practice_distress(demo_store).summary()


def test_the_practices_chart_says_each_weeks_count_and_distress(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    weeks = practice_distress(demo_store).weeks
    tab_to(qtbot, view.practices.chart_host, limit=80)  # Tab in: the first week's bar
    chosen = view.practices.chosen_point()
    assert chosen is not None
    first = f"Week of {day_of(weeks[0].monday)}"
    assert chosen.words == f"{first}: {weeks[0].practices} practices"
    assert QToolTip.text() == chosen.words
    press(qtbot, Qt.Key.Key_Right)  # then the same week's distress
    chosen = view.practices.chosen_point()
    assert chosen is not None and chosen.words.startswith(f"{first}: distress ")
    assert weeks[0].distress is not None
    assert QLocale().toString(weeks[0].distress, "f", 1) in chosen.words
    # Every drawn bar and every rated week can be said.
    rated = [week for week in weeks if week.distress is not None]
    assert len(view.practices.points()) == len(weeks) + len(rated)


def test_a_quick_check_in_on_the_distress_chart_says_its_day_value_and_word(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    first = demo_store.check_ins.distress_ratings()[0]
    said = [point.words for point in view.distress.points() if point.words.startswith("Quick")]
    assert len(said) == len(demo_store.check_ins.distress_ratings())
    assert said[0] == (
        f"Quick check-in: {first.note} · {day_of(first.rated_at)}: {first.value} of 10"
    )


def test_the_practices_card_follows_the_period(open_view: ViewFactory, demo_store: Store) -> None:
    view = open_view(demo_store)
    assert len(table_of(view.practices)) == len(practice_distress(demo_store).weeks)
    view.controls.choose_period(PeriodChoice.LAST_30_DAYS)
    settle(view)
    recent = practice_distress(demo_store, Period.last_days(30, date.today()))
    assert (
        len(table_of(view.practices))
        == len(recent.weeks)
        < len(practice_distress(demo_store).weeks)
    )
    assert view.practices.summary_text() == recent.summary()
