"""Translatable sentences in the core: Qt's translation lookup plus %1, %2, … filling.

`QCoreApplication.translate` needs no application object and returns the source text when no
translation is installed, so the CLI and the tests read English while a translated window gets
its own language. Translators may reorder the numbered places; the values land wherever their
number stands (as QString::arg does; PySide6 returns plain str).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kapcompanion.data_files.resource_files import resource_path

_PLACE = re.compile(r"%(\d)")
CATALOGUE_NAME = "kap-companion"
UNTRANSLATED_PLURAL = "(s)"


def fill(template: str, *values: object) -> str:
    """`template` with %1, %2, … replaced by `values` in order of their numbers."""

    def replace(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACE.sub(replace, template)


def translate(context: str, source: str, *values: object, n: int = -1) -> str:
    """`source` in the installed language, %n set to `n`, %1… to `values`; whole numbers among
    `values` are written as the locale writes them. With `n`, a translation gives each language
    its own plural forms; without one (English), the source's "thing(s)" is settled here."""
    shown = [QLocale().toString(value) if isinstance(value, int) else value for value in values]
    words = QCoreApplication.translate(context, source, None, n)
    if n >= 0:
        words = words.replace(UNTRANSLATED_PLURAL, "" if n == 1 else "s")
    return fill(words, *shown)


def one_line(words: str, limit: int | None = None) -> str:
    """`words` with line breaks and runs of spaces folded into single spaces, shortened with an
    ellipsis past `limit` characters."""
    line = " ".join(words.split())
    if limit is None or len(line) <= limit:
        return line
    return line[: limit - 1].rstrip() + "…"


def counted(context: str, source: str, n: int) -> str:
    """A "%Ln thing(s)" phrase for `n` (see `translate`)."""
    return translate(context, source, n=n)


def install_translations(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path | None = None
) -> list[QTranslator]:
    """Install the translations that exist for `locale` (the system's by default): Qt's own
    (standard dialogs' buttons) and ours, resources/translations/kap-companion_<language>.qm.
    Returns them, parented to `app` so they live as long as it does. English needs none."""
    locale = locale or QLocale()
    # The first language the person prefers decides. English is the program's own, so it
    # needs no file, and must not fall through to a second choice ("en_GB:fr").
    preferred = locale.uiLanguages()
    language = QLocale(preferred[0]) if preferred else locale
    if language.language() in (QLocale.Language.English, QLocale.Language.C):
        return []
    ours = folder or resource_path("translations")
    qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for name, where in (("qtbase", qt_own), (CATALOGUE_NAME, str(ours))):
        translator = QTranslator(app)
        if translator.load(language, name, "_", where) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed
