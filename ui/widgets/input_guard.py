"""App-wide input habits Qt leaves out: the wheel scrolls the page, not the value under the
pointer, and Enter presses the focused button as Space does.

One event filter on the application, so every screen (and every dialog) gets the same
behaviour without each control opting in. Never imports a screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QPushButton,
    QScrollBar,
    QToolButton,
    QWidget,
)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# The part of Qt.WheelFocus that StrongFocus lacks: taking focus because the wheel turned.
_FOCUS_BY_WHEEL = Qt.FocusPolicy.WheelFocus.value & ~Qt.FocusPolicy.StrongFocus.value


def is_value_control(widget: QObject) -> bool:
    """Spin boxes (dates and times too), combo boxes and sliders; scroll bars are for scrolling."""
    if isinstance(widget, QScrollBar):
        return False
    return isinstance(widget, QAbstractSpinBox | QComboBox | QAbstractSlider)


def without_wheel_focus(widget: QWidget) -> None:
    """Clicking or tabbing still focuses the control; turning the wheel over it does not."""
    policy = widget.focusPolicy().value
    if policy & _FOCUS_BY_WHEEL:
        widget.setFocusPolicy(Qt.FocusPolicy(policy & ~_FOCUS_BY_WHEEL))


def _scrollable_ancestor(widget: QWidget) -> QWidget | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent.viewport() or parent
        if parent.isWindow():
            return None
        parent = parent.parentWidget()
    return None


def _wheel_to_page(control: QWidget, event: QWheelEvent) -> None:
    """Hand the wheel to the page around `control`, as if the pointer were over the page."""
    target = _scrollable_ancestor(control) or control.parentWidget()
    if target is None:
        return
    global_position = event.globalPosition()
    passed_on = QWheelEvent(
        QPointF(target.mapFromGlobal(global_position)),
        global_position,
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
        event.source(),
    )
    QCoreApplication.sendEvent(target, passed_on)


def _in_a_dialog(button: QAbstractButton) -> bool:
    """Dialogs keep Qt's rule: Enter presses the focused button only if it is an auto-default
    one, else the default button; some dialogs rely on it (a Cancel never pressed by Enter)."""
    return isinstance(button.window(), QDialog)


def _is_plain_enter(event: QKeyEvent) -> bool:
    plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return plain and event.key() in ENTER_KEYS and not event.isAutoRepeat()


class InputGuard(QObject):
    """Installed once on the QApplication by `install_input_guard`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            return self._wheel(watched, event)
        if kind == QEvent.Type.KeyPress:
            return self._key(watched, event)
        if kind in (QEvent.Type.Polish, QEvent.Type.Show) and is_value_control(watched):
            assert isinstance(watched, QWidget)
            without_wheel_focus(watched)
        return False

    @staticmethod
    def _wheel(watched: QObject, event: QEvent) -> bool:
        if not is_value_control(watched):
            return False
        assert isinstance(watched, QWidget) and isinstance(event, QWheelEvent)
        if watched.hasFocus():
            return False
        _wheel_to_page(watched, event)
        return True

    @staticmethod
    def _key(watched: QObject, event: QEvent) -> bool:
        # Check boxes and radio buttons keep Qt's Enter: it goes on to the dialog's default
        # button or the step flow's "Next", which is what Enter means on a form.
        if not isinstance(watched, QPushButton | QToolButton):
            return False
        assert isinstance(event, QKeyEvent)
        if not _is_plain_enter(event) or not watched.hasFocus() or not watched.isEnabled():
            return False
        if _in_a_dialog(watched):
            return False
        watched.click()
        return True


def install_input_guard(app: QCoreApplication) -> None:
    """Install the guard on `app` once (calling again changes nothing)."""
    if app.findChild(InputGuard) is None:
        app.installEventFilter(InputGuard(app))
