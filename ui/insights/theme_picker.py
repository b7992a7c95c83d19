"""Choosing an insight's themes, inside its card: every theme as a tick box, and a field to
add a theme of one's own. Nothing changes until "Save themes"; Esc or "Cancel" leaves it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.domain import Theme
from kapcompanion.errors import KapError
from kapcompanion.wording.translation import fill
from ui.insights.panel import leave_on_escape, save_and_cancel_row, well
from ui.insights.style import ACTION, SECTION
from ui.widgets.building_blocks import clear_layout, text
from ui.widgets.error_messages import describe
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.focus import chain_tab_order
from ui.widgets.style import space

# Makes a theme of the client's own; raises ValueError (with a message) if it cannot.
CreateTheme = Callable[[str], Theme]


class ThemePicker(QWidget):
    """Tick boxes for every theme; `chosen` carries the ticked keys when saved."""

    chosen = Signal(list)
    cancelled = Signal()

    def __init__(self, create_theme: CreateTheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._create_theme = create_theme
        self._boxes: dict[str, QCheckBox] = {}
        self._about = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame, layout = well()
        outer.addWidget(frame)
        layout.addWidget(text(self.tr("Themes for this insight"), SECTION))
        layout.addWidget(
            text(self.tr("Tick the ones that feel right. You can add your own."), "muted")
        )
        self._box_holder = QWidget()
        self._box_flow = FlowLayout(self._box_holder, spacing=space(1))
        layout.addWidget(self._box_holder)

        own_row = QHBoxLayout()
        own_row.setSpacing(space(1))
        self.own_theme_edit = QLineEdit()
        self.own_theme_edit.setPlaceholderText(self.tr("A theme of your own"))
        self.own_theme_edit.setAccessibleName(self.tr("Name for a theme of your own"))
        self.own_theme_edit.returnPressed.connect(self.add_own_theme)
        self.add_button = QPushButton(self.tr("Add theme"))
        self.add_button.setAccessibleName(self.tr("Add this theme"))
        self.add_button.setObjectName(ACTION)
        self.add_button.clicked.connect(self.add_own_theme)
        own_row.addWidget(self.own_theme_edit, 1)
        own_row.addWidget(self.add_button)
        layout.addLayout(own_row)
        self.problem = text("", "muted")
        self.problem.hide()
        layout.addWidget(self.problem)

        self.save_button = QPushButton(self.tr("Save themes"))
        self.save_button.setObjectName(ACTION)
        self.save_button.clicked.connect(self._save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName(ACTION)
        self.cancel_button.clicked.connect(self.cancelled)
        layout.addLayout(save_and_cancel_row(self.save_button, self.cancel_button))
        leave_on_escape(self, self.cancelled)

    def start(self, about: str, themes: Sequence[Theme], selected: Collection[str]) -> None:
        """Offer `themes` with `selected` ticked, for the insight whose words are `about`."""
        self._about = about
        self.save_button.setAccessibleName(fill(self.tr("Save themes for: %1"), about))
        self.cancel_button.setAccessibleName(fill(self.tr("Cancel choosing themes for: %1"), about))
        clear_layout(self._box_flow)
        self._boxes = {}
        for theme in themes:
            self._add_box(theme, theme.key in selected)
        chain_tab_order(self.focus_chain())
        self.own_theme_edit.clear()
        self.problem.hide()

    def _add_box(self, theme: Theme, checked: bool) -> QCheckBox:
        box = QCheckBox(theme.name, self._box_holder)
        box.setAccessibleName(theme.name)
        box.setChecked(checked)
        self._box_flow.addWidget(box)
        self._boxes[theme.key] = box
        return box

    def boxes(self) -> dict[str, QCheckBox]:
        return dict(self._boxes)

    def first_box(self) -> QWidget:
        return next(iter(self._boxes.values()), self.own_theme_edit)

    def focus_chain(self) -> list[QWidget]:
        return [
            *self._boxes.values(),
            self.own_theme_edit,
            self.add_button,
            self.save_button,
            self.cancel_button,
        ]

    def ticked(self) -> list[str]:
        return [key for key, box in self._boxes.items() if box.isChecked()]

    def add_own_theme(self) -> None:
        """Tick the theme named in the field, making it first if there is none by that name."""
        name = " ".join(self.own_theme_edit.text().split())
        if not name:
            return
        for key, box in self._boxes.items():
            if box.text().casefold() == name.casefold():
                box.setChecked(True)
                self._added(key)
                return
        try:
            theme = self._create_theme(name)
        except KapError as error:
            self.problem.setText(describe(error)[1])
            self.problem.show()
            return
        self._add_box(theme, True)
        chain_tab_order(self.focus_chain())
        self._added(theme.key)

    def _added(self, key: str) -> None:
        self.own_theme_edit.clear()
        self.problem.hide()
        self._boxes[key].setFocus(Qt.FocusReason.OtherFocusReason)

    def _save(self) -> None:
        self.chosen.emit(self.ticked())
