"""The client's safety plan: seven sections, each a writing area with one item per line.

What is written is saved shortly after typing pauses, and whenever the client leaves the plan
(`save_now`). A failed save keeps every word on screen and says so gently. The plan can be
printed or saved as a PDF on its own (see ui.support.printout).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.course.own_crisis_lines import own_lines
from kapcompanion.course.support import (
    chosen_country,
    chosen_country_code,
    contacts,
    safety_plan,
    save_safety_plan,
)
from kapcompanion.errors import KapError
from kapcompanion.therapist_plan.applying import plan_crisis_lines
from kapcompanion.wording.translation import fill
from ui.support.printout import (
    page_size_for,
    print_document,
    safety_plan_document,
    write_pdf,
)
from ui.support.wording import SectionWording, section_wording
from ui.widgets.building_blocks import card, text
from ui.widgets.error_messages import show_message
from ui.widgets.style import space

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from kapcompanion.store import Store

SAVE_DELAY_MS = 800
FEWEST_LINES = 3
MOST_LINES_BEFORE_SCROLLING = 12


def lines_of(written: str) -> list[str]:
    """The items in a writing area: one a line, blank lines and outer spaces left out."""
    return [line.strip() for line in written.splitlines() if line.strip()]


class SectionEditor(QPlainTextEdit):
    """One section's items, one a line. It grows with what is written (up to a point)."""

    def __init__(self, wording: SectionWording, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = wording.key
        self.setObjectName("writing")
        self.setAccessibleName(wording.title)
        self.setAccessibleDescription(fill(self.tr("%1 One item per line."), wording.hint))
        self.setPlaceholderText(self.tr("One item per line"))
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self.fit_height)

    def lines(self) -> list[str]:
        return lines_of(self.toPlainText())

    def show_lines(self, lines: list[str]) -> None:
        """Show `lines`, unless the editor already says the same (keeps the cursor still)."""
        if self.lines() != lines:
            self.setPlainText("\n".join(lines))

    def fit_height(self) -> None:
        document = self.document()
        block = document.begin()
        content = 0.0
        while block.isValid():
            content += self.blockBoundingRect(block).height()
            block = block.next()
        line = self.fontMetrics().lineSpacing()
        content = max(content, FEWEST_LINES * line)
        content = min(content, MOST_LINES_BEFORE_SCROLLING * line)
        chrome = self.height() - self.viewport().height()
        wanted = math.ceil(content + 2 * document.documentMargin()) + max(chrome, 0)
        if wanted != self.height():
            self.setFixedHeight(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            # Lines wrap differently at a new width; refit once the wrap has settled.
            QTimer.singleShot(0, self.fit_height)


class SafetyPlanEditor(QWidget):
    """The seven sections. `saved` follows every save that changed something."""

    saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("My safety plan"))
        self._store: Store | None = None
        self._saved_plan: dict[str, list[str]] = {}
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(3))
        self.status = text("", "notice")
        self.status.setAccessibleName(self.tr("Saving"))
        self.status.hide()
        layout.addWidget(self.status)
        self.editors: dict[str, SectionEditor] = {}
        for number, wording in enumerate(section_wording(), start=1):
            layout.addWidget(self._section(number, wording))
        layout.addStretch(1)

    def _section(self, number: int, wording: SectionWording) -> QFrame:
        frame, layout = card()
        layout.addWidget(text(fill(self.tr("%1. %2"), number, wording.title), "heading"))
        layout.addWidget(text(wording.hint, "muted"))
        editor = SectionEditor(wording)
        editor.textChanged.connect(self._schedule_save)
        layout.addWidget(editor)
        self.editors[wording.key] = editor
        return frame

    # Store ----------------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        """Show the saved plan; anything typed and not yet saved is saved first."""
        if self._store is None:
            return
        if self._save_timer.isActive():
            self.save_now()
        self._saved_plan = safety_plan(self._store)
        for key, editor in self.editors.items():
            editor.blockSignals(True)
            editor.show_lines(self._saved_plan.get(key, []))
            editor.blockSignals(False)
            editor.fit_height()

    def plan(self) -> dict[str, list[str]]:
        """The plan as it stands on screen."""
        return {key: editor.lines() for key, editor in self.editors.items()}

    def _schedule_save(self) -> None:
        self._save_timer.start()

    def has_unsaved_changes(self) -> bool:
        return self.plan() != self._saved_plan

    def save_now(self) -> bool:
        """Write the plan if it changed; False (with a gentle note) if that failed."""
        self._save_timer.stop()
        if self._store is None or not self.has_unsaved_changes():
            return True
        plan = self.plan()
        try:
            save_safety_plan(self._store, plan)
        except KapError:
            self.status.setText(
                self.tr(
                    "Your plan could not be saved just now. Every word is still here; it will "
                    "be tried again as you write, or you can come back in a moment."
                )
            )
            self.status.show()
            return False
        self._saved_plan = plan
        self.status.hide()
        self.saved.emit()
        return True

    def focus_first(self) -> None:
        self.editors[next(iter(self.editors))].setFocus(Qt.FocusReason.OtherFocusReason)

    # Printing -------------------------------------------------------------------------------

    def document(self) -> QTextDocument:
        """The printable plan, as it stands on screen."""
        return safety_plan_document(
            self.plan(),
            contacts(self._store) if self._store is not None else {},
            chosen_country(self._store),
            own_lines(self._store) if self._store is not None else (),
            plan_crisis_lines(self._store),
        )

    def save_pdf(self, path: str) -> bool:
        """Write the plan to `path` as a PDF; False (after saying why, gently) if it failed."""
        self.save_now()
        try:
            write_pdf(self.document(), path, chosen_country_code(self._store))
        except OSError as error:
            show_message(
                self,
                self.tr("The PDF was not saved"),
                fill(
                    self.tr(
                        "The file could not be written (%1). Your plan is safe here; you might "
                        "choose another folder."
                    ),
                    error,
                ),
            )
            return False
        return True

    def ask_and_save_pdf(self) -> None:
        """Ask where to save the PDF, then save it there."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = f"{folder}/{self.tr('My safety plan')}.pdf" if folder else ""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save my safety plan as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_pdf(path)

    def print_plan(self) -> None:
        """Offer the system's print dialog and print the plan."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        self.save_now()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size_for(chosen_country_code(self._store)))
        printer.setFullPage(True)  # the document brings its own margins
        printer.setDocName(self.tr("My safety plan"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print my safety plan"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            print_document(self.document(), printer)
