"""The journal's filters: themes, phase, session, a date range and "shareable only".

`JournalFilterBar` turns what is chosen into the core's `JournalFilter` (search is added by the
view) and says `changed` whenever a choice changes. Every date edit has an "Any date" state
(its lowest date), so no date range is the default. Themes are a menu of check marks that stays
open while the client ticks several.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.domain import Phase, Session, Theme
from kapcompanion.ids import SessionId
from kapcompanion.journal import JournalFilter
from kapcompanion.wording.translation import fill
from ui.widgets.building_blocks import text
from ui.widgets.choices import COMBO_MINIMUM_CHARACTERS, DateChoice, ElidingComboBox, ThemeChoice
from ui.widgets.style import space
from ui.widgets.wording import day_text, phase_title, session_title


class JournalFilterBar(QWidget):
    """The filter controls; `current()` is the filter they describe (without any search)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Filters"))

        self.theme_box = ThemeChoice()
        self.theme_box.setAccessibleName(self.tr("Filter by theme"))
        self.theme_box.changed.connect(self.changed)

        self.phase_box = ElidingComboBox()
        self.phase_box.setAccessibleName(self.tr("Filter by phase"))
        self.phase_box.addItem(self.tr("Any phase"), None)
        for phase in Phase:
            self.phase_box.addItem(phase_title(phase), phase.value)

        self.session_box = ElidingComboBox()
        self.session_box.setAccessibleName(self.tr("Filter by session"))
        self.session_box.addItem(self.tr("Any session"), None)
        self._sessions: Sequence[Session] = ()
        self._sessions_offered = True
        for box in (self.theme_box, self.phase_box, self.session_box):
            # Long names shorten in the box (the list shows them whole) so nothing is clipped.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(COMBO_MINIMUM_CHARACTERS)
        for box in (self.phase_box, self.session_box):
            box.currentIndexChanged.connect(self.changed)

        self.from_date = DateChoice(self.tr("Written on or after"))
        self.to_date = DateChoice(self.tr("Written on or before"))
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self.changed)

        self.shareable_box = QCheckBox(self.tr("Shareable only"))
        self.shareable_box.setAccessibleName(self.tr("Only what you chose to share"))
        self.shareable_box.toggled.connect(self.changed)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setAccessibleName(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(space(2))
        grid.setVerticalSpacing(space(1))
        pairs = (
            (self.tr("Themes"), self.theme_box, 0, 0),
            (self.tr("Phase"), self.phase_box, 0, 1),
            (self.tr("Session"), self.session_box, 0, 2),
            (self.tr("From"), self.from_date, 1, 0),
            (self.tr("Until"), self.to_date, 1, 1),
        )
        for label, control, row, column in pairs:
            pair = QVBoxLayout()
            pair.setSpacing(space(1) // 2)
            caption = text(label, "muted", wrap=False)
            caption.setBuddy(control)
            pair.addWidget(caption)
            pair.addWidget(control)
            grid.addLayout(pair, row, column)
        grid.addWidget(self.shareable_box, 1, 2, Qt.AlignmentFlag.AlignBottom)
        for column in range(3):
            grid.setColumnStretch(column, 1)

        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addStretch(1)
        bottom.addWidget(self.clear_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(2))
        layout.addLayout(grid)
        layout.addLayout(bottom)
        for first, second in (
            (self.theme_box, self.phase_box),
            (self.phase_box, self.session_box),
            (self.session_box, self.from_date),
            (self.from_date, self.to_date),
            (self.to_date, self.shareable_box),
            (self.shareable_box, self.clear_button),
        ):
            QWidget.setTabOrder(first, second)
        self._update_clear_button()
        self.changed.connect(self._update_clear_button)

    # Choices ----------------------------------------------------------------------------------

    def set_choices(
        self,
        themes: Sequence[Theme],
        sessions: Sequence[Session],
        earliest: date | None,
        latest: date | None,
    ) -> None:
        """Offer these themes, sessions (newest first) and days; keep what is still chosen."""
        self.theme_box.set_themes(themes, self.theme_box.chosen())

        self._sessions = sessions
        if self.isVisible() or self.session_box.currentData() is not None:
            self._offer_sessions()
        else:  # hundreds of sessions put into words: only once the filters are opened
            self._sessions_offered = False

        today = date.today()
        first = min(earliest or today, today)
        last = max(latest or today, today)
        for edit in (self.from_date, self.to_date):
            edit.set_range(first, last)
        self._update_clear_button()

    def _offer_sessions(self) -> None:
        """Fill the session choice (newest first), keeping the one chosen if it is still here."""
        chosen_session = self.session_box.currentData()
        self.session_box.blockSignals(True)
        while self.session_box.count() > 1:
            self.session_box.removeItem(1)
        locale = QLocale()
        for session in sorted(self._sessions, key=lambda s: (s.held_at, s.id), reverse=True):
            label = fill(
                self.tr("%1 · %2"),
                session_title(session, locale),
                day_text(session.held_at, locale),
            )
            self.session_box.addItem(label, int(session.id))
        found = self.session_box.findData(chosen_session) if chosen_session is not None else 0
        self.session_box.setCurrentIndex(max(found, 0))
        self.session_box.blockSignals(False)
        self._sessions_offered = True

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sessions_offered:
            self._offer_sessions()
        super().showEvent(event)

    # The filter --------------------------------------------------------------------------------

    def current(self) -> JournalFilter:
        phase = self.phase_box.currentData()
        session = self.session_box.currentData()
        return JournalFilter(
            themes=self.theme_box.chosen(),
            phases=frozenset() if phase is None else frozenset({Phase(phase)}),
            session_id=None if session is None else SessionId(int(session)),
            date_from=self.from_date.chosen(),
            date_to=self.to_date.chosen(),
            shareable_only=self.shareable_box.isChecked(),
        )

    def active_count(self) -> int:
        chosen = self.current()
        return sum(
            (
                bool(chosen.themes),
                bool(chosen.phases),
                chosen.session_id is not None,
                chosen.date_from is not None or chosen.date_to is not None,
                chosen.shareable_only,
            )
        )

    def clear(self) -> None:
        """Back to showing everything; one `changed` at the end."""
        controls: tuple[QWidget, ...] = (
            self.phase_box,
            self.session_box,
            self.from_date,
            self.to_date,
            self.shareable_box,
            self.theme_box,
        )
        for control in controls:
            control.blockSignals(True)
        self.theme_box.choose(())
        self.phase_box.setCurrentIndex(0)
        self.session_box.setCurrentIndex(0)
        self.from_date.clear_choice()
        self.to_date.clear_choice()
        self.shareable_box.setChecked(False)
        for control in controls:
            control.blockSignals(False)
        self.changed.emit()

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(self.active_count() > 0)
