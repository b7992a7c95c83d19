"""Choose another backup: every backup with when it was made and what it holds; those that
cannot be put back are greyed, with the reason in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.store.restore import BackupSummary
from ui.recovery.wording import holds_text, made_text, problem_text
from ui.widgets.building_blocks import text
from ui.widgets.style import space

BACKUP_ROLE = Qt.ItemDataRole.UserRole + 1


class ChooseBackupDialog(QDialog):
    def __init__(self, backups: list[BackupSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Choose a backup")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self.resize(560, 420)
        self._backups = backups
        layout = QVBoxLayout(self)
        layout.setContentsMargins(space(3), space(3), space(3), space(3))
        layout.setSpacing(space(2))
        layout.addWidget(text(title, "heading"))
        layout.addWidget(
            text(
                self.tr(
                    "Newest first. The one you choose is put in place of your file; the file "
                    "as it is now is kept beside it, unchanged."
                ),
                "muted",
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups"))
        self.list.setWordWrap(True)
        self.list.setSpacing(space(1) // 2)
        greyed = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for index, backup in enumerate(backups):
            item = QListWidgetItem(f"{made_text(backup)}\n{self._holds(backup)}")
            item.setData(BACKUP_ROLE, index)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text().replace("\n", ". "))
            if not backup.usable:
                item.setFlags(Qt.ItemFlag.NoItemFlags)  # it cannot be chosen: greyed
                item.setForeground(greyed)
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(lambda _item: self._choose())
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("Restore this backup"))
        self.restore_button.setObjectName("primary")
        self.restore_button.setAccessibleName(self.tr("Restore this backup"))
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._choose)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.chosen: BackupSummary | None = None
        usable = [row for row, backup in enumerate(backups) if backup.usable]
        if usable:
            self.list.setCurrentRow(usable[0])
        self.restore_button.setEnabled(bool(usable))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _holds(self, backup: BackupSummary) -> str:
        return holds_text(backup) if backup.usable else problem_text(backup)

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self.restore_button.setEnabled(self._backup_of(current) is not None)

    def _backup_of(self, item: QListWidgetItem | None) -> BackupSummary | None:
        if item is None:
            return None
        backup = self._backups[int(item.data(BACKUP_ROLE))]
        return backup if backup.usable else None

    def _choose(self) -> None:
        backup = self._backup_of(self.list.currentItem())
        if backup is not None:
            self.chosen = backup
            self.accept()

    def choose(self) -> BackupSummary | None:
        """Show the list; the backup chosen, or None."""
        self.chosen = None
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.chosen
