"""The app-wide input guard on the real screens: the wheel scrolls the page rather than the
value under the pointer, and Enter presses the focused button as Space does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.ui.conftest import ShowView, WindowFactory
from tests.ui.helpers import turn_wheel_over
from ui.reflect.view import ReflectView
from ui.sessions.view import SessionsView
from ui.widgets.input_guard import is_value_control

# Helpers ----------------------------------------------------------------------------------


def value_of(control: QWidget) -> object:
    if isinstance(control, QAbstractSpinBox):
        return control.text()
    if isinstance(control, QComboBox):
        return control.currentIndex()
    assert isinstance(control, QAbstractSlider)
    return control.value()


def page_around(control: QWidget) -> QAbstractScrollArea | None:
    parent = control.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def visible_value_controls(view: QWidget) -> list[QWidget]:
    return [
        child
        for child in view.findChildren(QWidget)
        if is_value_control(child) and child.isVisible() and child.isEnabled()
    ]


def away_from(control: QWidget) -> None:
    control.clearFocus()
    assert not control.hasFocus()


# The sessions edit form ---------------------------------------------------------------------


@pytest.fixture
def session_form(show_view: ShowView, demo_store: Store) -> SessionsView:
    view = show_view(SessionsView, demo_store, first_page=SessionsView.show_list)
    view.add_session()
    view.resize(900, 420)  # short enough that the form scrolls
    QApplication.processEvents()
    return view


def test_the_wheel_over_the_distress_box_scrolls_the_form_and_leaves_the_rating(
    session_form: SessionsView,
) -> None:
    box = session_form.form.distress_before_box
    box.setCurrentIndex(6)  # 5, after "Not rated"
    page = page_around(box)
    assert page is not None
    page.verticalScrollBar().setValue(0)
    away_from(box)
    before = box.currentText()

    turn_wheel_over(box)

    assert box.currentText() == before
    assert page.verticalScrollBar().value() > 0
    assert not box.hasFocus()


def test_the_wheel_on_a_focused_distress_box_still_changes_it(
    session_form: SessionsView,
) -> None:
    box = session_form.form.distress_before_box
    box.setCurrentIndex(6)
    box.setFocus(Qt.FocusReason.TabFocusReason)
    assert box.hasFocus()

    turn_wheel_over(box)

    assert box.currentIndex() == 7


def test_the_wheel_does_not_give_a_value_control_focus(session_form: SessionsView) -> None:
    for control in visible_value_controls(session_form):
        assert (
            not control.focusPolicy().value
            & Qt.FocusPolicy.WheelFocus.value
            & ~(Qt.FocusPolicy.StrongFocus.value)
        ), control
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus  # still reached by Tab


# Every screen -------------------------------------------------------------------------------


def test_the_wheel_over_any_unfocused_value_control_on_any_screen_leaves_its_value(
    open_window: WindowFactory, demo_profile: Profile
) -> None:
    window = open_window(demo_profile)
    tried = 0
    for destination in window.destinations:
        window.show_destination(destination.key)
        page = window.page(destination.key)
        QApplication.processEvents()
        for control in visible_value_controls(page):
            away_from(control)
            before = value_of(control)
            for notches in (-1, 1):  # down, then up: either would change a value that took it
                turn_wheel_over(control, notches=notches)
                assert value_of(control) == before, (destination.key, control.accessibleName())
            tried += 1
    assert tried >= 5  # the filters, reflect's choices, trends, the printout's period...


# Enter on a focused button ------------------------------------------------------------------


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_return_and_space_on_a_focused_begin_start_the_reflection(
    qtbot: QtBot, show_view: ShowView, demo_store: Store, key: Qt.Key
) -> None:
    view = show_view(ReflectView, demo_store)
    view.begin_button.setFocus(Qt.FocusReason.TabFocusReason)
    assert view.begin_button.hasFocus()

    qtbot.keyClick(view.begin_button, key)

    assert view.wizard is not None
    assert view.stack.currentWidget() is view.wizard
