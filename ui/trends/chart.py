"""One chart on the Trends screen: its sentence, the chart or its table, and saving it.

`ChartPanel` is handed a figure builder (from kapcompanion.charts), the core's one-sentence
summary and the same numbers as a table. It draws the figure in a FigureCanvasQTAgg at the
screen's resolution, says the date and value of the point under the pointer (or the point
chosen with the arrow keys while the chart has focus), swaps to a read-only table on
"Show as table", and saves the chart as PNG or SVG. matplotlib is imported only when a chart
is first drawn, never when this module is imported; never pyplot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QCursor, QFocusEvent, QKeyEvent, QPalette, QResizeEvent
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

from kapcompanion.wording.translation import fill
from ui.trends.points import ChartPoint, cell_at, nearest
from ui.trends.tables import TableData, TrendsTableModel
from ui.widgets.building_blocks import text
from ui.widgets.error_messages import show_message
from ui.widgets.style import space

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    from kapcompanion.charts import ChartStyle

FigureBuilder = Callable[["ChartStyle"], "Figure"]
PointFinder = Callable[["Figure"], list[ChartPoint]]

HOVER_REACH = 14  # logical pixels from a point within which the pointer "is on" it
FOCUS_RING_GID = "keyboard-focus"
SHARED_COLUMNS_AT_MOST = 12  # more number columns than this scroll sideways instead
TABLE_HEIGHT_AT_MOST = 360  # taller tables scroll
TABLE_ROWS_MEASURED = 200


def chart_style() -> ChartStyle:
    """The chart colours for the app's current scheme, in the app's own type size."""
    from kapcompanion.charts import ChartStyle

    window = QApplication.palette().color(QPalette.ColorRole.Window)
    style = ChartStyle.dark() if window.lightnessF() < 0.5 else ChartStyle.light()
    size = QApplication.font().pointSizeF()
    return replace(style, font_size=size) if size > 0 else style


class ChartPanel(QWidget):
    """A chart with its summary sentence, a table of the same numbers, and "Save chart…"."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setAccessibleName(name)
        self._build: FigureBuilder | None = None
        self._laid_out_for = 0
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(150)
        self._relayout.timeout.connect(lambda: self.redraw(self._style))
        self._height_inches: float | None = None
        self._find_points: PointFinder = lambda _figure: []
        self._grid = False
        self._style: ChartStyle | None = None
        self._points: list[ChartPoint] = []
        self._chosen: int | None = None
        self.figure: Figure | None = None
        self.canvas: FigureCanvasQTAgg | None = None

        self.summary = text("", "reading")
        self.summary.setAccessibleName(fill(self.tr("Summary: %1"), name))

        # The canvas is made anew for each figure; this holder keeps its place among the
        # focus stops and is the one the keyboard and a screen reader land on.
        self.chart_host = QWidget()
        self.chart_host.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.chart_host.setAccessibleName(fill(self.tr("Chart: %1"), name))
        self.chart_host.installEventFilter(self)
        self.chart_slot = QVBoxLayout(self.chart_host)
        self.chart_slot.setContentsMargins(0, 0, 0, 0)
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
        build: FigureBuilder,
        summary: str,
        table: TableData,
        *,
        find_points: PointFinder | None = None,
        grid: bool = False,
        height_inches: float | None = None,
    ) -> None:
        """Show a chart built by `build`, its sentence and its numbers; draws it right away.

        `height_inches` overrides the figure's own height on screen (saved charts keep it).
        """
        self._build = build
        self._height_inches = height_inches
        self._find_points = find_points or (lambda _figure: [])
        self._grid = grid
        self.summary.setText(summary)
        self.summary.setAccessibleDescription(summary)
        self.table_model.set_data(table)
        self._fit_table()
        self.redraw()

    def summary_text(self) -> str:
        return self.summary.text()

    def showing_table(self) -> bool:
        return self.table_button.isChecked()

    def set_showing_table(self, showing: bool) -> None:
        self.table_button.setChecked(showing)

    def _show_table(self, showing: bool) -> None:
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
        return self.figure is not None and bool(self.figure.axes)

    def has_numbers(self) -> bool:
        return bool(self.table_model.table().rows)

    def _show_parts(self) -> None:
        """Chart or table, and only the buttons that have something to act on. With nothing
        to draw, the summary sentence says so on its own (no empty frame beneath it)."""
        showing = self.showing_table()
        self.table.setVisible(showing and self.has_numbers())
        self.table_empty.setVisible(showing and not self.has_numbers())
        self.chart_host.setVisible(not showing and self.has_chart())
        self.table_button.setVisible(self.has_numbers() or showing)
        self.save_button.setVisible(self.has_chart())

    def _fit_table(self) -> None:
        """Words as wide as they need, numbers sharing the rest (or, with many columns, a
        sideways scroll); as tall as its rows up to a limit, so a short table is not a tall
        box."""
        data = self.table_model.table()
        header = self.table.horizontalHeader()
        share = len(data.headers) - data.label_columns <= SHARED_COLUMNS_AT_MOST
        for column in range(len(data.headers)):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if share and column >= data.label_columns
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        rows = self.table.verticalHeader().length()
        chrome = header.sizeHint().height() + 2 * self.table.frameWidth()
        if not share:
            chrome += self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(min(rows + chrome, TABLE_HEIGHT_AT_MOST))

    # Drawing ---------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A narrower or wider window lays the chart out again, once resizing pauses.
        if self._build is not None and abs(self.chart_host.width() - self._laid_out_for) > 24:
            self._relayout.start()

    def redraw(self, style: ChartStyle | None = None) -> None:
        """Build the figure again in `style` (the app's current scheme if not given)."""
        if self._build is None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        self._style = style or chart_style()
        # Figures are sized in inches: at the screen's logical dpi one point of chart text is
        # one point of Qt text. The canvas then multiplies by the device pixel ratio, so the
        # figure is rendered at devicePixelRatio × logical dpi and stays crisp on high-DPI.
        screen = self.screen()
        logical_dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
        # Lay the chart out for the width it will really have (legend columns, labels).
        self._laid_out_for = self.chart_host.width()
        if self._laid_out_for > space(20):
            self._style = replace(self._style, width_inches=self._laid_out_for / logical_dpi)
        figure = self._build(self._style)
        figure.set_dpi(logical_dpi)
        if self._height_inches is not None and figure.axes:
            figure.set_figheight(self._height_inches)
        height = round(figure.get_figheight() * logical_dpi)
        canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        canvas.setAccessibleName(fill(self.tr("Chart: %1"), self.name))
        self.chart_host.setAccessibleDescription(self.summary.text())
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        canvas.setMinimumWidth(space(20))
        canvas.setFixedHeight(height)
        canvas.mpl_connect("motion_notify_event", self._pointer_moved)
        canvas.mpl_connect("figure_leave_event", lambda _event: QToolTip.hideText())
        canvas.installEventFilter(self)

        old = self.canvas
        self.figure, self.canvas = figure, canvas
        self._points = self._find_points(figure)
        self._chosen = None
        self.chart_slot.addWidget(canvas)
        if old is not None:
            self.chart_slot.removeWidget(old)
            old.removeEventFilter(self)
            old.hide()
            old.deleteLater()
        self._fit_table()
        self._show_parts()

    def style_used(self) -> ChartStyle | None:
        """The colours the chart on screen was drawn in."""
        return self._style

    # Saying what a point is --------------------------------------------------------------------

    def points(self) -> list[ChartPoint]:
        return list(self._points)

    def _pointer_moved(self, event: Any) -> None:
        point = self._point_at(event)
        if point is None or self.canvas is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), point.words, self.canvas)

    def _point_at(self, event: Any) -> ChartPoint | None:
        if self._grid:
            if event.inaxes is None or event.xdata is None or event.ydata is None:
                return None
            return cell_at(self._points, float(event.xdata), float(event.ydata), self._row_step())
        ratio = self.canvas.devicePixelRatioF() if self.canvas is not None else 1.0
        return nearest(self._points, float(event.x), float(event.y), HOVER_REACH * ratio)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.canvas and kind == QEvent.Type.Wheel:
            # The chart does not zoom: the wheel scrolls the page, as over any other card.
            event.ignore()
            return True
        if watched is not self.chart_host:
            return False
        if kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key_pressed(event)
        if kind == QEvent.Type.FocusIn:
            assert isinstance(event, QFocusEvent)
            if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
                self.choose_point(0 if self._points else None)  # say where the keys start
        elif kind == QEvent.Type.FocusOut:
            self.choose_point(None)
        return False

    def _key_pressed(self, event: QKeyEvent) -> bool:
        if not self._points:
            return False
        count = len(self._points)
        current = self._chosen
        step = self._row_step() if self._grid else 1
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

    def _row_step(self) -> int:
        """Cells in one row of the theme map (points run row by row)."""
        first_row = [point for point in self._points if point.y == self._points[0].y]
        return max(len(first_row), 1)

    def chosen_point(self) -> ChartPoint | None:
        return None if self._chosen is None else self._points[self._chosen]

    def choose_point(self, index: int | None) -> None:
        """Mark point `index` (None: none) with a ring and say its date and value."""
        if self.canvas is None or self.figure is None:
            return
        self._chosen = index
        for axes in self.figure.axes:
            for artist in [*axes.lines, *axes.patches]:
                if artist.get_gid() == FOCUS_RING_GID:
                    artist.remove()
        point = self.chosen_point()
        if point is None:
            QToolTip.hideText()
            self.canvas.draw_idle()  # type: ignore[no-untyped-call]
            return
        colour = self._style.text if self._style is not None else None
        ring: Artist
        if self._grid:  # the whole cell, outlined
            from matplotlib.patches import Rectangle

            ring = point.axes.add_patch(
                Rectangle(
                    (point.x - 0.5, point.y - 0.5),
                    1.0,
                    1.0,
                    fill=False,
                    edgecolor=colour,
                    linewidth=2.0,
                    zorder=10,
                )
            )
        else:
            (ring,) = point.axes.plot(
                [point.x],
                [point.y],
                marker="o",
                markersize=14,
                markerfacecolor="none",
                markeredgecolor=colour,
                markeredgewidth=2.0,
                linestyle="none",
                scalex=False,
                scaley=False,
                zorder=10,
                clip_on=False,
            )
        ring.set_gid(FOCUS_RING_GID)
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]
        x, y = point.on_screen()
        ratio = self.canvas.devicePixelRatioF() or 1.0
        below = QPoint(round(x / ratio), round((self.figure.bbox.height - y) / ratio) + space(1))
        QToolTip.showText(self.canvas.mapToGlobal(below), point.words, self.chart_host)

    # Saving ----------------------------------------------------------------------------------

    def save(self, path: Path) -> bool:
        """Write the chart to `path` (.png or .svg) in light colours, for printing and
        sharing; False, after saying why gently, if it could not be written."""
        if self._build is None:
            return False
        from kapcompanion.charts import ChartStyle, save_figure
        from kapcompanion.files import FileWriteError

        style = replace(ChartStyle.light(), font_size=chart_style().font_size)
        try:
            save_figure(self._build(style), path)
        except (FileWriteError, ValueError) as error:
            show_message(
                self,
                self.tr("The chart was not saved"),
                fill(
                    self.tr(
                        "The file could not be written (%1). Nothing else was changed; you "
                        "might choose another folder, or a name ending in .png or .svg."
                    ),
                    error.reason if isinstance(error, FileWriteError) else error,
                ),
            )
            return False
        return True

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
