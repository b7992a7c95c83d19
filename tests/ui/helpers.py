"""What the UI tests do as a person would: keys go where focus is, dialogs get answered, and
what is on screen is read from the visible labels.

Shared by the screen tests; helpers that know one screen stay in that screen's test file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.reflect.wizard import ReflectionWizard


def focused() -> QWidget:
    """The widget a person's key press would go to."""
    widget = QApplication.focusWidget()
    if widget is None:
        # Offscreen, closing a dialog does not hand activation back to the window (a desktop
        # does); the window's own focus widget is where a person's keys would go.
        windows = QApplication.topLevelWidgets()
        active = [w for w in windows if w.isVisible() and w.focusWidget() is not None]
        assert active, "no window has a focused widget"
        active[0].activateWindow()
        QApplication.processEvents()
        widget = active[0].focusWidget()
    assert widget is not None
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press where a person's key press goes: to the widget that has focus."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    """Type `text` into the focused widget, any Unicode included (as an input method would)."""
    for character in text:
        if character.isascii():
            qtbot.keyClicks(focused(), character)
        else:  # QTest only knows ASCII keys; send the character as a key event's text.
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character)
                QApplication.sendEvent(focused(), event)


def tab_to(
    qtbot: QtBot, target: QWidget, limit: int = 40, *, or_its_focus_proxy: bool = True
) -> None:
    """Press Tab until `target` has focus (failing if it is never reached in `limit` presses).

    With `or_its_focus_proxy`, a focused widget whose focus proxy is `target` counts too.
    """
    for _ in range(limit):
        now = focused()
        if now is target or (or_its_focus_proxy and now.focusProxy() is target):
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}")


def visible_texts(widget: QWidget) -> list[str]:
    """The words of every label a person can see in `widget`."""
    QApplication.processEvents()  # widgets added to a shown layout appear on the next turn
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def focusable_widgets(root: QWidget) -> list[QWidget]:
    """Every widget in `root` that a person can see and reach with Tab."""
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(root)
    ]


DialogT = TypeVar("DialogT", bound=QDialog)
FOCUS_WAITS = 100  # turns of 20 ms: two seconds for a dialog to take the focus on a busy machine


def when_dialog_opens(
    kind: type[DialogT],
    act: Callable[[DialogT], object],
    *,
    focus: Callable[[DialogT], QWidget] | None = None,
) -> None:
    """Call `act(dialog)` once a `kind` dialog is the active modal one and, with `focus`, once
    that widget of it has the keyboard focus (keys go to the focused widget: sent earlier, they
    would reach the window behind). The dialog is closed afterwards whatever `act` did, so a
    failing step cannot leave the run waiting on it."""
    waited: list[int] = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, check)
            return
        if focus is not None and not focus(dialog).hasFocus() and len(waited) <= FOCUS_WAITS:
            if not waited:
                dialog.activateWindow()  # as a desktop does for a new modal dialog
            waited.append(1)
            QTimer.singleShot(20, check)
            return
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(20, check)


def answer_next_dialog(seen: list[tuple[str, str]], *, choose: str | None = None) -> None:
    """When the next message box opens, note its words, then press the button called `choose`
    (or, with no such button, close it)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append((dialog.text(), dialog.informativeText()))
        for button in dialog.buttons():
            if button.text() == choose:
                button.click()
                return
        dialog.close()

    QTimer.singleShot(20, answer)


def clipped_labels(page: QWidget) -> list[str]:
    """The words of every visible label in `page` that has less room than it needs."""
    clipped = []
    for label in page.findChildren(QLabel):
        if not label.isVisibleTo(page):
            continue
        needed = (
            QSize(label.width(), label.heightForWidth(label.width()))
            if label.wordWrap()
            else label.sizeHint()
        )
        if label.width() < needed.width() or label.height() < needed.height():
            clipped.append(label.text())
    return clipped


def wait_until_nothing_is_clipped(qtbot: QtBot, page: QWidget) -> None:
    """Wait (up to three seconds) until no label in `page` is clipped, failing if one stays so.

    Layouts settle over a few event-loop turns after a resize or a change of page.
    """

    def settled() -> bool:
        return clipped_labels(page) == []

    qtbot.waitUntil(settled, timeout=3000)


def unlock(window: MainWindow, qtbot: QtBot, passphrase: str) -> None:
    """Give the unlock screen `passphrase` and wait until it has been tried (the data opened,
    or the passphrase refused)."""
    window.unlock(passphrase)
    qtbot.waitUntil(lambda: not window.is_opening(), timeout=15_000)


def turn_wheel_over(widget: QWidget, notches: int = -1) -> None:
    """One notch of the wheel (down, by default) with the pointer over `widget`'s middle."""
    middle = QPointF(widget.rect().center())
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle)),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def begin_reflection(window: MainWindow, qtbot: QtBot) -> ReflectionWizard:
    """Reflect's Begin, pressed with the keyboard: the wizard it opens."""
    window.show_destination("reflect")
    view = window.reflect_view
    view.begin_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert view.wizard is not None
    return view.wizard


def to_the_themes_step(wizard: ReflectionWizard) -> None:
    """Next through every step up to the themes, where Next says Finish."""
    for _ in range(len(wizard.prompt_pages) + 3):
        if wizard.next_button.text() == "Finish":
            return
        wizard.next()
    assert wizard.next_button.text() == "Finish"
