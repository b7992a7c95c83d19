"""The drawing process: KAP Companion's own child that draws the Trends charts with matplotlib.

Started by the window (ui.widgets.drawing_process) as `kap-companion draw-charts PID`, it reads
requests from stdin and answers on stdout, one at a time, each a pickle after its length (eight
bytes, big-endian): a `DrawRequest` is answered with a `Picture`, a `SaveRequest` with `Saved`,
and anything that goes wrong with None (said on stderr, the window's log). Drawing here keeps
matplotlib's memory and its long stretches of C++ (Agg, text layout) out of the window's
process. It never opens the data: the window reads, this only draws. It ends when its stdin
closes or the window's process is gone (it quit or crashed).
"""

from __future__ import annotations

import ctypes
import logging
import os
import pickle
import signal
import struct
import sys
import threading
import time
from contextlib import suppress
from typing import IO, TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from kapcompanion.charts.requests import (
    Chart,
    DrawnLine,
    DrawRequest,
    Grid,
    Picture,
    Saved,
    SaveRequest,
)
from kapcompanion.files import FileWriteError
from kapcompanion.wording.translation import install_translations

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from kapcompanion.charts.style import ChartStyle
    from kapcompanion.course.practice_distress import PracticeDistress
    from kapcompanion.course.trends import DistressSeries, QuestionnaireSeries, ThemeMap

log = logging.getLogger(__name__)

HEADER = struct.Struct("!Q")
BACKGROUND_NICENESS = 5
PARENT_CHECK_S = 0.5
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def build_figure(chart: Chart, style: ChartStyle) -> Figure:
    """The figure for `chart` in `style` (a sentence alone when there is nothing to draw)."""
    if chart.kind == "distress":
        from kapcompanion.charts.distress import distress_figure

        distress: DistressSeries = chart.data  # type: ignore[assignment]
        return distress_figure(distress, style, by=chart.by)
    if chart.kind == "themes":
        from kapcompanion.charts.theme_map import theme_map_figure

        themes: ThemeMap = chart.data  # type: ignore[assignment]
        return theme_map_figure(themes, style)
    if chart.kind == "practices":
        from kapcompanion.charts.practice_distress import practice_distress_figure

        practices: PracticeDistress = chart.data  # type: ignore[assignment]
        return practice_distress_figure(practices, style)
    from kapcompanion.charts.check_in_scores import questionnaire_figure

    scores: QuestionnaireSeries = chart.data  # type: ignore[assignment]
    return questionnaire_figure(scores, style)


def draw(request: DrawRequest) -> Picture:
    """Build and draw the chart. Figures are sized in inches, at the screen's logical dpi times
    its pixel ratio: one point of chart text is one point of Qt text, crisp on high-DPI."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import to_hex

    figure = build_figure(request.chart, request.style)
    figure.set_dpi(request.logical_dpi * request.pixel_ratio)
    if request.height_inches is not None and figure.axes:
        figure.set_figheight(request.height_inches)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
    height, width = pixels.shape[0], pixels.shape[1]
    return Picture(
        width=width,
        height=height,
        pixels=_premultiplied_argb(pixels),
        pixel_ratio=request.pixel_ratio,
        dpi=float(figure.dpi),
        width_inches=float(figure.get_figwidth()),
        has_axes=bool(figure.axes),
        background=to_hex(figure.get_facecolor()),
        lines=_lines(figure),
        grid=_grid(figure),
        style=request.style,
    )


def _premultiplied_argb(rgba: Any) -> bytes:
    """Agg's RGBA as the window paints fastest: premultiplied ARGB32 in this machine's byte
    order (Qt's Format_ARGB32_Premultiplied), converted here rather than on every paint."""
    import numpy as np

    colours = np.asarray(rgba, dtype=np.uint16)
    alpha = colours[..., 3:4]
    converted = np.empty(colours.shape, dtype=np.uint8)
    converted[..., :3] = (colours[..., :3] * alpha + 127) // 255
    converted[..., 3] = colours[..., 3]
    order = [2, 1, 0, 3] if sys.byteorder == "little" else [3, 0, 1, 2]  # B G R A, or A R G B
    return np.ascontiguousarray(converted[..., order]).tobytes()


def _lines(figure: Figure) -> tuple[DrawnLine, ...]:
    """Every named line, its points where the layout put them."""
    import numpy as np

    found = []
    for axes in figure.axes:
        for line in axes.lines:
            gid = line.get_gid()
            if not gid:
                continue
            data = np.asarray(line.get_xydata(), dtype=float).reshape(-1, 2)
            places = axes.transData.transform(data)
            found.append(
                DrawnLine(
                    gid,
                    tuple((float(x), float(y)) for x, y in data),
                    tuple((float(x), float(y)) for x, y in places),
                )
            )
    return tuple(found)


def _grid(figure: Figure) -> Grid | None:
    """Where the theme map's cells are, if the figure has one."""
    for axes in figure.axes:
        for image in axes.images:
            if image.get_gid() != "theme-map":
                continue
            rows, columns = image.get_array().shape[:2]  # type: ignore[union-attr]
            (left, bottom), (across, _), (_, up) = axes.transData.transform(
                [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0)]
            )
            box = axes.bbox
            return Grid(
                columns=int(columns),
                rows=int(rows),
                first=(float(left), float(bottom)),
                column_step=float(across - left),
                row_step=float(up - bottom),
                box=(float(box.x0), float(box.y0), float(box.x1), float(box.y1)),
            )
    return None


