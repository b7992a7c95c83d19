"""The Trends charts are drawn in the background and only when in sight: the screen answers at
once, says a chart is on its way, and never keeps old figures or pictures about."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import weakref
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from kapcompanion.course.trends import Period, distress_series, questionnaire_series, theme_map
from kapcompanion.store import Store
from tests.paths import REPOSITORY
from tests.ui.conftest import ShowView
from tests.ui.helpers import focused, press, tab_to, visible_texts
from tests.ui.trends.test_trends_view import drawn, move_pointer, settle
from ui.trends.chart import ChartImage, ChartPanel
from ui.trends.controls import PeriodChoice
from ui.trends.view import TrendsView
from ui.widgets.chart_worker import chart_worker

DRAWN_WITHIN_MS = 60_000  # how long a test waits for the worker (matplotlib may still load)


@pytest.fixture
def busy_worker() -> Iterator[threading.Event]:
    """The chart worker kept busy (as while it imports matplotlib) until the event is set."""
    free = threading.Event()
    chart_worker().submit(lambda: free.wait(DRAWN_WITHIN_MS / 1000))
    yield free
    free.set()


def worker_caught_up(qtbot: QtBot) -> None:
    """Wait until every job given to the chart worker so far is done and its result shown."""
    done = threading.Event()
    chart_worker().submit(done.set)
    qtbot.waitUntil(done.is_set, timeout=DRAWN_WITHIN_MS)
    QApplication.processEvents()  # the results handed back before it


def drawn_now(panel: ChartPanel) -> Callable[[], bool]:
    return lambda: not panel.is_drawing() and panel.has_chart()


def test_a_chart_out_of_sight_is_drawn_when_it_comes_into_sight(
    show_view: ShowView, demo_store: Store, qtbot: QtBot
) -> None:
    view = show_view(TrendsView, demo_store)
    view.resize(900, 460)  # only the distress chart is in sight
    qtbot.waitUntil(lambda: not view.is_reading(), timeout=DRAWN_WITHIN_MS)
    qtbot.waitUntil(drawn_now(view.distress), timeout=DRAWN_WITHIN_MS)
    worker_caught_up(qtbot)

    # The theme map's numbers are read (its sentence is there) but its chart waits unseen.
    themes = view.themes
    assert themes.chart_host.visibleRegion().isEmpty()
    assert themes.summary_text() == theme_map(demo_store).summary()
    assert themes.is_drawing() and themes.figure is None
    # The check-in scores, further down, are not even read yet.
    pcl5 = view.scores["pcl5"]
    assert view.waits_for_sight()
    assert pcl5.summary_text() == "" and pcl5.figure is None

    view.scroll_area.ensureWidgetVisible(themes.chart_host)
    qtbot.waitUntil(drawn_now(themes), timeout=DRAWN_WITHIN_MS)
    assert themes.points()[0].words.startswith(f"{theme_map(demo_store).themes[0].name} · ")

    view.scroll_area.ensureWidgetVisible(pcl5.chart_host)
    qtbot.waitUntil(drawn_now(pcl5), timeout=DRAWN_WITHIN_MS)
    series = questionnaire_series(demo_store)[2]
    assert pcl5.summary_text() == series.summary()
    assert [y for _x, y in drawn(pcl5, "scores")] == [point.total for point in series.points]


def test_the_screen_answers_while_the_charts_wait_to_be_drawn(
    show_view: ShowView, demo_store: Store, qtbot: QtBot, busy_worker: threading.Event
) -> None:
    view = show_view(TrendsView, demo_store)
    qtbot.waitUntil(lambda: not view.is_reading(), timeout=DRAWN_WITHIN_MS)

    # Every sentence is there at once; where the charts go, a calm line says they are coming.
    assert view.distress.summary_text() == distress_series(demo_store).summary()
    assert view.themes.summary_text() == theme_map(demo_store).summary()
    assert view.distress.drawing_note.isVisible()
    assert "Drawing the chart…" in visible_texts(view)
    assert not view.distress.has_chart()

    # The controls work meanwhile; what they choose is what is drawn, once.
    tab_to(qtbot, view.controls.period_box)
    assert view.controls.period_box.isEnabled()
    press(qtbot, Qt.Key.Key_Down)
    assert view.controls.period_choice() is PeriodChoice.LAST_30_DAYS
    qtbot.waitUntil(lambda: not view.is_reading(), timeout=DRAWN_WITHIN_MS)
    recent = distress_series(demo_store, Period.last_days(30, date.today()))
    assert view.distress.summary_text() == recent.summary()
    assert focused() is view.controls.period_box

    busy_worker.set()
    qtbot.waitUntil(drawn_now(view.distress), timeout=DRAWN_WITHIN_MS)
    assert not view.distress.drawing_note.isVisible()
    assert [y for _x, y in drawn(view.distress, "after-session")] == [
        s.after for s in recent.sessions if s.after is not None
    ]


def test_the_last_picture_stays_until_the_new_one_is_drawn(
    show_view: ShowView, demo_store: Store, qtbot: QtBot
) -> None:
    view = show_view(TrendsView, demo_store)
    settle(view)
    before = view.distress.canvas.image
    assert before is not None
    free = threading.Event()
    chart_worker().submit(lambda: free.wait(DRAWN_WITHIN_MS / 1000))
    try:
        view.controls.choose_by("date")
        qtbot.waitUntil(lambda: not view.is_reading(), timeout=DRAWN_WITHIN_MS)
        assert view.distress.is_drawing()
        assert view.distress.canvas.image is before and view.distress.canvas.isVisible()
        assert not view.distress.drawing_note.isVisible()  # no flash of a placeholder
    finally:
        free.set()
    qtbot.waitUntil(drawn_now(view.distress), timeout=DRAWN_WITHIN_MS)
    assert view.distress.canvas.image is not before


def test_many_clicks_leave_no_figures_or_pictures_behind(
    show_view: ShowView, demo_store: Store
) -> None:
    view = show_view(TrendsView, demo_store)
    settle(view)
    earlier = [weakref.ref(panel.figure) for panel in view.panels() if panel.figure is not None]
    assert len(earlier) == len(view.panels())
    for _ in range(6):
        for choice in (PeriodChoice.LAST_90_DAYS, PeriodChoice.WHOLE_COURSE):
            view.controls.choose_period(choice)
            settle(view)
        view.controls.choose_by("date")
        settle(view)
        view.controls.choose_by("number")
        settle(view)
    gc.collect()
    assert all(figure() is None for figure in earlier)  # every figure drawn before is gone
    for panel in view.panels():
        assert len(panel.findChildren(ChartImage)) == 1  # one picture, replaced in place
        assert panel.has_chart()


def test_hovering_a_theme_map_cell_says_its_theme_session_and_day(
    show_view: ShowView, demo_store: Store, qtbot: QtBot
) -> None:
    view = show_view(TrendsView, demo_store)
    settle(view)
    panel = view.themes
    assert panel.figure is not None
    themes = theme_map(demo_store)
    cell = panel.points()[0]  # the first theme in the first session
    x, y = cell.on_screen()
    ratio = panel.canvas.devicePixelRatioF()
    move_pointer(
        panel.canvas, QPoint(round(x / ratio), round((panel.figure.bbox.height - y) / ratio))
    )
    assert cell.words.startswith(f"{themes.themes[0].name} · Session 1, ")
    qtbot.waitUntil(lambda: QToolTip.text() == cell.words)


def test_the_point_chosen_with_the_keys_is_ringed_where_it_is_drawn(
    show_view: ShowView, demo_store: Store, qtbot: QtBot
) -> None:
    view = show_view(TrendsView, demo_store)
    settle(view)
    panel = view.distress
    tab_to(qtbot, panel.chart_host, limit=80)
    press(qtbot, Qt.Key.Key_Right)
    chosen = panel.chosen_point()
    ring = panel.canvas.ring
    assert chosen is not None and ring is not None and ring.round
    assert panel.figure is not None
    x, y = chosen.on_screen()
    ratio = panel.canvas.devicePixelRatioF()
    centre = ring.area.center()
    assert centre.x() == pytest.approx(x / ratio, abs=1)
    assert centre.y() == pytest.approx((panel.figure.bbox.height - y) / ratio, abs=1)
    press(qtbot, Qt.Key.Key_Escape)
    assert panel.canvas.ring is None


def test_a_picture_has_the_screens_pixels(show_view: ShowView, demo_store: Store) -> None:
    view = show_view(TrendsView, demo_store)
    settle(view)
    for panel in view.panels():
        image, figure = panel.canvas.image, panel.figure
        assert image is not None and figure is not None
        assert image.devicePixelRatio() == pytest.approx(panel.canvas.devicePixelRatioF())
        assert (image.width(), image.height()) == (
            round(figure.bbox.width),
            round(figure.bbox.height),
        )


WARM_UP_PROGRAM = """
import sys, threading, time
from pathlib import Path

loaded_by = []


class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "matplotlib":
            loaded_by.append(threading.current_thread().name)
        return None


sys.meta_path.insert(0, Watch())
from kapcompanion.profile import Profile
from ui.application import create_application, window_settings
from ui.main_window import MainWindow

app = create_application()
profile = Profile(Path(sys.argv[1]))
profile.ensure_exists()
window = MainWindow(profile, window_settings(profile), demo=True)
window.show()
window.open_profile()


def wait_for(done):
    deadline = time.monotonic() + 60
    while not done():
        assert time.monotonic() < deadline, "never happened"
        app.processEvents()
        time.sleep(0.01)


wait_for(lambda: "kapcompanion.charts.distress" in sys.modules)  # not visiting Trends
window.show_destination("trends")
wait_for(lambda: window.trends_view.distress.has_chart())
window.close_store()
print(" ".join(loaded_by))
"""


def test_matplotlib_loads_in_the_background_once_the_profile_is_open(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", WARM_UP_PROGRAM, str(tmp_path / "profile")],
        cwd=REPOSITORY,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["charts"]  # once, by the chart thread, never the window's
