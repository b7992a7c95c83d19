"""Settings → Reminders: desktop notifications of what is due (off by default, with quiet
hours), and starting KAP Companion at login, minimised (Linux; elsewhere, README says how)."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QTimeEdit, QVBoxLayout, QWidget

from kapcompanion import autostart
from kapcompanion.errors import KapError
from kapcompanion.profile import Profile
from kapcompanion.reminders import ReminderChoices, choices, save_choices
from kapcompanion.wording.translation import fill
from ui.widgets.building_blocks import card, text
from ui.widgets.error_messages import show_error, show_message
from ui.widgets.own_program import own_program

if TYPE_CHECKING:
    from kapcompanion.store import Store


class RemindersSection(QWidget):
    """The card in Settings. `changed` follows every choice saved."""

    changed = Signal()

    def __init__(self, profile: Profile, *, demo: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._store: Store | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame, layout = card(self.tr("Reminders"))
        self.notify_box = QCheckBox(
            self.tr("Let me know when something is ready, while KAP Companion is open")
        )
        self.notify_box.setAccessibleName(self.tr("Desktop reminders of what is ready"))
        self.notify_box.setAccessibleDescription(
            self.tr("A notification says only that something is ready, never what")
        )
        self.notify_box.toggled.connect(self._save)
        layout.addWidget(self.notify_box)
        layout.addWidget(
            text(
                self.tr(
                    "A reminder never shows your words or scores, only that something is "
                    "ready, so it is safe on a shared screen."
                ),
                "muted",
            )
        )
        quiet = QHBoxLayout()
        quiet.addWidget(text(self.tr("Quiet between"), wrap=False))
        self.quiet_from = self._time_edit(self.tr("Quiet hours begin"))
        quiet.addWidget(self.quiet_from)
        quiet.addWidget(text(self.tr("and"), wrap=False))
        self.quiet_until = self._time_edit(self.tr("Quiet hours end"))
        quiet.addWidget(self.quiet_until)
        quiet.addStretch(1)
        layout.addLayout(quiet)
        self.autostart_box = QCheckBox(self.tr("Open KAP Companion when I log in, minimised"))
        self.autostart_box.setAccessibleName(self.tr("Open at login, minimised"))
        self.autostart_box.toggled.connect(self._autostart_toggled)
        layout.addWidget(self.autostart_box)
        # Not for the sample course: it is a throw-away copy, gone when its window closes.
        # (Hidden only once in its layout: shown without a parent, it would be a window.)
        self.autostart_box.setVisible(autostart.supported() and not demo)
        outer.addWidget(frame)
        self.show_state(None)

    def _time_edit(self, name: str) -> QTimeEdit:
        edit = QTimeEdit()
        edit.setDisplayFormat("HH:mm")
        edit.setAccessibleName(name)
        line = edit.lineEdit()
        if line is not None:  # the field inside is what a screen reader lands on
            line.setAccessibleName(name)
        edit.timeChanged.connect(lambda _time: self._save())
        return edit

    def show_state(self, store: Store | None) -> None:
        self._store = None  # no saving while the controls are set
        chosen = choices(store) if store is not None else ReminderChoices()
        self.notify_box.setChecked(chosen.notify)
        self.quiet_from.setTime(QTime(chosen.quiet_from.hour, chosen.quiet_from.minute))
        self.quiet_until.setTime(QTime(chosen.quiet_until.hour, chosen.quiet_until.minute))
        self.autostart_box.blockSignals(True)
        self.autostart_box.setChecked(autostart.supported() and autostart.is_enabled())
        self.autostart_box.blockSignals(False)
        for control in (self.notify_box, self.quiet_from, self.quiet_until):
            control.setEnabled(store is not None)
        self._store = store

    def _save(self) -> None:
        if self._store is None:
            return
        begin, end = self.quiet_from.time(), self.quiet_until.time()
        try:
            save_choices(
                self._store,
                ReminderChoices(
                    self.notify_box.isChecked(),
                    time(begin.hour(), begin.minute()),
                    time(end.hour(), end.minute()),
                ),
            )
        except KapError as error:
            show_error(self, error)
            return
        self.changed.emit()

    def _autostart_toggled(self, on: bool) -> None:
        try:
            if on:
                program, arguments = own_program("--data-dir", str(self._profile.folder))
                autostart.enable(program, arguments)
            else:
                autostart.disable()
        except (KapError, OSError) as error:
            self.autostart_box.blockSignals(True)
            self.autostart_box.setChecked(not on)
            self.autostart_box.blockSignals(False)
            reason = error.message if isinstance(error, KapError) else (error.strerror or "")
            show_message(
                self,
                self.tr("Opening at login could not be changed"),
                fill(self.tr("It stays as it was. Nothing else was changed.\n\n%1"), reason),
            )