def save(request: SaveRequest) -> Saved:
    """Write the chart to its file (whole, or not at all), or say why it was not."""
    from kapcompanion.charts.saving import save_figure

    try:
        save_figure(build_figure(request.chart, request.style), request.path)
    except FileWriteError as error:
        return Saved(error.reason)
    except ValueError as error:
        return Saved(str(error))
    return Saved()


class Words:
    """The window's language for the charts' words, installed when it first asks or changes."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._locale: str | None = None
        self._translators: list[QTranslator] = []

    def use(self, locale: str) -> None:
        if locale == self._locale:
            return
        for translator in self._translators:
            self._app.removeTranslator(translator)
        QLocale.setDefault(QLocale(locale))
        self._translators = install_translations(self._app, QLocale(locale))
        self._locale = locale


def answer(request: object, words: Words) -> Picture | Saved | None:
    if isinstance(request, DrawRequest):
        words.use(request.locale)
        return draw(request)
    if isinstance(request, SaveRequest):
        words.use(request.locale)
        return save(request)
    log.error("The drawing process was asked something it does not know: %r", type(request))
    return None


def warm_up() -> None:
    """Load matplotlib and the chart code before the first chart is asked for."""
    import kapcompanion.charts.check_in_scores
    import kapcompanion.charts.distress
    import kapcompanion.charts.practice_distress
    import kapcompanion.charts.theme_map  # noqa: F401
    from kapcompanion.charts.fonts import use_fallback_fonts

    use_fallback_fonts()


def serve(requests: IO[bytes], answers: IO[bytes]) -> int:
    """Answer requests until `requests` ends."""
    app = QCoreApplication.instance() or QCoreApplication(["kap-companion-drawing"])
    words = Words(app)
    warm_up()
    while True:
        header = requests.read(HEADER.size)
        if len(header) < HEADER.size:
            return 0
        (size,) = HEADER.unpack(header)
        payload = requests.read(size)
        if len(payload) < size:
            return 0
        reply: Picture | Saved | None = None
        try:
            reply = answer(pickle.loads(payload), words)
        except Exception:
            log.exception("A chart could not be drawn")
        message = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        answers.write(HEADER.pack(len(message)) + message)
        answers.flush()


def _die_with_parent() -> None:
    """On Linux, have the kernel end this process the moment the window's ends."""
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _end_with(parent: int) -> None:
    """End this process once the window's is gone, though it was killed without closing our
    stdin first, or while matplotlib still loads (stdin is read only after)."""
    while os.getppid() == parent:  # (at once if it went while this process started)
        time.sleep(PARENT_CHECK_S)
    os._exit(0)


def run(window: int) -> int:
    """The process's life, for the window's process `window`: stdin in, the answers out on what
    was stdout. Anything else printed (by a library) goes to stderr instead, never into the
    answers."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the window decides when this ends
    with suppress(OSError, AttributeError):  # (no niceness on Windows)
        # Background work: on a busy machine the window, not the drawing, gets the CPU first.
        os.nice(BACKGROUND_NICENESS)
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    logging.basicConfig(level=logging.WARNING, format="drawing process: %(message)s")
    threading.Thread(target=_end_with, args=(window,), name="parent", daemon=True).start()
    with answers:
        return serve(sys.stdin.buffer, answers)
