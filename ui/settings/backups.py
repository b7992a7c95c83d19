"""Settings → Backups: when the last backup was made, a backup now, a folder of the client's
choosing for the automatic ones too, and restoring one.

The section reads backup files' names and dates (never their contents) to say when the last
one was made. Restoring asks twice — which backup (`RestoreDialog`, with what each holds), then
once more in plain words — and leaves the doing to the window (`BackupKeeper.restore_backup`),
which closes the data, puts the backup in its place with the profile's lock held, and opens it
again. The entries replaced are kept aside beside the data file, and the dialog lists them too,
so they can be brought back the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.errors import KapError
from kapcompanion.profile import Profile
from kapcompanion.store.automatic_backups import BACKUP_FOLDER_SETTING, is_automatic, made_at
from kapcompanion.store.backup import default_backup_path
from kapcompanion.store.protection import backup_files
from kapcompanion.store.restore import KEPT_INFIX, BackupSummary, list_backups, summarize
from kapcompanion.wording.translation import counted, fill
from ui.widgets.building_blocks import card, text
from ui.widgets.busy import run_busy
from ui.widgets.dialogs import dialog_column
from ui.widgets.error_messages import ask, describe, show_error, show_message
from ui.widgets.style import space
from ui.widgets.wording import when_text

if TYPE_CHECKING:
    from kapcompanion.store import Store

CONTEXT = "BackupsSection"  # the class whose self.tr the counted phrases sit beside
_KEPT_NAME = re.compile(re.escape(KEPT_INFIX) + r"\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?$")


class BackupKeeper(Protocol):
    """What the section needs from the window, which owns the open data."""

    automatic_backup_problem: KapError | None

    def passphrase(self) -> str | None: ...

    def restore_backup(self, label: str, backup: Path) -> Path | None: ...


@dataclass(frozen=True)
class LastBackup:
    made: datetime
    automatic: bool


def chosen_folder(store: Store | None) -> Path | None:
    """The folder the client chose for backups too, or None (the usual folder only)."""
    if store is None:
        return None
    value = store.settings.get(BACKUP_FOLDER_SETTING, None)
    return Path(value) if isinstance(value, str) and value else None


def last_backup(*folders: Path) -> LastBackup | None:
    """The newest backup in `folders`, by the time in its name (or the file's time)."""
    found: list[LastBackup] = []
    for folder in folders:
        for path in backup_files(folder):
            try:
                found.append(LastBackup(made_at(path), is_automatic(path)))
            except OSError:
                continue  # gone while looking
    # In the same second, the one made by hand came after the one made as the window opened.
    return max(found, key=lambda backup: (backup.made, not backup.automatic), default=None)


def kept_before_restore(profile: Profile) -> list[Path]:
    """The data files a restore kept aside, beside the data file."""
    database = profile.database_path
    return sorted(
        path
        for path in profile.folder.glob(f"{database.name}{KEPT_INFIX}*")
        if path.is_file() and _KEPT_NAME.search(path.name)
    )


def backups_to_offer(
    profile: Profile, chosen: Path | None, passphrase: str | None
) -> list[BackupSummary]:
    """Every backup in the usual folder and the `chosen` one (when it is there), and the
    entries kept aside by earlier restores, newest first. It opens no store: it may run on a
    thread of its own."""
    folders = [profile.backups_folder]
    if chosen is not None and chosen.is_dir():
        folders.append(chosen)
    found = list_backups(*folders, passphrase=passphrase)
    found += [summarize(path, passphrase) for path in kept_before_restore(profile)]
    return sorted(found, key=lambda summary: summary.made, reverse=True)


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def holds_text(summary: BackupSummary) -> str:
    """What a backup holds, in words ("3 sessions, 12 reflections and 4 insights")."""
    return fill(
        _tr("%1, %2 and %3"),
        counted(CONTEXT, "%Ln session(s)", summary.counts.get("sessions", 0)),
        counted(CONTEXT, "%Ln reflection(s)", summary.counts.get("reflections", 0)),
        counted(CONTEXT, "%Ln insight(s)", summary.counts.get("insights", 0)),
    )


def kind_text(summary: BackupSummary) -> str:
    if KEPT_INFIX in summary.path.name:
        return _tr("your entries as they were before a restore")
    return _tr("made automatically") if summary.automatic else _tr("made by you")


def protection_text(summary: BackupSummary) -> str:
    return _tr("protected with a passphrase") if summary.protected else _tr("not protected")


def problem_text(summary: BackupSummary) -> str:
    """Why a backup cannot be restored, in words (the core's reason follows "it")."""
    return fill(_tr("This one cannot be restored: it %1."), summary.problem)


class BackupsSection(QWidget):
    """The Backups card. `show_state(store)` once the data opens; `refresh()` re-reads."""

    def __init__(
        self, profile: Profile, keeper: BackupKeeper | None, store: Callable[[], Store | None]
    ) -> None:
        """`store` gives the open store (None while closed): the Settings screen's."""
        super().__init__()
        self._profile = profile
        self._keeper = keeper
        self._store_now = store
        self._chosen: Path | None = None  # read from the store as it opens (show_state)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame, layout = card(self.tr("Backups"))
        layout.addWidget(
            text(
                self.tr(
                    "KAP Companion backs up your entries by itself: once a day when it opens, "
                    "and when it closes after a change. It keeps the newest of each of the last "
                    "7 days, 4 weeks and 12 months, and never deletes backups you made."
                ),
                "reading",
            )
        )
        self.last_label = text("", selectable=True)
        self.last_label.setAccessibleName(self.tr("Last backup"))
        layout.addWidget(self.last_label)
        self.problem_label = text("", "muted", selectable=True)
        self.problem_label.setAccessibleName(self.tr("Automatic backup problem"))
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        self.folder_label = text("", "muted", selectable=True)
        self.folder_label.setAccessibleName(self.tr("Where backups are kept"))
        layout.addWidget(self.folder_label)
        layout.addSpacing(space(1))
        row = QHBoxLayout()
        row.setSpacing(space(1))
        self.backup_button = QPushButton(self.tr("Make a backup now"))
        self.backup_button.setAccessibleName(self.tr("Make a backup now"))
        self.backup_button.clicked.connect(self.make_backup)
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.setAccessibleName(self.tr("Restore from a backup"))
        self.restore_button.setAccessibleDescription(
            self.tr("Shows your backups and what each holds; asks before anything changes")
        )
        self.restore_button.clicked.connect(self.ask_and_restore)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        folder_row = QHBoxLayout()
        folder_row.setSpacing(space(1))
        self.choose_button = QPushButton(self.tr("Choose a folder for backups…"))
        self.choose_button.setAccessibleName(self.tr("Choose a folder for backups"))
        self.choose_button.setAccessibleDescription(
            self.tr("Automatic backups go there too, for example to an external drive")
        )
        self.choose_button.clicked.connect(self.ask_for_folder)
        self.usual_button = QPushButton(self.tr("Use the usual folder"))
        self.usual_button.setAccessibleName(self.tr("Use the usual folder for backups"))
        self.usual_button.clicked.connect(lambda: self.choose_folder(None))
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.usual_button)
        folder_row.addStretch(1)
        layout.addLayout(folder_row)
        self.status = text("", "muted", selectable=True)
        self.status.setAccessibleName(self.tr("Backup status"))
        self.status.hide()
        layout.addWidget(self.status)
        outer.addWidget(frame)
        self.show_state(None)

    # What shows -----------------------------------------------------------------------------

    @property
    def _store(self) -> Store | None:
        return self._store_now()

    def show_state(self, store: Store | None) -> None:
        """The data opened (or closed: None); the buttons that need it follow."""
        self._chosen = chosen_folder(store)
        for button in (self.backup_button, self.restore_button, self.choose_button):
            button.setEnabled(store is not None)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # the window backs up as it opens and closes: say what is so now

    def refresh(self) -> None:
        chosen = self._chosen
        reachable = chosen is not None and chosen.is_dir()
        folders = [self._profile.backups_folder]
        if chosen is not None and reachable:
            folders.append(chosen)
        newest = last_backup(*folders)
        if newest is None:
            self.last_label.setText(self.tr("No backup has been made yet."))
        elif newest.automatic:
            made = when_text(newest.made)
            self.last_label.setText(
                fill(self.tr("The last backup was made automatically on %1."), made)
            )
        else:
            made = when_text(newest.made)
            self.last_label.setText(fill(self.tr("The last backup was made by you on %1."), made))
        problem = self._keeper.automatic_backup_problem if self._keeper is not None else None
        self.problem_label.setVisible(problem is not None)
        if problem is not None:
            self.problem_label.setText(
                fill(
                    self.tr(
                        "The last automatic backup could not be made: %1 Your entries "
                        "themselves are fine; KAP Companion will try again when it next opens "
                        "or closes."
                    ),
                    describe(problem)[1],
                )
            )
        usual = self._profile.backups_folder
        if chosen is None:
            self.folder_label.setText(fill(self.tr("Backups are kept in %1."), usual))
        elif reachable:
            self.folder_label.setText(
                fill(
                    self.tr(
                        "Automatic backups are kept in %1, and also in the folder you chose: %2."
                    ),
                    usual,
                    chosen,
                )
            )
        else:
            self.folder_label.setText(
                fill(
                    self.tr(
                        "The folder you chose for backups, %2, cannot be found just now: perhaps "
                        "its drive is not plugged in. Until it is back, backups go only to %1."
                    ),
                    usual,
                    chosen,
                )
            )
        self.usual_button.setVisible(chosen is not None)
        self.usual_button.setEnabled(self._store is not None)

    def _say(self, message: str) -> None:
        self.status.setText(message)
        self.status.show()

    # Doing ----------------------------------------------------------------------------------

    def make_backup(self) -> None:
        """A backup in the profile's backups folder; a protected profile's is protected too."""
        if self._store is None:
            return
        destination = default_backup_path(self._profile.backups_folder, datetime.now())
        try:
            written = self._store.back_up(destination)
        except KapError as error:
            message = describe(error)[1]
        else:
            message = fill(self.tr("A backup was saved as %1."), written)
        self._say(message)
        self.refresh()

    def ask_for_folder(self) -> None:
        start = self._chosen or Path.home()
        picked = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for backups"), str(start)
        )
        if picked:
            self.choose_folder(Path(picked))

    def choose_folder(self, folder: Path | None) -> None:
        """Keep automatic backups in `folder` too (None: the usual folder only)."""
        if self._store is None:
            return
        try:
            self._store.settings.set(BACKUP_FOLDER_SETTING, str(folder) if folder else None)
        except KapError as error:
            show_error(self, error)
            return
        self._chosen = folder
        if folder is None:
            self._say(self.tr("Backups are kept in the usual folder only from now on."))
        else:
            self._say(
                fill(
                    self.tr(
                        "From now on automatic backups go to %1 too, starting the next time "
                        "KAP Companion opens or closes after a change."
                    ),
                    folder,
                )
            )
        self.refresh()

    def ask_and_restore(self) -> None:
        """List the backups, let the client choose one, ask once more, and restore it."""
        if self._store is None or self._keeper is None:
            return
        passphrase, chosen = self._keeper.passphrase(), self._chosen
        try:
            offered = run_busy(
                self,
                self.tr("Looking at your backups…"),
                lambda: backups_to_offer(self._profile, chosen, passphrase),
            )
        except KapError as error:
            show_error(self, error)
            return
        dialog = RestoreDialog(offered, self._profile, self)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            backup = dialog.chosen()
        finally:
            dialog.deleteLater()
        if accepted and backup is not None:
            self.restore(backup)

    def restore(self, backup: BackupSummary) -> None:
        """Put `backup` in place of the entries now (already confirmed), and say where they
        were kept."""
        if self._keeper is None:
            return
        try:
            kept = self._keeper.restore_backup(self.tr("Restoring your backup…"), backup.path)
        except KapError as error:
            show_message(self, self.tr("The backup was not restored"), describe(error)[1])
            return
        made = when_text(backup.made)
        if kept is None:
            self._say(fill(self.tr("Your backup from %1 is back in place."), made))
        else:
            self._say(
                fill(
                    self.tr(
                        "Your backup from %1 is back in place. The entries you had before were "
                        "kept as %2; Restore from a backup can bring them back."
                    ),
                    made,
                    kept,
                )
            )
        self.refresh()


