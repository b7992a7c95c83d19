"""The print preview and the PDF never load the system's print service.

Qt's print-support plugin (libcupsprintersupport) asks CUPS for its printers as soon as it is
loaded, over a socket (port 631): seen with strace, a QPrinter alone connects to ::1 and
127.0.0.1 on 631. So a process that showed the preview and saved the PDF must not have the
plugin, or the CUPS library, among its mapped files. Each check runs in a fresh process, since a
plugin once loaded stays loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kapcompanion.profile import Profile

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.skipif(
    not Path("/proc/self/maps").exists(), reason="reads /proc/self/maps, which only Linux has"
)

PREVIEW_AND_PDF = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget
from kapcompanion.report.content.options import ReportOptions
from kapcompanion.report.paint.render import save_report_pdf
from kapcompanion.store import Store
from ui.printout.output import preview_and_print
from ui.printout.preview import ReportPreview

app = QApplication([])
seen = {}

def look_and_close():
    dialog = app.activeModalWidget()
    if not isinstance(dialog, ReportPreview):
        QTimer.singleShot(20, look_and_close)
        return
    seen["pages"] = len(dialog.page_views)
    image = dialog.page_views[0].grab().toImage()
    white = QColor(255, 255, 255).rgb()
    seen["ink"] = any(
        image.pixel(x, y) != white
        for x in range(4, image.width() - 4, 3)
        for y in range(4, image.height() - 4, 3)
    )
    dialog.close()

with Store.open(Path(sys.argv[1])) as store:
    QTimer.singleShot(20, look_and_close)
    preview_and_print(QWidget(), store, ReportOptions())
    seen["pdf_pages"] = save_report_pdf(store, ReportOptions(), Path(sys.argv[2])).pages
seen["cups"] = [line for line in open("/proc/self/maps") if "cups" in line.lower()]
print(json.dumps(seen))
"""

A_PRINTER = """
import json
from PySide6.QtWidgets import QApplication
from ui.printout.output import printer_for_report

app = QApplication([])
printer = printer_for_report()
print(json.dumps({"cups": [line for line in open("/proc/self/maps") if "cups" in line.lower()]}))
"""


def run(script: str, *args: str) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def cups_plugin() -> Path | None:
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "printsupport"
    return next(iter(sorted(plugins.glob("*cups*"))), None)


def test_the_preview_and_the_pdf_never_load_the_print_service(
    demo_profile: Profile, tmp_path: Path
) -> None:
    seen = run(PREVIEW_AND_PDF, str(demo_profile.database_path), str(tmp_path / "r.pdf"))
    assert seen["cups"] == []
    # The preview was really shown and painted, page for page as the PDF.
    assert seen["ink"] is True
    assert seen["pages"] == seen["pdf_pages"]
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_the_check_sees_the_print_service_when_a_printer_is_made() -> None:
    if cups_plugin() is None:
        pytest.skip("this Qt has no CUPS print-support plugin, so there is nothing to see")
    loaded = run(A_PRINTER)["cups"]
    assert isinstance(loaded, list)
    assert any("cupsprintersupport" in line for line in loaded)
