"""Settings: how the app looks, where the data lives, export and import on demand, backups and
restoring (ui/settings/backups.py), what the app is, and deleting all of the client's data
(ui/settings/delete_all.py).

It shows the client's own settings and the country for crisis lines (which Support can change
too), and reloads when either changes. A change made here is announced as `DataKind.SETTINGS`
or `DataKind.SUPPORT`; an import as `DataKind.EVERYTHING`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QSettings,
    QStandardPaths,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion import __version__
from kapcompanion.course.support import COUNTRY_SETTING, chosen_country_code, countries_in_order
from kapcompanion.journal import GATE_DIFFICULT_SETTING
from kapcompanion.profile import Profile
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.settings.backups import BackupKeeper, BackupsSection
from ui.settings.data_exchange import (
    ExchangeTask,
    StopRequestedError,
    describe_failure,
    export_work,
    import_work,
)
from ui.settings.delete_all import DeleteAllSection
from ui.settings.passphrase import PassphraseKeeper, PassphraseSection
from ui.settings.reminders import RemindersSection
from ui.settings.therapist_plan import PlanSection
from ui.widgets.building_blocks import card, page_header, scrolling_page, text
from ui.widgets.error_messages import show_message
from ui.widgets.screen import Screen
from ui.widgets.style import REDUCE_MOTION_KEY, ColourScheme, reduce_motion, space

if TYPE_CHECKING:
    from kapcompanion.exchange import ExportSummary, ImportSummary, ProgressCallback


class WindowKeeper(PassphraseKeeper, BackupKeeper, Protocol):
    """What Settings needs from the window: the passphrase's keeping, and restoring."""