class RestoreDialog(QDialog):
    """The backups, newest first, with what each holds; restoring asks once more."""

    def __init__(
        self, backups: list[BackupSummary], profile: Profile, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._backups = backups
        self._profile = profile
        title = self.tr("Restore from a backup")
        layout = dialog_column(self, title)
        layout.addWidget(text(title, "heading"))
        explanation = self.tr(
            "Choose the backup to bring back. Your entries now are not deleted: they are kept "
            "aside in your data folder, and this list offers them too."
        )
        layout.addWidget(text(explanation, "reading"))
        self.setAccessibleDescription(explanation)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Your backups"))
        self.list.setWordWrap(True)
        self.list.setSpacing(space(1))
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for backup in backups:
            first = fill(
                self.tr("%1 — %2, %3"),
                when_text(backup.made),
                kind_text(backup),
                protection_text(backup),
            )
            second = holds_text(backup) if backup.usable else problem_text(backup)
            item = QListWidgetItem(f"{first}\n{second}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{first}. {second}")
            if not backup.usable:
                item.setForeground(muted)
            self.list.addItem(item)
        self.list.setMinimumHeight(space(30))
        layout.addWidget(self.list, 1)
        self.empty_note = text(self.tr("There are no backups yet."), "muted")
        self.empty_note.setVisible(not backups)
        layout.addWidget(self.empty_note)
        self.preview = text("", "reading", selectable=True)
        self.preview.setAccessibleName(self.tr("About the chosen backup"))
        layout.addWidget(self.preview)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel, and change nothing"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.restore_button = QPushButton(self.tr("Restore this backup"))
        self.restore_button.setObjectName("primary")
        self.restore_button.setAccessibleName(self.tr("Restore this backup"))
        self.restore_button.setAccessibleDescription(self.tr("Asks you once more first"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.confirm)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout.addLayout(buttons)
        self.setMinimumSize(620, 480)
        self.list.currentRowChanged.connect(self._show_preview)
        if backups:
            self.list.setCurrentRow(0)
        self._show_preview(self.list.currentRow())
        self.list.setFocus()

    def chosen(self) -> BackupSummary | None:
        row = self.list.currentRow()
        return self._backups[row] if 0 <= row < len(self._backups) else None

    def _show_preview(self, _row: int) -> None:
        backup = self.chosen()
        self.restore_button.setEnabled(backup is not None and backup.usable)
        if backup is None:
            self.preview.setText(self.tr("Choose a backup to see what it holds."))
            return
        made = when_text(backup.made)
        if not backup.usable:
            self.preview.setText(
                fill(self.tr("The backup from %1 cannot be restored: it %2."), made, backup.problem)
            )
            return
        self.preview.setText(
            fill(
                self.tr("The backup from %1 (%2, %3) holds %4."),
                made,
                kind_text(backup),
                protection_text(backup),
                holds_text(backup),
            )
        )

    def confirm(self) -> None:
        """Ask once more, in plain words; accept only if the client says restore."""
        backup = self.chosen()
        if backup is None or not backup.usable:
            return
        now = datetime.now()
        kept = f"{self._profile.database_path.name}{KEPT_INFIX}{now:%Y-%m-%d-%H%M…}"
        title = self.tr("Restore this backup?")
        message = fill(
            self.tr(
                "The backup from %1 will take the place of your entries now. Your entries now "
                "will be kept aside as %2 in your data folder, and can be brought back the same "
                "way."
            ),
            when_text(backup.made),
            kept,
        )
        if ask(self, title, message, keep=self.tr("Cancel"), leave=self.tr("Restore")):
            self.accept()
