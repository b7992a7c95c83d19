"""The store is the only place that talks to SQLite, and its modules stay small.

Read from the syntax tree, not the text, so a docstring or comment that mentions SQLite does
not count, and matplotlib's `def execute(self, fig)` in charts.py (a definition, not a call)
does not either, nor the report's call of a figure's layout engine (`NOT_SQL`).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
STORE = ROOT / "kapcompanion" / "store"
MAX_STORE_MODULE_LINES = 600
SQL_CALLS = {"execute", "executemany", "executescript", "query"}
NOT_SQL = {("figures.py", "engine")}  # matplotlib's LayoutEngine.execute(figure), by file


def outside_the_store() -> list[Path]:
    files = [*(ROOT / "kapcompanion").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
    return sorted(path for path in files if STORE not in path.parents)


def sqlite_uses(path: Path, *, allow_caught_errors: bool = False) -> list[str]:
    """Each place in `path` that imports sqlite3, names it, calls .execute/.query (and
    friends) or reaches for a `.connection`, as "file:line: what"."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    tolerated: set[int] = set()
    if allow_caught_errors:
        for node in ast.walk(tree):
            # sqlite3's error classes, named only to be caught (in an except clause, or in
            # the tuple insight_commands.store_refusals gives to one)
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "sqlite3"
                and node.attr.endswith("Error")
            ):
                tolerated.update((id(node), id(node.value)))
            if isinstance(node, ast.Import) and [a.name for a in node.names] == ["sqlite3"]:
                tolerated.add(id(node))
    found: list[str] = []
    for node in ast.walk(tree):
        if id(node) in tolerated:
            continue
        what = None
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = [alias.name for alias in node.names]
            if isinstance(node, ast.ImportFrom):
                modules.append(node.module or "")
            if any(name.split(".")[0] in ("sqlite3", "sqlite_utils") for name in modules):
                what = "imports " + ", ".join(modules)
        elif isinstance(node, ast.Name) and node.id == "sqlite3":
            what = "sqlite3"
        elif isinstance(node, ast.Attribute) and node.attr == "connection":
            what = ".connection"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SQL_CALLS
            and not (
                isinstance(node.func.value, ast.Name) and (path.name, node.func.value.id) in NOT_SQL
            )
        ):
            what = f".{node.func.attr}()"
        if what:
            found.append(f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}: {what}")
    return found


def test_no_sql_outside_the_store() -> None:
    # The window's `except (KapError, sqlite3.Error)` clauses are left for the UI's side of the
    # error boundary (see the expected failure below); nothing else there may name SQLite.
    found = [
        use
        for path in outside_the_store()
        for use in sqlite_uses(path, allow_caught_errors=path.is_relative_to(ROOT / "ui"))
    ]
    assert found == []


def test_the_window_catches_no_sqlite_errors() -> None:
    found = [use for path in outside_the_store() for use in sqlite_uses(path)]
    assert found == []


def test_the_check_itself_sees_sql() -> None:
    here = sqlite_uses(STORE / "store.py")
    assert any("imports sqlite3" in use for use in here)
    assert any(".execute()" in use for use in here)


def test_store_modules_stay_small() -> None:
    sizes = {path.name: len(path.read_text("utf-8").splitlines()) for path in STORE.rglob("*.py")}
    assert sizes, "no store modules found"
    assert {name: n for name, n in sizes.items() if n > MAX_STORE_MODULE_LINES} == {}
