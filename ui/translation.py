"""Translation in the window: the translations it loads, and filling %1, %2, … in sentences.

`install_translations` loads, for the system's language, Qt's own translations (the buttons of
standard dialogs) and ours from resources/translations/kap-companion_<language>.qm, when one
exists. Every screen looks its words up through `tr()` or the core's `translate()`, so a new
language is a new .qm file (see scripts/extract_translations.py) and touches no screen. `fill`
is the core's, re-exported for the screens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kapcompanion.resource_files import resource_path
from kapcompanion.wording import fill

__all__ = ["fill", "install_translations"]

CATALOGUE_NAME = "kap-companion"


def install_translations(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path | None = None
) -> list[QTranslator]:
    """Install the translations that exist for `locale` (the system's by default); returns
    them, parented to `app` so they live as long as it does. English needs none."""
    locale = locale or QLocale()
    ours = folder or resource_path("translations")
    qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for name, where in (("qtbase", qt_own), (CATALOGUE_NAME, str(ours))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", where) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed
