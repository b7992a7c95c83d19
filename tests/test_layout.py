"""The layout's rules, checked on the code itself: one room per concern.

A screen package imports shared widgets, operations and the core, never another screen; shared
widgets and operations never import a screen; the core never imports the window's code or Qt's
widgets. Breaking one of these is how a structure quietly decays, so it fails the suite.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"
SCREENS = {
    "home",
    "sessions",
    "reflect",
    "journal",
    "recently_deleted",
    "insights",
    "trends",
    "checkins",
    "practices",
    "printout",
    "support",
    "settings",
    "unlock",
    "recovery",
}
SHARED = {"widgets", "operations"}


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, wherever in the file the import is."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def ui_package_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "ui" and len(parts) > 2 else None


def test_every_screen_has_its_own_package_and_only_the_window_sits_directly_in_ui() -> None:
    loose = {path.name for path in UI.glob("*.py")}
    assert loose <= {"__init__.py", "application.py", "main_window.py", "changes.py"}
    packages = {path.name for path in UI.iterdir() if (path / "__init__.py").exists()}
    assert packages == SCREENS | SHARED


def test_a_screen_never_imports_another_screen() -> None:
    crossings = []
    for screen in sorted(SCREENS):
        for path in sorted((UI / screen).rglob("*.py")):
            for module in imported_modules(path):
                other = ui_package_of(module)
                if other in SCREENS and other != screen:
                    crossings.append(f"{path.relative_to(ROOT)} imports {module}")
    assert crossings == []


def test_shared_widgets_and_operations_never_import_a_screen() -> None:
    crossings = [
        f"{path.relative_to(ROOT)} imports {module}"
        for package in sorted(SHARED)
        for path in sorted((UI / package).rglob("*.py"))
        for module in imported_modules(path)
        if ui_package_of(module) in SCREENS
    ]
    assert crossings == []


def test_the_core_never_imports_the_window_or_qt_widgets() -> None:
    crossings = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in sorted((ROOT / "kapcompanion").rglob("*.py"))
        for module in imported_modules(path)
        if module == "ui" or module.startswith(("ui.", "PySide6.QtWidgets"))
    ]
    assert crossings == []
