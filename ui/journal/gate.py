"""The gentle step before a reflection written at high distress: "Open it now?"

Nothing of the reflection shows here, not even its first lines, so the client decides before
any of it is in front of them. "Not now" (or Esc) goes back to the journal. The step can be
turned off in Settings (the store setting `GATE_DIFFICULT_SETTING`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.widgets.building_blocks import card, text
from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.style import space


class DifficultEntryGate(HeaderedPage):
    """Asks before opening a difficult reflection; `ask` shows it for one reflection."""

    open_requested = Signal(int)  # reflection id
    not_now = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(scrolling=True, parent=parent)
        self.setAccessibleName(self.tr("Before you open this reflection"))
        self._reflection_id: int | None = None
        header = PageHeader()
        header.set_words(self.tr("Before you open it"))
        self.set_header(header)

        frame, layout = card()
        layout.setSpacing(space(2))
        self.question = text(self.tr("This one was hard to write. Open it now?"), "heading")
        layout.addWidget(self.question)
        layout.addWidget(
            text(
                self.tr(
                    "You wrote it at a time of high distress. You can read it now, come back "
                    "to it later, or look at it together with your therapist."
                ),
                "reading",
            )
        )
        row = QHBoxLayout()
        row.setSpacing(space(1))
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.setAccessibleName(self.tr("Not now, back to the journal"))
        self.not_now_button.clicked.connect(self.not_now)
        self.open_button = QPushButton(self.tr("Open it"))
        self.open_button.setObjectName("primary")
        self.open_button.setAccessibleName(self.tr("Open it"))
        self.open_button.clicked.connect(self._open)
        row.addStretch(1)
        row.addWidget(self.not_now_button)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.settings_hint = text(self.tr("You can turn this step off in Settings."), "muted")
        layout.addWidget(self.settings_hint)
        self.body.addWidget(frame)
        self.body.addStretch(1)
        QWidget.setTabOrder(self.not_now_button, self.open_button)

        back = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        back.activated.connect(self.not_now)

    def reflection_id(self) -> int | None:
        return self._reflection_id

    def ask(self, reflection_id: int) -> None:
        """Ask about `reflection_id`; the calm choice, "Not now", has the focus."""
        self._reflection_id = reflection_id
        self.not_now_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open(self) -> None:
        if self._reflection_id is not None:
            self.open_requested.emit(self._reflection_id)
