"""Keyboard focus shows as one ring round a control and changes nothing inside it: no second
ring round a button's words or a box's square, and a ring where there was none (the distress
slider, the Practices tabs, a chosen row in a list)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import tab_to
from ui.main_window import MainWindow
from ui.widgets.style import ColourScheme, apply_style

RING = 4  # the ring's 2 px and its rounded corners' antialiasing


def image_of(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def changed_pixels(before: QImage, after: QImage) -> list[tuple[int, int]]:
    assert before.size() == after.size()
    return [
        (x, y)
        for x in range(before.width())
        for y in range(before.height())
        if before.pixel(x, y) != after.pixel(x, y)
    ]


def first_visible(window: MainWindow, kind: type[QWidget], key: str) -> QWidget:
    QApplication.processEvents()
    return next(w for w in window.page(key).findChildren(kind) if w.isVisible())


def distress_slider(window: MainWindow) -> QWidget:
    window.reflect_view.begin_button.click()
    wizard = window.reflect_view.wizard
    assert wizard is not None
    return wizard.start_scale.slider


Place = Callable[[MainWindow], QWidget]

PLACES: dict[str, tuple[str, Place]] = {
    "primary button": ("sessions", lambda w: w.sessions_view.add_button),
    "button": ("home", lambda w: first_visible(w, QPushButton, "home")),
    "tick box": ("settings", lambda w: first_visible(w, QCheckBox, "settings")),
    "tabs": ("practices", lambda w: first_visible(w, QTabBar, "practices")),
    "slider": ("reflect", distress_slider),
    "list row": ("sessions", lambda w: w.sessions_view.list_view),
}


@pytest.mark.parametrize("scheme", [ColourScheme.LIGHT, ColourScheme.DARK])
@pytest.mark.parametrize("name", list(PLACES))
def test_focus_draws_one_ring_and_nothing_inside_it(
    open_window: WindowFactory,
    demo_profile: Profile,
    qtbot: QtBot,
    qapp: QApplication,
    name: str,
    scheme: ColourScheme,
) -> None:
    window = open_window(demo_profile)
    apply_style(qapp, scheme)
    key, place = PLACES[name]
    window.show_destination(key)
    control = place(window)
    window.sidebar.setFocus()
    qtbot.wait(50)  # the screen's first layout settles
    unfocused = image_of(control)
    window.sidebar.setFocus()  # then Tab, as a keyboard user would: Qt draws keyboard focus
    tab_to(qtbot, control, 60, or_its_focus_proxy=False)
    changed = changed_pixels(unfocused, image_of(control))
    assert changed, "focus shows no ring"
    xs, ys = [x for x, _ in changed], [y for _, y in changed]
    ring = QRect(QPoint(min(xs), min(ys)), QPoint(max(xs), max(ys)))
    inside = ring.adjusted(RING, RING, -RING, -RING)
    assert not [p for p in changed if inside.contains(*p)], "focus changes what is inside the ring"
