"""Support, one click from anywhere: grounding (5-4-3-2-1), slow breathing, the client's own
safety plan, and people to contact, behind a calm overview.

The overview says plainly that KAP Companion is not an emergency service and names the local
emergency number. Each part is one page; Esc (or "Back to Support") returns to the overview,
saving first. The view saves through kapcompanion.course.support and announces what changed as
`DataKind.SUPPORT`; it never reaches into other views, and reloads only when the plan, the
contacts or the country change elsewhere (the country is chosen in Settings too).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.course.own_crisis_lines import own_lines
from kapcompanion.course.support import chosen_country
from kapcompanion.course.support import contacts as saved_contacts
from kapcompanion.therapist_plan.applying import plan_crisis_lines
from ui.changes import DataKind
from ui.support.breathing import BreathingPractice
from ui.support.contacts import ContactsPanel, SomeoneNowCard
from ui.support.grounding import GroundingExercise
from ui.support.safety_plan import SafetyPlanEditor
from ui.support.wording import not_an_emergency_service
from ui.widgets.building_blocks import text
from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.screen import Screen
from ui.widgets.style import space

if TYPE_CHECKING:
    from kapcompanion.store import Store


class ChoiceButton(QPushButton):
    """A large button with a title and a line saying what it offers."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(space(2), space(2), space(2), space(2))
        layout.setSpacing(space(1) // 2)
        self.title_label = text(title, "heading")
        self.description_label = text(description, "muted")
        for label in (self.title_label, self.description_label):
            # Clicks on the words belong to the button.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()


class SupportView(Screen):
    """The Support screen. Give it a store with `set_store`; `refresh` reloads from it."""

    depends_on = frozenset({DataKind.SUPPORT})

    def __init__(
        self, reduce_motion: Callable[[], bool] = lambda: False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Support"))
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.grounding = GroundingExercise()
        self.grounding.done_requested.connect(self.show_overview)
        self.breathing = BreathingPractice(reduce_motion)
        self.safety_plan = SafetyPlanEditor()
        self.safety_plan.saved.connect(lambda: self.announce(DataKind.SUPPORT))
        self.contacts = ContactsPanel()
        self.contacts.changed.connect(self._contacts_changed)

        self.overview = self._build_overview()
        self.grounding_page = self._part_page(
            self.grounding,
            self.tr("Ground yourself"),
            self.tr("Five senses, one at a time. Take as long as you like."),
        )
        # No subtitle: the circle and its words need the room in a small window.
        self.breathing_page = self._part_page(self.breathing, self.tr("Breathe slowly"), "")
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setAccessibleName(self.tr("Print my safety plan"))
        self.print_button.clicked.connect(self.safety_plan.print_plan)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Save my safety plan as a PDF"))
        self.pdf_button.clicked.connect(self.safety_plan.ask_and_save_pdf)
        self.someone_now = SomeoneNowCard()
        self.someone_now.contacts_requested.connect(self.show_contacts)
        plan_and_people = QWidget()
        plan_column = QVBoxLayout(plan_and_people)
        plan_column.setContentsMargins(0, 0, 0, 0)
        plan_column.setSpacing(space(3))
        plan_column.addWidget(self.someone_now)
        plan_column.addWidget(self.safety_plan, 1)
        self.safety_plan_page = self._part_page(
            plan_and_people,
            self.tr("My safety plan"),
            self.tr("Your own steps for a hard moment, in your words. Saved as you write."),
            (self.print_button, self.pdf_button),
        )
        self.contacts_page = self._part_page(
            self.contacts,
            self.tr("People to contact"),
            self.tr("Crisis lines, your therapist and your clinic. Saved as you write."),
        )
        for page in (
            self.overview,
            self.grounding_page,
            self.breathing_page,
            self.safety_plan_page,
            self.contacts_page,
        ):
            self.pages.addWidget(page)

        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.show_overview)
        # On the overview itself, Esc is the window's: back to the sidebar.
        self._back_to_overview = back
        self.pages.currentChanged.connect(self._enable_back_to_overview)
        self._enable_back_to_overview()
        self._show_emergency_sentence()
        # The safety plan is the client's own writing: it opens with their data (grounding,
        # breathing and the crisis lines need none, and work while the data is locked).
        self._set_safety_plan_open(False)

    # Building -------------------------------------------------------------------------------

    def _build_overview(self) -> HeaderedPage:
        page = HeaderedPage(scrolling=True)
        page.setAccessibleName(self.tr("Ways of support"))
        header = PageHeader()
        header.set_words(
            self.tr("You are not alone with this."),
            self.tr("Choose whatever might help right now. You can stop at any point."),
        )
        page.set_header(header)
        choices = QVBoxLayout()
        choices.setSpacing(space(1))
        self.grounding_choice = ChoiceButton(
            self.tr("Ground yourself (5-4-3-2-1)"),
            self.tr("Come back to the here and now through your senses, step by step."),
        )
        self.grounding_choice.clicked.connect(self.show_grounding)
        self.breathing_choice = ChoiceButton(
            self.tr("Breathe slowly"),
            self.tr("Let a slow, steady rhythm guide your breath."),
        )
        self.breathing_choice.clicked.connect(self.show_breathing)
        self.safety_plan_choice = ChoiceButton(
            self.tr("My safety plan"),
            self.tr("Your own steps for a hard moment, written in your words."),
        )
        self.safety_plan_choice.clicked.connect(self.show_safety_plan)
        self.contacts_choice = ChoiceButton(
            self.tr("People to contact"),
            self.tr("Crisis lines you can call, your therapist and your clinic."),
        )
        self.contacts_choice.clicked.connect(self.show_contacts)
        for choice in (
            self.grounding_choice,
            self.breathing_choice,
            self.safety_plan_choice,
            self.contacts_choice,
        ):
            choices.addWidget(choice)
        page.body.addLayout(choices)
        self.emergency_sentence = text("", "reading")
        self.emergency_sentence.setAccessibleName(self.tr("Not an emergency service"))
        page.body.addWidget(self.emergency_sentence)
        page.body.addStretch(1)
        return page

    def _part_page(
        self, content: QWidget, title: str, subtitle: str, actions: tuple[QWidget, ...] = ()
    ) -> HeaderedPage:
        """A part of Support under a way back, its title and its actions."""
        page = HeaderedPage(scrolling=True)
        page.setAccessibleName(title)
        header = QWidget()
        column = QVBoxLayout(header)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(space(1))
        back = QPushButton(self.tr("Back to Support"))
        back.setAccessibleName(self.tr("Back to all the ways of support"))
        back.setAccessibleDescription(self.tr("Esc does the same."))
        back.clicked.connect(self.show_overview)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(back)
        row.addStretch(1)
        column.addLayout(row)
        words = PageHeader(actions)
        words.set_words(title, subtitle)
        column.addWidget(words)
        page.set_header(header)
        page.body.addWidget(content, 1)
        # The way back comes first for the Tab key, then the page's actions, then the part.
        chain = [back, *actions, content]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        return page

    # Store and refreshing -------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        # The parts read the store as soon as they are handed it, shown or not.
        self._store = store
        self._set_safety_plan_open(True)
        self.safety_plan.set_store(store)
        self.contacts.set_store(store)
        self._show_emergency_sentence()

    def _set_safety_plan_open(self, open_: bool) -> None:
        choice = self.safety_plan_choice
        choice.setEnabled(open_)
        words = (
            self.tr("Your own steps for a hard moment, written in your words.")
            if open_
            else self.tr("Your own steps for a hard moment. They open with your entries.")
        )
        choice.description_label.setText(words)
        choice.setAccessibleDescription(words)

    def load_from_store(self) -> None:
        """Reload the plan, the contacts and the country from the store (typing is kept)."""
        if self._store is None:
            return
        self.safety_plan.refresh()
        self.contacts.refresh()
        self._show_emergency_sentence()

    def save_now(self) -> None:
        """Save anything typed and not yet saved (call before the window closes)."""
        self.safety_plan.save_now()
        self.contacts.save_now()

    def _contacts_changed(self) -> None:
        self._show_emergency_sentence()
        self.announce(DataKind.SUPPORT)

    def _show_emergency_sentence(self) -> None:
        """The words that depend on the chosen country (and the therapist's number)."""
        country = chosen_country(self._store)
        self.emergency_sentence.setText(not_an_emergency_service(country))
        people = saved_contacts(self._store) if self._store is not None else {}
        own = own_lines(self._store) if self._store is not None else ()
        self.someone_now.show_for(country, people, plan_crisis_lines(self._store), own)

    # Moving between the parts ---------------------------------------------------------------

    def current_part(self) -> str:
        """Which part shows: "overview", "grounding", "breathing", "safety_plan" or "contacts"."""
        parts: dict[QWidget | None, str] = {
            self.grounding_page: "grounding",
            self.breathing_page: "breathing",
            self.safety_plan_page: "safety_plan",
            self.contacts_page: "contacts",
        }
        return parts.get(self.pages.currentWidget(), "overview")

    def _leave_part(self) -> None:
        self.save_now()
        self.breathing.pause()

    def _enable_back_to_overview(self) -> None:
        self._back_to_overview.setEnabled(self.pages.currentWidget() is not self.overview)

    def show_overview(self) -> None:
        """Back to the four choices, saving first; the choice you came from keeps focus."""
        came_from = self.current_part()
        self._leave_part()
        self.pages.setCurrentWidget(self.overview)
        choice = {
            "grounding": self.grounding_choice,
            "breathing": self.breathing_choice,
            "safety_plan": self.safety_plan_choice,
            "contacts": self.contacts_choice,
        }.get(came_from, self.grounding_choice)
        choice.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_grounding(self) -> None:
        """Start the 5-4-3-2-1 exercise from its first sense."""
        self._leave_part()
        self.grounding.restart()
        self.pages.setCurrentWidget(self.grounding_page)
        self.grounding.focus_current()

    def show_breathing(self) -> None:
        """Show paced breathing, ready to start."""
        self._leave_part()
        self.breathing.prepare()
        self.pages.setCurrentWidget(self.breathing_page)
        self.breathing.focus_first()

    def show_safety_plan(self) -> None:
        """Show the client's safety plan, ready to read or write."""
        self._leave_part()
        self.safety_plan.refresh()
        self._show_emergency_sentence()
        self.pages.setCurrentWidget(self.safety_plan_page)
        self.safety_plan.focus_first()

    def show_contacts(self) -> None:
        """Show the therapist, clinic and crisis lines."""
        self._leave_part()
        self.contacts.refresh()
        self.pages.setCurrentWidget(self.contacts_page)
        self.contacts.focus_first()

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the screen (or closing the window) saves, and the breathing stops.
        self._leave_part()
        super().hideEvent(event)
