"""Collect every translatable sentence in ui/ and kapcompanion/ into a Qt .ts catalogue.

Qt's own `pyside6-lupdate` finds `self.tr("…")` (context: the class) but not our module-level
helpers (`_tr("…")` with a module's CONTEXT, the core's `translate(CONTEXT, "…")`,
`counted(…)`, or `partial(counted, "Context", "…")`), so it would file their sentences under
the wrong context and a translation would never be found. This reads the code the way the
program looks sentences up at run time and writes the catalogue a translator opens in Qt
Linguist; `pyside6-lrelease` turns a translated copy into the .qm file the window loads
(resources/translations/kap-companion_<language>.qm).

    .venv/bin/python scripts/extract_translations.py            # write the catalogue
    .venv/bin/python scripts/extract_translations.py --check    # only list untranslatable calls

`--check` exits 1 when a call passes something other than a literal sentence (a translator
could never see it).
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ui", "kapcompanion")
CATALOGUE = ROOT / "resources" / "translations" / "kap-companion.ts"
# Functions that look a sentence up: where its context and its sentence are in the arguments.
CONTEXT_AND_SOURCE = {"translate": (0, 1), "counted": (0, 1)}  # also Q…Application.translate
QT_APPLICATIONS = ("QCoreApplication", "QGuiApplication", "QApplication")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    plural: bool
    where: str


@dataclass
class Catalogue:
    messages: list[Message] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _name(node: ast.expr) -> str:
    """`f` for f(…), `translate` for QCoreApplication.translate(…), "" otherwise."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _constants(tree: ast.Module) -> dict[str, str]:
    """The module's top-level `NAME = "text"` assignments."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        value = node.value
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = value.value
    return found


def _imported_constants(tree: ast.Module, root: Path) -> dict[str, str]:
    """Text constants imported by name from our own modules (`from … import CONTEXT`)."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PACKAGES):
            path = root / Path(*node.module.split(".")).with_suffix(".py")
            if path.is_file():
                theirs = _constants(ast.parse(path.read_text(encoding="utf-8")))
                for alias in node.names:
                    if alias.name in theirs:
                        found[alias.asname or alias.name] = theirs[alias.name]
    return found


