"""The input guard on plain Qt controls and the shared choice widgets, each in a page that
scrolls: what the wheel and Enter do with and without focus."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.helpers import turn_wheel_over
from ui.application import create_application
from ui.widgets.choices import DateChoice, ElidingComboBox


def spin_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 10)
    box.setValue(5)
    return box


def combo_box() -> QComboBox:
    box = ElidingComboBox()
    box.addItems([str(n) for n in range(11)])
    box.setCurrentIndex(5)
    return box


def slider() -> QSlider:
    bar = QSlider(Qt.Orientation.Horizontal)
    bar.setRange(0, 10)
    bar.setValue(5)
    return bar


def date_edit() -> QDateEdit:
    edit = DateChoice("A day")
    edit.setDate(edit.maximumDate())
    return edit


def value_of(control: QWidget) -> object:
    if isinstance(control, QComboBox):
        return control.currentIndex()
    if isinstance(control, QDateEdit):
        return control.date()
    assert isinstance(control, QSpinBox | QSlider)
    return control.value()


CONTROLS: list[Callable[[], QWidget]] = [spin_box, combo_box, slider, date_edit]


@pytest.fixture
def in_a_page(qtbot: QtBot) -> Iterator[Callable[[QWidget], QScrollArea]]:
    """Put a control in the middle of a tall page that scrolls, shown and active."""
    create_application()
    pages: list[QScrollArea] = []  # kept alive for the test, as a window keeps its pages

    def place(control: QWidget) -> QScrollArea:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addSpacing(150)
        layout.addWidget(QPushButton("Somewhere else"))
        layout.addWidget(control)
        layout.addSpacing(1500)
        area = QScrollArea()
        area.setWidget(content)
        area.setWidgetResizable(True)
        area.resize(400, 300)
        qtbot.addWidget(area)
        with qtbot.waitActive(area):
            area.show()
            area.activateWindow()
        pages.append(area)
        return area

    yield place


@pytest.mark.parametrize("make", CONTROLS, ids=lambda make: make.__name__)
def test_the_wheel_over_an_unfocused_control_scrolls_the_page_and_leaves_the_value(
    in_a_page: Callable[[QWidget], QScrollArea], make: Callable[[], QWidget]
) -> None:
    control = make()
    page = in_a_page(control)
    before = value_of(control)
    assert not control.hasFocus()

    turn_wheel_over(control)

    assert value_of(control) == before
    assert page.verticalScrollBar().value() > 0
    assert not control.hasFocus()
    assert control.focusPolicy() == Qt.FocusPolicy.StrongFocus  # Tab and click, not wheel


@pytest.mark.parametrize("make", [spin_box, combo_box, slider], ids=lambda m: m.__name__)
def test_the_wheel_on_a_focused_control_still_changes_it(
    in_a_page: Callable[[QWidget], QScrollArea], make: Callable[[], QWidget]
) -> None:
    control = make()
    page = in_a_page(control)
    control.setFocus(Qt.FocusReason.MouseFocusReason)
    before = value_of(control)

    turn_wheel_over(control)

    assert value_of(control) != before
    assert page.verticalScrollBar().value() == 0


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
@pytest.mark.parametrize("kind", [QPushButton, QToolButton])
def test_enter_return_and_space_press_a_focused_button(
    qtbot: QtBot,
    in_a_page: Callable[[QWidget], QScrollArea],
    kind: type[QPushButton] | type[QToolButton],
    key: Qt.Key,
) -> None:
    button = kind()
    button.setText("Go on")
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    in_a_page(button)
    pressed: list[str] = []
    button.clicked.connect(lambda: pressed.append("pressed"))
    button.setFocus(Qt.FocusReason.TabFocusReason)

    qtbot.keyClick(button, key)

    assert pressed == ["pressed"]


def test_enter_leaves_a_disabled_or_unfocused_button_alone(
    qtbot: QtBot, in_a_page: Callable[[QWidget], QScrollArea]
) -> None:
    button = QPushButton("Go on")
    pressed: list[str] = []
    button.clicked.connect(lambda: pressed.append("pressed"))
    page = in_a_page(button)
    somewhere_else = next(b for b in page.findChildren(QPushButton) if b is not button)
    somewhere_else.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Return)  # the key reaches it, but focus is elsewhere
    assert pressed == []

    button.setFocus(Qt.FocusReason.TabFocusReason)
    button.setEnabled(False)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert pressed == []


def test_in_a_dialog_enter_on_a_check_box_still_takes_the_default_button(
    qtbot: QtBot,
) -> None:
    create_application()
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    check = QCheckBox("Remember this")
    layout.addWidget(check)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    buttons.accepted.connect(dialog.accept)
    layout.addWidget(buttons)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    check.setFocus(Qt.FocusReason.TabFocusReason)

    qtbot.keyClick(check, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not check.isChecked()


def test_enter_in_a_text_field_still_starts_a_new_line(
    qtbot: QtBot, in_a_page: Callable[[QWidget], QScrollArea]
) -> None:
    field = QPlainTextEdit()
    in_a_page(field)
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, "one")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "two")

    assert field.toPlainText() == "one\ntwo"


def test_in_a_dialog_enter_on_a_button_kept_from_enter_takes_the_default_button(
    qtbot: QtBot,
) -> None:
    """The pattern "Delete everything" relies on: focused, it still is not pressed by Enter."""
    create_application()
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    keep = QPushButton("Keep my data")
    keep.setDefault(True)
    keep.clicked.connect(dialog.reject)
    delete = QPushButton("Delete everything")
    delete.setAutoDefault(False)
    delete.clicked.connect(dialog.accept)
    layout.addWidget(keep)
    layout.addWidget(delete)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    delete.setFocus(Qt.FocusReason.TabFocusReason)

    qtbot.keyClick(delete, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
