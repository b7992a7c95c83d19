"""Unlock: one passphrase field, shown instead of the screens while a protected profile is
locked.

It only asks. Opening the data is the main window's: it listens to `unlock_requested`, and
answers with `refuse()` when the passphrase does not open it. After a refusal the field rests
for a moment (`retry_delay_ms`) before it takes another try; there is no lock-out. "Forgot your
passphrase?" says honestly that nothing can open the entries without it, and offers the way to
start again (`delete_all_requested`; the window asks for confirmation first).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.building_blocks import card, scrolling_page, text
from ui.widgets.icons import icon
from ui.widgets.style import space

RETRY_DELAY_MS = 1000


class UnlockView(QWidget):
    """The locked window's page. Emits `unlock_requested(passphrase)` on Enter or Unlock."""

    unlock_requested = Signal(str)
    delete_all_requested = Signal()

    def __init__(self, *, can_delete: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Unlock your entries"))
        self.retry_delay_ms = RETRY_DELAY_MS
        self._can_delete = can_delete
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self._ready_again)
        column = scrolling_page(self)
        column.addStretch(1)  # the card sits a little above the middle
        frame, layout = card()
        layout.setSpacing(space(2))
        mark = QLabel()
        mark.setPixmap(icon("lock").pixmap(QSize(40, 40)))
        mark.setAccessibleName(self.tr("Locked"))
        layout.addWidget(mark)
        layout.addWidget(text(self.tr("Your entries are locked"), "title"))
        explanation = self.tr(
            "They are protected with your passphrase. Type it here to open them. Support stays "
            "one click away, and F1 opens it at any time."
        )
        layout.addWidget(text(explanation, "reading"))
        label = text(self.tr("Passphrase"), "muted", wrap=False)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.passphrase_edit.setAccessibleDescription(explanation)
        self.passphrase_edit.returnPressed.connect(self._unlock)
        label.setBuddy(self.passphrase_edit)
        field = QVBoxLayout()
        field.setSpacing(space(1) // 2)
        field.addWidget(label)
        row = QHBoxLayout()
        row.setSpacing(space(1))
        row.addWidget(self.passphrase_edit, 1)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setCheckable(True)
        self.show_button.setAutoDefault(False)
        self.show_button.setAccessibleName(self.tr("Show the passphrase"))
        self.show_button.toggled.connect(self._show_toggled)
        row.addWidget(self.show_button)
        field.addLayout(row)
        layout.addLayout(field)
        self.message = text("", "notice")
        self.message.setAccessibleName(self.tr("Unlock message"))
        self.message.hide()
        layout.addWidget(self.message)
        actions = QHBoxLayout()
        actions.setSpacing(space(2))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.forgot_button = QPushButton(self.tr("Forgot your passphrase?"))
        self.forgot_button.setObjectName("link")
        self.forgot_button.setAccessibleName(self.tr("Forgot your passphrase?"))
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.clicked.connect(self.explain_forgotten)
        actions.addWidget(self.unlock_button)
        actions.addStretch(1)
        actions.addWidget(self.forgot_button)
        layout.addLayout(actions)
        column.addWidget(frame)
        column.addStretch(2)
        QWidget.setTabOrder(self.passphrase_edit, self.show_button)
        QWidget.setTabOrder(self.show_button, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.forgot_button)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_field()

    def focus_field(self) -> None:
        if self.passphrase_edit.isEnabled():
            self.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        """Ready for a new unlock: empty field, no message, the passphrase hidden."""
        self._retry_timer.stop()
        self.passphrase_edit.setText("")  # setText, unlike clear(), leaves no undo step
        self.show_button.setChecked(False)
        self.message.hide()
        self._set_ready(True)

    def _show_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)
        self.show_button.setText(self.tr("Hide") if shown else self.tr("Show"))
        self.show_button.setAccessibleName(
            self.tr("Hide the passphrase") if shown else self.tr("Show the passphrase")
        )

    def _unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self.say(self.tr("Please type your passphrase first."))
            return
        self.unlock_requested.emit(passphrase)

    def say(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def opening(self) -> None:
        """The passphrase is being tried (it takes a moment: the key is made slowly on
        purpose): the field and button rest meanwhile, and say so."""
        self._set_ready(False)
        self.say(self.tr("Opening your entries…"))

    def refuse(self, message: str = "") -> None:
        """The passphrase did not open the data: say so, rest a moment, then try again."""
        self.passphrase_edit.setText("")  # setText, unlike clear(), leaves no undo step
        self.say(
            message
            or self.tr(
                "That passphrase does not open your entries. Nothing has changed. You can take "
                "your time and try again in a moment."
            )
        )
        self._set_ready(False)
        self._retry_timer.start(self.retry_delay_ms)

    def _ready_again(self) -> None:
        self._set_ready(True)
        self.focus_field()

    def _set_ready(self, ready: bool) -> None:
        self.passphrase_edit.setEnabled(ready)
        self.unlock_button.setEnabled(ready)

    def is_resting(self) -> bool:
        """True during the short pause after a refused passphrase."""
        return self._retry_timer.isActive()

    def explain_forgotten(self) -> None:
        """The honest answer: no one can open the entries without the passphrase."""
        title = self.tr("If the passphrase is forgotten")
        box = QMessageBox(
            QMessageBox.Icon.NoIcon, title, title, QMessageBox.StandardButton.NoButton, self
        )
        message = self.tr(
            "Your entries are encrypted with your passphrase, and there is no other key: not "
            "KAP Companion, not its makers, no one can open them without it. That is what keeps "
            "them private.\n\nIf it comes back to you, you can type it here at any time. If you "
            "would like to start again instead, you can open KAP Companion with a new data "
            "folder (--data-dir), or delete everything it keeps here and begin afresh. Exports "
            "you saved elsewhere are not touched."
        )
        box.setInformativeText(message)
        box.setAccessibleName(title)
        box.setAccessibleDescription(message)
        close = box.addButton(self.tr("Close"), QMessageBox.ButtonRole.RejectRole)
        close.setAccessibleName(self.tr("Close"))
        delete = None
        if self._can_delete:
            delete = box.addButton(
                self.tr("Delete all my data…"), QMessageBox.ButtonRole.DestructiveRole
            )
            delete.setAccessibleName(self.tr("Delete all my data"))
            delete.setAccessibleDescription(self.tr("Asks you to confirm first"))
        box.setDefaultButton(close)
        box.setEscapeButton(close)
        try:
            box.exec()
            chosen = box.clickedButton()
        finally:
            box.deleteLater()
        if delete is not None and chosen is delete:
            self.delete_all_requested.emit()
