"""The charts' letters: DejaVu Sans first, then whichever installed fonts have the letters it
lacks (a theme named in any script is drawn, not shown as boxes), and text measured from the
font's metrics alone, to fit labels before anything is drawn.

Sets matplotlib's font family, which is the program's own (charts are the only thing drawn
with it); never draws.
"""

from __future__ import annotations

import warnings
from functools import cache

from matplotlib import font_manager, rcParams
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

TEXT_TO_PATH = TextToPath()

# Fonts for letters the charts' own font (DejaVu Sans) lacks: Chinese, Japanese, Korean and
# more, so a theme named in any script is drawn, not shown as empty boxes. Those installed are
# tried in this order, letter by letter, after DejaVu Sans.
FALLBACK_FONTS = (
    "Noto Sans",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK KR",
    "Source Han Sans",
    "Droid Sans Fallback",
    "WenQuanYi Zen Hei",
    "Arial Unicode MS",
    "Microsoft YaHei",
    "Yu Gothic",
    "Malgun Gothic",
    "Hiragino Sans",
    "PingFang SC",
    "Apple SD Gothic Neo",
    "Noto Color Emoji",
)


@cache
def use_fallback_fonts() -> None:
    """Put the installed fallback fonts right after DejaVu Sans (matplotlib's settings are
    the program's own, and charts are the only thing drawn with them)."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    # Named one by one: matplotlib falls back letter by letter only along the family list.
    rcParams["font.family"] = [
        "DejaVu Sans",
        *(name for name in FALLBACK_FONTS if name in installed),
    ]


def text_width(words: str, size: float) -> float:
    """How wide `words` are in points at `size`, in the charts' font, from its metrics alone.
    (Measured in the first font only: a letter it lacks counts as its box, about as wide as
    the fallback font's letter, and is not worth a warning.)"""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Glyph .* missing from font")
        width, _height, _descent = TEXT_TO_PATH.get_text_width_height_descent(
            words, FontProperties(size=size), ismath=False
        )
    return float(width)


def fitted(name: str, size: float, room: float) -> str:
    """`name`, shortened with an ellipsis until it is no wider than `room` points."""
    if text_width(name, size) <= room:
        return name
    while len(name) > 1 and text_width(name + "…", size) > room:
        name = name[:-1].rstrip()
    return name + "…"
