"""Settings → Passphrase: protect the entries with a passphrase, change it, take it off, lock
now, and choose how long the app waits without use before it locks.

The section asks and explains; the converting itself is the main window's (`PassphraseKeeper`),
which closes the data, converts it on a thread and opens it again with the new passphrase (or,
when something stopped it, as it was). The auto-lock time is kept in window.ini, not in the
data, since the data is what is locked.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.errors import KapError
from kapcompanion.profile import Profile
from kapcompanion.wording.translation import counted, fill
from ui.widgets.building_blocks import card, text
from ui.widgets.dialogs import dialog_buttons, dialog_column
from ui.widgets.error_messages import show_error
from ui.widgets.idle import LOCK_AFTER_CHOICES, LOCK_AFTER_KEY, lock_after_minutes
from ui.widgets.style import space

if TYPE_CHECKING:
    from kapcompanion.store.protection import ProtectionReport

CONTEXT = "PassphraseSection"  # the class whose self.tr the counted phrases sit beside


class PassphraseKeeper(Protocol):
    """What the section needs from the window, which owns the open data and its passphrase."""

    def passphrase(self) -> str | None: ...

    def change_protection(
        self, label: str, work: Callable[[], ProtectionReport], new_passphrase: str | None
    ) -> ProtectionReport: ...

    def lock_now(self) -> None: ...

    def auto_lock_changed(self) -> None: ...


class Mode(Enum):
    PROTECT = "protect"
    CHANGE = "change"
    REMOVE = "remove"


class PassphraseDialog(QDialog):
    """Asks for the passphrases one change needs; the primary button waits until they fit."""

    def __init__(self, mode: Mode, *, backups: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        titles = {
            Mode.PROTECT: self.tr("Protect your entries with a passphrase"),
            Mode.CHANGE: self.tr("Change your passphrase"),
            Mode.REMOVE: self.tr("Remove the passphrase"),
        }
        title = titles[mode]
        layout = dialog_column(self, title)
        layout.addWidget(text(title, "heading"))
        layout.addWidget(text(self._explanation(), "reading"))
        self.setAccessibleDescription(self._explanation())
        self.fields: list[QLineEdit] = []  # the ones this change needs, in order
        self._labels: list[QLabel] = []
        self.current_edit = self._field(
            self.tr("Your passphrase now"), needed=mode in (Mode.CHANGE, Mode.REMOVE)
        )
        self.new_edit = self._field(
            self.tr("New passphrase") if mode is Mode.CHANGE else self.tr("Passphrase"),
            needed=mode is not Mode.REMOVE,
        )
        self.again_edit = self._field(
            self.tr("The same again, to be sure"), needed=mode is not Mode.REMOVE
        )
        for label, field in zip(self._labels, self.fields, strict=True):
            pair = QVBoxLayout()
            pair.setSpacing(space(1) // 2)
            pair.addWidget(label)
            pair.addWidget(field)
            layout.addLayout(pair)
        self.show_box = QCheckBox(self.tr("Show what I type"))
        self.show_box.setAccessibleName(self.tr("Show the passphrases as I type"))
        self.show_box.toggled.connect(self._show_toggled)
        layout.addWidget(self.show_box)
        self.backups_box = QCheckBox(
            counted(CONTEXT, "Also protect my %Ln older backup(s)", backups)
        )
        self.backups_box.setAccessibleName(self.backups_box.text())
        self.backups_box.setChecked(True)
        self.backups_box.setVisible(mode is Mode.PROTECT and backups > 0)
        layout.addWidget(self.backups_box)
        self.hint = text("", "muted")
        self.hint.setAccessibleName(self.tr("What is still needed"))
        layout.addWidget(self.hint)
        actions = {
            Mode.PROTECT: self.tr("Protect"),
            Mode.CHANGE: self.tr("Change passphrase"),
            Mode.REMOVE: self.tr("Remove passphrase"),
        }
        buttons = dialog_buttons(
            self,
            cancel=self.tr("Cancel"),
            cancel_name=self.tr("Cancel, and change nothing"),
            act=actions[mode],
            act_name=actions[mode],
        )
        self.cancel_button, self.accept_button = buttons.cancel, buttons.act
        layout.addLayout(buttons.row)
        self.setMinimumWidth(520)
        self._check()

    def _explanation(self) -> str:
        if self.mode is Mode.PROTECT:
            return self.tr(
                "Your entries will be encrypted with this passphrase. KAP Companion will ask "
                "for it each time it opens, and lock itself after a while without use. Please "
                "keep it somewhere safe: if it is forgotten, no one can open your entries, "
                "and there is no other way in."
            )
        if self.mode is Mode.CHANGE:
            return self.tr(
                "Your entries and your protected backups will open with the new passphrase "
                "only. If it is forgotten, no one can open them, so please keep it somewhere "
                "safe."
            )
        return self.tr(
            "Your entries will be kept in an ordinary file again, and so will your protected "
            "backups: anyone who can use this computer account could open them. KAP Companion "
            "will no longer ask for a passphrase or lock itself."
        )

    def _field(self, label: str, *, needed: bool) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(label)
        field.textChanged.connect(self._check)
        if needed:
            words = text(label, "muted", wrap=False)
            words.setBuddy(field)
            self._labels.append(words)
            self.fields.append(field)
        return field

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        layout = self.layout()
        if layout is not None:  # wrapped paragraphs get their height in the style's fonts
            self.setMinimumHeight(layout.totalHeightForWidth(self.width()))
        self.fields[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in self.fields:
            field.setEchoMode(mode)

    def _check(self) -> None:
        hint = ""
        typed = [bool(field.text()) for field in self.fields]
        if any(typed) and not all(typed):
            hint = self.tr("Please fill in every field.")
        elif self.mode is not Mode.REMOVE and self.new_edit.text() != self.again_edit.text():
            hint = self.tr("The two new passphrases are not the same yet.")
        elif "\x00" in self.new_edit.text():
            hint = self.tr("A passphrase cannot hold a control character.")
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.accept_button.setEnabled(all(typed) and not hint)

    def accept(self) -> None:
        if self.accept_button.isEnabled():
            super().accept()

    def current_passphrase(self) -> str:
        return self.current_edit.text()

    def new_passphrase(self) -> str:
        return self.new_edit.text()


class PassphraseSection(QWidget):
    """The Passphrase card in Settings. `show_state(protected)` after the data opens."""

    def __init__(
        self,
        profile: Profile,
        settings: QSettings,
        keeper: PassphraseKeeper,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from kapcompanion.store.driver import encryption_available

        self._profile = profile
        self._settings = settings
        self._keeper = keeper
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame, layout = card(self.tr("Passphrase"))
        outer.addWidget(frame)
        self.available = encryption_available()
        self.explanation = text("", "reading")
        layout.addWidget(self.explanation)
        self.buttons: list[QPushButton] = []
        if not self.available:
            self.explanation.setText(
                self.tr(
                    "Protecting your entries with a passphrase is not available on this "
                    "installation: the encryption part it needs (SQLCipher) is not installed."
                )
            )
            return
        self.protect_button = self._button(self.tr("Protect with a passphrase…"), self.protect)
        self.lock_button = self._button(self.tr("Lock now"), keeper.lock_now)
        self.lock_button.setAccessibleDescription(self.tr("Ctrl+L does the same"))
        self.change_button = self._button(self.tr("Change passphrase…"), self.change)
        self.remove_button = self._button(self.tr("Remove passphrase…"), self.remove)
        row = QHBoxLayout()
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.lock_after_row = QWidget()
        lock_row = QHBoxLayout(self.lock_after_row)
        lock_row.setContentsMargins(0, space(1), 0, 0)
        label = text(self.tr("Lock after"), "muted", wrap=False)
        self.lock_after_box = QComboBox()
        self.lock_after_box.setAccessibleName(self.tr("Lock after this long without use"))
        for minutes in LOCK_AFTER_CHOICES:
            words = (
                self.tr("Never")
                if minutes == 0
                else counted(CONTEXT, "%Ln minute(s) without use", minutes)
            )
            self.lock_after_box.addItem(words, minutes)
        chosen = self.lock_after_box.findData(lock_after_minutes(settings))
        self.lock_after_box.setCurrentIndex(max(chosen, 0))
        self.lock_after_box.currentIndexChanged.connect(self._lock_after_chosen)
        label.setBuddy(self.lock_after_box)
        lock_row.addWidget(label)
        lock_row.addWidget(self.lock_after_box)
        lock_row.addStretch(1)
        layout.addWidget(self.lock_after_row)
        self.backups_note = text("", "notice")
        self.backups_note.setAccessibleName(self.tr("Backups not protected"))
        layout.addWidget(self.backups_note)
        self.protect_backups_button = QPushButton(self.tr("Protect these backups"))
        self.protect_backups_button.setAccessibleName(self.tr("Protect the older backups"))
        self.protect_backups_button.clicked.connect(self.protect_old_backups)
        backups_row = QHBoxLayout()
        backups_row.addWidget(self.protect_backups_button)
        backups_row.addStretch(1)
        layout.addLayout(backups_row)
        self.status = text("", "muted", selectable=True)
        self.status.setAccessibleName(self.tr("Passphrase status"))
        self.status.hide()
        layout.addWidget(self.status)
        self.show_state(None)

    def _button(self, label: str, act: Callable[[], object]) -> QPushButton:
        button = QPushButton(label)
        button.setAccessibleName(label.rstrip("…"))
        button.clicked.connect(act)
        self.buttons.append(button)
        return button

    # What shows -----------------------------------------------------------------------------

    def show_state(self, protected: bool | None) -> None:
        """Show the choices for protected data, unprotected data, or (None) data not open."""
        if not self.available:
            return
        from kapcompanion.store.protection import unprotected_backups

        if protected is None:
            explanation = self.tr("The choices here appear once your entries are open.")
        elif protected:
            explanation = self.tr(
                "Your entries are protected with a passphrase. KAP Companion asks for it each "
                "time it opens, and locks itself after a while without use."
            )
        else:
            explanation = self.tr(
                "Anyone who can use this computer account could open your entries. A "
                "passphrase encrypts them: KAP Companion then asks for it each time it opens, "
                "and locks itself after a while without use."
            )
        self.explanation.setText(explanation)
        self.protect_button.setVisible(protected is False)
        for button in (self.lock_button, self.change_button, self.remove_button):
            button.setVisible(protected is True)
        self.lock_after_row.setVisible(protected is True)
        left = unprotected_backups(self._profile.backups_folder) if protected else []
        if left:
            self.backups_note.setText(
                counted(
                    CONTEXT,
                    "Not protected: %Ln older backup(s). Anyone who can use this computer "
                    "account could open these.",
                    len(left),
                )
                + "\n"
                + "\n".join(path.name for path in left)
            )
        self.backups_note.setVisible(bool(left))
        self.protect_backups_button.setVisible(bool(left))

    def _say(self, message: str) -> None:
        self.status.setText(message)
        self.status.setVisible(bool(message))

    def _lock_after_chosen(self) -> None:
        self._settings.setValue(LOCK_AFTER_KEY, int(self.lock_after_box.currentData()))
        self._settings.sync()
        self._keeper.auto_lock_changed()

    # Changing it ----------------------------------------------------------------------------

    def _ask(self, mode: Mode, backups: int = 0) -> PassphraseDialog | None:
        dialog = PassphraseDialog(mode, backups=backups, parent=self)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        return dialog if accepted else None

    def protect(self) -> None:
        from kapcompanion.store.protection import protect, unprotected_backups

        database, folder = self._profile.database_path, self._profile.backups_folder
        dialog = self._ask(Mode.PROTECT, len(unprotected_backups(folder)))
        if dialog is None:
            return
        new, backups = dialog.new_passphrase(), dialog.backups_box.isChecked()
        self._convert(
            self.tr("Protecting your entries…"),
            lambda: protect(database, folder, new, backups=backups),
            new,
            self.tr("Your entries are now protected with your passphrase."),
        )

    def change(self) -> None:
        from kapcompanion.store.protection import change

        database, folder = self._profile.database_path, self._profile.backups_folder
        dialog = self._ask(Mode.CHANGE)
        if dialog is None:
            return
        current, new = dialog.current_passphrase(), dialog.new_passphrase()
        self._convert(
            self.tr("Changing your passphrase…"),
            lambda: change(database, folder, current, new),
            new,
            self.tr("Your passphrase is changed. Your entries open with the new one now."),
        )

    def remove(self) -> None:
        from kapcompanion.store.protection import remove

        database, folder = self._profile.database_path, self._profile.backups_folder
        dialog = self._ask(Mode.REMOVE)
        if dialog is None:
            return
        current = dialog.current_passphrase()
        self._convert(
            self.tr("Removing the passphrase…"),
            lambda: remove(database, folder, current),
            None,
            self.tr("The passphrase is removed. Your entries are in an ordinary file again."),
        )

    def protect_old_backups(self) -> None:
        from kapcompanion.store.protection import protect_backups

        passphrase = self._keeper.passphrase()
        if passphrase is None:
            return
        folder = self._profile.backups_folder
        self._convert(
            self.tr("Protecting your older backups…"),
            lambda: protect_backups(folder, passphrase),
            passphrase,
            self.tr("Your older backups are protected now."),
        )

    def _convert(
        self,
        label: str,
        work: Callable[[], ProtectionReport],
        new_passphrase: str | None,
        done: str,
    ) -> None:
        try:
            report = self._keeper.change_protection(label, work, new_passphrase)
        except KapError as error:
            self._say("")
            show_error(self, error)
            return
        message = done
        if report.not_opened:
            message += "\n" + fill(
                counted(
                    CONTEXT,
                    "%Ln backup(s) could not be opened with that passphrase (made under an "
                    "earlier one, or damaged), so they were left as they were: %1",
                    len(report.not_opened),
                ),
                ", ".join(path.name for path in report.not_opened),
            )
        self._say(message)
