"""The Trends charts are drawn in a drawing process of their own and only when in sight: the
screen answers at once, says a chart is on its way, never keeps old pictures about, never loads
matplotlib itself, and carries on gently when the drawing process dies."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import suppress
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from kapcompanion.course.trends import Period, distress_series, questionnaire_series, theme_map
from kapcompanion.store import Store
from tests.paths import REPOSITORY
from tests.processes import is_running
from tests.ui.conftest import ShowView
from tests.ui.helpers import focused, press, tab_to, visible_texts
from tests.ui.trends.test_trends_view import drawn, move_pointer, settle
from ui.trends.chart import ChartImage, ChartPanel
from ui.trends.controls import PeriodChoice
from ui.trends.view import TrendsView
from ui.widgets.drawing_process import drawing_process, stop_drawing

DRAWN_WITHIN_MS = 60_000  # how long a test waits for a chart (matplotlib may still load)
stops_the_drawing = pytest.mark.skipif(
    not hasattr(signal, "SIGSTOP"), reason="stops the drawing process with POSIX signals"
)


def running_drawing_process(qtbot: QtBot) -> int:
    """The drawing process's id, started if it was not (the one every test shares)."""
    drawing_process().start()
    qtbot.waitUntil(lambda: drawing_process().pid() is not None, timeout=DRAWN_WITHIN_MS)
    pid = drawing_process().pid()
    assert pid is not None
    return pid


@pytest.fixture
def paused_drawing(qtbot: QtBot) -> Iterator[Callable[[], None]]:
    """The drawing process stopped in its tracks (as while it loads matplotlib or draws a long
    chart) until the function given is called."""
    pid = running_drawing_process(qtbot)
    os.kill(pid, signal.SIGSTOP)
    resumed = False

    def resume() -> None:
        nonlocal resumed
        if not resumed:
            with suppress(ProcessLookupError):  # ended meanwhile
                os.kill(pid, signal.SIGCONT)
            resumed = True

    yield resume
    resume()


def drawing_caught_up(qtbot: QtBot) -> None:
    """Wait until everything asked of the drawing process so far is answered and shown."""
    qtbot.waitUntil(lambda: not drawing_process().busy(), timeout=DRAWN_WITHIN_MS)
    QApplication.processEvents()


def drawn_now(panel: ChartPanel) -> Callable[[], bool]:
    return lambda: not panel.is_drawing() and panel.has_chart()


def test_a_chart_out_of_sight_is_drawn_when_it_comes_into_sight(
    show_view: ShowView, demo_store: Store, qtbot: QtBot
) -> None:
    view = show_view(TrendsView, demo_store)
    view.resize(900, 460)  # only the distress chart is in sight
    qtbot.waitUntil(lambda: not view.is_reading(), timeout=DRAWN_WITHIN_MS)
    qtbot.waitUntil(drawn_now(view.distress), timeout=DRAWN_WITHIN_MS)
    drawing_caught_up(qtbot)

    # The theme map's numbers are read (its sentence is there) but its chart waits unseen.
    themes = view.themes
    assert themes.chart_host.visibleRegion().isEmpty()
    assert themes.summary_text() == theme_map(demo_store).summary()
    assert themes.is_drawing() and themes.picture is None
    # The check-in scores, further down, are not even read yet.
    pcl5 = view.scores["pcl5"]
    assert view.waits_for_sight()
    assert pcl5.summary_text() == "" and pcl5.picture is None

    view.scroll_area.ensureWidgetVisible(themes.chart_host)
    qtbot.waitUntil(drawn_now(themes), timeout=DRAWN_WITHIN_MS)
    assert themes.points()[0].words.startswith(f"{theme_map(demo_store).themes[0].name} · ")

    view.scroll_area.ensureWidgetVisible(pcl5.chart_host)
    qtbot.waitUntil(drawn_now(pcl5), timeout=DRAWN_WITHIN_MS)
    series = questionnaire_series(demo_store)[2]
    assert pcl5.summary_text() == series.summary()
    assert [y for _x, y in drawn(pcl5, "scores")] == [point.total for point in series.points]


