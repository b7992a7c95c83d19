"""Settings → Your therapist's plan: open a plan file, read it in plain words, apply it only if
the client agrees, and remove it again.

A plan that does not fit is refused with the reader's message (it names the field), and
nothing changes. Reading and applying are the core's (kapcompanion.therapist_plan); this section
asks and shows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.data_files.questionnaires import questionnaire
from kapcompanion.errors import KapError
from kapcompanion.therapist_plan.applying import apply_plan, current_plan, remove_plan
from kapcompanion.therapist_plan.reading import PlanRefusedError, TherapistPlan, read_plan
from kapcompanion.wording.dates import day_of
from kapcompanion.wording.domain import phase_title
from kapcompanion.wording.translation import fill
from ui.widgets.building_blocks import card, text
from ui.widgets.dialogs import dialog_buttons, dialog_column
from ui.widgets.error_messages import show_error, show_message

if TYPE_CHECKING:
    from kapcompanion.store import Store


class PlanSection(QWidget):
    """The card in Settings. `changed` says a plan was applied or removed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame, layout = card(self.tr("Your therapist's plan"))
        self.summary = text("", "reading")
        layout.addWidget(self.summary)
        self.open_button = QPushButton(self.tr("Open a plan…"))
        self.open_button.setAccessibleName(self.tr("Open a plan file from your therapist"))
        self.open_button.setAccessibleDescription(
            self.tr("You see what it asks for first, and choose whether to use it")
        )
        self.open_button.clicked.connect(self.ask_and_open)
        self.remove_button = QPushButton(self.tr("Remove the plan"))
        self.remove_button.setAccessibleName(self.tr("Remove the plan"))
        self.remove_button.setAccessibleDescription(
            self.tr("Your own settings from before the plan come back")
        )
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        outer.addWidget(frame)
        self.show_state(None)

    def show_state(self, store: Store | None) -> None:
        self._store = store
        plan = current_plan(store) if store is not None else None
        self.open_button.setEnabled(store is not None)
        self.remove_button.setVisible(plan is not None)
        if plan is None:
            self.summary.setText(
                self.tr(
                    "A therapist can give you a small plan file: which check-ins to take and "
                    "how often, which reflections to write after each session, and their "
                    "contact details. You see what it asks for before anything changes."
                )
            )
        else:
            self.summary.setText("\n".join(plan_in_words(plan)))

    def ask_and_open(self) -> None:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        chosen, _kind = QFileDialog.getOpenFileName(
            self,
            self.tr("Open your therapist's plan"),
            documents,
            self.tr("Therapist's plans (*.json *.toml)"),
        )
        if chosen:
            self.open_plan(Path(chosen))

    def open_plan(self, path: Path) -> None:
        """Read the plan in `path`, show it, and apply it if the client agrees."""
        if self._store is None:
            return
        try:
            plan = read_plan(path)
        except PlanRefusedError as error:
            show_message(self, self.tr("This plan could not be used"), error.message)
            return
        dialog = PlanDialog(plan, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        finally:
            dialog.deleteLater()
        try:
            apply_plan(self._store, plan, date.today())
        except KapError as error:
            show_error(self, error)
            return
        self.show_state(self._store)
        self.changed.emit()

    def remove(self) -> None:
        if self._store is None:
            return
        try:
            remove_plan(self._store)
        except KapError as error:
            show_error(self, error)
            return
        self.show_state(self._store)
        self.changed.emit()
        self.open_button.setFocus()


class PlanDialog(QDialog):
    """The plan in plain words; "Use this plan" applies it, "Not now" changes nothing."""

    def __init__(self, plan: TherapistPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("A plan from your therapist")
        layout = dialog_column(self, title)
        layout.addWidget(text(title, "heading"))
        self.words = plan_in_words(plan)
        for line in self.words:
            layout.addWidget(text(line, "reading"))
        layout.addWidget(
            text(
                self.tr(
                    "It changes nothing else. You can remove it at any time in Settings, and "
                    "your own settings come back."
                ),
                "muted",
            )
        )
        buttons = dialog_buttons(
            self,
            cancel=self.tr("Not now"),
            cancel_name=self.tr("Not now: change nothing"),
            act=self.tr("Use this plan"),
            act_name=self.tr("Use this plan"),
            act_is_default=False,
        )
        self.decline_button, self.accept_button = buttons.cancel, buttons.act
        layout.addLayout(buttons.row)
        self.setMinimumWidth(560)
        self.decline_button.setFocus()  # agreeing is a choice, never the default


def plan_in_words(plan: TherapistPlan) -> list[str]:
    """What `plan` asks for, a sentence a line, in the client's language."""

    def tr(source: str) -> str:
        return QCoreApplication.translate("PlanSection", source)

    locale = QLocale()
    lines = []
    if plan.written_by and plan.written_on is not None:
        lines.append(
            fill(tr("From %1, written on %2."), plan.written_by, day_of(plan.written_on, locale))
        )
    elif plan.written_by:
        lines.append(fill(tr("From %1."), plan.written_by))
    elif plan.written_on is not None:
        lines.append(fill(tr("Written on %1."), day_of(plan.written_on, locale)))
    if plan.note_to_client:
        lines.append(fill(tr("“%1”"), plan.note_to_client))
    for instrument, days in plan.every_days:
        name = questionnaire(instrument).name
        lines.append(
            fill(tr("%1: not suggested."), name)
            if days == 0
            else fill(tr("%1: suggested every %2 days."), name, locale.toString(days))
        )
    if plan.phases is not None:
        if plan.phases:
            titles = ", ".join(phase_title(phase) for phase in plan.phases)
            lines.append(fill(tr("After each session, Home invites: %1."), titles))
        else:
            lines.append(tr("After each session, Home invites no follow-up reflections."))
    contact = dict(plan.contact)
    people = [
        " ".join(part for part in (contact.get(name, ""), contact.get(phone, "")) if part)
        for name, phone in (
            ("therapist_name", "therapist_phone"),
            ("clinic_name", "clinic_phone"),
        )
    ]
    if any(people):
        lines.append(fill(tr("Contact details in Support: %1."), "; ".join(p for p in people if p)))
    if plan.crisis_line is not None:
        lines.append(
            fill(
                tr("A crisis line shown first in Support: %1, %2."),
                plan.crisis_line.name,
                plan.crisis_line.contact,
            )
        )
    if not lines:
        lines.append(tr("This plan asks for nothing to change."))
    return lines
