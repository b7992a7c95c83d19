"""Printout: the client builds what they bring to their therapist, then previews, prints or
saves it as a PDF.

From top to bottom: which days (`PeriodPicker`), which sections (`SectionChoice`), exactly which
reflections and insights go in (two `ChoiceList`s: those marked shareable are ticked to begin
with; nothing unticked is ever printed), an optional name or initials and a note, and last a
file for the clinic's records (only the questionnaires of those days and that name:
ui.printout.clinic_file). The header
stays put with a sentence saying how much will be included and the two actions. What is ticked
here belongs to this printout only: it never changes what is marked shareable. The rules
(what a period means, what is on offer, what is pre-selected, the paper) are the core's
(kapcompanion.report); this screen never writes data. It reloads when sessions, reflections,
insights, themes or check-ins change — out of sight, only when it is next shown (`Screen`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Literal, cast

from PySide6.QtCore import QEventLoop, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.course.trends import Period
from kapcompanion.ids import InsightId, ReflectionId
from kapcompanion.report.content.options import (
    NAME_CHARACTERS,
    PeriodChoice,
    ReportCandidates,
    ReportOptions,
    ReportSection,
    candidate_insights,
    candidate_reflections,
    period_for,
    preselected_options,
)
from kapcompanion.report.errors import ReportPeriodError
from kapcompanion.report.paint.paper import default_page_size
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.printout.child_pages import ChildPages
from ui.printout.choices import Choice, ChoiceList, ChoiceListWords, Offered
from ui.printout.clinic_file import save_clinic_file
from ui.printout.job import ReportJob, stop_jobs_on_quit
from ui.printout.output import (
    ask_for_pdf_path,
    show_preview,
    suggested_pdf_path,
    tell_problem,
    tell_saved,
)
from ui.printout.period import PeriodPicker
from ui.printout.sections import SectionChoice
from ui.printout.wording import insight_words, reflection_words, section_wording, summary_sentence
from ui.widgets.building_blocks import card, text
from ui.widgets.focus import chain_tab_order
from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.progress_cancel import ProgressWithCancel
from ui.widgets.screen import Screen
from ui.widgets.style import space

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime
    from pathlib import Path

    from kapcompanion.domain import Answer, Insight, Reflection, Session
    from kapcompanion.ids import SessionId
    from kapcompanion.report.paint.paper import SavedReport
    from kapcompanion.store import Store

NOTE_LINES = 4
WORDED_AT_ONCE = 50  # reflections whose first words are read together, as they are shown
# What `ReportView.output_finished` says.
SAVED, PREVIEWED, FAILED, CANCELLED = "saved", "previewed", "failed", "cancelled"


class ReportView(Screen):
    """The printout builder. Give it a store with `set_store`; `refresh` reloads from it.

    Its `data_changed` is never emitted: building a printout changes no data.
    """

    # The days the course spans, and every reflection, insight and score it could include.
    depends_on = frozenset(
        {
            DataKind.SESSIONS,
            DataKind.REFLECTIONS,
            DataKind.INSIGHTS,
            DataKind.THEMES,
            DataKind.CHECK_INS,
        }
    )

    output_finished = Signal(str)  # SAVED, PREVIEWED, FAILED or CANCELLED: see start_…

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._job: ReportJob | None = None
        self._tell_saved = True
        self._saved_path: Path | None = None
        stop_jobs_on_quit()
        self.setAccessibleName(self.tr("Printout"))
        self._period: Period | None = Period()
        self._sessions: dict[SessionId, Session] = {}
        self._choices: dict[tuple[str, int, datetime], Choice] = {}  # see _reflection_choice
        self._first_words: dict[ReflectionId, tuple[Answer, ...]] = {}
        # Every finished reflection and live insight, newest first, with its day.
        self._reflections: list[tuple[date, Reflection]] = []
        self._insights: list[tuple[date, Insight]] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page = HeaderedPage(scrolling=True)
        layout.addWidget(self.page)
        self._build_header()
        self._build_body()
        self._build_tab_order()
        self._update_summary()

    # Building -----------------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.header = PageHeader()
        self.header.set_words(
            self.tr("Printout for your therapist"),
            self.tr(
                "A summary of your course to bring to your appointment. Nothing private is "
                "included unless you choose it."
            ),
        )
        self.page.set_header(self.header)

        self.summary = text("", "muted")
        self.summary.setAccessibleName(self.tr("What will be included"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Save the printout as a PDF"))
        self.pdf_button.clicked.connect(self.ask_and_save_pdf)
        self.print_button = QPushButton(self.tr("Preview and print…"))
        self.print_button.setObjectName("primary")
        self.print_button.setAccessibleName(self.tr("Preview and print the printout"))
        self.print_button.clicked.connect(self.preview)
        actions = QWidget()
        row = QHBoxLayout(actions)
        row.setContentsMargins(0, space(2), 0, 0)
        row.setSpacing(space(1))
        row.addWidget(self.summary, 1)
        row.addWidget(self.pdf_button)
        row.addWidget(self.print_button)
        self.page.header_slot.addWidget(actions)
        self.progress = ProgressWithCancel()
        self.progress.cancel_requested.connect(self.cancel_output)
        self.page.header_slot.addWidget(self.progress)

    def _build_body(self) -> None:
        body = self.page.body

        period_card, period_layout = card(self.tr("Which days"))
        self.period_picker = PeriodPicker()
        self.period_picker.changed.connect(self._period_changed)
        period_layout.addWidget(self.period_picker)
        body.addWidget(period_card)

        sections_card, sections_layout = card(self.tr("What the printout covers"))
        self.sections = SectionChoice()
        self.sections.changed.connect(self._sections_changed)
        sections_layout.addWidget(self.sections)
        body.addWidget(sections_card)

        include_card, include_layout = card(self.tr("What to include"))
        include_layout.addWidget(
            text(
                self.tr(
                    "Only what is ticked goes in. The ones you marked as shareable are ticked "
                    "to begin with; changing them here is for this printout only."
                ),
                "muted",
            )
        )
        self.reflections = ChoiceList(
            ChoiceListWords(
                title=self.tr("Reflections"),
                list_name=self.tr("Reflections to include"),
                all_name=self.tr("Include every reflection"),
                none_name=self.tr("Include no reflections"),
                empty=self.tr(
                    "You finished no reflections in these days. A longer period may show some."
                ),
                none_yet=self.tr(
                    "Reflections you finish will appear here, for you to choose from."
                ),
            )
        )
        self.insights = ChoiceList(
            ChoiceListWords(
                title=self.tr("Insights"),
                list_name=self.tr("Insights to include"),
                all_name=self.tr("Include every insight"),
                none_name=self.tr("Include no insights"),
                empty=self.tr(
                    "You noted no insights in these days. A longer period may show some."
                ),
                none_yet=self.tr("Insights you note will appear here, for you to choose from."),
            )
        )
        include_layout.addSpacing(space(1))
        include_layout.addWidget(self.reflections)
        include_layout.addSpacing(space(2))
        include_layout.addWidget(self.insights)
        for checklist in (self.reflections, self.insights):
            checklist.changed.connect(self._update_summary)
        body.addWidget(include_card)

        personal_card, personal_layout = card(self.tr("For your therapist"))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(NAME_CHARACTERS)
        self.name_edit.setAccessibleName(self.tr("Your name or initials"))
        self.name_edit.setPlaceholderText(self.tr("Optional; left off if empty"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("A note for your therapist"))
        self.note_edit.setPlaceholderText(self.tr("Optional"))
        self.note_edit.setTabChangesFocus(True)  # Tab moves on, as everywhere else on the page
        line_height = self.note_edit.fontMetrics().lineSpacing()
        self.note_edit.setFixedHeight(NOTE_LINES * line_height + 2 * space(1) + 4)
        for words, editor in (
            (self.tr("Your name or initials"), self.name_edit),
            (self.tr("A note for your therapist"), self.note_edit),
        ):
            caption = text(words, "muted")
            caption.setBuddy(editor)
            personal_layout.addWidget(caption)
            personal_layout.addWidget(editor)
        body.addWidget(personal_card)

        clinic_card, clinic_layout = card(self.tr("For your clinic's records"))
        clinic_layout.addWidget(
            text(
                self.tr(
                    "A file your clinic can import into their records: only your finished "
                    "questionnaires from the days above, and your name if you gave one. "
                    "Nothing else goes in."
                ),
                "muted",
            )
        )
        self.clinic_button = QPushButton(self.tr("Save a file for my clinic…"))
        self.clinic_button.setAccessibleName(self.tr("Save a file for your clinic's records"))
        self.clinic_button.clicked.connect(self.ask_and_save_clinic_file)
        clinic_row = QHBoxLayout()
        clinic_row.addWidget(self.clinic_button)
        clinic_row.addStretch(1)
        clinic_layout.addLayout(clinic_row)
        body.addWidget(clinic_card)
        body.addStretch(1)

    def _build_tab_order(self) -> None:
        order: list[QWidget] = [
            self.pdf_button,
            self.print_button,
            self.period_picker.choice_box,
            self.period_picker.from_date,
            self.period_picker.to_date,
            *self.sections.boxes.values(),
            self.reflections.all_button,
            self.reflections.none_button,
            self.reflections.view,
            self.insights.all_button,
            self.insights.none_button,
            self.insights.view,
            self.name_edit,
            self.note_edit,
            self.clinic_button,
        ]
        chain_tab_order(order)

    # Store and refreshing -----------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self.reflections.forget_choices()
        self.insights.forget_choices()
        super().set_store(store)

    def today(self) -> date:
        """The day the periods end on and the PDF's suggested name carries."""
        return date.today()

    def load_from_store(self) -> None:
        """Offer the course's days, then what the chosen period holds. Every finished
        reflection and live insight is read once here (without the reflections' answers),
        so that a change of period only sorts out what it holds."""
        if self._store is None:
            return
        sessions = self._store.sessions.list()
        first = self._store.first_moment()
        earliest = first.astimezone().date() if first else None
        self.period_picker.set_range(earliest, self.today())
        self._sessions = {s.id: s for s in sessions}
        self._reflections = [
            (r.started_at.astimezone().date(), r) for r in candidate_reflections(self._store)
        ]
        self._insights = [
            (i.created_at.astimezone().date(), i) for i in candidate_insights(self._store)
        ]
        self._choices.clear()
        self._first_words.clear()
        self._period_changed()

    def _say_why_empty(self, candidates: ReportCandidates) -> None:
        """An empty list says whether a longer period would help, or nothing is written yet."""
        for checklist, offered, written in (
            (self.reflections, candidates.reflections, self._reflections),
            (self.insights, candidates.insights, self._insights),
        ):
            words = checklist.words
            checklist.set_empty_words(words.empty if offered or written else words.none_yet)

    # Choosing -----------------------------------------------------------------------------------

    def _period_changed(self) -> None:
        """Offer the reflections and insights of the period now chosen."""
        if self._store is None:
            return
        today = self.today()
        choice = self.period_picker.choice()
        custom = self.period_picker.custom() if choice is PeriodChoice.CUSTOM else None
        try:
            period: Period | None = period_for(
                self._store, choice, today, custom, sessions=self._sessions.values()
            )
        except ReportPeriodError as error:
            period = None
            self.period_picker.describe(None, today, error.message)
        else:
            assert period is not None
            self.period_picker.describe(period, today)
        self._period = period
        if period is None:
            candidates, preselected = ReportCandidates((), ()), ReportOptions()
        else:
            candidates = ReportCandidates(
                tuple(r for day, r in self._reflections if _holds(period, day)),
                tuple(i for day, i in self._insights if _holds(period, day)),
            )
            preselected = preselected_options(period, candidates)
        self._say_why_empty(candidates)
        reflections, insights = candidates.reflections, candidates.insights
        self.reflections.set_choices(
            [Offered(int(r.id), r.uuid) for r in reflections],
            {int(each) for each in preselected.reflection_ids},
            lambda row: self._reflection_choice(reflections, row),
        )
        self.insights.set_choices(
            [Offered(int(i.id), i.uuid) for i in insights],
            {int(each) for each in preselected.insight_ids},
            lambda row: self._insight_choice(insights[row]),
        )
        self._update_summary()

    # A row's words are put together when it is first shown, and kept for the reload (and
    # again if its item changed): with ten years of reflections, wording them all took most
    # of the time of the screen's first showing and of a change of period.

    def _reflection_choice(self, reflections: tuple[Reflection, ...], row: int) -> Choice:
        reflection = reflections[row]
        key = ("reflection", int(reflection.id), reflection.updated_at)
        choice = self._choices.get(key)
        if choice is None:
            answers = self._first_words_of(reflections, row)
            words = reflection_words(replace(reflection, answers=answers), self._sessions)
            choice = self._choices[key] = Choice(int(reflection.id), reflection.uuid, *words)
        return choice

    def _first_words_of(self, reflections: tuple[Reflection, ...], row: int) -> tuple[Answer, ...]:
        """The first answer with words of reflection `row`, read with those of the rows
        after it (the next ones to be shown)."""
        wanted = reflections[row].id
        store = self._store
        if wanted not in self._first_words and store is not None:
            ids = [r.id for r in reflections[row : row + WORDED_AT_ONCE]]
            self._first_words.update(dict.fromkeys(ids, ()))
            self._first_words.update(store.reflections.first_written_answers(ids))
        return self._first_words.get(wanted, ())

    def _insight_choice(self, insight: Insight) -> Choice:
        key = ("insight", int(insight.id), insight.updated_at)
        choice = self._choices.get(key)
        if choice is None:
            choice = self._choices[key] = Choice(
                int(insight.id), insight.uuid, *insight_words(insight)
            )
        return choice

    def _sections_changed(self) -> None:
        chosen = self.sections.chosen()
        names = {wording.section: wording.label for wording in section_wording()}
        for checklist, section in (
            (self.reflections, ReportSection.REFLECTIONS),
            (self.insights, ReportSection.INSIGHTS),
        ):
            checklist.set_active(
                section in chosen,
                fill(
                    self.tr("“%1” is not among the sections, so none of these go in."),
                    names[section],
                ),
            )
        self._update_summary()

    def options(self) -> ReportOptions | None:
        """Everything chosen for this printout, in the core's terms; None while the chosen days
        cannot be used (a custom period that ends before it starts)."""
        if self._period is None:
            return None
        sections = self.sections.chosen()
        # A section left out takes its chosen items with it: nothing unticked, and nothing from
        # a section the client turned off, can reach the paper.
        reflections = (
            self.reflections.chosen() if ReportSection.REFLECTIONS in sections else frozenset()
        )
        insights = self.insights.chosen() if ReportSection.INSIGHTS in sections else frozenset()
        return ReportOptions(
            period=self._period,
            sections=sections,
            reflection_ids=frozenset(ReflectionId(each) for each in reflections),
            insight_ids=frozenset(InsightId(each) for each in insights),
            client_name=self.name_edit.text().strip(),
            note_to_therapist=self.note_edit.toPlainText().strip(),
        )

    def _update_summary(self) -> None:
        options = self.options()
        ready = options is not None and bool(options.sections) and self._store is not None
        if options is None:
            words = self.tr("Choose days that end after they start.")
        elif not options.sections:
            words = self.tr("Tick at least one section to make a printout.")
        else:
            words = summary_sentence(len(options.reflection_ids), len(options.insight_ids))
        self.summary.setText(words)
        self.summary.setAccessibleDescription(words)
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(ready and self._job is None)
        self.clinic_button.setEnabled(options is not None and self._store is not None)

    # Printing and saving ------------------------------------------------------------------------

    # Each is made by a ReportJob (ui.printout.job): the window stays responsive, the bar
    # under the header shows how far it has come, and its Cancel stops it. One at a time.

    def preview(self) -> None:
        """Show the print preview of the printout as chosen; the client prints from there."""
        self.start_preview()

    def ask_and_save_pdf(self) -> None:
        """Ask where to save the PDF (suggesting Documents), then save it there."""
        path = ask_for_pdf_path(self, suggested_pdf_path(self.today()))
        if path is not None:
            self.start_save_pdf(path)

    def ask_and_save_clinic_file(self) -> Path | None:
        """Save the chosen days' finished questionnaires, with the chosen name, as a file for
        the clinic (asking where); the file's path, or None if none was saved."""
        if self._store is None or self._period is None:
            return None
        return save_clinic_file(
            self, self._store, self._period, self.name_edit.text(), self.today()
        )

    @property
    def busy(self) -> bool:
        """True while a preview or a PDF is being made."""
        return self._job is not None

    def start_preview(self) -> bool:
        """Begin making the preview; it shows once its pages are laid out, and
        `output_finished` says PREVIEWED from within it (FAILED or CANCELLED otherwise).
        False, and nothing begun, when there is nothing to preview or the screen is busy."""
        return self._start(
            "pages",
            None,
            self.tr("Preparing the preview…"),
            self.tr("Stop preparing the preview"),
            self._preview_ready,
        )

    def start_save_pdf(self, path: Path, *, tell: bool = True) -> bool:
        """Begin saving the printout as chosen at `path`; once written, `output_finished`
        says SAVED (then, with `tell`, a note says so), or FAILED (after saying why) or
        CANCELLED (nothing is written). False, and nothing begun, when there is nothing to
        save or the screen is busy."""
        self._tell_saved = tell
        return self._start(
            "pdf",
            path,
            self.tr("Saving the PDF…"),
            self.tr("Stop saving the PDF"),
            self._saved,
        )

    def save_pdf(self, path: Path) -> Path | None:
        """Save the printout as chosen at `path`, and say so; None if it was not saved.
        Returns once it is over, the window's events turning meanwhile."""
        self._saved_path = None
        if not self.start_save_pdf(path):
            return None
        waiting = QEventLoop()
        self.output_finished.connect(waiting.quit)
        if self.busy:
            waiting.exec()
        self.output_finished.disconnect(waiting.quit)
        return self._saved_path

    def cancel_output(self) -> None:
        """Stop the preview or PDF being made; nothing is shown or written."""
        if self._job is not None:
            self._job.cancel()
            self.progress.cancel_button.setEnabled(False)

    def _start(
        self,
        what: Literal["pdf", "pages"],
        path: Path | None,
        doing: str,
        stop_name: str,
        done: Callable[[object], None],
    ) -> bool:
        options = self.options()
        if self._store is None or options is None or self._job is not None:
            return False
        job = self._job = ReportJob(
            self._store, options, what, default_page_size(), path=path, today=self.today()
        )
        job.progressed.connect(self.progress.set_progress)
        job.done.connect(done)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.progress.begin(doing, stop_name)
        self._update_summary()
        job.start()
        return True

    def _job_over(self) -> None:
        self._job = None
        self.progress.end()
        self._update_summary()

    def _saved(self, saved: object) -> None:
        saved = cast("SavedReport", saved)
        self._job_over()
        self._saved_path = saved.path
        self.output_finished.emit(SAVED)
        if self._tell_saved:
            tell_saved(self, saved.path)

    def _preview_ready(self, pages: object) -> None:
        assert isinstance(pages, ChildPages)
        self._job_over()
        store, options = self._store, self.options()
        if store is None or options is None:  # the profile went while it was made
            pages.close()
            self.output_finished.emit(CANCELLED)
            return
        show_preview(
            self, store, options, pages, lambda _dialog: self.output_finished.emit(PREVIEWED)
        )

    def _failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        self._job_over()
        self.output_finished.emit(FAILED)
        tell_problem(self, error)

    def _cancelled(self) -> None:
        self._job_over()
        self.output_finished.emit(CANCELLED)


def _holds(period: Period, day: date) -> bool:
    return (period.start is None or day >= period.start) and (
        period.end is None or day <= period.end
    )
