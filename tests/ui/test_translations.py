"""A new language is a new file: every sentence can be found for translators under the context
it is looked up in, and a translation, once installed, reaches screens and core sentences."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from kapcompanion.course.trends import distress_series
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from kapcompanion.wording.translation import install_translations
from tests.ui.conftest import WindowFactory

ROOT = Path(__file__).resolve().parents[2]
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


def extractor() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "extract_translations", ROOT / "scripts" / "extract_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def test_every_sentence_is_written_out_where_it_is_looked_up() -> None:
    catalogue = extractor().collect()
    assert catalogue.problems == []
    found = {(message.context, message.source) for message in catalogue.messages}
    assert len(found) > 1000
    for expected in (
        ("MainWindow", "Trends"),  # self.tr in a class: the class is the context
        ("SessionWording", "Distress not rated"),  # a module's _tr helper: its CONTEXT
        ("domain", "Session %1"),  # the window's and the printout's words, written once
        ("trends", "Distress after sessions went from %1 to %2 across %n sessions."),
        ("charts", "Before session"),  # translate() with a CONTEXT from a sibling module
        ("ThemeChoice", "%Ln theme(s)"),  # partial(counted, …)
        ("ExchangeSummary", "%Ln reflection(s)"),
        ("report", "Sessions"),  # the core's translate() with an imported CONTEXT
        ("Application", "Something went wrong"),  # QApplication.translate
    ):
        assert expected in found, expected


def test_the_catalogue_is_a_file_qt_can_compile(tmp_path: Path) -> None:
    module = extractor()
    catalogue = tmp_path / "kap-companion_xx.ts"
    count = module.write_ts(module.collect(), catalogue)
    assert count > 1000
    subprocess.run([str(LRELEASE), str(catalogue)], check=True, capture_output=True)
    assert catalogue.with_suffix(".qm").stat().st_size > 0


FRENCH = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context><name>MainWindow</name>
  <message><source>Trends</source><translation>Tendances</translation></message>
</context>
<context><name>trends</name>
  <message><source>There are no distress ratings after sessions in this period yet.</source>
  <translation>Aucune note de détresse après les séances pour cette période.</translation>
  </message>
</context>
</TS>
"""


@pytest.fixture
def french(qapp: QApplication, tmp_path: Path) -> Iterator[list[QTranslator]]:
    source = tmp_path / "kap-companion_fr.ts"
    source.write_text(FRENCH, encoding="utf-8")
    subprocess.run([str(LRELEASE), str(source)], check=True, capture_output=True)
    installed = install_translations(qapp, QLocale("fr_FR"), tmp_path)
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


def test_an_installed_translation_reaches_the_screens_and_the_core(
    french: list[QTranslator], open_window: WindowFactory, profile: Profile, tmp_path: Path
) -> None:
    assert any(t.filePath().endswith("kap-companion_fr.qm") for t in french)
    window = open_window(profile)
    model = window.navigation_model
    labels = [model.item(row).text() for row in range(model.rowCount())]
    assert "Tendances" in labels and "Trends" not in labels
    with Store.open(tmp_path / "other.sqlite3") as store:
        assert distress_series(store).summary() == (
            "Aucune note de détresse après les séances pour cette période."
        )


ENGLISH_FIRST = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QLocale
from kapcompanion.wording.translation import install_translations
app = QCoreApplication([])
installed = install_translations(app, QLocale.system(), Path(sys.argv[1]))
print(len(installed), QCoreApplication.translate("MainWindow", "Trends"))
"""


def test_english_first_needs_no_file_even_with_a_second_language(
    french: list[QTranslator], tmp_path: Path
) -> None:
    """English preferred, French second: the French file beside it must not be used."""
    environment = {**os.environ, "LANG": "en_GB.UTF-8", "LANGUAGE": "en_GB:fr"}
    english = subprocess.run(
        [sys.executable, "-c", ENGLISH_FIRST, str(tmp_path)],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    )
    assert english.stdout.split() == ["0", "Trends"]
    environment["LANGUAGE"] = "fr:en_GB"  # French first: the file is used
    french_first = subprocess.run(
        [sys.executable, "-c", ENGLISH_FIRST, str(tmp_path)],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    )
    assert french_first.stdout.split()[-1] == "Tendances"
