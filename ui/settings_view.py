"""Settings: how the app looks, where the data lives, a backup on demand, and what the app is."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QWidget,
)

from kapcompanion import __version__
from kapcompanion.errors import KapError
from kapcompanion.journal import GATE_DIFFICULT_SETTING
from kapcompanion.profile import Profile
from kapcompanion.support import COUNTRY_SETTING
from ui.building_blocks import card, page_header, scrolling_page, text
from ui.error_messages import describe
from ui.style import REDUCE_MOTION_KEY, ColourScheme, reduce_motion, space
from ui.support_contacts import chosen_country_code, countries_in_order
from ui.translation import fill

if TYPE_CHECKING:
    from kapcompanion.store import Store


class SettingsView(QWidget):
    colour_scheme_chosen = Signal(str)
    data_changed = Signal(str)

    def __init__(
        self,
        profile: Profile,
        settings: QSettings,
        scheme: ColourScheme,
        *,
        demo: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Settings"))
        self._profile = profile
        self._settings = settings
        self._store: Store | None = None
        column = scrolling_page(self)
        column.addWidget(page_header(self.tr("Settings")))
        column.addWidget(self._appearance_card(scheme))
        column.addWidget(self._journal_card())
        column.addWidget(self._support_card())
        column.addWidget(self._data_card(demo))
        column.addWidget(self._about_card())
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
        self.reduce_motion_box = QCheckBox(
            self.tr(
                "Reduce motion: the breathing exercise shows a count instead of a moving circle"
            )
        )
        self.reduce_motion_box.setAccessibleName(self.tr("Reduce motion"))
        self.reduce_motion_box.setChecked(reduce_motion(self._settings))
        self.reduce_motion_box.toggled.connect(
            lambda on: self._settings.setValue(REDUCE_MOTION_KEY, on)
        )
        layout.addWidget(self.reduce_motion_box)
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
            self._store.set_setting(COUNTRY_SETTING, self.country_box.currentData())
            self.data_changed.emit("support")

    def set_store(self, store: Store) -> None:
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        if self._store is None:
            return
        self.gate_box.blockSignals(True)
        self.gate_box.setChecked(bool(self._store.get_setting(GATE_DIFFICULT_SETTING, True)))
        self.gate_box.blockSignals(False)
        self.gate_box.setEnabled(True)
        self.country_box.blockSignals(True)
        self.country_box.setCurrentIndex(
            self.country_box.findData(chosen_country_code(self._store))
        )
        self.country_box.blockSignals(False)
        self.country_box.setEnabled(True)

    def _gate_toggled(self, on: bool) -> None:
        if self._store is not None:
            self._store.set_setting(GATE_DIFFICULT_SETTING, on)

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
        self.backup_button = QPushButton(self.tr("Make a backup now"))
        self.backup_button.setAccessibleName(self.tr("Make a backup now"))
        self.backup_button.clicked.connect(self.make_backup)
        row.addWidget(open_folder)
        row.addWidget(self.backup_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.backup_status = text("", "muted", selectable=True)
        self.backup_status.setAccessibleName(self.tr("Backup status"))
        self.backup_status.hide()
        layout.addWidget(self.backup_status)
        return frame

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._profile.folder)))

    def make_backup(self) -> None:
        from kapcompanion.backup import backup_database, default_backup_path

        destination = default_backup_path(self._profile.backups_folder, datetime.now())
        try:
            written = backup_database(self._profile.database_path, destination)
        except KapError as error:
            message = describe(error)[1]
        else:
            message = fill(self.tr("A backup was saved as %1."), written)
        self.backup_status.setText(message)
        self.backup_status.show()

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
