"""Our own small icon set, drawn as SVGs in resources/icons/."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from kapcompanion.data_files.resource_files import resource_path


def icon(name: str) -> QIcon:
    """The icon resources/icons/<name>.svg (an empty icon if the file is missing)."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()
