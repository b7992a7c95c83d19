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
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from kapcompanion.resource_files import load_json_resource, resource_path


class ColourScheme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


COLOUR_SCHEME_KEY = "appearance/colour_scheme"


def stored_colour_scheme(settings: QSettings) -> ColourScheme:
    """The client's choice of colours (follow the system unless they chose otherwise)."""
    try:
        return ColourScheme(str(settings.value(COLOUR_SCHEME_KEY, ColourScheme.SYSTEM.value)))
    except ValueError:
        return ColourScheme.SYSTEM


@dataclass(frozen=True)
class Tokens:
    spacing_unit: int
    radius: dict[str, int]
    type_scale: dict[str, float]
    reading_width_characters: int
    palettes: dict[str, dict[str, str]]


@cache
def tokens() -> Tokens:
    data: dict[str, Any] = load_json_resource("style", "tokens.json")
    return Tokens(
        spacing_unit=int(data["spacing"]["unit"]),
        radius={key: int(value) for key, value in data["radius"].items()},
        type_scale={key: float(value) for key, value in data["type_scale"].items()},
        reading_width_characters=int(data["reading_width_characters"]),
        palettes=data["palettes"],
    )


def space(units: int = 1) -> int:
    """Pixels for `units` steps of the 8-px spacing grid."""
    return units * tokens().spacing_unit


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
    current = app.style()
    if current is None or current.name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(_palette(colours(scheme)))
    base = app.font().pointSizeF()
    app.setStyleSheet(stylesheet(scheme, base if base > 0 else 10.0))
    app.setProperty("kapColourScheme", scheme)
    return scheme