class _Module:
    """One file's constants and its own look-up helpers (`_tr`, `_words`, …)."""

    def __init__(self, tree: ast.Module, root: Path) -> None:
        self.constants = _imported_constants(tree, root) | _constants(tree)
        self.helpers: dict[str, str] = {}  # helper name → the context it looks sentences up in
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.args.args:
                context = self._helper_context(node)
                if context is not None:
                    self.helpers[node.name] = context

    def texts(self, node: ast.expr) -> list[str] | None:
        """The sentence(s) `node` can be: a literal, a module constant, or either branch of
        `a if … else b`; None when it is worked out at run time."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.Name) and node.id in self.constants:
            return [self.constants[node.id]]
        if isinstance(node, ast.IfExp):
            body, orelse = self.texts(node.body), self.texts(node.orelse)
            return None if body is None or orelse is None else body + orelse
        return None

    def text(self, node: ast.expr) -> str | None:
        found = self.texts(node)
        return found[0] if found and len(found) == 1 else None

    def _helper_context(self, function: ast.FunctionDef) -> str | None:
        """The context, if `function` passes its first parameter as the sentence to a look-up."""
        first = function.args.args[0].arg
        for call in ast.walk(function):
            if not isinstance(call, ast.Call):
                continue
            places = CONTEXT_AND_SOURCE.get(_name(call.func))
            if places is None or len(call.args) <= places[1]:
                continue
            source = call.args[places[1]]
            if isinstance(source, ast.Name) and source.id == first:
                return self.text(call.args[places[0]])
        return None


def _calls(tree: ast.AST) -> Iterator[tuple[ast.Call, str, frozenset[str]]]:
    """Every call, with the class it is written in ("" outside classes) and the parameters of
    the function around it (a sentence passed on from a parameter is looked up by the caller)."""

    def visit(
        node: ast.AST, owner: str, parameters: frozenset[str]
    ) -> Iterator[tuple[ast.Call, str, frozenset[str]]]:
        for child in ast.iter_child_nodes(node):
            inner, names = owner, parameters
            if isinstance(child, ast.ClassDef):
                inner = child.name
            elif isinstance(child, ast.FunctionDef):
                arguments = child.args
                every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
                names = frozenset(argument.arg for argument in every)
            if isinstance(child, ast.Call):
                yield child, owner, parameters
            yield from visit(child, inner, names)

    yield from visit(tree, "", frozenset())


def _plural(call: ast.Call, source: str) -> bool:
    return "%n" in source or "%Ln" in source or any(k.arg == "n" for k in call.keywords)


def collect(root: Path = ROOT) -> Catalogue:
    """Every sentence the program looks up, with its context, in file order."""
    catalogue = Catalogue()
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            module = _Module(tree, root)
            for call, owner, parameters in _calls(tree):
                found = _lookup(call, owner, module)
                if found is None:
                    continue
                context, source_node = found
                if isinstance(source_node, ast.Name) and source_node.id in parameters:
                    continue  # a look-up helper passing its caller's sentence on
                where = f"{path.relative_to(root)}:{call.lineno}"
                sources = module.texts(source_node)
                if context is None or sources is None:
                    catalogue.problems.append(f"{where}: the sentence is not written out here")
                    continue
                for source in sources:
                    plural = _plural(call, source)
                    catalogue.messages.append(Message(context, source, plural, where))
    return catalogue


def _lookup(call: ast.Call, owner: str, module: _Module) -> tuple[str | None, ast.expr] | None:
    """(context, sentence node) if `call` looks a sentence up; None for any other call."""
    name = _name(call.func)
    if name == "tr" and isinstance(call.func, ast.Attribute) and call.args:
        return owner or None, call.args[0]
    if name in module.helpers and isinstance(call.func, ast.Name) and call.args:
        return module.helpers[name], call.args[0]
    qt_translate = isinstance(call.func, ast.Attribute) and _name(call.func.value) in (
        QT_APPLICATIONS
    )  # not QPainter.translate(x, y)
    looks_up = isinstance(call.func, ast.Name) or qt_translate
    if name in CONTEXT_AND_SOURCE and len(call.args) >= 2 and looks_up:
        return module.text(call.args[0]), call.args[1]
    if name == "partial" and len(call.args) >= 3 and _name(call.args[0]) in CONTEXT_AND_SOURCE:
        return module.text(call.args[1]), call.args[2]
    return None


def write_ts(catalogue: Catalogue, path: Path) -> int:
    """Write the catalogue as a Qt Linguist .ts file (untranslated); the number of sentences."""
    contexts: dict[str, dict[str, list[Message]]] = {}
    for message in catalogue.messages:
        contexts.setdefault(message.context, {}).setdefault(message.source, []).append(message)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1">']
    count = 0
    for context in sorted(contexts):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for source, uses in contexts[context].items():
            count += 1
            numerus = ' numerus="yes"' if any(use.plural for use in uses) else ""
            lines.append(f"    <message{numerus}>")
            for use in uses:
                filename, line = use.where.rsplit(":", 1)
                lines.append(f'        <location filename="../../{filename}" line="{line}"/>')
            lines.append(f"        <source>{escape(source)}</source>")
            if numerus:
                lines.append('        <translation type="unfinished"><numerusform/></translation>')
            else:
                lines.append('        <translation type="unfinished"></translation>')
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only list untranslatable calls")
    parser.add_argument("--ts", type=Path, default=CATALOGUE, help="where to write the catalogue")
    args = parser.parse_args(argv)
    catalogue = collect()
    for problem in catalogue.problems:
        print(problem, file=sys.stderr)
    if args.check:
        return 1 if catalogue.problems else 0
    count = write_ts(catalogue, args.ts)
    contexts = len({message.context for message in catalogue.messages})
    print(f"{count} sentences in {contexts} contexts: {args.ts}")
    return 1 if catalogue.problems else 0


if __name__ == "__main__":
    sys.exit(main())
