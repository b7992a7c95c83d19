"""The open insight on the board: its words, themes, where it came from, whether it is pinned
and shared, its small step, and every control on it (pin, edit, themes, share, move to
recently deleted). The board paints the other insights; only the one the client opens gets
this card, so it is built once per opening, not once per insight.

The card never writes to the store. It says what the client asked for through its signals;
the board turns that into an undoable change and hands the card its new state (`set_data`).
Esc, outside its small editors, asks to close it (`close_requested`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.domain import Theme
from kapcompanion.wording.translation import fill
from ui.insights.board_data import InsightCardData
from ui.insights.commitment_editor import CommitmentEditor
from ui.insights.style import ACTION, LINK
from ui.insights.theme_picker import CreateTheme, ThemePicker
from ui.widgets.building_blocks import CARD_SIDE_PADDING, clear_layout, text, theme_chip
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.focus import chain_tab_order
from ui.widgets.style import space
from ui.widgets.wording import short_words

INSIGHT_MAX_LENGTH = 300  # as when it was first written, at the end of a reflection
EDITOR_LINES = 4


class InsightCard(QFrame):
    """The card of one insight; `data` is what it shows, `set_data` shows a newer state."""

    pin_requested = Signal(int, bool)  # insight id, pinned
    share_requested = Signal(int, bool)  # insight id, shared
    text_edited = Signal(int, str)  # insight id, new words
    themes_chosen = Signal(int, list)  # insight id, theme keys
    delete_requested = Signal(int)  # insight id
    open_reflection_requested = Signal(int)  # reflection id
    commitment_added = Signal(int, str)  # insight id, the step's words
    status_chosen = Signal(int, int, str)  # insight id, commitment id, status value
    note_added = Signal(int, int, str)  # insight id, commitment id, the note's words
    close_requested = Signal()

    def __init__(
        self,
        data: InsightCardData,
        themes: Sequence[Theme],
        create_theme: CreateTheme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.data = data
        self._themes = tuple(themes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(CARD_SIDE_PADDING, space(2), CARD_SIDE_PADDING, space(2))
        layout.setSpacing(space(1))

        meta = QWidget()
        meta_flow = FlowLayout(meta, spacing=space(2))
        self.from_button = QPushButton()
        self.from_button.setObjectName(LINK)
        self.from_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.from_button.clicked.connect(self._open_reflection)
        self.from_label = text("", "muted", wrap=False)
        self.state_label = text("", "muted", wrap=False)
        # As tall as the link's focus border, so the two read on one line.
        self.from_label.setContentsMargins(0, 2, 0, 2)
        self.state_label.setContentsMargins(0, 2, 0, 2)
        meta_flow.addWidget(self.from_button)
        meta_flow.addWidget(self.from_label)
        meta_flow.addWidget(self.state_label)
        layout.addWidget(meta)

        self.text_label = text("", "reading", selectable=True)
        layout.addWidget(self.text_label)
        self.edit_panel = self._build_edit_panel()
        layout.addWidget(self.edit_panel)

        self._chips_holder = QWidget()
        self._chips = FlowLayout(self._chips_holder, spacing=space(1))
        self._chip_themes: tuple[Theme, ...] | None = None
        layout.addWidget(self._chips_holder)
        self.theme_picker = ThemePicker(create_theme)
        self.theme_picker.chosen.connect(self._themes_chosen)
        self.theme_picker.cancelled.connect(self.stop_theming)
        self.theme_picker.hide()
        layout.addWidget(self.theme_picker)

        self.commitment_editor = CommitmentEditor()
        self.commitment_editor.commitment_added.connect(
            lambda words: self.commitment_added.emit(int(self.data.id), words)
        )
        self.commitment_editor.status_chosen.connect(
            lambda commitment_id, status: self.status_chosen.emit(
                int(self.data.id), commitment_id, status
            )
        )
        self.commitment_editor.note_added.connect(
            lambda commitment_id, words: self.note_added.emit(
                int(self.data.id), commitment_id, words
            )
        )
        layout.addSpacing(space(1) // 2)
        layout.addWidget(self.commitment_editor)

        self.share_box = QCheckBox(self.tr("Share with my therapist"))
        self.share_box.clicked.connect(self._share_clicked)
        layout.addSpacing(space(1) // 2)
        layout.addWidget(self.share_box)

        actions = QWidget()
        actions_flow = FlowLayout(actions, spacing=space(1))
        self.pin_button = QPushButton()
        self.pin_button.clicked.connect(self._toggle_pin)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(lambda: self.start_editing())
        self.themes_button = QPushButton(self.tr("Themes"))
        self.themes_button.clicked.connect(lambda: self.start_theming())
        self.delete_button = QPushButton(self.tr("Move to recently deleted"))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(int(self.data.id)))
        for button in (self.pin_button, self.edit_button, self.themes_button, self.delete_button):
            button.setObjectName(ACTION)
            actions_flow.addWidget(button)
        layout.addWidget(actions)
        self.set_data(data, themes)

    def _build_edit_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(1))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("writing")
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._editor_changed)
        layout.addWidget(self.editor)
        buttons = QHBoxLayout()
        buttons.setSpacing(space(1))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName(ACTION)
        self.save_button.clicked.connect(self.save_edit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName(ACTION)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.length_note = text("", "muted", wrap=False)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.length_note)
        layout.addLayout(buttons)
        save = QShortcut(
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
            panel,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        save.activated.connect(self.save_edit)
        leave = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            panel,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        leave.activated.connect(self.leave_edit)
        panel.hide()
        return panel

    # Showing --------------------------------------------------------------------------------

    def update_data(self, data: InsightCardData, themes: Sequence[Theme]) -> None:
        """Show the insight as it now is, if anything changed since the card last showed it."""
        if data != self.data or tuple(themes) != self._themes:
            self.set_data(data, themes)

    def set_data(self, data: InsightCardData, themes: Sequence[Theme]) -> None:
        """Show the insight as it now is (a draft being edited is left alone)."""
        self.data = data
        self._themes = tuple(themes)
        insight = data.insight
        words = insight.text
        about = short_words(words)
        self.text_label.setText(words)
        self.setAccessibleName(words)

        linked = data.reflection_id is not None and bool(data.source)
        self.from_button.setVisible(linked)
        self.from_label.setVisible(bool(data.source) and not linked)
        self.from_button.setText(fill(self.tr("From: %1"), data.source))
        self.from_label.setText(fill(self.tr("From: %1"), data.source))
        self.from_button.setAccessibleName(
            fill(self.tr("Open the reflection this came from: %1"), data.source)
        )
        shared = self.tr("Shared with my therapist") if insight.shareable else self.tr("Private")
        state = fill(self.tr("Pinned · %1"), shared) if insight.pinned else shared
        self.state_label.setText(state)

        if data.themes != self._chip_themes:  # chips are costly to restyle; only when changed
            self._chip_themes = data.themes
            clear_layout(self._chips)
            for theme in data.themes:
                self._chips.addWidget(theme_chip(theme.name, theme.colour))
        self._chips_holder.setVisible(bool(data.themes))
        names = ", ".join(theme.name for theme in data.themes) or self.tr("no themes")
        self.setAccessibleDescription(fill(self.tr("%1. Themes: %2"), state, names))

        self.pin_button.setText(self.tr("Unpin") if insight.pinned else self.tr("Pin"))
        self.pin_button.setAccessibleName(
            fill(self.tr("Unpin: %1") if insight.pinned else self.tr("Pin: %1"), about)
        )
        self.edit_button.setAccessibleName(fill(self.tr("Edit: %1"), about))
        self.themes_button.setAccessibleName(fill(self.tr("Change themes: %1"), about))
        self.share_box.setChecked(insight.shareable)
        self.share_box.setAccessibleName(fill(self.tr("Share with my therapist: %1"), about))
        self.delete_button.setAccessibleName(fill(self.tr("Move to recently deleted: %1"), about))
        self.editor.setAccessibleName(fill(self.tr("The words of: %1"), about))
        self.save_button.setAccessibleName(fill(self.tr("Save the words of: %1"), about))
        self.cancel_button.setAccessibleName(fill(self.tr("Cancel editing: %1"), about))
        self.commitment_editor.set_data(about, data.commitment, data.notes)
        self.order_focus()

    def focus_chain(self) -> list[QWidget]:
        """Every control of the card in reading order (hidden ones included; Tab skips them)."""
        return [
            self.from_button,
            self.editor,
            self.save_button,
            self.cancel_button,
            *self.theme_picker.focus_chain(),
            *self.commitment_editor.focus_chain(),
            self.share_box,
            self.pin_button,
            self.edit_button,
            self.themes_button,
            self.delete_button,
        ]

    def order_focus(self) -> None:
        chain_tab_order(self.focus_chain())

    def first_control(self) -> QWidget:
        """Where focus goes when the card is chosen as a whole."""
        for widget in self.focus_chain():
            if widget.isVisibleTo(self) and widget.isEnabled():
                return widget
        return self.pin_button

    def is_editing(self) -> bool:
        return self.edit_panel.isVisibleTo(self)

    def is_choosing_themes(self) -> bool:
        return self.theme_picker.isVisibleTo(self)

    # Editing the words ------------------------------------------------------------------------

    def start_editing(self, draft: str | None = None) -> None:
        """Edit the words in place; `draft` puts back words a failed save would have lost."""
        self.stop_theming()
        self.editor.setPlainText(self.data.insight.text if draft is None else draft)
        self.editor.ensurePolished()
        lines = self.editor.fontMetrics().lineSpacing() * EDITOR_LINES
        self.editor.setFixedHeight(lines + 2 * space(2) + 4)
        self.text_label.hide()
        self.edit_panel.show()
        self.edit_button.setEnabled(False)
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _editor_changed(self) -> None:
        words = self.editor.toPlainText()
        self.save_button.setEnabled(bool(words.strip()) and len(words) <= INSIGHT_MAX_LENGTH)
        over = len(words) - INSIGHT_MAX_LENGTH
        self.length_note.setText(
            fill(self.tr("%1 characters over the limit"), over) if over > 0 else ""
        )

    def save_edit(self) -> None:
        if not self.save_button.isEnabled():
            return
        words = self.editor.toPlainText().strip()
        self._leave_editing()
        if words != self.data.insight.text:
            self.text_edited.emit(int(self.data.id), words)

    def cancel_edit(self) -> None:
        self._leave_editing()

    def leave_edit(self) -> None:
        """Esc: keep what was written (as every Esc does) and leave. Words over the limit cannot
        be kept, so the editor stays open with its note; blank words have nothing to keep."""
        if self.save_button.isEnabled():
            self.save_edit()
        elif not self.editor.toPlainText().strip():
            self.cancel_edit()

    def _leave_editing(self) -> None:
        self.edit_panel.hide()
        self.text_label.show()
        self.edit_button.setEnabled(True)
        self.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # Themes -----------------------------------------------------------------------------------

    def start_theming(self, selected: Sequence[str] | None = None) -> None:
        """Choose themes in place; `selected` puts back a choice a failed save would have lost."""
        if self.is_editing():
            self.cancel_edit()
        keys = self.data.theme_keys if selected is None else selected
        self.theme_picker.start(short_words(self.data.insight.text), self._themes, keys)
        self.theme_picker.show()
        self.themes_button.setEnabled(False)
        self.order_focus()
        self.theme_picker.first_box().setFocus(Qt.FocusReason.OtherFocusReason)

    def stop_theming(self) -> None:
        if not self.is_choosing_themes():
            return
        self.theme_picker.hide()
        self.themes_button.setEnabled(True)
        self.themes_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _themes_chosen(self, keys: list[str]) -> None:
        self.stop_theming()
        if set(keys) != set(self.data.theme_keys):
            self.themes_chosen.emit(int(self.data.id), list(keys))

    # Other actions ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.is_editing():
            self.commitment_editor.keep_typed_note()
            self.close_requested.emit()
            return
        super().keyPressEvent(event)

    def _toggle_pin(self) -> None:
        self.pin_requested.emit(int(self.data.id), not self.data.insight.pinned)

    def _share_clicked(self, checked: bool) -> None:
        self.share_requested.emit(int(self.data.id), checked)

    def _open_reflection(self) -> None:
        if self.data.reflection_id is not None:
            self.open_reflection_requested.emit(int(self.data.reflection_id))
