"""Settings → Delete all my data: a quiet section, and the confirmation that asks for a typed
phrase before anything can be deleted.

This only asks. The erasing itself is the main window's (it closes the store first), reached
through `DeleteAllSection.confirmed`; nothing here touches a file or the store. Cancel is
always the default, and the button that deletes stays disabled until the phrase is typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.wording.translation import fill
from ui.widgets.building_blocks import card, text
from ui.widgets.dialogs import dialog_column


class DeleteAllSection(QWidget):
    """The card at the end of Settings; emits `confirmed` once the client has confirmed."""

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame, layout = card(self.tr("Delete all my data"))
        layout.addWidget(
            text(
                self.tr(
                    "If you would like to stop using KAP Companion, or to start again from "
                    "nothing, you can delete everything it keeps on this computer. Exports you "
                    "saved elsewhere are yours, and they are not touched."
                ),
                "reading",
            )
        )
        self.button = QPushButton(self.tr("Delete all my data…"))
        self.button.setAccessibleName(self.tr("Delete all my data"))
        self.button.setAccessibleDescription(self.tr("Asks you to confirm first"))
        self.button.setEnabled(False)  # until the data is open
        self.button.clicked.connect(self.ask)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        outer.addWidget(frame)

    def ask(self) -> None:
        """Open the confirmation; emit `confirmed` only if the client deleted."""
        dialog = DeleteAllDialog(self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.confirmed.emit()
        finally:
            dialog.deleteLater()


class DeleteAllDialog(QDialog):
    """Says what goes and what stays; deleting needs the phrase typed out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Delete all your data?")
        layout = dialog_column(self, title)
        # The phrase to type, in the client's own language.
        self.phrase = self.tr("delete everything")
        layout.addWidget(text(title, "heading"))
        explanation = self.tr(
            "This deletes, from this computer and for good, everything KAP Companion keeps "
            "here: your sessions, reflections, insights, check-ins and safety plan, every "
            "backup in the backups folder, and the window's settings. It cannot be undone."
        )
        layout.addWidget(text(explanation, "reading"))
        kept = self.tr(
            "Exports and printouts you saved elsewhere are yours: they are not touched. If "
            "you might want your entries again, you could export them first."
        )
        layout.addWidget(text(kept, "reading"))
        self.setAccessibleDescription(f"{explanation} {kept}")
        ask = fill(self.tr("To delete it all, type “%1” below."), self.phrase)
        layout.addWidget(text(ask, "reading"))
        self.phrase_edit = QLineEdit()
        self.phrase_edit.setAccessibleName(self.tr("Phrase to confirm"))
        self.phrase_edit.setAccessibleDescription(ask)
        self.phrase_edit.textChanged.connect(self._phrase_changed)
        self.phrase_edit.installEventFilter(self)
        layout.addWidget(self.phrase_edit)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Keep my data"))
        self.cancel_button.setAccessibleName(self.tr("Keep my data and close"))
        self.cancel_button.setDefault(True)
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        self.delete_button = QPushButton(self.tr("Delete everything"))
        self.delete_button.setAccessibleName(self.tr("Delete all my data now"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.accept)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Only now are the labels in the style's fonts: the wrapped paragraphs get the height
        # they need at this width, rather than the height of one line each.
        layout = self.layout()
        if layout is not None:
            self.setMinimumHeight(layout.totalHeightForWidth(self.width()))
        # Qt gives focus to the default button; the phrase is what there is to do here.
        self.phrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def phrase_matches(self) -> bool:
        """True when what is typed is the phrase (case and surrounding spaces aside)."""
        typed = " ".join(self.phrase_edit.text().split()).casefold()
        return typed == " ".join(self.phrase.split()).casefold()

    def _phrase_changed(self) -> None:
        self.delete_button.setEnabled(self.phrase_matches())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the field would press the default button, Cancel, just as the phrase is
        # typed; it moves on to the button that deletes instead, and never deletes by itself.
        if (
            watched is self.phrase_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if self.delete_button.isEnabled():
                self.delete_button.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        if self.phrase_matches():  # Enter in the field must not skip the phrase
            super().accept()
