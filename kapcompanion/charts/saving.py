"""Saving a chart as a picture file (PNG or SVG), written whole by the one file writer
(kapcompanion.files): an existing chart of the same name is replaced, never left half-written.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from kapcompanion.charts.layout import FIGURE_DPI
from kapcompanion.files import write_atomically

PNG_DPI = 200


def save_figure(figure: Figure, path: Path) -> None:
    """Write the chart as PNG (200 dpi) or SVG, chosen by the file's suffix.

    A file already there is replaced, whole. Raises ValueError for any other suffix, and
    kapcompanion.files.FileWriteError (a KapError) when the file cannot be written.
    """
    kind = path.suffix.lower().lstrip(".")
    if kind not in ("png", "svg"):
        raise ValueError(f"Charts can be saved as .png or .svg, not {path.suffix or path.name!r}.")
    metadata: dict[str, Any] = {"Title": figure.get_label()} if figure.get_label() else {}
    buffer = io.BytesIO()
    figure.savefig(
        buffer,
        format=kind,
        dpi=PNG_DPI if kind == "png" else FIGURE_DPI,
        facecolor=figure.get_facecolor(),
        metadata=metadata,
    )
    write_atomically(path, buffer.getvalue(), overwrite=True)