@stops_the_drawing
def test_the_screen_answers_while_the_charts_wait_to_be_drawn(
    show_view: ShowView, demo_store: Store, qtbot: QtBot, paused_drawing: Callable[[], None]
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

    paused_drawing()
    qtbot.waitUntil(drawn_now(view.distress), timeout=DRAWN_WITHIN_MS)
    assert not view.distress.drawing_note.isVisible()
    assert [y for _x, y in drawn(view.distress, "after-session")] == [
        s.after for s in recent.sessions if s.after is not None
    ]


@stops_the_drawing
def test_the_last_picture_stays_until_the_new_one_is_drawn(
    show_view: ShowView, demo_store: Store, qtbot: QtBot
) -> None:
    view = show_view(TrendsView, demo_store)
    settle(view)
    before = view.distress.canvas.image
    assert before is not None
    pid = running_drawing_process(qtbot)
    os.kill(pid, signal.SIGSTOP)
    try:
        view.controls.choose_by("date")
        qtbot.waitUntil(lambda: not view.is_reading(), timeout=DRAWN_WITHIN_MS)
        assert view.distress.is_drawing()
        assert view.distress.canvas.image is before and view.distress.canvas.isVisible()
        assert not view.distress.drawing_note.isVisible()  # no flash of a placeholder
    finally:
        os.kill(pid, signal.SIGCONT)
    qtbot.waitUntil(drawn_now(view.distress), timeout=DRAWN_WITHIN_MS)
    assert view.distress.canvas.image is not before


def test_many_clicks_leave_no_pictures_behind(show_view: ShowView, demo_store: Store) -> None:
    view = show_view(TrendsView, demo_store)
    settle(view)
    earlier = [weakref.ref(panel.picture) for panel in view.panels() if panel.picture is not None]
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
    assert all(picture() is None for picture in earlier)  # every one drawn before is gone
    for panel in view.panels():
        assert len(panel.findChildren(ChartImage)) == 1  # one picture, replaced in place
        assert panel.has_chart()
        assert panel.picture is not None and not panel.picture.pixels  # kept once, by the canvas


def test_hovering_a_theme_map_cell_says_its_theme_session_and_day(
    show_view: ShowView, demo_store: Store, qtbot: QtBot
) -> None:
    view = show_view(TrendsView, demo_store)
    settle(view)
    panel = view.themes
    assert panel.picture is not None
    themes = theme_map(demo_store)
    cell = panel.points()[0]  # the first theme in the first session
    x, y = cell.on_screen()
    ratio = panel.canvas.devicePixelRatioF()
    move_pointer(panel.canvas, QPoint(round(x / ratio), round((panel.picture.height - y) / ratio)))
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
    assert panel.picture is not None
    x, y = chosen.on_screen()
    ratio = panel.canvas.devicePixelRatioF()
    centre = ring.area.center()
    assert centre.x() == pytest.approx(x / ratio, abs=1)
    assert centre.y() == pytest.approx((panel.picture.height - y) / ratio, abs=1)
    press(qtbot, Qt.Key.Key_Escape)
    assert panel.canvas.ring is None


def test_a_picture_has_the_screens_pixels(show_view: ShowView, demo_store: Store) -> None:
    view = show_view(TrendsView, demo_store)
    settle(view)
    for panel in view.panels():
        image, picture = panel.canvas.image, panel.picture
        assert image is not None and picture is not None
        assert image.devicePixelRatio() == pytest.approx(panel.canvas.devicePixelRatioF())
        assert (image.width(), image.height()) == (picture.width, picture.height)
        assert picture.width == round(picture.width_inches * picture.dpi)


@stops_the_drawing
def test_a_drawing_process_that_dies_leaves_the_sentence_and_the_next_chart_is_drawn(
    show_view: ShowView, demo_store: Store, qtbot: QtBot
) -> None:
    view = show_view(TrendsView, demo_store)
    view.resize(900, 460)  # only the distress chart is in sight
    settle(view)
    pid = running_drawing_process(qtbot)
    os.kill(pid, signal.SIGSTOP)  # caught mid-drawing
    view.controls.choose_by("date")
    qtbot.waitUntil(lambda: view.distress.is_drawing() and drawing_process().busy())
    os.kill(pid, signal.SIGKILL)

    panel = view.distress
    qtbot.waitUntil(lambda: not panel.is_drawing(), timeout=DRAWN_WITHIN_MS)
    assert not panel.has_chart() and not panel.chart_host.isVisible()
    assert panel.summary.isVisible()  # the sentence stands alone, gently
    assert panel.summary_text() == distress_series(demo_store).summary()
    assert not is_running(pid)

    view.controls.choose_by("number")  # the next chart starts a new drawing process
    qtbot.waitUntil(drawn_now(panel), timeout=DRAWN_WITHIN_MS)
    assert drawing_process().pid() not in (None, pid)
    assert [y for _x, y in drawn(panel, "after-session")] == [
        s.after for s in distress_series(demo_store).sessions if s.after is not None
    ]


WINDOW_PROGRAM = """
import sys, time
from pathlib import Path

from PySide6.QtCore import QTimer

from kapcompanion.profile import Profile
from tests.processes import is_running
from ui.trends.controls import PeriodChoice
from ui.application import create_application, window_settings
from ui.main_window import MainWindow
from ui.widgets.drawing_process import drawing_process, stop_drawing

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


wait_for(lambda: drawing_process().pid() is not None)  # started before visiting Trends
window.show_destination("trends")
view = window.trends_view
wait_for(lambda: view.distress.has_chart() and view.themes.has_chart())
pcl5 = view.scores["pcl5"]


def scrolled_to_pcl5():
    view.scroll_area.ensureWidgetVisible(view.scores_card)
    view.scroll_area.ensureWidgetVisible(pcl5.chart_host)
    return pcl5.has_chart()


wait_for(scrolled_to_pcl5)
view.controls.choose_period(PeriodChoice.LAST_90_DAYS)
wait_for(lambda: not view.distress.is_drawing())
child = drawing_process().pid()
print("matplotlib" in sys.modules, "numpy" in sys.modules)
QTimer.singleShot(0, app.quit)
app.exec()  # quits at once, as closing the window does
print(is_running(child))
window.close_store()
"""


def test_the_window_never_loads_matplotlib_and_quitting_ends_the_drawing_process(
    tmp_path: Path,
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", WINDOW_PROGRAM, str(tmp_path / "profile")],
        cwd=REPOSITORY,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False"]


@stops_the_drawing
def test_a_newer_request_replaces_one_still_waiting(
    qtbot: QtBot, demo_store: Store, paused_drawing: Callable[[], None]
) -> None:
    from kapcompanion.charts import ChartStyle
    from kapcompanion.charts.requests import DrawRequest, Picture, distress_chart

    def request(by: str) -> DrawRequest:
        chart = distress_chart(distress_series(demo_store), by)
        return DrawRequest(chart, ChartStyle.light(), 96.0, 1.0, None, "en_US")

    answers: list[tuple[int, object]] = []

    def answered(turn: int, answer: object) -> None:
        answers.append((turn, answer))

    drawing = drawing_process()
    for turn, by in enumerate(("number", "date", "number")):
        drawing.ask("one chart", request(by), partial(answered, turn))
    paused_drawing()
    qtbot.waitUntil(lambda: not drawing.busy(), timeout=DRAWN_WITHIN_MS)
    # The first was with the drawing process already; the second was no longer wanted.
    assert [turn for turn, _answer in answers] == [0, 2]
    assert all(isinstance(answer, Picture) and answer.has_axes for _turn, answer in answers)


def test_the_drawing_command_is_not_offered_to_people() -> None:
    from kapcompanion.cli.main import build_parser

    assert "draw-charts" not in build_parser().format_help()


def test_a_drawing_process_that_cannot_start_leaves_the_sentence_and_is_tried_again(
    show_view: ShowView,
    demo_store: Store,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    stop_drawing()
    monkeypatch.setattr(
        "ui.widgets.drawing_process.own_program", lambda *_: (str(tmp_path / "missing"), [])
    )
    view = show_view(TrendsView, demo_store)
    view.resize(900, 460)  # only the distress chart is in sight
    panel = view.distress
    qtbot.waitUntil(lambda: not view.is_reading() and not panel.is_drawing(), timeout=10_000)
    assert not panel.has_chart() and not panel.chart_host.isVisible()
    assert panel.summary.isVisible()
    assert panel.summary_text() == distress_series(demo_store).summary()

    monkeypatch.undo()  # the program is there again: the next chart starts it
    view.controls.choose_by("date")
    qtbot.waitUntil(drawn_now(panel), timeout=DRAWN_WITHIN_MS)


STARTS_DRAWING = """
import time
from PySide6.QtCore import QCoreApplication
from ui.widgets.drawing_process import drawing_process

app = QCoreApplication([])
drawing_process().start()
while drawing_process().pid() is None:
    app.processEvents()
print(drawing_process().pid(), flush=True)
time.sleep(120)
"""


@stops_the_drawing
def test_a_window_killed_outright_leaves_no_drawing_process() -> None:
    window = subprocess.Popen(
        [sys.executable, "-c", STARTS_DRAWING],
        cwd=REPOSITORY,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout is not None
        child = int(window.stdout.readline())
        window.kill()  # no quitting, no closing: gone, as after a crash
        window.wait(30)
        deadline = time.monotonic() + 30
        while is_running(child) and time.monotonic() < deadline:  # even while it loads
            time.sleep(0.1)
        assert not is_running(child)
    finally:
        window.kill()
        window.wait(30)


def test_after_a_while_with_nothing_to_draw_the_process_goes_and_the_next_chart_brings_it_back(
    qtbot: QtBot, demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kapcompanion.charts import ChartStyle
    from kapcompanion.charts.requests import DrawRequest, Picture, distress_chart

    drawing = drawing_process()
    monkeypatch.setattr(drawing, "rest_after_ms", 300)
    stop_drawing()
    first = running_drawing_process(qtbot)
    # Nothing asked: it is let go (its memory with it), and it ends on its own.
    qtbot.waitUntil(lambda: drawing.pid() is None and not is_running(first), timeout=30_000)
    answers: list[object] = []
    request = DrawRequest(
        distress_chart(distress_series(demo_store), "number"),
        ChartStyle.light(),
        96.0,
        1.0,
        None,
        "en_US",
    )
    drawing.ask("a chart", request, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=DRAWN_WITHIN_MS)
    [answer] = answers
    assert isinstance(answer, Picture) and answer.has_axes
    assert drawing.pid() not in (None, first)
