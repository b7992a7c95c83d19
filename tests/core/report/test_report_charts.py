"""The printout's charts: each drawn once, whatever layout engine it was made with."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.figure import Figure
from PySide6.QtWidgets import QApplication

from kapcompanion.course.trends import Period
from kapcompanion.demo import fill_demo
from kapcompanion.report.content.build import build_content
from kapcompanion.report.content.options import default_options
from kapcompanion.report.paint.figures import chart_pictures
from kapcompanion.store import Store


def test_each_chart_is_drawn_once(
    qapp: QApplication, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_demo(store)
    options = default_options(store, Period())
    content = build_content(store, options, date.today())
    drawn: list[Figure] = []
    draw = Figure.draw

    def counted(figure: Figure, renderer: object) -> None:
        drawn.append(figure)
        draw(figure, renderer)  # type: ignore[arg-type]

    monkeypatch.setattr(Figure, "draw", counted)
    pictures = chart_pictures(content, options, 6.5)

    assert len(pictures) >= 3  # distress, theme map, questionnaires
    assert len(drawn) == len(pictures) == len({id(figure) for figure in drawn})
    assert all(picture.svg.startswith(b"<?xml") for picture in pictures.values())


@pytest.mark.parametrize(("sessions", "across"), [(20, 16), (400, 5), (1500, 2)])
def test_theme_map_cells_are_never_wider_in_pixels_than_the_print_shows(
    sessions: int, across: int
) -> None:
    """A short course's cells fill whole 16-pixel blocks; a long one's are only as wide as
    300 dpi gives them (encoding 16 pixels a cell took a second at ten years)."""
    import numpy as np

    from kapcompanion.report.paint.figures import CELL_PIXELS, _unsampled_cells

    figure = Figure(figsize=(6.5, 2))
    figure.add_subplot().imshow(np.ones((3, sessions)))
    _unsampled_cells(figure, 6.5)
    cells = figure.axes[0].images[0].get_array()
    assert cells is not None
    assert cells.shape == (3 * CELL_PIXELS, sessions * across)
