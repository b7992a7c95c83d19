"""Check-ins: the standard questionnaires (PHQ-9, GAD-7, PCL-5), taken and looked back on.

Three pages in one screen, in a stack: the overview (a card per questionnaire), the
questionnaire being taken (`CheckInFlow`) and a result (`CheckInResults`), which can be moved
to "recently deleted". After anything is saved or moved the view emits
`data_changed(DataKind.CHECK_INS)`; when PHQ-9 item 9 is answered above 0
it offers `safety_plan_requested`, which the window answers with the client's safety plan and
crisis contacts. It never reaches into other views, and reloads only when check-ins change.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kapcompanion.data_files.questionnaires import all_questionnaires, questionnaire
from kapcompanion.domain import DeletedKind
from kapcompanion.errors import KapError
from kapcompanion.ids import CheckInId
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.checkins.flow import CheckInFlow
from ui.checkins.overview import CardState, QuestionnaireCard
from ui.checkins.results import CheckInResults
from ui.widgets.deleting import ask_about_check_in
from ui.widgets.error_messages import show_error
from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.screen import Screen
from ui.widgets.wording import day_of

if TYPE_CHECKING:
    from kapcompanion.store import Store


class CheckInsView(Screen):
    """The check-ins screen. Give it a store with `set_store`; `refresh` reloads from it."""

    # How often each is offered is a setting, but it is changed here and told as CHECK_INS.
    depends_on = frozenset({DataKind.CHECK_INS})
    safety_plan_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Check-ins"))
        self.flow: CheckInFlow | None = None
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.overview = self._build_overview()
        self.results = CheckInResults()
        self.results.back_requested.connect(self.show_overview)
        self.results.safety_plan_requested.connect(self.safety_plan_requested)
        self.results.delete_requested.connect(self.delete_check_in)
        self.pages.addWidget(self.overview)
        self.pages.addWidget(self.results)

    def _build_overview(self) -> HeaderedPage:
        page = HeaderedPage(scrolling=True)
        page.setAccessibleName(self.tr("All check-ins"))
        header = PageHeader()
        header.set_words(
            self.tr("Check-ins"),
            self.tr(
                "These are the standard questionnaires therapists use to follow how things are "
                "going. They are not a diagnosis: they help you and your therapist notice how "
                "things change over time."
            ),
        )
        page.set_header(header)
        self.cards: dict[str, QuestionnaireCard] = {}
        for each in all_questionnaires():
            card = QuestionnaireCard(each)
            card.take_requested.connect(self.take)
            card.start_again_requested.connect(self.start_again)
            card.result_requested.connect(self.show_result)
            card.every_days_chosen.connect(self._every_days_chosen)
            page.body.addWidget(card)
            self.cards[each.id] = card
        page.body.addStretch(1)
        return page

    # Store and refreshing -------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        if store is not self._store and self.flow is not None:
            self._discard_flow()  # it belonged to the store that was open before
            self.pages.setCurrentWidget(self.overview)
        super().set_store(store)

    def load_from_store(self) -> None:
        """Update the cards (and a result on show) from the store; a questionnaire being
        taken is left alone."""
        if self._store is None:
            return
        from kapcompanion.course.check_in_schedule import every_days, schedule

        today = date.today()
        due = {item.questionnaire.id: item.due_on for item in schedule(self._store, today)}
        for instrument, card in self.cards.items():
            card.show_state(
                CardState(
                    completed=self._store.check_ins.completed(instrument),
                    draft=self._store.check_ins.unfinished(instrument),
                    every_days=every_days(self._store, instrument),
                    due_on=due.get(instrument),
                    today=today,
                )
            )
        shown = self.results.check_in
        if self.current_page() == "results" and shown is not None:
            self.show_result(int(shown.id))

    # Moving between the pages ---------------------------------------------------------------

    def current_page(self) -> str:
        """Which page shows: "overview", "taking" or "results"."""
        current = self.pages.currentWidget()
        if current is self.results:
            return "results"
        if self.flow is not None and current is self.flow:
            return "taking"
        return "overview"

    def show_overview(self, instrument: str = "") -> None:
        """Show every questionnaire; the keyboard goes to `instrument`'s card (or the first)."""
        self.refresh()
        self.pages.setCurrentWidget(self.overview)
        if not instrument and self.results.check_in is not None:
            instrument = self.results.check_in.instrument
        card = self.cards.get(instrument) or next(iter(self.cards.values()))
        card.take_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def take(self, instrument: str) -> None:
        """Begin `instrument`, or continue where the client left off."""
        if self._store is None:
            return
        chosen = questionnaire(instrument)
        flow = CheckInFlow(self._store, chosen, self._store.check_ins.unfinished(instrument))
        flow.finished.connect(self._finished)
        flow.paused.connect(lambda: self._close_flow(instrument))
        flow.safety_plan_requested.connect(self.safety_plan_requested)
        flow.data_changed.connect(self.data_changed)
        self._discard_flow()
        self.flow = flow
        self.pages.addWidget(flow)
        self.pages.setCurrentWidget(flow)
        flow.go_to(flow.position)  # focus, now that it is shown

    def start_again(self, instrument: str) -> None:
        """Set the unfinished one aside and begin afresh."""
        if self._store is None:
            return
        draft = self._store.check_ins.unfinished(instrument)
        try:
            if draft is not None:
                self._store.deleted.move(DeletedKind.CHECK_IN, draft.id)
        except KapError as error:
            show_error(self, error)
            return
        self.announce(DataKind.CHECK_INS)  # the overview is read again when it is next shown
        self.take(instrument)

    def show_result(self, check_in_id: int) -> None:
        """Show the result of one finished check-in."""
        from kapcompanion.errors import NotFoundError

        if self._store is None:
            return
        try:
            check_in = self._store.check_ins.get(CheckInId(check_in_id))
        except NotFoundError:
            self.show_overview()
            return
        completed = self._store.check_ins.completed(check_in.instrument)
        earlier = []
        for each in completed:
            if each.id == check_in.id:
                break
            earlier.append(each)
        self.results.show_result(questionnaire(check_in.instrument), check_in, earlier)
        if self.pages.currentWidget() is not self.results:
            self.pages.setCurrentWidget(self.results)
            self.results.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_check_in(self, check_in_id: int) -> None:
        """Move a finished check-in to "recently deleted", after a calm question."""
        from kapcompanion.errors import NotFoundError

        shown = self.results.check_in
        if self._store is None or shown is None or shown.id != check_in_id:
            return
        when = shown.completed_at or shown.started_at
        what = fill(self.tr("Your %1 of %2"), questionnaire(shown.instrument).name, day_of(when))
        if not ask_about_check_in(self, what):
            return
        try:
            self._store.deleted.move(DeletedKind.CHECK_IN, shown.id)
        except NotFoundError:
            pass  # gone already: the overview shows how things are
        except KapError as error:
            show_error(self, error)
            return
        self.results.check_in = None
        self.show_overview(shown.instrument)
        self.announce(DataKind.CHECK_INS)

    def _finished(self, check_in_id: int) -> None:
        self._discard_flow()
        self.refresh()
        self.show_result(check_in_id)

    def _close_flow(self, instrument: str) -> None:
        self._discard_flow()
        self.show_overview(instrument)

    def _discard_flow(self) -> None:
        if self.flow is not None:
            self.pages.removeWidget(self.flow)
            self.flow.deleteLater()
            self.flow = None

    def _every_days_chosen(self, instrument: str, days: int) -> None:
        from kapcompanion.course.check_in_schedule import set_every_days

        if self._store is None:
            return
        try:
            set_every_days(self._store, instrument, days)
        except KapError as error:
            show_error(self, error)
        self.refresh()
        self.announce(DataKind.CHECK_INS)
