"""The Printout screen's "Save a file for my clinic…": the finished questionnaires of the chosen
days, and the chosen name, as a FHIR file a clinic's record system can import
(kapcompanion.exchange.fhir; docs/fhir-export.md).

Asks where to save (the Documents folder, "kap-companion-for-my-clinic-DATE.json"), writes it
on a thread of its own (ten years of questionnaires: 40 ms to read here, 0.4 s to write
there), then says plainly what was saved and that it holds only the questionnaires. When the
days hold no finished questionnaire it says so before asking anything, and no file is made.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from kapcompanion.errors import KapError
from kapcompanion.wording.translation import counted, translate
from ui.widgets.busy import run_busy
from ui.widgets.error_messages import show_error, show_message

if TYPE_CHECKING:
    from kapcompanion.course.trends import Period
    from kapcompanion.store import Store

CONTEXT = "ClinicFile"


def _tr(source: str, *values: object) -> str:
    return translate(CONTEXT, source, *values)


def suggested_clinic_path(today: date) -> Path:
    """kap-companion-for-my-clinic-2026-11-25.json in the Documents folder (or the home folder)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home()) / f"kap-companion-for-my-clinic-{today.isoformat()}.json"


def ask_for_clinic_path(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save the file (the dialog asks before replacing one); None if the client
    changed their mind."""
    chosen, _kind = QFileDialog.getSaveFileName(
        parent,
        _tr("Save a file for your clinic"),
        str(suggested),
        _tr("Files for a clinic's records (*.json)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".json" else path.with_name(path.name + ".json")


def save_clinic_file(
    parent: QWidget, store: Store, period: Period, name: str, today: date
) -> Path | None:
    """Ask where, write the file, and say what it holds; None if nothing was saved (there
    was nothing to save, the client changed their mind, or it could not be written: each
    said calmly)."""
    # Only once asked: the exchange package is not needed to show the window.
    from kapcompanion.exchange.fhir import shared_check_ins, write_bundle_of

    check_ins = shared_check_ins(store, period)  # here: the store is this thread's
    if not check_ins:
        show_message(
            parent,
            _tr("No questionnaires in these days"),
            _tr(
                "The file for your clinic holds only finished questionnaires, and you finished "
                "none in the days you chose. A longer period may have some. No file was made."
            ),
        )
        return None
    path = ask_for_clinic_path(parent, suggested_clinic_path(today))
    if path is None:
        return None
    try:
        summary = run_busy(
            parent,
            _tr("Saving the file for your clinic…"),
            lambda: write_bundle_of(check_ins, path, name, replace=True),
        )
    except KapError as error:
        show_error(parent, error)
        return None
    except Exception as error:  # said calmly, never a traceback
        print(f"The file for the clinic could not be saved: {error!r}", file=sys.stderr)
        show_message(
            parent,
            _tr("The file was not saved"),
            _tr("Something unexpected stopped it. Nothing was changed; you might try again."),
        )
        return None
    questionnaires = counted(CONTEXT, "%Ln finished questionnaire(s)", summary.questionnaires)
    holds = (
        _tr(
            "It holds %1 from the days you chose and the name you gave, and nothing else.",
            questionnaires,
        )
        if summary.with_name
        else _tr(
            "It holds %1 from the days you chose, and nothing else; your name is not in it.",
            questionnaires,
        )
    )
    message = "\n\n".join(
        (
            holds,
            _tr(
                "Your reflections, insights, notes and sessions are not in it. Your clinic can "
                "import it into their records (it is a FHIR file)."
            ),
            _tr("File: %1", summary.path),
        )
    )
    show_message(parent, _tr("Your file for the clinic is saved"), message)
    return summary.path
