"""Trends sits on the same centred reading column as every other screen, its charts drawn for
that column: in the real window, at a usual and a wide size, at the usual and a larger type."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile
from tests.ui.conftest import WindowFactory
from tests.ui.trends.test_trends_view import settle
from ui.application import create_application
from ui.main_window import MainWindow
from ui.trends.chart import USUAL_TYPE_POINTS
from ui.trends.view import SCORE_CHART_INCHES, TrendsView
from ui.widgets.building_blocks import CARD_SIDE_PADDING
from ui.widgets.style import reading_width

WINDOW_HEIGHT = 800


@pytest.fixture(params=[1.0, 1.6], ids=["usual type", "larger type"])
def type_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    """The system's type at this scale while the window is built, and as it was after."""
    create_application()
    usual = QFont(QApplication.font())
    larger = QFont(usual)
    larger.setPointSizeF(usual.pointSizeF() * request.param)
    QApplication.setFont(larger)
    yield request.param
    QApplication.setFont(usual)


def place(widget: QWidget) -> QRect:
    """Where `widget` is in its window."""
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def reading_column(window: MainWindow, key: str) -> QRect:
    """Where screen `key`'s reading column is in the window (the first one shown, from the
    top: the header's, on a screen whose header stays put)."""
    window.show_destination(key)
    page = window.page(key)
    QApplication.processEvents()
    if isinstance(page, TrendsView):
        return place(page.column)
    capped = reading_width() + 2 * CARD_SIDE_PADDING
    columns = [
        each
        for each in page.findChildren(QWidget)
        if each.maximumWidth() == capped and each.isVisibleTo(page)
    ]
    assert columns, f"{key} has no reading column"
    return place(min(columns, key=lambda each: place(each).y()))


def scroll_bar_width() -> int:
    return QApplication.style().pixelMetric(QApplication.style().PixelMetric.PM_ScrollBarExtent)


@pytest.mark.parametrize("window_width", [1000, 1600])
def test_trends_reads_on_the_same_column_as_home_and_the_journal(
    open_window: WindowFactory,
    demo_profile: Profile,
    qtbot: QtBot,
    type_scale: float,
    window_width: int,
) -> None:
    window = open_window(demo_profile)
    window.resize(window_width, WINDOW_HEIGHT)
    home = reading_column(window, "home")
    trends = reading_column(window, "trends")
    assert (trends.x(), trends.width()) == (home.x(), home.width())
    # The Journal's list scrolls inside its column, so its page is a scroll bar wider.
    journal = reading_column(window, "journal")
    allowance = scroll_bar_width()
    assert abs(trends.center().x() - journal.center().x()) <= allowance
    assert abs(trends.width() - journal.width()) <= allowance
    sidebar_edge = window.sidebar.mapTo(window, window.sidebar.rect().topRight()).x()
    assert trends.left() - sidebar_edge > 0
    assert trends.width() <= reading_width() + 2 * CARD_SIDE_PADDING


@pytest.mark.parametrize("window_width", [1000, 1600])
def test_every_chart_is_drawn_for_the_column_it_sits_in(
    open_window: WindowFactory,
    demo_profile: Profile,
    qtbot: QtBot,
    type_scale: float,
    window_width: int,
) -> None:
    window = open_window(demo_profile)
    window.resize(window_width, WINDOW_HEIGHT)
    window.show_destination("trends")
    view = window.page("trends")
    assert isinstance(view, TrendsView)
    settle(view)
    column = place(view.column)
    assert view.panels()
    for panel in view.panels():
        image = panel.canvas.image
        assert image is not None, panel.name
        shown = panel.canvas
        drawn_width = image.width() / image.devicePixelRatio()
        assert column.contains(place(shown)), panel.name
        # Drawn at the width it is shown at: never wider than its room, never scaled to it.
        assert drawn_width <= shown.width(), panel.name
        assert drawn_width >= shown.width() - 2, panel.name
    # The check-in score charts grow taller with larger type, so their plots keep their room
    # and their axis titles stay whole.
    type_points = QApplication.font().pointSizeF()
    least_inches = SCORE_CHART_INCHES * max(1.0, type_points / USUAL_TYPE_POINTS)
    assert view.scores
    for panel in view.scores.values():
        image = panel.canvas.image
        assert image is not None
        drawn_inches = image.height() / image.devicePixelRatio() / panel.logicalDpiY()
        assert drawn_inches >= least_inches - 0.05, panel.name
