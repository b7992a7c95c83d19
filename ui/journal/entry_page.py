"""What every journal entry page shares: "Back to the journal" above it (Esc does the same) and
"Move to recently deleted" in its header, with the keyboard going from one to the other."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.style import space


class EntryPage(HeaderedPage):
    """A page that shows one journal entry whole; subclasses fill the body and say what
    moving it to recently deleted does (`_delete`)."""

    back_requested = Signal()

    def __init__(self, delete_spoken: str, parent: QWidget | None = None) -> None:
        super().__init__(scrolling=True, parent=parent)
        self.back_button = QPushButton(self.tr("Back to the journal"))
        self.back_button.setAccessibleName(self.tr("Back to the journal"))
        self.back_button.clicked.connect(self.leave)
        self.delete_button = QPushButton(self.tr("Move to recently deleted"))
        self.delete_button.setAccessibleName(delete_spoken)
        self.delete_button.clicked.connect(self._delete)
        back_row = QHBoxLayout()
        back_row.setContentsMargins(0, 0, 0, space(1))
        back_row.addWidget(self.back_button)
        back_row.addStretch(1)
        self.header_slot.addLayout(back_row)
        self.header = PageHeader((self.delete_button,))
        self.set_header(self.header)
        QWidget.setTabOrder(self.back_button, self.delete_button)

        back = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        back.activated.connect(self.leave)

    def leave(self) -> None:
        """Go back to the journal (Esc does the same)."""
        self.back_requested.emit()

    def _delete(self) -> None:
        raise NotImplementedError
