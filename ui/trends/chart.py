"""One chart on the Trends screen: its sentence, the chart or its table, and saving it.

`ChartPanel` is handed the chart to draw (kapcompanion.charts.requests.Chart), the core's
one-sentence summary and the same numbers as a table. The chart is drawn in the drawing process
(ui.widgets.drawing_process) to a picture at the screen's resolution, and only when it comes
into sight: a chart scrolled out of view waits, and one asked for again before it was drawn is
drawn once. Until the first picture arrives a calm line says the chart is being drawn; after,
the last picture stays until the new one replaces it; one that could not be drawn leaves the
sentence alone. It says the date and value of the point under the pointer (or the point chosen
with the arrow keys while the chart has focus, ringed), from where the drawing process says the
points are; swaps to a read-only table on "Show as table"; and has the drawing process save the
chart as PNG or SVG. matplotlib is never imported in the window's process.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.charts.requests import Chart, DrawRequest, Picture, Saved, SaveRequest
from kapcompanion.wording.translation import fill
from ui.trends.points import ChartPoint, cell_at, nearest
from ui.trends.tables import TableData, TrendsTableModel
from ui.widgets.building_blocks import text
from ui.widgets.drawing_process import drawing_process
from ui.widgets.error_messages import show_message
from ui.widgets.style import space

if TYPE_CHECKING:
    from kapcompanion.charts import ChartStyle

PointFinder = Callable[[Picture], Sequence[ChartPoint]]

HOVER_REACH = 14  # logical pixels from a point within which the pointer "is on" it
RING_POINTS = 14.0  # across the ring round a point chosen with the keys, in points
SHARED_COLUMNS_AT_MOST = 12  # more number columns than this scroll sideways instead
TABLE_HEIGHT_AT_MOST = 360  # taller tables scroll
TABLE_ROWS_MEASURED = 200
STANDARD_HEIGHT_INCHES = 4.0  # the room kept for a chart not drawn yet
USUAL_TYPE_POINTS = 10.0  # the charts' own type size (ChartStyle's), for which heights are given


def chart_style() -> ChartStyle:
    """The chart colours for the app's current scheme, in the app's own type size."""
    from kapcompanion.charts import ChartStyle

    window = QApplication.palette().color(QPalette.ColorRole.Window)
    style = ChartStyle.dark() if window.lightnessF() < 0.5 else ChartStyle.light()
    size = QApplication.font().pointSizeF()
    return replace(style, font_size=size) if size > 0 else style


@dataclass(frozen=True)
class Ring:
    """The mark round the point (or theme map cell) chosen with the keys, in logical pixels."""

    area: QRectF
    round: bool
    colour: str


class ChartImage(QWidget):
    """The chart's picture, and the keyboard's ring over it. Says `painted` after each paint:
    it is in sight."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.ring: Ring | None = None
        self.setMouseTracking(True)  # the point under the pointer is said without a click
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(space(20))

    def show_image(self, image: QImage | None) -> None:
        self.image = image
        self.ring = None
        if image is not None:
            self.setFixedHeight(round(image.height() / image.devicePixelRatio()))
        self.update()

    def show_ring(self, ring: Ring | None) -> None:
        self.ring = ring
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.image is not None:
            # At its own size: a window resized meanwhile gets a picture laid out for it soon.
            painter.drawImage(QPoint(0, 0), self.image)
        if self.ring is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(self.ring.colour), 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if self.ring.round:
                painter.drawEllipse(self.ring.area)
            else:
                painter.drawRect(self.ring.area)
        painter.end()
        self.painted.emit()


