"""What the session form offers: route suggestions and the after-effects checklist (data files)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kapcompanion.data_files.resource_files import ResourceError, load_json_resource, resource_path

FILE = ("sessions", "session_options.json")


@dataclass(frozen=True)
class AfterEffect:
    key: str
    label: str


@dataclass(frozen=True)
class SessionOptions:
    route_suggestions: tuple[str, ...]
    after_effects: tuple[AfterEffect, ...]

    def after_effect_label(self, key: str) -> str:
        """The label for `key`, or the key itself for one a newer version wrote."""
        return next((effect.label for effect in self.after_effects if effect.key == key), key)


@cache
def session_options() -> SessionOptions:
    data = load_json_resource(*FILE)
    where = resource_path(*FILE)
    routes = data.get("route_suggestions") if isinstance(data, dict) else None
    effects = data.get("after_effects") if isinstance(data, dict) else None
    if not isinstance(routes, list) or not all(isinstance(r, str) and r for r in routes):
        raise ResourceError(f'{where}: "route_suggestions" must be a list of texts.')
    if not isinstance(effects, list) or not effects:
        raise ResourceError(f'{where}: "after_effects" must be a non-empty list.')
    parsed: list[AfterEffect] = []
    for number, entry in enumerate(effects, start=1):
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("key"), str)
            and isinstance(entry.get("label"), str)
            and entry["key"]
            and entry["label"]
        ):
            raise ResourceError(f'{where}: after-effect {number} needs a "key" and a "label".')
        parsed.append(AfterEffect(entry["key"], entry["label"]))
    if len({effect.key for effect in parsed}) != len(parsed):
        raise ResourceError(f"{where}: an after-effect key appears twice.")
    return SessionOptions(tuple(routes), tuple(parsed))
