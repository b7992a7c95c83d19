"""The guided reflection: distress at the start, one prompt at a time, distress at the end,
what to carry forward, and the themes the client confirms.

Every step can be skipped, and the client can go back or pause at any time. Nothing typed is
lost: the current answer is written to the database about 1.5 seconds after typing pauses, on
every step change and when the client pauses or the window closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.course.theme_suggestions import Suggestion, suggest_themes
from kapcompanion.data_files.prompt_sets import Prompt, prompt_set_for
from kapcompanion.errors import KapError
from kapcompanion.ids import ReflectionId
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.widgets.autosave import Autosave, SaveNotice
from ui.widgets.bounded_text import BoundedTextEdit
from ui.widgets.breathing_pacer import GroundingPause
from ui.widgets.building_blocks import centred_column, clear_layout, step_shortcuts, text
from ui.widgets.distress_scale import DistressScale
from ui.widgets.error_messages import describe, show_message
from ui.widgets.step_flow import step_buttons, step_header
from ui.widgets.style import space

if TYPE_CHECKING:
    from kapcompanion.store import Store

HIGH_DISTRESS = 7
INSIGHT_FIELDS = 3
INSIGHT_MAX_LENGTH = 300


def draft_insights_key(reflection_uuid: str) -> str:
    return f"draft_insights:{reflection_uuid}"


class PromptPage(QWidget):
    """One prompt with a large, comfortable writing area."""

    def __init__(self, prompt: Prompt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt = prompt
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(1))
        layout.addWidget(text(prompt.text, "heading"))
        if prompt.hint:
            layout.addWidget(text(prompt.hint, "muted"))
        self.editor = BoundedTextEdit(what=self.tr("This answer"))
        self.editor.setObjectName("writing")
        self.editor.setAccessibleName(prompt.text)
        self.editor.setAccessibleDescription(prompt.hint)
        self.editor.setPlaceholderText(self.tr("Write as much or as little as you like."))
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(space(30))
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.editor.limit_note)


class HighDistressOffer(QFrame):
    """A gentle, dismissible offer of a breathing pause."""

    pause_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offer")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(space(2), space(2), space(2), space(2))
        layout.addWidget(
            text(
                self.tr(
                    "That sounds like a lot to hold right now. If you like, you can take a few "
                    "slow breaths before going on. You can also just continue."
                ),
                "reading",
            )
        )
        row = QHBoxLayout()
        breathe = QPushButton(self.tr("Take a breathing pause"))
        breathe.setAccessibleName(self.tr("Take a breathing pause"))
        breathe.clicked.connect(self.pause_requested)
        row.addWidget(breathe)
        row.addStretch(1)
        layout.addLayout(row)
        self.hide()


class ReflectionWizard(QWidget):
    """Guides one reflection from start to finish. Construct it for an existing draft."""

    finished = Signal(int)  # reflection id, once it is saved as complete
    paused = Signal()  # saved; the client will come back to it
    data_changed = Signal(str)  # a DataKind

    def __init__(
        self,
        store: Store,
        reflection_id: ReflectionId,
        *,
        reduce_motion: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Reflection"))
        self._store = store
        self._reduce_motion = reduce_motion
        reflection = store.reflections.get(reflection_id)
        self.reflection_id = reflection_id
        self._uuid = reflection.uuid
        self._prompt_set = prompt_set_for(reflection.phase)
        self._saved_text: dict[str, str] = {}
        self._skipped: set[str] = set()
        self.save_notice = SaveNotice()
        self.autosave = Autosave(self._write_changes, self.save_notice, self)

        # One centred column, about 70 characters of writing wide, whatever the window size.
        column_widget = QWidget()
        centred_column(column_widget, self, side_padding=space(4)).setContentsMargins(0, 0, 0, 0)
        outer = QVBoxLayout(column_widget)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._build_header())
        notice_row = QHBoxLayout()
        notice_row.setContentsMargins(space(4), 0, space(4), space(1))
        notice_row.addWidget(self.save_notice)
        outer.addLayout(notice_row)
        self.steps = QStackedWidget()
        outer.addWidget(self.steps, 1)
        outer.addWidget(self._build_navigation())

        self.start_scale = DistressScale(self.tr("How much distress do you feel right now?"))
        self.start_scale.set_value(reflection.distress_start)
        self.start_offer = HighDistressOffer()
        self.steps.addWidget(
            self._distress_step(self._prompt_set.introduction, self.start_scale, self.start_offer)
        )
        self.start_scale.rated.connect(self._start_rated)
        self.start_scale.cleared.connect(self._start_cleared)

        answers = {answer.prompt_id: answer for answer in reflection.answers}
        self.prompt_pages: list[PromptPage] = []
        for prompt in self._prompt_set.prompts:
            page = PromptPage(prompt)
            previous = answers.get(prompt.id)
            if previous is not None:
                page.editor.setPlainText(previous.text)
                self._saved_text[prompt.id] = previous.text
                if previous.skipped:
                    self._skipped.add(prompt.id)
            page.editor.textChanged.connect(self._schedule_save)
            self.prompt_pages.append(page)
            self.steps.addWidget(self._padded(page))

        self.end_scale = DistressScale(self.tr("And now, how much distress do you feel?"))
        self.end_scale.set_value(reflection.distress_end)
        self.end_offer = HighDistressOffer()
        self.steps.addWidget(
            self._distress_step(
                self.tr(
                    "You have reached the end of the questions. Thank you for staying with them."
                ),
                self.end_scale,
                self.end_offer,
            )
        )
        self.end_scale.rated.connect(self._end_rated)
        self.end_scale.cleared.connect(self._end_cleared)

        self.insight_fields = self._insight_fields()
        self.steps.addWidget(self._insights_step())
        self._theme_boxes: dict[str, QCheckBox] = {}
        self.themes_step = QWidget()
        self.steps.addWidget(self.themes_step)
        self.done_step = self._done_step()
        self.steps.addWidget(self.done_step)

        for offer in (self.start_offer, self.end_offer):
            offer.pause_requested.connect(self.offer_grounding)
        self._shortcuts()
        last_step = self.steps.count() - 2  # the themes step; "done" is only reached by finishing
        self.go_to(min(max(reflection.current_position, 0), last_step), save=False)

    # Building ------------------------------------------------------------------------------

    def _build_header(self) -> QWidget:
        header, self.progress = step_header(
            self._prompt_set.title, self.tr("Where you are in this reflection")
        )
        return header

    def _build_navigation(self) -> QWidget:
        buttons = step_buttons(
            pause=(self.tr("Save and finish later"), self.tr("Save and finish later")),
            back=(self.tr("Back"), self.tr("Back to the previous step")),
            skip=(self.tr("Skip"), self.tr("Skip this step")),
            next_=(self.tr("Next"), self.tr("Next step")),
        )
        self.pause_button, self.back_button = buttons.pause, buttons.back
        self.skip_button, self.next_button = buttons.skip, buttons.next
        buttons.connect_to(self)
        self._step_buttons = buttons
        return buttons.bar

    def _padded(self, content: QWidget) -> QWidget:
        wrapper = QWidget()
        layout = QVBoxLayout(wrapper)
        layout.setContentsMargins(space(4), space(2), space(4), 0)
        layout.addWidget(content)
        inner = content.layout()
        if inner is not None:
            inner.setContentsMargins(0, 0, 0, 0)
        return wrapper

    def _distress_step(
        self, introduction: str, scale: DistressScale, offer: HighDistressOffer
    ) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(space(3))
        if introduction:
            layout.addWidget(text(introduction, "reading"))
        layout.addWidget(scale)
        layout.addWidget(offer)
        layout.addStretch(1)
        return self._padded(page)

    def _insight_fields(self) -> list[QLineEdit]:
        saved = self._store.settings.get(draft_insights_key(self._uuid), default=[])
        fields = []
        for number in range(INSIGHT_FIELDS):
            field = QLineEdit()
            field.setMaxLength(INSIGHT_MAX_LENGTH)
            field.setPlaceholderText(self.tr("A short sentence, if you like"))
            field.setAccessibleName(
                fill(self.tr("Something to carry forward, %1 of %2"), number + 1, INSIGHT_FIELDS)
            )
            if number < len(saved) and isinstance(saved[number], str):
                field.setText(saved[number])
            field.textChanged.connect(self._schedule_save)
            fields.append(field)
        return fields

    def _insights_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(space(2))
        layout.addWidget(
            text(self.tr("Is there anything you would like to carry forward?"), "heading")
        )
        layout.addWidget(
            text(
                self.tr(
                    "You might name one to three things: an insight, a phrase, something to try. "
                    "They will be kept with this reflection. You can also leave this empty."
                ),
                "muted",
            )
        )
        for field in self.insight_fields:
            layout.addWidget(field)
        layout.addStretch(1)
        return self._padded(page)

    def _fill_themes_step(self) -> None:
        """Suggestions from what was written, with the words behind each, to confirm or not."""
        layout = self.themes_step.layout()
        if layout is None:
            layout = QVBoxLayout(self.themes_step)
            layout.setContentsMargins(space(4), space(2), space(4), 0)
            layout.setSpacing(space(1))
        chosen = {key for key, box in self._theme_boxes.items() if box.isChecked()}
        clear_layout(layout)
        self._theme_boxes = {}
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(text(self.tr("Which themes fit this reflection?"), "heading"))
        suggestions = suggest_themes("\n".join(p.editor.toPlainText() for p in self.prompt_pages))
        themes = {theme.key: theme for theme in self._store.themes.list()}
        confirmed = set(self._store.themes.keys_for_reflection(self.reflection_id)) | chosen
        if suggestions:
            layout.addWidget(
                text(
                    self.tr(
                        "These might fit what you wrote. Tick the ones that feel right; the words "
                        "that suggested each are shown beside it."
                    ),
                    "muted",
                )
            )
        else:
            layout.addWidget(
                text(
                    self.tr(
                        "Nothing in particular stood out from the words. You can add any theme "
                        "that feels right, or none."
                    ),
                    "muted",
                )
            )
        for suggestion in suggestions:
            if suggestion.theme_key in themes:
                self._add_theme_box(
                    layout,
                    themes[suggestion.theme_key].name,
                    suggestion.theme_key,
                    suggestion,
                    confirmed,
                )
        for key in sorted(confirmed - {s.theme_key for s in suggestions}):
            if key in themes:
                self._add_theme_box(layout, themes[key].name, key, None, confirmed)
        layout.addSpacing(space(2))
        layout.addWidget(self._other_theme_row())
        layout.addStretch(1)
        self._step_buttons.follow(self.themes_step)

    def _add_theme_box(
        self,
        layout: QVBoxLayout,
        name: str,
        key: str,
        suggestion: Suggestion | None,
        confirmed: set[str],
    ) -> None:
        if suggestion is not None:
            words = ", ".join(f"“{word}”" for word in suggestion.evidence[:4])
            label = fill(self.tr("%1 (you wrote %2)"), name, words)
        else:
            label = name
        box = QCheckBox(label)
        box.setAccessibleName(label)
        box.setChecked(key in confirmed)
        layout.addWidget(box)
        self._theme_boxes[key] = box

    def _other_theme_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.other_theme = QComboBox()
        self.other_theme.setEditable(True)
        self.other_theme.setAccessibleName(self.tr("Another theme, or a name for your own"))
        editor = self.other_theme.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("Another theme, or a name for your own"))
            editor.setAccessibleName(self.other_theme.accessibleName())
        for theme in self._store.themes.list():
            if theme.key not in self._theme_boxes:
                self.other_theme.addItem(theme.name, theme.key)
        self.other_theme.setCurrentIndex(-1)
        add = QPushButton(self.tr("Add theme"))
        add.setAccessibleName(self.tr("Add this theme"))
        add.clicked.connect(self.add_other_theme)
        layout.addWidget(self.other_theme, 1)
        layout.addWidget(add)
        return row

    def add_other_theme(self) -> None:
        name = self.other_theme.currentText().strip()
        if not name:
            return
        matching = [t for t in self._store.themes.list() if t.name.casefold() == name.casefold()]
        try:
            theme = matching[0] if matching else self._store.themes.add(name)
        except KapError as error:
            self.other_theme.setToolTip(describe(error)[1])
            return
        if theme.key in self._theme_boxes:
            self._theme_boxes[theme.key].setChecked(True)
        else:
            self._store.themes.set_for_reflection(
                self.reflection_id, [*self._chosen_themes(), theme.key]
            )
            self._fill_themes_step()
        self.data_changed.emit(DataKind.THEMES)

    def _done_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setSpacing(space(2))
        layout.addWidget(text(self.tr("Thank you for taking this time."), "title"))
        layout.addWidget(
            text(
                self.tr(
                    "Your reflection is saved. You can read it again whenever you like. Go gently "
                    "with yourself for the rest of the day."
                ),
                "reading",
            )
        )
        layout.addStretch(1)
        return self._padded(page)

    def _shortcuts(self) -> None:
        step_shortcuts(self, self.next, self.pause)

    # Moving between steps ------------------------------------------------------------------

    @property
    def position(self) -> int:
        return self.steps.currentIndex()

    def _is_prompt_step(self, position: int) -> bool:
        return 1 <= position <= len(self.prompt_pages)

    @property
    def _themes_position(self) -> int:
        return self.steps.indexOf(self.themes_step)

    def go_to(self, position: int, *, save: bool = True) -> None:
        if save:
            self.save_now()
        if position == self._themes_position:
            self._fill_themes_step()
        self.steps.setCurrentIndex(position)
        self._step_buttons.follow(self.steps.currentWidget())
        if save:
            self._store.reflections.set_position(self.reflection_id, position)
        self._update_navigation()
        self._focus_current()

    def _focus_current(self) -> None:
        position = self.position
        if self._is_prompt_step(position):
            self.prompt_pages[position - 1].editor.setFocus()
        elif position == 0:
            self.start_scale.slider.setFocus()
        elif position == self._themes_position - 2:
            self.end_scale.slider.setFocus()
        elif position == self._themes_position - 1:
            self.insight_fields[0].setFocus()
        elif position == self._themes_position:
            # The first theme (or, with none suggested, a theme of one's own), never Finish:
            # Space there would end the reflection with nothing ticked. The step's widgets
            # were just made and show on the next turn of the event loop.
            first = next(iter(self._theme_boxes.values()), self.other_theme)
            QTimer.singleShot(0, first, lambda: self._focus_if_on_themes(first))
        else:
            self.next_button.setFocus()

    def _focus_if_on_themes(self, first: QWidget) -> None:
        # The client may have left the step before its widgets showed (Back, pressed quickly).
        if self.steps.currentWidget() is self.themes_step:
            first.setFocus()

    def _update_navigation(self) -> None:
        position = self.position
        count = len(self.prompt_pages)
        done = self.steps.currentWidget() is self.done_step
        if self._is_prompt_step(position):
            progress = fill(self.tr("Question %1 of %2"), position, count)
        elif position == 0:
            progress = self.tr("Before you begin")
        elif done:
            progress = self.tr("Saved")
        else:
            progress = self.tr("Almost done")
        self.progress.setText(progress)
        self.back_button.setEnabled(position > 0 and not done)
        self.skip_button.setVisible(position < self._themes_position - 1)
        self.pause_button.setVisible(not done)
        self.back_button.setVisible(not done)
        if position == self._themes_position:
            self.next_button.setText(self.tr("Finish"))
            self.next_button.setAccessibleName(self.tr("Finish and save this reflection"))
        elif done:
            self.next_button.setText(self.tr("Close"))
            self.next_button.setAccessibleName(self.tr("Close this reflection"))
        else:
            self.next_button.setText(self.tr("Next"))
            self.next_button.setAccessibleName(self.tr("Next step"))

    def next(self) -> None:
        if self.steps.currentWidget() is self.done_step:
            self.finished.emit(int(self.reflection_id))
        elif self.position == self._themes_position:
            self.finish()
        else:
            self.go_to(self.position + 1)

    def back(self) -> None:
        if self.position > 0:
            self.go_to(self.position - 1)

    def skip(self) -> None:
        position = self.position
        if self._is_prompt_step(position):
            page = self.prompt_pages[position - 1]
            if not page.editor.toPlainText().strip():
                self._skipped.add(page.prompt.id)
        self.go_to(position + 1)

    def pause(self) -> None:
        """Save everything and step away; the reflection waits as a draft."""
        if self.steps.currentWidget() is self.done_step:
            self.finished.emit(int(self.reflection_id))
            return
        if self.save_now():
            self.paused.emit()
        # else: the writing stays open, so no word is lost, and the notice says why

    # Saving --------------------------------------------------------------------------------

    def _schedule_save(self) -> None:
        self.autosave.schedule()

    def save_now(self) -> bool:
        """Write whatever changed since the last save; False (and a calm notice) if it could
        not be written, in which case every word stays in the editors and is tried again."""
        return self.autosave.save_now()

    def _write_changes(self) -> None:
        """The answers and draft insights that changed since the last save."""
        for position, page in enumerate(self.prompt_pages):
            written = page.editor.toPlainText()
            prompt = page.prompt
            skipped = prompt.id in self._skipped and not written.strip()
            before = self._saved_text.get(prompt.id)
            if written == (before or "") and not (skipped and before is None):
                continue  # unchanged, or an empty page that was never written on
            self._store.reflections.save_answer(
                self.reflection_id,
                position=position + 1,
                prompt_id=prompt.id,
                prompt_text=prompt.text,
                text=written,
                skipped=skipped,
            )
            self._saved_text[prompt.id] = written
        insights = [field.text() for field in self.insight_fields]
        key = draft_insights_key(self._uuid)
        if insights != self._store.settings.get(key, default=[""] * INSIGHT_FIELDS):
            self._store.settings.set(key, insights)

    def _start_rated(self, value: int) -> None:
        self._store.reflections.set_distress(self.reflection_id, start=value)
        self.start_offer.setVisible(value >= HIGH_DISTRESS)

    def _end_rated(self, value: int) -> None:
        self._store.reflections.set_distress(self.reflection_id, end=value)
        self.end_offer.setVisible(value >= HIGH_DISTRESS)

    def _start_cleared(self) -> None:
        self._store.reflections.set_distress(self.reflection_id, start=None)
        self.start_offer.hide()

    def _end_cleared(self) -> None:
        self._store.reflections.set_distress(self.reflection_id, end=None)
        self.end_offer.hide()

    def offer_grounding(self) -> None:
        self.save_now()
        pause = GroundingPause(reduce_motion=self._reduce_motion, parent=self)
        pause.stop_requested.connect(self.paused)
        pause.open()
        self.grounding = pause

    def _chosen_themes(self) -> list[str]:
        return [key for key, box in self._theme_boxes.items() if box.isChecked()]

    def finish(self) -> None:
        if not self.save_now():
            return  # the notice says why; every word is still here
        insights = [field.text().strip() for field in self.insight_fields if field.text().strip()]
        try:
            # One transaction: the finished reflection and its insights, and the draft
            # insights gone, land together or not at all, so "still a draft" is always true.
            with self._store.transaction():
                self._store.reflections.finish(
                    self.reflection_id,
                    distress_end=self.end_scale.value(),
                    insights=insights,
                    theme_keys=self._chosen_themes(),
                )
                self._store.settings.delete(draft_insights_key(self._uuid))
        except KapError as error:
            show_message(
                self,
                self.tr("This reflection could not be finished yet"),
                fill(
                    self.tr(
                        "Everything you wrote is still saved as a draft, so nothing is lost. "
                        "You can try again in a moment.\n\n%1"
                    ),
                    describe(error)[1],
                ),
            )
            return
        self.autosave.stop()
        self.data_changed.emit(DataKind.REFLECTIONS)
        self.steps.setCurrentWidget(self.done_step)
        self._update_navigation()
        self.next_button.setFocus()
