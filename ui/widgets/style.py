"""The one visual language: Fusion with our light and dark palettes and a token-filled stylesheet.

Colours, spacing and type scale come from resources/style/tokens.json; the stylesheet template
is resources/style/app.qss. Type sizes are multiples of the system font, so the client's font
size setting is respected.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from string import Template
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from kapcompanion.data_files.resource_files import load_json_resource, resource_path


class ColourScheme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


COLOUR_SCHEME_KEY = "appearance/colour_scheme"
REDUCE_MOTION_KEY = "appearance/reduce_motion"


def stored_colour_scheme(settings: QSettings) -> ColourScheme:
    """The client's choice of colours (follow the system unless they chose otherwise)."""
    try:
        return ColourScheme(str(settings.value(COLOUR_SCHEME_KEY, ColourScheme.SYSTEM.value)))
    except ValueError:
        return ColourScheme.SYSTEM


def reduce_motion(settings: QSettings) -> bool:
    """Whether the client asked for stillness: the breathing pacer then counts instead."""
    return str(settings.value(REDUCE_MOTION_KEY, "false")).lower() in ("true", "1")


@dataclass(frozen=True)
class Tokens:
    spacing_unit: int
    radius: dict[str, int]
    type_scale: dict[str, float]
    reading_width_characters: int
    palettes: dict[str, dict[str, str]]
    theme_chip_ink: dict[str, str]


@cache
def tokens() -> Tokens:
    data: dict[str, Any] = load_json_resource("style", "tokens.json")
    return Tokens(
        spacing_unit=int(data["spacing"]["unit"]),
        radius={key: int(value) for key, value in data["radius"].items()},
        type_scale={key: float(value) for key, value in data["type_scale"].items()},
        reading_width_characters=int(data["reading_width_characters"]),
        palettes=data["palettes"],
        theme_chip_ink=data["theme_chip_ink"],
    )


def space(units: int = 1) -> int:
    """Pixels for `units` steps of the 8-px spacing grid."""
    return units * tokens().spacing_unit


def reading_width() -> int:
    """Pixels for about `reading_width_characters` characters of reading-size text."""
    font = QApplication.font()
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(base * tokens().type_scale["reading"])
    return QFontMetrics(font).averageCharWidth() * tokens().reading_width_characters


def _relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    lighter, darker = sorted(
        (_relative_luminance(first), _relative_luminance(second)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def ink_on(background: QColor) -> QColor:
    """Whichever text colour, dark or light, reads better on `background`."""
    inks = [QColor(value) for value in tokens().theme_chip_ink.values()]
    return max(inks, key=lambda ink: contrast_ratio(ink, background))


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def resolve_scheme(choice: ColourScheme) -> str:
    if choice is ColourScheme.SYSTEM:
        return "dark" if system_prefers_dark() else "light"
    return choice.value


def colours(scheme: str) -> dict[str, str]:
    return tokens().palettes[scheme]


def _palette(colour: dict[str, str]) -> QPalette:
    roles = QPalette.ColorRole
    palette = QPalette()
    assignments = {
        roles.Window: "window",
        roles.WindowText: "text",
        roles.Base: "surface",
        roles.AlternateBase: "window",
        roles.Text: "text",
        roles.Button: "surface",
        roles.ButtonText: "text",
        roles.Highlight: "selection",
        roles.HighlightedText: "text",
        roles.ToolTipBase: "surface",
        roles.ToolTipText: "text",
        roles.PlaceholderText: "muted_text",
        roles.Link: "accent",
        roles.Accent: "accent",
    }
    for role, name in assignments.items():
        palette.setColor(role, QColor(colour[name]))
    muted = QColor(colour["muted_text"])
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, muted)
    return palette


def stylesheet(scheme: str, base_point_size: float) -> str:
    values: dict[str, object] = dict(colours(scheme))
    values["icons_dir"] = resource_path("icons").as_posix()
    values["scheme"] = scheme
    for step in range(1, 5):
        values[f"space{step}"] = space(step)
    for name, pixels in tokens().radius.items():
        values[f"radius_{name}"] = pixels
    for name, factor in tokens().type_scale.items():
        values[f"{name}_pt"] = f"{base_point_size * factor:.1f}pt"
    template = Template(resource_path("style", "app.qss").read_text(encoding="utf-8"))
    return template.substitute(values)


def apply_style(app: QApplication, choice: ColourScheme) -> str:
    """Apply Fusion, the palette and the stylesheet for `choice`; return the scheme used."""
    scheme = resolve_scheme(choice)
    # Once a stylesheet is set, app.style() is Qt's stylesheet wrapper (its name is empty), so
    # the name cannot tell whether Fusion is underneath: a property remembers it. Setting the
    # style again would re-create it for every widget in the application.
    if not app.property("kapFusion"):
        app.setStyle("Fusion")
        app.setProperty("kapFusion", True)
    palette = _palette(colours(scheme))
    base = app.font().pointSizeF()
    sheet = stylesheet(scheme, base if base > 0 else 10.0)
    # Setting either one re-polishes every widget in the application: only when it changes.
    if app.palette() != palette:
        app.setPalette(palette)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    app.setProperty("kapColourScheme", scheme)
    return scheme
