"""Every built-in theme has its own colour: far apart in ordinary sight and for the most common
colour blindness, and readable with the chip text the app puts on it."""

from __future__ import annotations

from itertools import combinations

from coloraide import Color
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from kapcompanion.data_files.builtin_themes import builtin_themes, own_theme_colours
from ui.widgets.style import contrast_ratio, ink_on

# The smallest CIEDE2000 difference between two built-in colours, in ordinary sight and under
# deuteranopia. 10 is not reachable for 17 colours within Tol's colour-blind-safe schemes (the
# best 17 of them that carry chip text at 4.5:1 reach 9.67); see the note in
# resources/themes/builtin_themes.json.
BUILTIN_APART = 9.6
# The client's own themes stay at least this far from every built-in colour and from each other.
OWN_APART = 6.9


def differences(first: str, second: str) -> tuple[float, float]:
    """CIEDE2000 difference as seen, and as seen with deuteranopia (Machado et al. 2009)."""
    a, b = Color(first), Color(second)
    seen = a.delta_e(b, method="2000")
    deutan = a.filter("deutan", method="machado").delta_e(
        b.filter("deutan", method="machado"), method="2000"
    )
    return seen, deutan


def builtin_colours() -> list[str]:
    return [theme.colour for theme in builtin_themes()]


def test_every_built_in_theme_has_a_colour_of_its_own() -> None:
    colours = builtin_colours()
    assert len(set(colours)) == len(colours) == 17


def test_built_in_colours_stay_apart_also_for_deuteranopia() -> None:
    themes = builtin_themes()
    for first, second in combinations(themes, 2):
        seen, deutan = differences(first.colour, second.colour)
        assert min(seen, deutan) >= BUILTIN_APART, (first.key, second.key, seen, deutan)


def test_the_clients_own_theme_colours_stay_apart_from_the_built_in_ones() -> None:
    own = list(own_theme_colours())
    assert own and len(set(own)) == len(own)
    for colour in own:
        for builtin in builtin_colours():
            assert min(differences(colour, builtin)) >= OWN_APART, (colour, builtin)
    for first, second in combinations(own, 2):
        assert min(differences(first, second)) >= OWN_APART, (first, second)


def test_theme_chips_are_readable_on_every_theme_colour(qapp: QApplication) -> None:
    for colour in builtin_colours() + list(own_theme_colours()):
        background = QColor(colour)
        assert contrast_ratio(ink_on(background), background) >= 4.5, colour


def test_the_colour_difference_matches_published_ciede2000_values() -> None:
    # Pairs from Sharma, Wu & Dalal (2005), given in CIELAB: the library's formula, checked.
    for lab_first, lab_second, expected in (
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ):
        first = Color("lab-d65", lab_first)
        second = Color("lab-d65", lab_second)
        assert abs(first.delta_e(second, method="2000") - expected) < 1e-3
