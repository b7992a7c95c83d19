"""The built-in themes (safety, grief, shame, …) read from resources/themes/builtin_themes.json.

Built-in themes get a uuid derived from their key, so the same theme has the same uuid in every
profile and export/import merges them instead of duplicating them.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from functools import cache

from kapcompanion.data_files.resource_files import ResourceError, load_json_resource, resource_path

_THEME_NAMESPACE = uuid.UUID("6f1d3f0e-2b7a-4c53-9a55-0c7d1f4b8e21")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
FILE = ("themes", "builtin_themes.json")


@dataclass(frozen=True)
class BuiltinTheme:
    key: str
    name: str
    colour: str

    @property
    def uuid(self) -> str:
        return str(uuid.uuid5(_THEME_NAMESPACE, f"theme:{self.key}"))


@cache
def builtin_themes() -> tuple[BuiltinTheme, ...]:
    data = load_json_resource(*FILE)
    where = resource_path(*FILE)
    entries = data.get("themes") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ResourceError(f'{where}: expected a non-empty list under "themes".')
    themes: list[BuiltinTheme] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise ResourceError(f"{where}: theme {number} is not an object.")
        key, name, colour = entry.get("key"), entry.get("name"), entry.get("colour")
        if not isinstance(key, str) or not _KEY.match(key):
            raise ResourceError(f'{where}: theme {number} needs a lowercase "key".')
        if not isinstance(name, str) or not name.strip():
            raise ResourceError(f'{where}: theme "{key}" needs a "name".')
        if not isinstance(colour, str) or not _COLOUR.match(colour):
            raise ResourceError(f'{where}: theme "{key}" needs a colour like "#44AA99".')
        themes.append(BuiltinTheme(key, name.strip(), colour.upper()))
    keys = [theme.key for theme in themes]
    if len(set(keys)) != len(keys):
        raise ResourceError(f"{where}: a theme key appears twice.")
    return tuple(themes)


def fold_for_key(name: str) -> str:
    """Lowercase ASCII letters and digits only, for a theme key made from a client's name."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = decomposed.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_only.lower()).strip()


@cache
def own_theme_colours() -> tuple[str, ...]:
    """Colours for the client's own themes, in the order they are handed out."""
    data = load_json_resource(*FILE)
    colours = data.get("own_theme_colours") if isinstance(data, dict) else None
    if (
        not isinstance(colours, list)
        or not colours
        or not all(isinstance(c, str) and _COLOUR.match(c) for c in colours)
    ):
        raise ResourceError(f'{resource_path(*FILE)}: "own_theme_colours" must list colours.')
    return tuple(c.upper() for c in colours)
