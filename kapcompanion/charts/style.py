"""How the charts look: the colour-blind-safe palette, the light and dark schemes from
resources/style/tokens.json (`ChartStyle`), and the colour arithmetic that keeps text and
marks readable on either.

Colours only: no figures are made here, and nothing of Qt. Does not import matplotlib (the
Trends screen chooses a style before matplotlib has loaded): "#rrggbb" colours are read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kapcompanion.data_files.resource_files import load_json_resource

# Paul Tol's colour-blind-safe "muted" scheme and its pale grey: every chart series takes its
# colour from here (theme colours come with the themes themselves).
INDIGO, CYAN, TEAL, GREEN = "#332288", "#88CCEE", "#44AA99", "#117733"
OLIVE, SAND, ROSE, WINE, PURPLE = "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"
PALE_GREY = "#DDDDDD"
MUTED_PALETTE = (INDIGO, CYAN, TEAL, GREEN, OLIVE, SAND, ROSE, WINE, PURPLE)


@dataclass(frozen=True)
class ChartStyle:
    """The colours and type size a chart is drawn in, so charts follow the app's scheme."""

    text: str
    muted: str
    background: str
    grid: str
    accent: str
    font_size: float = 10.0
    # The width the chart will be shown at, so legends and labels are laid out for it
    # (None: the standard width).
    width_inches: float | None = None

    @classmethod
    def light(cls) -> ChartStyle:
        """The light scheme from resources/style/tokens.json (charts sit on a card surface)."""
        return cls._from_tokens("light")

    @classmethod
    def dark(cls) -> ChartStyle:
        """The dark scheme from resources/style/tokens.json."""
        return cls._from_tokens("dark")

    @classmethod
    def _from_tokens(cls, scheme: str) -> ChartStyle:
        palette = _palettes()[scheme]
        return cls(
            text=palette["text"],
            muted=palette["muted_text"],
            background=palette["surface"],
            grid=palette["border"],
            accent=palette["accent"],
        )

    @property
    def small(self) -> float:
        return self.font_size * 0.9

    @property
    def is_dark(self) -> bool:
        return luminance(self.background) < 0.5


@cache
def _palettes() -> dict[str, dict[str, str]]:
    palettes: dict[str, dict[str, str]] = load_json_resource("style", "tokens.json")["palettes"]
    return palettes


# Colour arithmetic --------------------------------------------------------------------------


def to_rgb(colour: str) -> tuple[float, float, float]:
    """Red, green and blue from 0 to 1: "#rrggbb" (or "#rrggbbaa") read here, any other
    spelling by matplotlib."""
    if colour.startswith("#") and len(colour) in (7, 9):
        return (
            int(colour[1:3], 16) / 255,
            int(colour[3:5], 16) / 255,
            int(colour[5:7], 16) / 255,
        )
    from matplotlib.colors import to_rgb as named_to_rgb

    return named_to_rgb(colour)


def to_hex(rgb: tuple[float, float, float]) -> str:
    """ "#rrggbb" for red, green and blue from 0 to 1 (as matplotlib writes it)."""
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in rgb)


def luminance(colour: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in to_rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def mix(start: str, end: str, share: float) -> str:
    """The colour `share` of the way from `start` to `end`."""
    (r1, g1, b1), (r2, g2, b2) = to_rgb(start), to_rgb(end)
    return to_hex((r1 + (r2 - r1) * share, g1 + (g2 - g1) * share, b1 + (b2 - b1) * share))


def ink_on(fill: str, style: ChartStyle) -> str:
    """Whichever of the style's text and background colours reads better on `fill`."""
    fill_light = luminance(fill)

    def contrast(ink: str) -> float:
        lighter, darker = sorted((fill_light, luminance(ink)), reverse=True)
        return (lighter + 0.05) / (darker + 0.05)

    return max((style.text, style.background), key=contrast)


def before_after_colours(style: ChartStyle) -> tuple[str, str]:
    """Before / after colours with enough contrast on the background: a rose family for
    before, a green family for after, in the shade that reads on light or dark."""
    return (ROSE, TEAL) if style.is_dark else (WINE, GREEN)


def score_colour(style: ChartStyle) -> str:
    return CYAN if style.is_dark else INDIGO


def quick_check_in_colour(style: ChartStyle) -> str:
    """Quick check-ins beside the before / after colours: indigo on light, sand on dark."""
    return SAND if style.is_dark else INDIGO


def practice_colours(style: ChartStyle) -> tuple[str, str]:
    """The weekly practice bars (a soft teal that reads as a background to the line) and the
    distress line over them, in shades that read on light or dark."""
    if style.is_dark:
        return mix(style.background, TEAL, 0.55), SAND
    return mix(style.background, TEAL, 0.45), INDIGO
