"""The form for adding a session or changing one: every field optional except the date.

The form never deletes anything. A save that fails leaves every typed word in place and says
so gently. After-effects the form does not know (written by a newer version) are kept as they
were. Ctrl+Enter saves; Esc leaves, asking first only if something was changed.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.data_files.session_options import session_options
from kapcompanion.domain import DISTRESS_MAX, DISTRESS_MIN, NewSession, Session, SessionKind
from kapcompanion.errors import KapError
from kapcompanion.wording.translation import fill
from ui.widgets.bounded_text import BoundedTextEdit
from ui.widgets.building_blocks import card, text
from ui.widgets.error_messages import describe, show_message
from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.style import space
from ui.widgets.wording import (
    from_qdatetime,
    kind_label,
    local_qdatetime,
    reading_font,
    session_title,
)

if TYPE_CHECKING:
    from kapcompanion.store import Store

NO_NUMBER = 0
HIGHEST_NUMBER = 999


def _text_area(accessible_name: str, placeholder: str, lines: int, what: str) -> BoundedTextEdit:
    """A writing area holding at most one entry's characters; `what` names it for the note
    that says so ("These notes"); place its `limit_note` beneath it."""
    area = BoundedTextEdit(what=what)
    area.setAccessibleName(accessible_name)
    area.setPlaceholderText(placeholder)
    area.setObjectName("writing")  # the stylesheet's reading size and padding for writing
    # Tab moves on to the next field; the form must work without a mouse.
    area.setTabChangesFocus(True)
    line = QFontMetrics(reading_font()).lineSpacing()
    # Room for a few lines plus the role's padding and focus border; longer text scrolls.
    area.setFixedHeight(line * lines + 2 * space(2) + space(1))
    return area


class DateTimeField(QDateTimeEdit):
    """A date-and-time field that Tab leaves at once.

    QDateTimeEdit spends Tab on walking its day, month, year, hour and minute; in a long form
    that makes Tab feel stuck. Left and Right (and typing a whole part) still move between them.
    """

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class SessionForm(HeaderedPage):
    """Add or edit one session. `saved` carries the session's id; `cancelled` means left."""

    saved = Signal(int)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(scrolling=True, parent=parent)
        self.setAccessibleName(self.tr("Session form"))
        self._store: Store | None = None
        self._editing: Session | None = None
        self._kept_after_effects: tuple[str, ...] = ()
        self._snapshot: NewSession | None = None
        self._build()
        self._shortcuts()

    # Building -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName(self.tr("Save this session"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel and go back"))
        self.cancel_button.clicked.connect(self.request_cancel)
        self.header = PageHeader((self.cancel_button, self.save_button))
        self.set_header(self.header)

        self.body.addWidget(self._session_card())
        self.body.addWidget(self._intention_card())
        self.body.addWidget(self._distress_card())
        self.body.addWidget(self._after_effects_card())
        self.body.addWidget(self._notes_card())
        keys = QKeySequence("Ctrl+Enter").toString(QKeySequence.SequenceFormat.NativeText)
        self.body.addWidget(text(fill(self.tr("%1 saves. Esc goes back."), keys), "muted"))
        self.body.addStretch(1)
        self._set_tab_order()

    @staticmethod
    def _field(layout: QVBoxLayout, label: str, field: QWidget) -> QWidget:
        """`label` above `field`, kept together; returns the pair so it can be hidden."""
        pair = QWidget()
        column = QVBoxLayout(pair)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(space(1) // 2)
        caption = text(label)
        caption.setBuddy(field)
        column.addWidget(caption)
        column.addWidget(field)
        layout.addWidget(pair)
        return pair

    def _session_card(self) -> QWidget:
        frame, layout = card(self.tr("The session"))
        layout.setSpacing(space(2))

        self.when_edit = DateTimeField()
        self.when_edit.setAccessibleName(self.tr("Date and time"))
        self.when_edit.setCalendarPopup(True)
        locale = QLocale()
        day_format = locale.dateFormat(QLocale.FormatType.ShortFormat)
        if "yyyy" not in day_format:  # four-digit years, so no date reads two ways
            day_format = day_format.replace("yy", "yyyy")
        self.when_edit.setDisplayFormat(
            f"{day_format} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"
        )
        self.when_edit.setMaximumWidth(space(36))
        for inner in self.when_edit.findChildren(QLineEdit):
            inner.setAccessibleName(self.tr("Date and time"))
        self._field(layout, self.tr("Date and time"), self.when_edit)

        self.kind_box = QComboBox()
        self.kind_box.setAccessibleName(self.tr("Kind of session"))
        for kind in SessionKind:
            self.kind_box.addItem(kind_label(kind), kind.value)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.kind_box.setMaximumWidth(space(36))
        self._field(layout, self.tr("Kind of session"), self.kind_box)

        self.number_box = QSpinBox()
        self.number_box.setAccessibleName(self.tr("Number in your course"))
        self.number_box.setRange(NO_NUMBER, HIGHEST_NUMBER)
        self.number_box.setSpecialValueText(self.tr("no number"))
        number_line = self.number_box.lineEdit()
        assert number_line is not None
        number_line.setAccessibleName(self.tr("Number in your course"))
        self.number_box.setMaximumWidth(space(16))
        self._number_field = self._field(layout, self.tr("Number in your course"), self.number_box)

        self.route_box = QComboBox()
        self.route_box.setEditable(True)
        self.route_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.route_box.addItems(list(session_options().route_suggestions))
        self.route_box.setAccessibleName(self.tr("How it was given"))
        route_line = self.route_box.lineEdit()
        assert route_line is not None
        route_line.setAccessibleName(self.tr("How it was given"))
        route_line.setPlaceholderText(self.tr("In your own words, or choose one"))
        self._field(layout, self.tr("How it was given"), self.route_box)

        self.setting_edit = QLineEdit()
        self.setting_edit.setAccessibleName(self.tr("Setting"))
        self.setting_edit.setPlaceholderText(self.tr("Where you were, and who was with you"))
        self._field(layout, self.tr("Setting"), self.setting_edit)
        return frame

    def _intention_card(self) -> QWidget:
        frame, layout = card(self.tr("Your intention"))
        layout.addWidget(
            text(
                self.tr("What you hoped to bring to this session, if you set an intention."),
                "muted",
            )
        )
        self.intention_edit = _text_area(
            self.tr("Your intention"),
            self.tr("In your own words"),
            lines=3,
            what=self.tr("Your intention"),
        )
        layout.addWidget(self.intention_edit)
        layout.addWidget(self.intention_edit.limit_note)
        return frame

    def _distress_box(self, accessible_name: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(accessible_name)
        box.addItem(self.tr("not rated"), None)
        locale = QLocale()
        for value in range(DISTRESS_MIN, DISTRESS_MAX + 1):
            label = locale.toString(value)
            if value == DISTRESS_MIN:
                label = fill(self.tr("%1 · calm"), label)
            elif value == DISTRESS_MAX:
                label = fill(self.tr("%1 · the most distress"), label)
            box.addItem(label, value)
        return box

    def _distress_card(self) -> QWidget:
        frame, layout = card(self.tr("How you felt"))
        layout.addWidget(
            text(
                self.tr(
                    "From 0, calm, to 10, the most distress you can imagine. "
                    "Either one can stay not rated."
                ),
                "muted",
            )
        )
        self.distress_before_box = self._distress_box(self.tr("Distress before the session"))
        self.distress_after_box = self._distress_box(self.tr("Distress after the session"))
        pair = QHBoxLayout()
        pair.setSpacing(space(2))
        for label, box in (
            (self.tr("Before the session"), self.distress_before_box),
            (self.tr("After the session"), self.distress_after_box),
        ):
            column = QVBoxLayout()
            self._field(column, label, box)
            pair.addLayout(column, 1)
        layout.addSpacing(space(1))
        layout.addLayout(pair)
        return frame

    @staticmethod
    def _set_distress(box: QComboBox, value: int | None) -> None:
        box.setCurrentIndex(max(box.findData(value), 0))

    @staticmethod
    def _distress(box: QComboBox) -> int | None:
        value = box.currentData()
        return None if value is None else int(value)

    def _after_effects_card(self) -> QWidget:
        frame, layout = card(self.tr("After-effects you noticed"))
        layout.addWidget(
            text(
                self.tr(
                    "If you noticed any of these, you can tick them. It is a note for you and "
                    "your therapist, not a diagnosis."
                ),
                "muted",
            )
        )
        checks = QVBoxLayout()
        checks.setSpacing(space(1) // 2)
        self.after_effect_boxes: dict[str, QCheckBox] = {}
        for effect in session_options().after_effects:
            box = QCheckBox(effect.label)
            box.setAccessibleName(effect.label)
            self.after_effect_boxes[effect.key] = box
            checks.addWidget(box)
        layout.addLayout(checks)
        self.kept_after_effects_label = text("", "muted")
        self.kept_after_effects_label.hide()
        layout.addWidget(self.kept_after_effects_label)
        layout.addSpacing(space(1))
        self.after_effects_notes_edit = _text_area(
            self.tr("More about the after-effects"),
            self.tr("When they started, how long they lasted, what helped"),
            lines=2,
            what=self.tr("This note"),
        )
        self._field(layout, self.tr("More about the after-effects"), self.after_effects_notes_edit)
        layout.addWidget(self.after_effects_notes_edit.limit_note)
        return frame

    def _notes_card(self) -> QWidget:
        frame, layout = card(self.tr("Notes"))
        self.notes_edit = _text_area(
            self.tr("Notes"),
            self.tr("Anything else you would like to remember about this session"),
            lines=4,
            what=self.tr("These notes"),
        )
        layout.addWidget(self.notes_edit)
        layout.addWidget(self.notes_edit.limit_note)
        return frame

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.when_edit,
            self.kind_box,
            self.number_box,
            self.route_box,
            self.setting_edit,
            self.intention_edit,
            self.distress_before_box,
            self.distress_after_box,
            *self.after_effect_boxes.values(),
            self.after_effects_notes_edit,
            self.notes_edit,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, context=context)
            shortcut.activated.connect(self.save)
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, context=context)
        leave.activated.connect(self.request_cancel)

    # Filling and reading --------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self._store = store

    def start_new(self) -> None:
        """Empty the form for a new session: now, a dosing session, the next number."""
        self._editing = None
        now = QDateTime.currentDateTime()
        now.setTime(QTime(now.time().hour(), now.time().minute()))
        number = self._store.sessions.next_number() if self._store is not None else 1
        self.header.set_words(
            self.tr("Add a session"),
            self.tr("Fill in as much or as little as you like; only the date is needed."),
        )
        self._fill(now, SessionKind.DOSING, number, (), None)

    def start_edit(self, session: Session) -> None:
        """Fill the form with `session`, to change what was noted (its identity stays)."""
        self._editing = session
        self.header.set_words(
            session_title(session), self.tr("Change anything you like, then save.")
        )
        self._fill(
            local_qdatetime(session.held_at),
            session.kind,
            session.number_in_course,
            session.after_effects,
            session,
        )

    def _fill(
        self,
        when: QDateTime,
        kind: SessionKind,
        number: int | None,
        after_effects: tuple[str, ...],
        session: Session | None,
    ) -> None:
        self.when_edit.setDateTime(when)
        self.kind_box.setCurrentIndex(self.kind_box.findData(SessionKind(kind).value))
        self.number_box.setValue(number or NO_NUMBER)
        self._kind_changed()
        self.route_box.setCurrentIndex(-1)
        self.route_box.setEditText(session.route if session else "")
        self.setting_edit.setText(session.setting if session else "")
        self.intention_edit.setPlainText(session.intention if session else "")
        self._set_distress(self.distress_before_box, session.distress_before if session else None)
        self._set_distress(self.distress_after_box, session.distress_after if session else None)
        for key, box in self.after_effect_boxes.items():
            box.setChecked(key in after_effects)
        self._kept_after_effects = tuple(
            k for k in after_effects if k not in self.after_effect_boxes
        )
        options = session_options()
        if self._kept_after_effects:
            self.kept_after_effects_label.setText(
                fill(
                    self.tr("Also noted earlier, and kept: %1"),
                    ", ".join(options.after_effect_label(k) for k in self._kept_after_effects),
                )
            )
        self.kept_after_effects_label.setVisible(bool(self._kept_after_effects))
        self.after_effects_notes_edit.setPlainText(session.after_effects_notes if session else "")
        self.notes_edit.setPlainText(session.notes if session else "")
        self._snapshot = self.collect()
        if self.scroller is not None:
            self.scroller.verticalScrollBar().setValue(0)
        self.when_edit.setFocus(Qt.FocusReason.TabFocusReason)

    def _kind_changed(self) -> None:
        self._number_field.setVisible(self.kind() is SessionKind.DOSING)

    def kind(self) -> SessionKind:
        return SessionKind(str(self.kind_box.currentData()))

    def collect(self) -> NewSession:
        """What the form holds now, as the store takes it."""
        kind = self.kind()
        number = self.number_box.value()
        ticked = tuple(key for key, box in self.after_effect_boxes.items() if box.isChecked())
        return NewSession(
            held_at=from_qdatetime(self.when_edit.dateTime()),
            kind=kind,
            number_in_course=number if kind is SessionKind.DOSING and number != NO_NUMBER else None,
            route=self.route_box.currentText().strip(),
            setting=self.setting_edit.text().strip(),
            intention=self.intention_edit.toPlainText().strip(),
            distress_before=self._distress(self.distress_before_box),
            distress_after=self._distress(self.distress_after_box),
            after_effects=ticked + self._kept_after_effects,
            after_effects_notes=self.after_effects_notes_edit.toPlainText().strip(),
            notes=self.notes_edit.toPlainText().strip(),
        )

    def is_dirty(self) -> bool:
        """True when something differs from what the form was opened with."""
        return self._snapshot is not None and self.collect() != self._snapshot

    def editing(self) -> Session | None:
        """The session being changed, or None while adding a new one."""
        return self._editing

    # Saving and leaving ---------------------------------------------------------------------

    def save(self) -> bool:
        """Write the form to the store; on failure say so and keep everything as typed."""
        if self._store is None:
            return False
        try:
            new = self.collect()
            if self._editing is None:
                session = self._store.sessions.add(new)
            else:
                session = self._store.sessions.update(self._editing.id, new)
        except (ValueError, KapError) as error:
            self._explain_failed_save(error)
            return False
        self._editing = session
        self._snapshot = self.collect()
        self.saved.emit(int(session.id))
        return True

    def _explain_failed_save(self, error: Exception) -> None:
        message = self.tr(
            "KAP Companion could not save this session just now. Everything you typed is "
            "still here, so you can try again."
        )
        if isinstance(error, KapError):  # these come with wording written for the client
            message += "\n\n" + describe(error)[1]
        was_focused = self.focusWidget()
        show_message(self, self.tr("This session is not saved yet"), message)
        if was_focused is not None:
            was_focused.setFocus(Qt.FocusReason.OtherFocusReason)

    def request_cancel(self) -> None:
        """Leave the form: at once if nothing changed, after a gentle question otherwise."""
        if self.is_dirty() and not self._confirm_leave():
            return
        self._snapshot = None
        self.cancelled.emit()

    def _confirm_leave(self) -> bool:
        title = self.tr("Leave without saving?")
        box = QMessageBox(
            QMessageBox.Icon.NoIcon, title, title, QMessageBox.StandardButton.NoButton, self
        )
        box.setInformativeText(self.tr("What you changed here has not been saved yet."))
        box.setAccessibleName(title)
        stay = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        stay.setAccessibleName(self.tr("Keep editing"))
        leave = box.addButton(
            self.tr("Leave without saving"), QMessageBox.ButtonRole.DestructiveRole
        )
        leave.setAccessibleName(self.tr("Leave without saving"))
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        was_focused = self.focusWidget()
        box.exec()
        if was_focused is not None:
            was_focused.setFocus(Qt.FocusReason.OtherFocusReason)  # back to where you were
        return box.clickedButton() is leave
