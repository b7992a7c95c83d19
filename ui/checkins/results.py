"""One check-in's result: the score and its band in plain words, the change since last time,
what is missing, PCL-5's cluster scores and screening cut-point, WHO-5's raw score and (at or below
its cut-point) a gentle word about talking it over, the answers, and the source.

Scored exactly as published: an unanswered item is never counted as zero and nothing is
prorated; a missing answer means no total, said plainly. The page only reads; "Delete…" asks
the view to move the check-in to "recently deleted".
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.data_files.questionnaires import Questionnaire, Score
from kapcompanion.domain import CheckIn
from kapcompanion.wording.translation import fill
from ui.checkins.safety import SafetyNote
from ui.checkins.wording import (
    change_lines,
    cluster_line,
    cut_point_text,
    missing_text,
    range_text,
    raw_score_text,
    result_sentence,
    score_of,
    small_print,
    threshold_text,
)
from ui.widgets.building_blocks import card, clear_layout, text
from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.style import space
from ui.widgets.wording import day_of


class CheckInResults(HeaderedPage):
    """Shows one finished check-in; `show_result` fills it."""

    back_requested = Signal()
    safety_plan_requested = Signal()
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(scrolling=True, parent=parent)
        self.setAccessibleName(self.tr("Check-in result"))
        self.check_in: CheckIn | None = None
        self.result: Score | None = None
        self.back_button = QPushButton(self.tr("Back to check-ins"))
        self.back_button.setObjectName("primary")
        self.back_button.setAccessibleName(self.tr("Back to all check-ins"))
        self.back_button.clicked.connect(self.back_requested)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setAccessibleName(self.tr("Move this check-in to recently deleted"))
        self.delete_button.clicked.connect(self._delete)
        self.header = PageHeader((self.delete_button, self.back_button))
        self.set_header(self.header)
        QWidget.setTabOrder(self.delete_button, self.back_button)
        self.safety_note: SafetyNote | None = None
        self.result_label = text("", "reading")
        self.raw_label: QLabel | None = None
        self.suggestion_label: QLabel | None = None
        self.cut_point_label: QLabel | None = None
        back = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        back.activated.connect(self.back_requested)

    def show_result(
        self, questionnaire: Questionnaire, check_in: CheckIn, earlier: list[CheckIn]
    ) -> None:
        """Fill the page with `check_in`; `earlier` are the ones finished before it."""
        locale = QLocale()
        result = score_of(check_in, questionnaire)
        self.check_in, self.result = check_in, result
        when = check_in.completed_at or check_in.started_at
        self.header.set_words(
            fill(self.tr("Your %1 result"), questionnaire.name),
            day_of(when, locale, weekday=True),
        )
        clear_layout(self.body)
        self.safety_note = None
        self.raw_label = self.suggestion_label = self.cut_point_label = None
        self.body.addWidget(self._result_card(result, earlier, locale))
        if result.safety_flags:
            self.safety_note = SafetyNote(in_flow=False)
            self.safety_note.safety_plan_requested.connect(self.safety_plan_requested)
            self.body.addWidget(self.safety_note)
        if result.clusters:
            self.body.addWidget(self._clusters_card(result, locale))
        self.body.addWidget(self._answers_card(questionnaire, check_in, locale))
        self.body.addWidget(self._source(questionnaire))
        self.body.addStretch(1)
        if self.scroller is not None:
            self.scroller.verticalScrollBar().setValue(0)

    def _result_card(self, result: Score, earlier: list[CheckIn], locale: QLocale) -> QWidget:
        questionnaire = result.questionnaire
        frame, layout = card()
        layout.setSpacing(space(1))
        self.result_label = text(result_sentence(result, locale), "reading")
        layout.addWidget(self.result_label)
        if result.total is None:
            layout.addWidget(text(missing_text(result.missing, locale), "reading"))
            layout.addWidget(
                text(
                    self.tr(
                        "Unanswered questions are never counted as zero, so the result stays "
                        "true to what you said."
                    ),
                    "muted",
                )
            )
            return frame
        raw = raw_score_text(result, locale)
        if raw:
            self.raw_label = small_print(raw)
            layout.addWidget(self.raw_label)
        layout.addWidget(text(range_text(questionnaire, locale), "muted"))
        if result.band is not None and result.band.suggestion:
            layout.addSpacing(space(1))
            self.suggestion_label = text(result.band.suggestion, "reading")
            layout.addWidget(self.suggestion_label)
        lines = change_lines(result, earlier, locale)
        if lines:
            layout.addSpacing(space(1))
            for line in lines:
                layout.addWidget(text(line, "reading"))
            passed = threshold_text(result, earlier, locale)
            if passed:
                layout.addWidget(text(passed, "reading"))
            elif questionnaire.change_words:
                layout.addWidget(text(questionnaire.change_words, "muted"))
        elif not earlier:
            layout.addWidget(
                text(
                    self.tr("Next time, you will see here how it has changed since this one."),
                    "muted",
                )
            )
        side = result.cut_point_side
        if side is not None:
            layout.addSpacing(space(1))
            # At or above the cut-point this reads as plainly as the score itself.
            self.cut_point_label = text(
                cut_point_text(result, locale), "muted" if side < 0 else "reading"
            )
            layout.addWidget(self.cut_point_label)
            if side >= 0:
                layout.addWidget(
                    text(
                        self.tr(
                            "A screening cut-point says nothing about who you are. It marks "
                            "where a conversation with someone who knows you may be useful."
                        ),
                        "muted",
                    )
                )
        return frame

    def _clusters_card(self, result: Score, locale: QLocale) -> QWidget:
        frame, layout = card(self.tr("The four groups of questions"))
        layout.addWidget(
            text(
                fill(
                    self.tr("The %1 groups its questions in four parts, each with its own score."),
                    result.questionnaire.name,
                ),
                "muted",
            )
        )
        for cluster_score in result.clusters:
            layout.addWidget(text(cluster_line(result, cluster_score, locale)))
        return frame

    def _answers_card(
        self, questionnaire: Questionnaire, check_in: CheckIn, locale: QLocale
    ) -> QWidget:
        frame, layout = card(self.tr("Your answers"))
        layout.setSpacing(space(1))
        labels = {option.value: option.label for option in questionnaire.options}
        grid = QGridLayout()  # the numbers in a column of their own, the words aligned
        grid.setHorizontalSpacing(space(1))
        grid.setVerticalSpacing(space(1))
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        for item in questionnaire.items:
            value = check_in.answers.get(item.number)
            answer = (
                fill(self.tr("%1 (%2)"), labels[value], locale.toString(value))
                if value is not None and value in labels
                else self.tr("Not answered")
            )
            number = text(fill(self.tr("%1."), locale.toString(item.number)), "muted", wrap=False)
            words = QVBoxLayout()
            words.setSpacing(0)
            words.addWidget(text(item.text))
            words.addWidget(text(answer, "muted"))
            row = item.number - 1
            grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            grid.addLayout(words, row, 1)
        extra_labels = {option.value: option.label for option in questionnaire.extra_options}
        extra = check_in.extra_answer
        if questionnaire.extra_question and extra is not None and extra in extra_labels:
            layout.addSpacing(space(1))
            layout.addWidget(text(questionnaire.extra_question))
            layout.addWidget(
                text(
                    fill(self.tr("%1 (not part of the score)"), extra_labels[extra]),
                    "muted",
                )
            )
        return frame

    def _source(self, questionnaire: Questionnaire) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(space(3), 0, space(3), 0)
        row.addWidget(
            small_print(
                fill(
                    self.tr("Source: %1 %2"),
                    questionnaire.source,
                    questionnaire.licence,
                )
            )
        )
        return holder

    def _delete(self) -> None:
        if self.check_in is not None:
            self.delete_requested.emit(int(self.check_in.id))