class ChartPanel(QWidget):
    """A chart with its summary sentence, a table of the same numbers, and "Save chart…"."""

    saved = Signal(Path, bool)  # where a chart was to be saved, and whether it was

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setAccessibleName(name)
        self._build: Chart | None = None
        self._laid_out_for = 0
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(150)
        self._relayout.timeout.connect(lambda: self.redraw())
        self._height_inches: float | None = None
        self._find_points: PointFinder = lambda _picture: []
        self._grid = False
        self._style: ChartStyle | None = None
        self._wanted_style: ChartStyle | None = None
        self._points: Sequence[ChartPoint] | None = []  # None: not found yet
        self._found_by: PointFinder = self._find_points  # what finds the shown chart's points
        self._chosen: int | None = None
        # Makes the table not yet shown for the latest data (None: it is in the model).
        self._make_table: Callable[[], TableData] | None = None
        self._has_numbers = False
        # A drawing is wanted (data or looks changed) but not yet asked for; drawing number
        # `_drawing` is the one whose picture will be shown, once `_asked` is answered.
        self._wanted = False
        self._drawing = 0
        self._asked = False
        self.picture: Picture | None = None  # the one shown (its pixels handed to the canvas)

        self.summary = text("", "reading")
        self.summary.setAccessibleName(fill(self.tr("Summary: %1"), name))

        # The picture's holder is the focus stop the keyboard and a screen reader land on.
        self.chart_host = QWidget()
        self.chart_host.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.chart_host.setAccessibleName(fill(self.tr("Chart: %1"), name))
        self.chart_slot = QVBoxLayout(self.chart_host)
        self.chart_slot.setContentsMargins(0, 0, 0, 0)
        self.drawing_note = text(self.tr("Drawing the chart…"), "muted")
        self.drawing_note.hide()
        self.canvas = ChartImage()
        self.canvas.setAccessibleName(fill(self.tr("Chart: %1"), name))
        self.canvas.installEventFilter(self)
        self.canvas.painted.connect(self._draw_if_wanted)
        self.chart_slot.addWidget(self.drawing_note)
        self.chart_slot.addWidget(self.canvas)
        self.chart_host.installEventFilter(self)
        self.chart_host.hide()

        self.table_model = TrendsTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(fill(self.tr("Table: %1"), name))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        # Column widths from the first rows, not from every one of ten years of them.
        self.table.horizontalHeader().setResizeContentsPrecision(TABLE_ROWS_MEASURED)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.hide()
        self.table_empty = text(self.tr("There is nothing to list for this period yet."), "muted")
        self.table_empty.hide()

        self.table_button = QPushButton(self.tr("Show as table"))
        self.table_button.setCheckable(True)
        self.table_button.setAccessibleName(fill(self.tr("Show as table: %1"), name))
        self.table_button.toggled.connect(self._show_table)
        self.save_button = QPushButton(self.tr("Save chart…"))
        self.save_button.setAccessibleName(fill(self.tr("Save chart: %1"), name))
        self.save_button.setToolTip(
            self.tr("Saves the chart as a PNG picture or an SVG drawing, in light colours.")
        )
        self.save_button.clicked.connect(self.ask_and_save)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(space(1))
        buttons.addStretch(1)
        buttons.addWidget(self.table_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(1))
        layout.addWidget(self.summary)
        layout.addWidget(self.chart_host)
        layout.addWidget(self.table)
        layout.addWidget(self.table_empty)
        self.notes = QVBoxLayout()
        self.notes.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.notes)
        layout.addLayout(buttons)

    # What to show ----------------------------------------------------------------------------

    def show_data(
        self,
        build: Chart,
        summary: str,
        table: Callable[[], TableData],
        *,
        has_numbers: bool,
        find_points: PointFinder | None = None,
        grid: bool = False,
        height_inches: float | None = None,
    ) -> None:
        """Show a chart built by `build`, its sentence and its numbers; the chart is drawn in
        the background as soon as it is in sight, the table (`table` makes it; `has_numbers`:
        it has rows) only when it is first shown.

        `height_inches` overrides the figure's own height on screen (saved charts keep it).
        """
        self._build = build
        self._height_inches = height_inches
        self._find_points = find_points or (lambda _picture: [])
        self._grid = grid
        self.summary.setText(summary)
        self.summary.setAccessibleDescription(summary)
        self._make_table = table
        self._has_numbers = has_numbers
        if self.showing_table():
            self._fill_table()
        self.redraw()

    def table_data(self) -> TableData:
        """The numbers of the chart, as the table shows them (made now if not yet)."""
        self._fill_table()
        return self.table_model.table()

    def _fill_table(self) -> None:
        if self._make_table is None:
            return
        table = self._make_table()
        self._make_table = None
        self.table_model.set_data(table)
        self._fit_table()

    def summary_text(self) -> str:
        return self.summary.text()

    def showing_table(self) -> bool:
        return self.table_button.isChecked()

    def set_showing_table(self, showing: bool) -> None:
        self.table_button.setChecked(showing)

    def _show_table(self, showing: bool) -> None:
        if showing:
            self._fill_table()
        self.table_button.setText(self.tr("Show as chart") if showing else self.tr("Show as table"))
        self.table_button.setAccessibleName(
            fill(
                self.tr("Show as chart: %1") if showing else self.tr("Show as table: %1"), self.name
            )
        )
        self._show_parts()
        if not showing:
            QToolTip.hideText()

    def has_chart(self) -> bool:
        """Whether there is a chart to look at (not only a friendly sentence)."""
        return self.picture is not None and self.picture.has_axes

    def has_numbers(self) -> bool:
        return self._has_numbers

    def is_drawing(self) -> bool:
        """Whether a newer chart is still to come (waiting to be in sight, or being drawn)."""
        return self._wanted or self._asked

    def _show_parts(self) -> None:
        """Chart or table, and only the buttons that have something to act on. With nothing
        to draw, the summary sentence says so on its own (no empty frame beneath it). A chart
        still to be drawn keeps its room (it is drawn when that room comes into sight)."""
        showing = self.showing_table()
        drawing = self.is_drawing()
        self.table.setVisible(showing and self.has_numbers())
        self.table_empty.setVisible(showing and not self.has_numbers())
        self.chart_host.setVisible(not showing and (self.has_chart() or drawing))
        self.drawing_note.setVisible(drawing and not self.has_chart())
        self.table_button.setVisible(self.has_numbers() or showing)
        self.save_button.setVisible(self.has_chart() or (drawing and self.has_numbers()))

    def _fit_table(self) -> None:
        """Words as wide as they need, numbers sharing the rest (or, with many columns, a
        sideways scroll, each as wide as the widest heading); as tall as its rows up to a
        limit, so a short table is not a tall box."""
        data = self.table_model.table()
        header = self.table.horizontalHeader()
        numbers = data.headers[data.label_columns :]
        share = len(numbers) <= SHARED_COLUMNS_AT_MOST
        if not share and numbers:
            # Measured from the headings, not from the cells of ten years of sessions.
            metrics = header.fontMetrics()
            widest = max(metrics.horizontalAdvance(heading) for heading in numbers)
            header.setDefaultSectionSize(widest + space(2))
        for column in range(len(data.headers)):
            if column < data.label_columns:
                mode = QHeaderView.ResizeMode.ResizeToContents
            elif share:
                mode = QHeaderView.ResizeMode.Stretch
            else:
                mode = QHeaderView.ResizeMode.Fixed
            header.setSectionResizeMode(column, mode)
        rows = self.table.verticalHeader().length()
        chrome = header.sizeHint().height() + 2 * self.table.frameWidth()
        if not share:
            chrome += self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(min(rows + chrome, TABLE_HEIGHT_AT_MOST))

    # Drawing ---------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A narrower or wider window lays the chart out again, once resizing pauses.
        if self.has_chart() and self.chart_host.width() != self._laid_out_for:
            self._relayout.start()

    def redraw(self, style: ChartStyle | None = None) -> None:
        """Draw the chart again in `style` (the app's scheme when it is drawn, if not given):
        in the background, once it is in sight. A drawing not started yet is not needed now."""
        if self._build is None:
            return
        drawing_process().withdraw(self)
        self._asked = False
        self._drawing += 1
        self._wanted_style = style
        self._wanted = self._has_numbers
        if not self._has_numbers:  # the chart would only repeat the sentence: none is drawn
            self.picture, self._points, self._chosen = None, [], None
            self.canvas.show_image(None)
        self._show_parts()
        if self.drawing_note.isVisible() or not self.has_chart():
            self.canvas.setFixedHeight(self._room_height())
        self.canvas.update()  # painted at once if in sight; drawn then

    def _room_height(self) -> int:
        inches = self._height_for(self._wanted_style or chart_style()) or STANDARD_HEIGHT_INCHES
        return round(inches * self._logical_dpi())

    def _height_for(self, style: ChartStyle) -> float | None:
        """The height asked for in `show_data`, taller in larger type: the labels beside the
        plot grow with the type, and the plot keeps its room (its axis title stays whole)."""
        if self._height_inches is None:
            return None
        return self._height_inches * max(1.0, style.font_size / USUAL_TYPE_POINTS)

    def _logical_dpi(self) -> float:
        screen = self.screen()
        return screen.logicalDotsPerInch() if screen is not None else 96.0

    def _draw_if_wanted(self) -> None:
        """The chart's room is in sight: ask the drawing process for the chart it should show."""
        if not self._wanted or self._build is None:
            return
        self._wanted = False
        style = self._wanted_style or chart_style()
        logical_dpi = self._logical_dpi()
        # Lay the chart out for the width it really has (legend columns, labels).
        self._laid_out_for = self.chart_host.width()
        if self._laid_out_for > space(20):
            style = replace(style, width_inches=self._laid_out_for / logical_dpi)
        request = DrawRequest(
            chart=self._build,
            style=style,
            logical_dpi=logical_dpi,
            pixel_ratio=self.canvas.devicePixelRatioF() or 1.0,
            height_inches=self._height_for(style),
            locale=QLocale().name(),
        )
        self._asked = True
        then = partial(self._show_drawn, self._drawing, self._find_points)
        drawing_process().ask(self, request, then)

    def _show_drawn(self, number: int, find_points: PointFinder, picture: Picture | None) -> None:
        if number != self._drawing:
            return  # a newer chart is on its way
        self._asked = False
        image = None
        if picture is None:  # it could not be drawn (said in the log): the sentence stands alone
            self.picture, self._points = None, []
        else:
            image = QImage(
                picture.pixels,
                picture.width,
                picture.height,
                picture.width * 4,
                QImage.Format.Format_ARGB32_Premultiplied,
            ).copy()
            image.setDevicePixelRatio(picture.pixel_ratio)
            self.picture = replace(picture, pixels=b"")  # the canvas has them now
            self._points, self._found_by = None, find_points  # found when first asked for
            self._style = picture.style
        self._chosen = None
        self.canvas.show_image(image if self.has_chart() else None)
        self.chart_host.setAccessibleDescription(self.summary.text())
        self._show_parts()

    def style_used(self) -> ChartStyle | None:
        """The colours the chart on screen was drawn in."""
        return self._style

    # Saying what a point is --------------------------------------------------------------------

    def points(self) -> Sequence[ChartPoint]:
        """The chart's points, found the first time they are asked for (a pointer or the keys
        on the chart): most charts are only looked at."""
        if self._points is None:
            self._points = self._found_by(self.picture) if self.picture is not None else []
        return self._points

    def _first_row_length(self) -> int:
        """Points in a row (of a grid; a line's points all count)."""
        if self._grid and self.picture is not None and self.picture.grid is not None:
            return max(self.picture.grid.columns, 1)
        return max(len(self.points()), 1)

    def _pointer_moved(self, at: QPointF) -> None:
        point = self._point_at(at)
        if point is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), point.words, self.canvas)

    def _point_at(self, at: QPointF) -> ChartPoint | None:
        """The point under logical position `at` on the picture, if any."""
        picture = self.picture
        if picture is None or not self.points():
            return None
        ratio = picture.pixel_ratio
        x, y = at.x() * ratio, picture.height - at.y() * ratio  # matplotlib's pixels
        if self._grid:
            return cell_at(self.points(), picture.grid, x, y) if picture.grid is not None else None
        return nearest(self.points(), x, y, HOVER_REACH * ratio)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.canvas:
            if kind == QEvent.Type.MouseMove:
                assert isinstance(event, QMouseEvent)
                self._pointer_moved(event.position())
            elif kind == QEvent.Type.Leave:
                QToolTip.hideText()
            return False
        if watched is not self.chart_host:
            return False
        if kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key_pressed(event)
        if kind == QEvent.Type.FocusIn:
            assert isinstance(event, QFocusEvent)
            if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
                self.choose_point(0 if self.points() else None)  # say where the keys start
        elif kind == QEvent.Type.FocusOut:
            self.choose_point(None)
        return False

    def _key_pressed(self, event: QKeyEvent) -> bool:
        points = self.points()
        if not points:
            return False
        count = len(points)
        current = self._chosen
        step = self._first_row_length() if self._grid else 1
        moves = {
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Down: step,
            Qt.Key.Key_Up: -step,
        }
        key = event.key()
        if key in moves:
            target = 0 if current is None else min(max(current + moves[Qt.Key(key)], 0), count - 1)
        elif key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_End:
            target = count - 1
        elif key == Qt.Key.Key_Escape and current is not None:
            target = None
        else:
            return False
        self.choose_point(target)
        return True

    def chosen_point(self) -> ChartPoint | None:
        return None if self._chosen is None else self.points()[self._chosen]

    def choose_point(self, index: int | None) -> None:
        """Mark point `index` (None: none) with a ring and say its date and value."""
        picture = self.picture
        if picture is None:
            return
        self._chosen = index
        point = self.chosen_point()
        self.canvas.show_ring(self._ring_round(point) if point is not None else None)
        if point is None:
            QToolTip.hideText()
            return
        x, y = point.on_screen()
        ratio = picture.pixel_ratio
        below = QPoint(round(x / ratio), round((picture.height - y) / ratio) + space(1))
        QToolTip.showText(self.canvas.mapToGlobal(below), point.words, self.chart_host)

    def _ring_round(self, point: ChartPoint) -> Ring:
        """A ring round a point, or the outline of a theme map cell, where it is drawn."""
        picture = self.picture
        assert picture is not None
        colour = self._style.text if self._style is not None else "#000000"
        height, ratio = picture.height, picture.pixel_ratio
        x, y = point.on_screen()
        if self._grid and picture.grid is not None:
            across = abs(picture.grid.column_step)
            up = abs(picture.grid.row_step)
            area = QRectF(
                (x - across / 2) / ratio,
                (height - y - up / 2) / ratio,
                across / ratio,
                up / ratio,
            )
            return Ring(area, round=False, colour=colour)
        across = RING_POINTS * self._logical_dpi() / 72
        centre = QPointF(x / ratio, (height - y) / ratio)
        area = QRectF(centre.x() - across / 2, centre.y() - across / 2, across, across)
        return Ring(area, round=True, colour=colour)

    # Saving ----------------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the chart to `path` (.png or .svg) in light colours, for printing and
        sharing, in the drawing process (a ten-year theme map takes most of a second);
        `saved` says whether it was written, after saying gently why not."""
        if self._build is None:
            return
        from kapcompanion.charts import ChartStyle

        style = replace(ChartStyle.light(), font_size=chart_style().font_size)
        request = SaveRequest(self._build, style, path, QLocale().name())
        self.save_button.setEnabled(False)  # one at a time
        drawing_process().ask((self, "save"), request, partial(self._saved_or_not, path))

    def _saved_or_not(self, path: Path, answer: Saved | None) -> None:
        problem = answer.problem if answer is not None else self.tr("it could not be drawn")
        self.save_button.setEnabled(True)
        if problem is not None:
            show_message(
                self,
                self.tr("The chart was not saved"),
                fill(
                    self.tr(
                        "The file could not be written (%1). Nothing else was changed; you "
                        "might choose another folder, or a name ending in .png or .svg."
                    ),
                    problem,
                ),
            )
        self.saved.emit(path, problem is None)

    def ask_and_save(self) -> None:
        """Ask where to save the chart (PNG or SVG), then save it there."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        suggested = str(Path(folder) / f"{self.name}.png") if folder else f"{self.name}.png"
        png, svg = self.tr("PNG picture (*.png)"), self.tr("SVG drawing (*.svg)")
        chosen, kind = QFileDialog.getSaveFileName(
            self, fill(self.tr("Save chart: %1"), self.name), suggested, f"{png};;{svg}"
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(path.name + (".svg" if kind == svg else ".png"))
        self.save(path)
