"""Recovery: shown instead of the screens when the data file could not be opened (damaged,
empty, cut short, or missing while there are backups).

It says what happened in plain words, that nothing was changed, and offers the newest backup
that opens whole (its date and what it holds) to put back in the file's place; "Choose another
backup…" lists the others. SQLite's own words stay in the "Details" fold, for a helper. It only
offers: putting a backup back is the main window's (`restore_requested`), as is leaving
(`not_now_requested`). Backups protected with a passphrase need it before they can say what
they hold (`passphrase_given`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.errors import ProfileNeedsRecoveryError
from kapcompanion.store.restore import BackupSummary
from kapcompanion.wording.translation import fill
from ui.recovery.wording import holds_text, made_text, needs_passphrase
from ui.widgets.building_blocks import card, scrolling_page, text
from ui.widgets.error_messages import recovery_reason
from ui.widgets.icons import icon
from ui.widgets.style import space


class RecoveryView(QWidget):
    """The page that offers a backup. Call `offer()` with what went wrong and the backups."""

    restore_requested = Signal(str)  # the backup's path
    not_now_requested = Signal()
    passphrase_given = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Your entries could not be opened"))
        self.backups: list[BackupSummary] = []
        self.offered: BackupSummary | None = None
        column = scrolling_page(self)
        column.addStretch(1)
        frame, layout = card()
        layout.setSpacing(space(2))
        mark = QLabel()
        mark.setPixmap(icon("app").pixmap(QSize(40, 40)))
        mark.setAccessibleName(self.tr("KAP Companion"))
        layout.addWidget(mark)
        layout.addWidget(text(self.tr("Your entries could not be opened"), "title"))
        self.what_happened = text("", "reading")
        self.what_happened.setAccessibleName(self.tr("What happened"))
        layout.addWidget(self.what_happened)

        # The newest backup that opens whole, or honest words when there is none.
        self.backup_box = QWidget()
        backup_layout = QVBoxLayout(self.backup_box)
        backup_layout.setContentsMargins(0, 0, 0, 0)
        backup_layout.setSpacing(space(1) // 2)
        backup_layout.addWidget(text(self.tr("Your newest backup"), "heading"))
        self.backup_made = text("", "reading", selectable=True)
        self.backup_made.setAccessibleName(self.tr("When the backup was made"))
        self.backup_holds = text("", "reading", selectable=True)
        self.backup_holds.setAccessibleName(self.tr("What the backup holds"))
        backup_layout.addWidget(self.backup_made)
        backup_layout.addWidget(self.backup_holds)
        self.backup_note = text(
            self.tr(
                "Restoring puts this backup in place of your file. The file as it is now is "
                "kept beside it, unchanged, and never deleted."
            ),
            "muted",
        )
        backup_layout.addWidget(self.backup_note)
        layout.addWidget(self.backup_box)
        self.no_backup = text("", "reading", selectable=True)
        self.no_backup.setAccessibleName(self.tr("No backup to restore"))
        layout.addWidget(self.no_backup)

        # Protected backups say what they hold only with the passphrase.
        self.passphrase_box = QWidget()
        passphrase_layout = QVBoxLayout(self.passphrase_box)
        passphrase_layout.setContentsMargins(0, 0, 0, 0)
        passphrase_layout.setSpacing(space(1) // 2)
        asking = self.tr(
            "Some of your backups are protected with your passphrase. If you type it here, "
            "KAP Companion can see what they hold."
        )
        passphrase_layout.addWidget(text(asking, "reading"))
        label = text(self.tr("Passphrase"), "muted", wrap=False)
        passphrase_layout.addWidget(label)
        row = QHBoxLayout()
        row.setSpacing(space(1))
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.passphrase_edit.setAccessibleDescription(asking)
        self.passphrase_edit.returnPressed.connect(self._give_passphrase)
        label.setBuddy(self.passphrase_edit)
        self.open_backups_button = QPushButton(self.tr("Open the backups"))
        self.open_backups_button.setAutoDefault(False)
        self.open_backups_button.setAccessibleName(self.tr("Open the backups"))
        self.open_backups_button.clicked.connect(self._give_passphrase)
        row.addWidget(self.passphrase_edit, 1)
        row.addWidget(self.open_backups_button)
        passphrase_layout.addLayout(row)
        layout.addWidget(self.passphrase_box)

        self.message = text("", "notice")
        self.message.setAccessibleName(self.tr("Recovery message"))
        self.message.hide()
        layout.addWidget(self.message)

        actions = QHBoxLayout()
        actions.setSpacing(space(2))
        self.restore_button = QPushButton(self.tr("Restore this backup"))
        self.restore_button.setObjectName("primary")
        self.restore_button.setAccessibleName(self.tr("Restore this backup"))
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore_offered)
        self.choose_button = QPushButton(self.tr("Choose another backup…"))
        self.choose_button.setAccessibleName(self.tr("Choose another backup"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_another)
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.setAccessibleName(self.tr("Not now"))
        self.not_now_button.setAutoDefault(False)
        self.not_now_button.clicked.connect(self.not_now_requested)
        actions.addWidget(self.restore_button)
        actions.addWidget(self.choose_button)
        actions.addStretch(1)
        actions.addWidget(self.not_now_button)
        layout.addLayout(actions)
        self.not_now_note = text("", "muted")
        layout.addWidget(self.not_now_note)

        # SQLite's own words, for a helper: hidden until asked for.
        self.details_button = QPushButton(icon("chevron-down"), self.tr("Details"))
        self.details_button.setObjectName("link")
        self.details_button.setCheckable(True)
        self.details_button.setAutoDefault(False)
        self.details_button.setAccessibleName(self.tr("Details"))
        self.details_button.setAccessibleDescription(
            self.tr("What the computer reported, for someone helping you")
        )
        self.details_button.toggled.connect(self._details_toggled)
        details_row = QHBoxLayout()
        details_row.addWidget(self.details_button)
        details_row.addStretch(1)
        layout.addLayout(details_row)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.details.setAccessibleName(self.tr("Details for someone helping you"))
        self.details.setMaximumHeight(space(15))
        self.details.hide()
        layout.addWidget(self.details)

        column.addWidget(frame)
        column.addStretch(2)
        QWidget.setTabOrder(self.passphrase_edit, self.open_backups_button)
        QWidget.setTabOrder(self.open_backups_button, self.restore_button)
        QWidget.setTabOrder(self.restore_button, self.choose_button)
        QWidget.setTabOrder(self.choose_button, self.not_now_button)
        QWidget.setTabOrder(self.not_now_button, self.details_button)
        QWidget.setTabOrder(self.details_button, self.details)

    # What is offered ------------------------------------------------------------------------

    def offer(
        self,
        error: ProfileNeedsRecoveryError,
        backups: list[BackupSummary],
        *,
        ask_passphrase: bool = False,
    ) -> None:
        """Say what happened to the file at `error.path`, and offer the newest usable backup."""
        self.what_happened.setText(
            fill(
                self.tr(
                    "What happened: %1. Nothing was changed: the file is kept exactly as it "
                    "is, so waiting loses nothing."
                ),
                recovery_reason(error),
            )
        )
        parts = (str(error.path), error.reason, error.detail)
        self.details.setPlainText("\n".join(dict.fromkeys(part for part in parts if part)))
        self.details_button.setChecked(False)
        self.passphrase_box.setVisible(ask_passphrase)
        self.passphrase_edit.setText("")
        self.message.hide()
        self._show_backups(error.path, backups)

    def _show_backups(self, file: Path, backups: list[BackupSummary]) -> None:
        self.backups = backups
        usable = [backup for backup in backups if backup.usable]
        self.offered = usable[0] if usable else None
        has_offer = self.offered is not None
        self.backup_box.setVisible(has_offer)
        self.no_backup.setVisible(not has_offer)
        self.restore_button.setVisible(has_offer)
        self.choose_button.setVisible(len(backups) > (1 if has_offer else 0))
        self.choose_button.setText(
            self.tr("Choose another backup…") if has_offer else self.tr("See the backups…")
        )
        self.choose_button.setAccessibleName(
            self.tr("Choose another backup") if has_offer else self.tr("See the backups")
        )
        self.not_now_button.setText(self.tr("Not now") if has_offer else self.tr("Close"))
        self.not_now_button.setAccessibleName(self.not_now_button.text())
        self.not_now_note.setText(
            self.tr(
                "Not now closes KAP Companion and changes nothing. This page comes back the "
                "next time it opens, and Support stays one click away, or F1, in the meantime."
            )
            if has_offer
            else self.tr(
                "Close ends KAP Companion and changes nothing. Support stays one click away, "
                "or F1, for as long as it is open."
            )
        )
        self.not_now_button.setAccessibleDescription(self.not_now_note.text())
        if self.offered is not None:
            self.backup_made.setText(made_text(self.offered))
            self.backup_holds.setText(holds_text(self.offered))
            return
        if self.passphrase_box.isVisibleTo(self):
            self.no_backup.setText(
                fill(self.tr("Your file is kept safe, exactly as it is, here:\n%1"), str(file))
            )
            return
        if backups:
            found = self.tr(
                "Backups were found, but none of them can be put back just now (you can see "
                "why with See the backups)."
            )
        else:
            found = self.tr("There is no backup of your entries to put back.")
        self.no_backup.setText(
            fill(
                self.tr(
                    "%1 Your file is kept safe, exactly as it is, here:\n%2\n\nSomeone helping "
                    "you may be able to recover entries from it. KAP Companion will not change "
                    "it, and will offer this page again each time it opens. To start afresh "
                    "meanwhile, you could open KAP Companion with another data folder "
                    "(--data-dir)."
                ),
                found,
                str(file),
            )
        )

    def update_backups(self, file: Path, backups: list[BackupSummary]) -> None:
        """The backups as they are now (after a passphrase, or after one could not be restored)."""
        self._show_backups(file, backups)
        if not needs_passphrase(backups):
            self.passphrase_box.hide()
        self.focus_field()

    def say(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    # Keys and choices -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_field()

    def focus_field(self) -> None:
        if self.passphrase_box.isVisibleTo(self) and self.offered is None:
            self.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.offered is not None:
            self.restore_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.not_now_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _restore_offered(self) -> None:
        if self.offered is not None:
            self.restore_requested.emit(str(self.offered.path))

    def _give_passphrase(self) -> None:
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self.say(self.tr("Please type your passphrase first."))
            return
        self.passphrase_edit.setText("")  # setText, unlike clear(), leaves no undo step
        self.passphrase_given.emit(passphrase)

    def choose_another(self) -> None:
        """A list of every backup; the one chosen is restored."""
        from ui.recovery.choose import ChooseBackupDialog

        dialog = ChooseBackupDialog(self.backups, self)
        try:
            chosen = dialog.choose()
        finally:
            dialog.deleteLater()
        if chosen is not None:
            self.restore_requested.emit(str(chosen.path))

    def _details_toggled(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setIcon(icon("chevron-up" if shown else "chevron-down"))
