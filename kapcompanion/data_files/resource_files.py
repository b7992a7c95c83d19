"""Where the data files in `resources/` are, in a source checkout and in an installed wheel.

A wheel carries them as `kapcompanion/resources/`; a checkout (and an editable install) keeps
them beside the package, at the top of the repository.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from kapcompanion.errors import KapError


class ResourceError(KapError):
    """A data file in resources/ is missing or malformed; the message names file and problem."""


@cache
def resources_dir() -> Path:
    # kapcompanion/resources in an installed wheel; resources/ beside kapcompanion/ in a checkout.
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / "resources", package_dir.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise ResourceError(f"KAP Companion's data files were not found next to {package_dir}.")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def load_json_resource(*parts: str) -> Any:
    """Parse one JSON file from resources/, or raise ResourceError naming the file and line."""
    return load_json_file(resource_path(*parts))


def load_json_file(path: Path) -> Any:
    """Parse a JSON data file, or raise ResourceError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ResourceError(f"{path}: cannot be read ({error.strerror}).") from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ResourceError(
            f"{path}, line {error.lineno}, column {error.colno}: {error.msg}."
        ) from error
