"""People to contact: the client's therapist and clinic (saved as they type), and the crisis
lines for the country they choose (the choice is saved too).

Crisis lines come from resources/support/crisis_lines.json; the country defaults to the
system's locale until the client picks one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.course.own_crisis_lines import OwnLine
from kapcompanion.course.support import (
    COUNTRY_SETTING,
    Country,
    CrisisLine,
    chosen_country_code,
    contacts,
    countries_in_order,
    crisis_lines,
    save_contacts,
)
from kapcompanion.errors import KapError
from kapcompanion.therapist_plan.applying import plan_crisis_lines
from kapcompanion.wording.translation import fill
from ui.support.own_lines import OwnLinesCard
from ui.support.wording import elsewhere, lines_in_order, not_an_emergency_service
from ui.widgets.building_blocks import card, clear_layout, text
from ui.widgets.style import space

if TYPE_CHECKING:
    from kapcompanion.store import Store

SAVE_DELAY_MS = 800
FIELD_MAX_LENGTH = 200
CONTACT_KEYS = ("therapist_name", "therapist_phone", "clinic_name", "clinic_phone")


class ContactsPanel(QWidget):
    """Therapist, clinic and crisis lines. `changed` follows every save."""

    changed = Signal()
    country_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("People to contact"))
        self._store: Store | None = None
        self._saved: dict[str, str] = dict.fromkeys(CONTACT_KEYS, "")
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(3))
        self.fields: dict[str, QLineEdit] = {}
        self._line_labels: list[QLabel] = []
        # Crisis lines first: someone arriving here in a hard moment sees a number at once.
        self.own_lines = OwnLinesCard()
        self.own_lines.changed.connect(self._own_lines_changed)
        layout.addWidget(self._crisis_card())
        layout.addWidget(self.own_lines)
        layout.addWidget(self._people_card())
        self.status = text("", "notice")
        self.status.setAccessibleName(self.tr("Saving"))
        self.status.hide()
        layout.addWidget(self.status)
        layout.addStretch(1)
        # The crisis lines need none of the client's data: they show before it opens (or while
        # it is locked). The people are the client's own, and wait for it.
        self._show_country(chosen_country_code(None))
        self._set_people_open(False)

    def _set_people_open(self, open_: bool) -> None:
        for field in self.fields.values():
            field.setEnabled(open_)

    # Building -------------------------------------------------------------------------------

    def _people_card(self) -> QWidget:
        frame, layout = card(self.tr("Your therapist and clinic"))
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(space(2))
        grid.setVerticalSpacing(space(1) // 2)
        rows = (
            (
                ("therapist_name", self.tr("Your therapist"), self.tr("Your therapist's name")),
                (
                    "therapist_phone",
                    self.tr("Phone, or how to reach them"),
                    self.tr("Your therapist's phone number, or how to reach them"),
                ),
            ),
            (
                ("clinic_name", self.tr("Your clinic"), self.tr("Your clinic's name")),
                (
                    "clinic_phone",
                    self.tr("Phone, or how to reach it"),
                    self.tr("Your clinic's phone number, or how to reach it"),
                ),
            ),
        )
        for row, pair in enumerate(rows):
            if row:
                grid.setRowMinimumHeight(2 * row, space(2))
            for column, (key, label_words, accessible_name) in enumerate(pair):
                label = text(label_words, "muted")
                field = QLineEdit()
                field.setMaxLength(FIELD_MAX_LENGTH)
                field.setAccessibleName(accessible_name)
                field.textEdited.connect(self._schedule_save)
                label.setBuddy(field)
                grid.addWidget(label, 3 * row, column, Qt.AlignmentFlag.AlignBottom)
                grid.addWidget(field, 3 * row + 1, column)
                self.fields[key] = field
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        return frame

    def _crisis_card(self) -> QWidget:
        frame, layout = card(self.tr("Crisis lines"))
        layout.addWidget(
            text(
                self.tr("If things feel like too much, you can call or text someone now."),
                "reading",
            )
        )
        country_label = text(self.tr("Where you are"), "muted", wrap=False)
        self.country_choice = QComboBox()
        self.country_choice.setAccessibleName(self.tr("Country for crisis lines"))
        for country in countries_in_order():
            self.country_choice.addItem(country.name, country.code)
        self.country_choice.currentIndexChanged.connect(self._country_chosen)
        country_label.setBuddy(self.country_choice)
        country_row = QHBoxLayout()
        country_row.setSpacing(space(1))
        country_row.addWidget(country_label)
        country_row.addWidget(self.country_choice, 1)
        layout.addLayout(country_row)
        layout.addSpacing(space(1))
        self.lines_holder = QWidget()
        self.lines_layout = QVBoxLayout(self.lines_holder)
        self.lines_layout.setContentsMargins(0, 0, 0, 0)
        self.lines_layout.setSpacing(space(1))
        layout.addWidget(self.lines_holder)
        self.elsewhere_words = text("", "reading", selectable=True)
        self.elsewhere_words.setAccessibleName(self.tr("Where to find a helpline"))
        layout.addWidget(self.elsewhere_words)
        layout.addSpacing(space(1))
        self.emergency_sentence = text("", "reading")
        self.emergency_sentence.setAccessibleName(self.tr("Not an emergency service"))
        layout.addWidget(self.emergency_sentence)
        layout.addWidget(
            text(
                self.tr(
                    "Numbers can change. You can add lines of your own below; they show first, "
                    "here and in your safety plan."
                ),
                "muted",
            )
        )
        return frame

    # Store ----------------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self._store = store
        self._set_people_open(True)
        self.own_lines.set_store(store)
        self.refresh()

    def refresh(self) -> None:
        """Show what is saved; a field with unsaved typing keeps what was typed."""
        if self._store is None:
            return
        if self._save_timer.isActive():
            self.save_now()
        self._saved = contacts(self._store)
        for key, field in self.fields.items():
            # Compared without outer spaces, so a space just typed is not taken away.
            if field.text().strip() != self._saved.get(key, ""):
                field.setText(self._saved.get(key, ""))
        self.own_lines.refresh()
        self._show_country(chosen_country_code(self._store))

    def _schedule_save(self) -> None:
        self._save_timer.start()

    def values(self) -> dict[str, str]:
        return {key: field.text() for key, field in self.fields.items()}

    def save_now(self) -> bool:
        """Write the contacts if they changed; False (with a gentle note) if that failed."""
        self._save_timer.stop()
        if self._store is None:
            return True
        values = self.values()
        if {key: value.strip() for key, value in values.items()} == self._saved:
            return True
        try:
            save_contacts(self._store, values)
        except KapError:
            self.status.setText(
                self.tr(
                    "These details could not be saved just now. They are still here; please "
                    "try again in a moment."
                )
            )
            self.status.show()
            return False
        self._saved = {key: value.strip() for key, value in values.items()}
        self.status.hide()
        self.changed.emit()
        return True

    # Country --------------------------------------------------------------------------------

    def country_code(self) -> str:
        return str(self.country_choice.currentData())

    def _show_country(self, code: str) -> None:
        index = self.country_choice.findData(code)
        self.country_choice.blockSignals(True)
        self.country_choice.setCurrentIndex(max(index, 0))
        self.country_choice.blockSignals(False)
        self._show_lines(crisis_lines().for_country(self.country_code()))

    def choose_country(self, code: str) -> None:
        """Show and remember the crisis lines for `code` (as if chosen from the list)."""
        index = self.country_choice.findData(code.upper())
        if index >= 0:
            self.country_choice.setCurrentIndex(index)

    def _country_chosen(self, _index: int) -> None:
        code = self.country_code()
        self._show_lines(crisis_lines().for_country(code))
        if self._store is None:
            return
        try:
            self._store.settings.set(COUNTRY_SETTING, code)
        except KapError:
            self.status.setText(
                self.tr("Your choice of country could not be saved just now; it shows for now.")
            )
            self.status.show()
            return
        self.country_changed.emit(code)
        self.changed.emit()

    def _own_lines_changed(self) -> None:
        self._show_lines(crisis_lines().for_country(self.country_code()))
        self.changed.emit()

    def _show_lines(self, country: Country) -> None:
        clear_layout(self.lines_layout)
        self._line_labels = []
        own = self.own_lines.lines()
        plan = plan_crisis_lines(self._store)
        entries: list[tuple[str, str, str]] = [(line.name, line.contact, line.note) for line in own]
        entries += [(line.name, line.contact, "") for line in plan + country.lines]
        for (name, contact_words, note), spoken in zip(
            entries, lines_in_order(own, plan, country), strict=True
        ):
            entry = QWidget()
            entry_layout = QVBoxLayout(entry)
            entry_layout.setContentsMargins(0, 0, 0, 0)
            entry_layout.setSpacing(0)
            entry_layout.addWidget(text(name, "muted"))
            contact = text(contact_words, "heading")
            contact.setAccessibleName(spoken)
            # Selectable for copying, but not one more stop for the Tab key.
            contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            entry_layout.addWidget(contact)
            if note:
                entry_layout.addWidget(text(note, "muted"))
            self._line_labels.append(contact)
            self.lines_layout.addWidget(entry)
        self.lines_holder.setVisible(bool(entries))
        self.elsewhere_words.setText(elsewhere(crisis_lines().directory))
        self.elsewhere_words.setVisible(not country.is_listed)
        self.emergency_sentence.setText(not_an_emergency_service(country))

    def crisis_line_texts(self) -> list[str]:
        """What the crisis-lines list shows, one "name: contact" a line (for tests and checks)."""
        return [label.accessibleName() for label in self._line_labels]

    def focus_first(self) -> None:
        self.country_choice.setFocus(Qt.FocusReason.OtherFocusReason)


class SomeoneNowCard(QFrame):
    """A compact card above the safety plan: who can be reached now, and the way to everyone.

    Shows the crisis lines for the chosen country and the therapist's number if written down,
    so the plan and the people to contact can be seen together.
    """

    contacts_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(space(3), space(2), space(3), space(2))
        layout.setSpacing(space(1))
        layout.addWidget(text(self.tr("If you need someone now"), "heading"))
        self.lines = text("", "reading")
        self.lines.setAccessibleName(self.tr("People you can reach now"))
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.lines)
        row = QHBoxLayout()
        self.contacts_button = QPushButton(self.tr("People to contact"))
        self.contacts_button.setAccessibleName(
            self.tr("People to contact: crisis lines, your therapist and your clinic")
        )
        self.contacts_button.clicked.connect(self.contacts_requested)
        row.addWidget(self.contacts_button)
        row.addStretch(1)
        layout.addLayout(row)

    def show_for(
        self,
        country: Country,
        people: dict[str, str],
        first: tuple[CrisisLine, ...] = (),
        own: tuple[OwnLine, ...] = (),
    ) -> None:
        """The client's `own` lines, those `first` (a therapist's plan's), the lines of
        `country` (or where to find one, if it has none), and the therapist's contact."""
        lines = lines_in_order(own, first, country)
        if not country.is_listed:
            lines.append(elsewhere(crisis_lines().directory))
        therapist = ", ".join(
            part
            for part in (people.get("therapist_name", ""), people.get("therapist_phone", ""))
            if part
        )
        if therapist:
            lines.append(fill(self.tr("Your therapist: %1"), therapist))
        self.lines.setText("\n".join(lines))