class SettingsView(Screen):
    """The Settings screen. Give it a store with `set_store`; `refresh` reloads from it."""

    depends_on = frozenset({DataKind.SETTINGS, DataKind.SUPPORT})
    colour_scheme_chosen = Signal(str)
    delete_all_confirmed = Signal()  # the client confirmed deleting all their data
    exchange_finished = Signal()  # an export or import ended (done, refused or stopped)

    def __init__(
        self,
        profile: Profile,
        settings: QSettings,
        scheme: ColourScheme,
        *,
        demo: bool,
        keeper: WindowKeeper | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Settings"))
        self._profile = profile
        self._keeper = keeper
        self._settings = settings
        self._exchange_buttons: list[QPushButton] = []
        self._task: ExchangeTask | None = None
        self._progress: QProgressDialog | None = None
        self._importing = False
        self._done: Callable[[Any], None] | None = None  # what to do with the result
        column = scrolling_page(self)
        column.addWidget(page_header(self.tr("Settings")))
        column.addWidget(self._appearance_card(scheme))
        column.addWidget(self._journal_card())
        column.addWidget(self._support_card())
        self.plan_section: PlanSection | None = None
        if not demo:  # a plan is the client's own; the sample course is thrown away on close
            self.plan_section = PlanSection()
            self.plan_section.changed.connect(self._plan_changed)
            column.addWidget(self.plan_section)
        self.reminders = RemindersSection(profile, demo=demo)
        self.reminders.changed.connect(lambda: self.announce(DataKind.SETTINGS))
        column.addWidget(self.reminders)
        column.addWidget(self._data_card(demo))
        self.backups: BackupsSection | None = None
        if not demo:  # the sample course is never backed up
            self.backups = BackupsSection(profile, keeper, lambda: self._store)
            column.addWidget(self.backups)
        self.passphrase_section: PassphraseSection | None = None
        if keeper is not None and not demo:  # the sample course is thrown away on close
            self.passphrase_section = PassphraseSection(profile, settings, keeper)
            column.addWidget(self.passphrase_section)
        column.addWidget(self._about_card())
        if not demo:  # the sample course is removed on close anyway
            self.delete_all = DeleteAllSection()
            self.delete_all.confirmed.connect(self.delete_all_confirmed)
            # Like export and import, it waits for the data to open and for them to end.
            self._exchange_buttons.append(self.delete_all.button)
            column.addWidget(self.delete_all)
        column.addStretch(1)

    def _appearance_card(self, scheme: ColourScheme) -> QWidget:
        frame, layout = card(self.tr("Appearance"))
        layout.addWidget(text(self.tr("Colours"), "muted"))
        self._scheme_buttons = QButtonGroup(self)
        choices = [
            (ColourScheme.SYSTEM, self.tr("Follow my computer")),
            (ColourScheme.LIGHT, self.tr("Light")),
            (ColourScheme.DARK, self.tr("Dark")),
        ]
        for choice, label in choices:
            button = QRadioButton(label)
            button.setAccessibleName(fill(self.tr("Colours: %1"), label))
            button.setChecked(choice is scheme)
            button.setProperty("scheme", choice.value)
            self._scheme_buttons.addButton(button)
            layout.addWidget(button)
        self._scheme_buttons.buttonToggled.connect(self._scheme_toggled)
        layout.addSpacing(space(1))
        layout.addWidget(text(self.tr("Movement"), "muted"))
        self.reduce_motion_box = QCheckBox(self.tr("Reduce motion"))
        self.reduce_motion_box.setAccessibleName(self.tr("Reduce motion"))
        explanation = self.tr("The breathing exercise shows a count instead of a moving circle.")
        self.reduce_motion_box.setAccessibleDescription(explanation)
        self.reduce_motion_box.setChecked(reduce_motion(self._settings))
        self.reduce_motion_box.toggled.connect(
            lambda on: self._settings.setValue(REDUCE_MOTION_KEY, on)
        )
        layout.addWidget(self.reduce_motion_box)
        layout.addWidget(text(explanation, "muted"))
        return frame

    def _journal_card(self) -> QWidget:
        frame, layout = card(self.tr("Journal"))
        self.gate_box = QCheckBox(
            self.tr("Ask before opening an entry written at high distress (8 or more)")
        )
        self.gate_box.setAccessibleName(self.tr("Ask before opening difficult entries"))
        self.gate_box.setChecked(True)
        self.gate_box.setEnabled(False)  # until the data is open
        self.gate_box.toggled.connect(self._gate_toggled)
        layout.addWidget(self.gate_box)
        return frame

    def _support_card(self) -> QWidget:
        frame, layout = card(self.tr("Support"))
        layout.addWidget(
            text(
                self.tr(
                    "Your country decides which crisis lines the Support screen shows. It "
                    "starts from your computer's language and region."
                ),
                "muted",
            )
        )
        self.country_box = QComboBox()
        self.country_box.setAccessibleName(self.tr("Country for crisis lines"))
        for country in countries_in_order():
            self.country_box.addItem(country.name, country.code)
        self.country_box.setEnabled(False)  # until the data is open
        self.country_box.currentIndexChanged.connect(self._country_chosen)
        layout.addWidget(self.country_box)
        return frame

    def _country_chosen(self) -> None:
        if self._store is not None and self.country_box.isEnabled():
            self._store.settings.set(COUNTRY_SETTING, self.country_box.currentData())
            self.announce(DataKind.SUPPORT)

    def load_from_store(self) -> None:
        if self._store is None:
            return
        self.gate_box.blockSignals(True)
        self.gate_box.setChecked(bool(self._store.settings.get(GATE_DIFFICULT_SETTING, True)))
        self.gate_box.blockSignals(False)
        self.gate_box.setEnabled(True)
        self.country_box.blockSignals(True)
        self.country_box.setCurrentIndex(
            self.country_box.findData(chosen_country_code(self._store))
        )
        self.country_box.blockSignals(False)
        self.country_box.setEnabled(True)
        if self.plan_section is not None:
            self.plan_section.show_state(self._store)
        self.reminders.show_state(self._store)
        if self.passphrase_section is not None:
            self.passphrase_section.show_state(self._store.protected)
        if self.backups is not None:
            self.backups.show_state(self._store)
        for button in self._exchange_buttons:
            button.setEnabled(self._task is None)

    def _plan_changed(self) -> None:
        """A plan changes the check-in schedule, Home's invitations and Support's contacts."""
        for kind in (DataKind.SETTINGS, DataKind.SUPPORT, DataKind.CHECK_INS):
            self.announce(kind)

    def _gate_toggled(self, on: bool) -> None:
        if self._store is not None:
            self._store.settings.set(GATE_DIFFICULT_SETTING, on)
            self.announce(DataKind.SETTINGS)

    def _scheme_toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self.colour_scheme_chosen.emit(str(button.property("scheme")))

    def _data_card(self, demo: bool) -> QWidget:
        frame, layout = card(self.tr("Your data"))
        if demo:
            layout.addWidget(
                text(
                    self.tr(
                        "You are looking at a sample course. It lives in a temporary folder and is "
                        "removed when you close this window; your own entries are never touched."
                    ),
                    "reading",
                )
            )
            return frame
        layout.addWidget(text(self.tr("Your entries are kept in this folder:"), "reading"))
        folder = text(str(self._profile.folder), "muted", selectable=True)
        folder.setAccessibleName(self.tr("Data folder"))
        layout.addWidget(folder)
        row = QHBoxLayout()
        open_folder = QPushButton(self.tr("Open folder"))
        open_folder.setAccessibleName(self.tr("Open the data folder"))
        open_folder.clicked.connect(self._open_folder)
        row.addWidget(open_folder)
        row.addStretch(1)
        layout.addLayout(row)
        self._add_exchange(layout)
        return frame

    # Export and import ----------------------------------------------------------------------

    def _add_exchange(self, layout: QVBoxLayout) -> None:
        layout.addSpacing(space(1))
        layout.addWidget(
            text(
                self.tr(
                    "You can export everything you have written, drafts and recently deleted "
                    "entries included: as one file KAP Companion can import again, here or on "
                    "another computer, or as spreadsheet files. The file is not protected by a "
                    "passphrase, so you might keep it somewhere private."
                ),
                "reading",
            )
        )
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export everything…"))
        self.export_button.setAccessibleName(self.tr("Export everything"))
        self.export_button.clicked.connect(self.ask_and_export)
        self.import_button = QPushButton(self.tr("Import from a file…"))
        self.import_button.setAccessibleName(self.tr("Import from a file"))
        self.import_button.clicked.connect(self.ask_and_import)
        for button in (self.export_button, self.import_button):
            button.setEnabled(False)  # until the data is open
            self._exchange_buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.exchange_status = text("", "muted", selectable=True)
        self.exchange_status.setAccessibleName(self.tr("Export and import status"))
        self.exchange_status.hide()
        layout.addWidget(self.exchange_status)

    @staticmethod
    def _documents_folder() -> Path:
        location = QStandardPaths.StandardLocation.DocumentsLocation
        return Path(QStandardPaths.writableLocation(location) or Path.home())

    def ask_and_export(self) -> None:
        """Ask where to export (JSON to import again, or CSV files in a zip), then export."""
        today = QDate.currentDate().toString("yyyy-MM-dd")
        suggested = self._documents_folder() / f"kap-companion-export-{today}.json"
        whole = self.tr("Everything, to import again (*.json)")
        sheets = self.tr("Spreadsheet files in a zip (*.zip)")
        chosen, kind = QFileDialog.getSaveFileName(
            self, self.tr("Export everything"), str(suggested), f"{whole};;{sheets}"
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".json", ".zip"):
            path = path.with_name(path.name + (".zip" if kind == sheets else ".json"))
        # The dialog asked before replacing the name it was given, not one we extended.
        self.export_to(path, replace=path == Path(chosen))

    def export_to(self, path: Path, *, replace: bool = False) -> None:
        """Export everything to `path` (.zip: CSV files; otherwise JSON) on a worker thread; a
        file already there is replaced only if `replace` (the save dialog asked first)."""
        if self._store is None:
            return
        self._run(
            export_work(self._store.path, path, replace=replace, passphrase=self._passphrase()),
            self.tr("Exporting your entries…"),
            importing=False,
            done=self._exported,
        )

    def _passphrase(self) -> str | None:
        """The open data's passphrase, for the worker's own connection (None: not protected)."""
        return self._keeper.passphrase() if self._keeper is not None else None

    def _exported(self, summary: ExportSummary) -> None:
        self._show_exchange_status(summary.describe())

    def ask_and_import(self) -> None:
        """Ask for a JSON export, confirm, then import it."""
        whole = self.tr("KAP Companion export (*.json)")
        everything = self.tr("All files (*)")
        chosen, _kind = QFileDialog.getOpenFileName(
            self,
            self.tr("Import from a file"),
            str(self._documents_folder()),
            f"{whole};;{everything}",
        )
        if chosen:
            self.import_from(Path(chosen))

    def import_from(self, path: Path) -> None:
        """After the client confirms, check the file at `path` whole and add its entries."""
        if self._store is None or not self._confirm_import(path):
            return
        self._run(
            import_work(self._store.path, path, self._passphrase()),
            self.tr("Importing your entries…"),
            importing=True,
            done=self._imported,
        )

    def _confirm_import(self, path: Path) -> bool:
        title = self.tr("Add the entries from this file?")
        box = QMessageBox(
            QMessageBox.Icon.NoIcon, title, title, QMessageBox.StandardButton.NoButton, self
        )
        box.setInformativeText(
            fill(
                self.tr(
                    "The entries in %1 will be added to yours. Anything already here stays as "
                    "it is; nothing is replaced or deleted. The whole file is checked first, "
                    "and if anything in it is wrong, nothing is changed."
                ),
                path.name,
            )
        )
        box.setAccessibleName(title)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel"))
        add = box.addButton(self.tr("Import"), QMessageBox.ButtonRole.AcceptRole)
        add.setAccessibleName(self.tr("Import"))
        box.setDefaultButton(add)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is add

    def _imported(self, summary: ImportSummary) -> None:
        self._show_exchange_status(summary.describe())
        self.data_changed.emit(DataKind.EVERYTHING)  # this screen reloads too

    def _run(
        self,
        work: Callable[[ProgressCallback], object],
        label: str,
        *,
        importing: bool,
        done: Callable[[Any], None],
    ) -> None:
        task = ExchangeTask(work)
        progress = QProgressDialog(label, self.tr("Stop"), 0, 0, self)
        progress.setWindowTitle(label)
        progress.setAccessibleName(label)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setValue(0)  # so that the wait below counts from now, not Qt's default 4 s
        progress.setMinimumDuration(400)  # small files finish before it would appear
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.canceled.connect(task.stop)
        # Bound methods of this widget, so that each runs on the window's thread.
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._refused)
        task.finished.connect(self._task_ended)
        self._task, self._progress = task, progress
        self._importing, self._done = importing, done
        application = QCoreApplication.instance()
        if application is not None:  # a thread must not outlive the application
            application.aboutToQuit.connect(self.stop_exchange, Qt.ConnectionType.UniqueConnection)
        for button in self._exchange_buttons:
            button.setEnabled(False)
        task.start()

    def _progressed(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(max(total, 1))
            self._progress.setValue(done)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _succeeded(self, result: object) -> None:
        self._close_progress()
        if self._done is not None:
            self._done(result)

    def _refused(self, error: BaseException) -> None:
        self._close_progress()
        title, message = describe_failure(error, importing=self._importing)
        if isinstance(error, StopRequestedError):
            self._show_exchange_status(message)
        else:
            show_message(self, title, message)

    def stop_exchange(self) -> None:
        """Stop an export or import still running (it undoes itself) and wait for it to end."""
        if self._task is not None:
            self._task.stop()
            self._task.wait()

    def _task_ended(self) -> None:
        if self._task is not None:
            self._task.wait()
            self._task.deleteLater()
            self._task = None
        for button in self._exchange_buttons:
            button.setEnabled(self._store is not None)
        self.exchange_finished.emit()

    def _show_exchange_status(self, message: str) -> None:
        self.exchange_status.setText(message)
        self.exchange_status.show()

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._profile.folder)))

    @property
    def backup_button(self) -> QPushButton:
        assert self.backups is not None, "the sample course has no backups"
        return self.backups.backup_button

    @property
    def backup_status(self) -> QLabel:
        assert self.backups is not None, "the sample course has no backups"
        return self.backups.status

    def make_backup(self) -> None:
        """A backup in the profile's backups folder; a protected profile's is protected too."""
        if self.backups is not None:
            self.backups.make_backup()

    def _about_card(self) -> QWidget:
        frame, layout = card(self.tr("About KAP Companion"))
        layout.addWidget(text(fill(self.tr("Version %1"), __version__), "muted"))
        layout.addWidget(
            text(
                self.tr(
                    "KAP Companion keeps everything on this computer and never connects to "
                    "the internet. It supports the work you do with your therapist; it does "
                    "not diagnose, give medical advice, or replace your therapist, and it is "
                    "not an emergency service."
                ),
                "reading",
            )
        )
        return frame
