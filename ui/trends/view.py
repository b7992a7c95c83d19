"""Trends: how distress, practices, themes and check-in scores shift across the course.

Four cards — distress across the course (with quick check-ins), themes across sessions,
practices and distress week by week, check-in scores (PHQ-9, GAD-7, PCL-5) — each chart with
its one plain sentence, a table of the same numbers and "Save chart…" (`ChartPanel`), above them
the controls (`TrendsControls`). The numbers come from kapcompanion.course.trends and
.practice_distress, worked out here on the main thread a part per turn from the store's lists
(read once per data change, `StoreLists`) and kept per choice; the check-in scores only once
scrolled into sight. The figures come from kapcompanion.charts, built and drawn in the drawing
process (ui.widgets.drawing_process), only for the charts in sight. It reloads when sessions,
reflections, themes, check-ins (quick ones too) or practices change, and work waits while the
screen is hidden (`Screen`). The charts follow the light or dark scheme and are drawn again
when it changes. Never writes data.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kapcompanion.data_files.questionnaires import all_questionnaires
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.trends.chart import ChartPanel
from ui.trends.controls import TrendsControls
from ui.trends.reading import StoreLists
from ui.widgets.building_blocks import (
    calm_scroll_area,
    card,
    centred_column,
    text,
)
from ui.widgets.page_frame import PageHeader
from ui.widgets.screen import Screen
from ui.widgets.style import space

if TYPE_CHECKING:
    from kapcompanion.course.practice_distress import PracticeDistress
    from kapcompanion.course.trends import Period, ThemeMap
    from kapcompanion.ids import SessionId

SCORE_CHART_INCHES = 3.0  # three score charts one under another: a little shorter each
EMPTY_PARTS = ("distress", "practices", "themes", "scores")
READINGS_KEPT = 48  # the course's data read for this many choices, at most
REDRAWN_ON = (
    QEvent.Type.PaletteChange,
    QEvent.Type.ApplicationPaletteChange,
    QEvent.Type.StyleChange,
)


class TrendsView(Screen):
    """The Trends screen. Give it a store with `set_store`; `refresh` reloads from it."""

    depends_on = frozenset(
        {
            DataKind.SESSIONS,
            DataKind.REFLECTIONS,
            DataKind.THEMES,
            DataKind.CHECK_INS,  # quick check-ins too
            DataKind.PRACTICES,
        }
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Trends"))
        self._scheme_changed = False
        self._empty: dict[str, bool] = {}
        self._readings: dict[tuple[Hashable, ...], object] = {}
        self._lists: StoreLists | None = None  # the store's lists the readings come from

        # One chart's data is read per turn of the event loop, top to bottom, so the window
        # answers between them.
        self._due: list[Callable[[], None]] = []
        self._next_part = QTimer(self)
        self._next_part.setSingleShot(True)
        self._next_part.setInterval(0)
        self._next_part.timeout.connect(self._draw_next_part)

        self.controls = TrendsControls()
        self.controls.period_changed.connect(self._draw)
        self.controls.sessions_changed.connect(
            lambda: self._schedule(self._draw_distress, self._draw_themes)
        )
        self.controls.axis_changed.connect(lambda: self._schedule(self._draw_distress))
        self.controls.themes_changed.connect(lambda: self._schedule(self._draw_themes))
        self._first_steps = self.tr(
            "Your trends will take shape here after your first session, reflection or "
            "check-in. There is no hurry."
        )
        self.empty_notice = text(self._first_steps, "reading")  # neutral: nothing needs attention
        self.empty_notice.hide()

        self.distress = ChartPanel(self.tr("Distress across your course"))
        self.practices = ChartPanel(self.tr("Practices and distress, week by week"))
        self.themes = ChartPanel(self.tr("Themes across sessions"))
        self.theme_changes = text("", "muted")
        self.theme_changes.setAccessibleName(self.tr("Themes coming up more or less"))
        self.scores: dict[str, ChartPanel] = {
            each.id: ChartPanel(fill(self.tr("%1 scores"), each.name))
            for each in all_questionnaires()
        }
        self._build_layout()

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        holder = QWidget()
        holder.setObjectName("page")
        self.column = QWidget()
        row = centred_column(self.column, holder)
        row.setContentsMargins(space(4), space(4), space(4), space(4))
        column = QVBoxLayout(self.column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(space(3))
        self.scroll_area = calm_scroll_area(holder)
        outer.addWidget(self.scroll_area)

        header = PageHeader()
        header.set_words(
            self.tr("Trends"),
            self.tr(
                "How distress, practices, themes and check-in scores have moved across your "
                "course. "
                "Change is rarely a straight line; these are here to notice, not to judge."
            ),
        )
        column.addWidget(header)
        column.addWidget(self.controls)
        column.addWidget(self.empty_notice)

        self.distress_card = self._card(self.tr("Distress across your course"), self.distress)
        column.addWidget(self.distress_card)
        self.themes.notes.addWidget(self.theme_changes)  # with the map, above its buttons
        self.themes_card = self._card(self.tr("Themes across sessions"), self.themes)
        column.addWidget(self.themes_card)
        self.practices_card = self._card(
            self.tr("Practices and distress, week by week"), self.practices
        )
        column.addWidget(self.practices_card)

        self.scores_card, scores_layout = card(self.tr("Check-in scores"))
        self.scores_card.setAccessibleName(self.tr("Check-in scores"))
        self.scores_card.installEventFilter(self)
        for each in all_questionnaires():
            heading = text(fill(self.tr("%1 · %2"), each.name, each.measures), "insightSection")
            scores_layout.addSpacing(space(1))
            scores_layout.addWidget(heading)
            scores_layout.addWidget(self.scores[each.id])
        column.addWidget(self.scores_card)
        column.addStretch(1)

    def _card(self, title: str, panel: ChartPanel) -> QFrame:
        frame, layout = card(title)
        frame.setAccessibleName(title)
        layout.addWidget(panel)
        return frame

    def sections(self) -> list[QFrame]:
        """The four cards, top to bottom."""
        return [self.distress_card, self.themes_card, self.practices_card, self.scores_card]

    def panels(self) -> list[ChartPanel]:
        """Every chart on the screen, top to bottom."""
        return [self.distress, self.themes, self.practices, *self.scores.values()]

    # Store and refreshing -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # catches up first if data changed out of sight
        if self._scheme_changed:
            self._redraw_in_scheme()
        if self._due:
            self._next_part.start()  # what was left when it was hidden

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in REDRAWN_ON:
            self._scheme_changed = True
            if self.isVisible() and not self.is_stale():
                self._redraw_in_scheme()

    def _redraw_in_scheme(self) -> None:
        """Draw the charts again if the app's scheme differs from the one they were drawn in."""
        self._scheme_changed = False
        from ui.trends.chart import chart_style

        style = chart_style()
        for panel in self.panels():
            if panel.style_used() not in (None, style):
                panel.redraw(style)

    def load_from_store(self) -> None:
        """Offer the store's themes and days in the controls, then draw everything (soon, a
        part at a time)."""
        if self._store is None:
            return
        self._readings.clear()  # the data changed: nothing read before still holds
        self._lists = None
        self._scheme_changed = False
        self._schedule(*self._parts())

    def _read_lists(self) -> None:
        """The store's lists, one per turn (this part comes back until all are read)."""
        if self._store is not None and self._store_lists().read_next():
            self._due.insert(0, self._read_lists)

    def _read_whole_map(self) -> None:
        from kapcompanion.course.trends import Period

        self._theme_map(Period(), None, None)  # kept: the map of all themes is drawn from it

    def _offer_choices(self) -> None:
        """The store's themes and days, offered in the controls."""
        if self._store is None:
            return
        from kapcompanion.course.trends import Period

        whole = self._theme_map(Period(), None, None)
        first = self._store.first_moment()
        earliest = first.astimezone().date() if first else None
        sessions = self._store_lists().sessions.list()
        self.controls.set_choices(whole.themes, earliest, date.today(), sessions)

    def _draw(self) -> None:
        """Draw every chart for what the controls choose."""
        if self._store is None:
            return
        self._scheme_changed = False
        self._schedule(
            self._draw_distress, self._draw_themes, self._draw_practices, self._draw_scores
        )

    def _parts(self) -> list[Callable[[], None]]:
        """Everything the screen reads, a part per turn, in this order."""
        return [
            self._read_lists,
            self._read_whole_map,
            self._offer_choices,
            self._draw_distress,
            self._draw_themes,
            self._draw_practices,
            self._draw_scores,
        ]

    def _schedule(self, *parts: Callable[[], None]) -> None:
        """Read and show `parts` soon, one per turn of the event loop, top to bottom."""
        self._due = [part for part in self._parts() if part in self._due or part in parts]
        self._next_part.start()

    def _draw_next_part(self) -> None:
        if not self.isVisible():
            # Hidden meanwhile (another screen, the lock, the window closing with its data):
            # the rest waits until the screen is shown again.
            return
        if self.waits_for_sight():
            return  # read when the check-in scores are scrolled into sight (`eventFilter`)
        if self._due:
            self._due.pop(0)()
        if self._due:
            self._next_part.start()

    def _scores_in_sight(self) -> bool:
        return not self.scores_card.visibleRegion().isEmpty()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scores_card and event.type() == QEvent.Type.Paint and self._due:
            self._next_part.start()  # the check-in scores came into sight: read them now
        return False

    def is_reading(self) -> bool:
        """Whether data for the latest choice is still to be read (not counting the check-in
        scores while they wait out of sight)."""
        return bool(self._due) and not self.waits_for_sight()

    def waits_for_sight(self) -> bool:
        """Whether the check-in scores are read only when scrolled into sight."""
        return self._due == [self._draw_scores] and not self._scores_in_sight()

    def _period(self) -> Period:
        return self.controls.period(date.today())

    # What is read for each choice is kept until the data changes: going back to a period, an
    # axis or a choice of themes shown before reads nothing again.

    def _read(self, what: str, *choice: Hashable) -> object:
        """`kapcompanion.course.trends.<what>(store, *choice)` (or `practice_distress`), read
        once per choice."""
        from kapcompanion.course import practice_distress, trends

        assert self._store is not None
        key = (what, *choice)
        if key not in self._readings:
            if len(self._readings) >= READINGS_KEPT:
                self._readings.clear()  # many chosen dates: keep only what is being looked at
            module = practice_distress if what == "practice_distress" else trends
            reader: Callable[..., object] = getattr(module, what)
            self._readings[key] = reader(self._store_lists().as_store(), *choice)
        return self._readings[key]

    def _store_lists(self) -> StoreLists:
        """The store's lists the numbers are worked out from, read once per data change."""
        assert self._store is not None
        if self._lists is None or self._lists.store is not self._store:
            self._lists = StoreLists(self._store)
        return self._lists

    def _theme_map(
        self, period: Period, keys: frozenset[str] | None, sessions: frozenset[SessionId] | None
    ) -> ThemeMap:
        return cast("ThemeMap", self._read("theme_map", period, keys, sessions))

    def _draw_distress(self) -> None:
        """Distress across the course, for the chosen days and x axis."""
        if self._store is None:
            return
        from kapcompanion.charts.requests import distress_chart
        from kapcompanion.course.trends import DistressSeries
        from ui.trends.points import distress_points
        from ui.trends.tables import distress_table

        by = self.controls.by()
        distress = cast(
            "DistressSeries",
            self._read("distress_series", self._period(), self.controls.session_ids()),
        )
        self.distress.show_data(
            distress_chart(distress, by),
            distress.summary(),
            partial(distress_table, distress),
            has_numbers=bool(distress.sessions)
            or bool(distress.quick)
            or any(r.start is not None or r.end is not None for r in distress.reflections),
            find_points=partial(distress_points, series=distress, by=by),
        )
        self._empty["distress"] = distress.is_empty
        self._show_empty_notice()

    def _draw_practices(self) -> None:
        """Practices and distress, week by week, for the chosen days."""
        if self._store is None:
            return
        from kapcompanion.charts.requests import practice_distress_chart
        from ui.trends.points import practice_points
        from ui.trends.tables import practice_table

        weeks = cast("PracticeDistress", self._read("practice_distress", self._period()))
        self.practices.show_data(
            practice_distress_chart(weeks),
            weeks.summary(),
            partial(practice_table, weeks),
            has_numbers=weeks.has_practices,
            find_points=partial(practice_points, data=weeks),
        )
        self._empty["practices"] = not weeks.has_practices  # the sentence alone, no chart
        self._show_empty_notice()

    def _draw_themes(self) -> None:
        """The theme map for the chosen days and themes, and what is coming up more or less."""
        if self._store is None:
            return
        from kapcompanion.charts.requests import theme_map_chart
        from ui.trends.points import theme_points
        from ui.trends.tables import theme_table

        themes = self._theme_map(
            self._period(), self.controls.theme_keys(), self.controls.session_ids()
        )
        self.themes.show_data(
            theme_map_chart(themes),
            themes.summary(),
            partial(theme_table, themes),
            has_numbers=bool(themes.themes),
            find_points=partial(theme_points, themes=themes),
            grid=True,
        )
        self._show_theme_changes(themes)
        self._empty["themes"] = themes.is_empty
        self._show_empty_notice()

    def _draw_scores(self) -> None:
        """PHQ-9, GAD-7 and PCL-5 scores over the chosen days."""
        if self._store is None:
            return
        from kapcompanion.charts.requests import scores_chart
        from kapcompanion.course.trends import QuestionnaireSeries
        from ui.trends.points import score_points
        from ui.trends.tables import score_table

        scores = cast(
            "tuple[QuestionnaireSeries, ...]", self._read("questionnaire_series", self._period())
        )
        for series in scores:
            self.scores[series.questionnaire.id].show_data(
                scores_chart(series),
                series.summary(),
                partial(score_table, series),
                has_numbers=bool(series.points),
                find_points=partial(score_points, series=series),
                height_inches=SCORE_CHART_INCHES,
            )
        self._empty["scores"] = not any(series.points for series in scores)
        self._show_empty_notice()

    def _show_empty_notice(self) -> None:
        """One line when nothing at all is drawn: how to begin, or that these days were quiet."""
        from kapcompanion.course.trends import Period

        nothing = len(self._empty) == len(EMPTY_PARTS) and all(self._empty.values())
        if nothing and self._period() == Period():
            self.empty_notice.setText(self._first_steps)
        elif nothing:
            self.empty_notice.setText(
                self.tr(
                    "Nothing was noted in these days. A longer period, or the whole course, "
                    "may show more."
                )
            )
        self.empty_notice.setVisible(nothing)

    def _show_theme_changes(self, themes: ThemeMap) -> None:
        """The companion to the map: themes coming up more lately, and less than earlier."""
        lines = []
        if themes.emerging:
            lines.append(
                fill(
                    self.tr("Coming up more lately: %1."),
                    ", ".join(theme.name for theme in themes.emerging),
                )
            )
        if themes.fading:
            lines.append(
                fill(
                    self.tr("Coming up less than earlier: %1."),
                    ", ".join(theme.name for theme in themes.fading),
                )
            )
        words = "\n".join(lines)
        self.theme_changes.setText(words)
        self.theme_changes.setAccessibleDescription(words)
        self.theme_changes.setVisible(bool(words))
