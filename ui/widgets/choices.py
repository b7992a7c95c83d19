"""Choice widgets the Journal, Trends and Printout filters share: a combo box that elides long
names, a menu of check marks that stays open while several are ticked (themes), and a date edit
with an "Any date" state (its lowest date), so no date range is the default. Never imports a
screen.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from kapcompanion.domain import Theme
from kapcompanion.wording.translation import counted
from ui.widgets.style import space

SWATCH = 12
CHOICE_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COMBO_MINIMUM_CHARACTERS = 8


def colour_swatch(colour: str) -> QIcon:
    """A small round spot of a theme's colour, for its entry in the themes menu."""
    pixmap = QPixmap(QSize(SWATCH, SWATCH))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(0, 0, SWATCH, SWATCH)
    painter.end()
    return QIcon(pixmap)


class ElidingComboBox(QComboBox):
    """A combo box whose text ends in "…" when the box is narrower than its words."""

    def shown_text(self) -> str:
        return self.currentText()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        style = self.style()
        field = style.subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        option.currentText = self.fontMetrics().elidedText(
            self.shown_text(), Qt.TextElideMode.ElideRight, max(field.width() - space(1), 0)
        )
        option.currentIcon = QIcon()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class MultiChoice(ElidingComboBox):
    """Several choices at once: a list of check marks that stays open while they are ticked.

    The box itself reads `none_label` when nothing is ticked, the one choice's words, or
    `several(n)` for how many (a function, so translations can give their plural forms).
    Space, Enter or a click ticks the current row; Esc or a click outside closes the list.
    """

    changed = Signal()

    def __init__(
        self, none_label: str, several: Callable[[int], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._none_label = none_label
        self._several = several
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self._label = none_label
        self._items.itemChanged.connect(self._ticked)
        view = self.view()
        view.installEventFilter(self)
        viewport = view.viewport()
        if viewport is not None:
            viewport.installEventFilter(self)

    def set_options(
        self, options: Sequence[tuple[str, str, QIcon | None]], chosen: Collection[str]
    ) -> None:
        """Offer `options` (key, words, optional icon), ticking those whose key is in `chosen`.
        Says nothing."""
        self._items.blockSignals(True)
        self._items.clear()
        for key, words, option_icon in options:
            item = (
                QStandardItem(words) if option_icon is None else QStandardItem(option_icon, words)
            )
            item.setData(key, CHOICE_KEY_ROLE)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = key in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self._items.appendRow(item)
        self._items.blockSignals(False)
        self.setCurrentIndex(-1)
        self._show_choice()

    def chosen(self) -> frozenset[str]:
        return frozenset(
            str(item.data(CHOICE_KEY_ROLE))
            for item in self._all_items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def choose(self, keys: Collection[str]) -> None:
        """Tick exactly `keys` (one `changed` at the end)."""
        self._items.blockSignals(True)
        for item in self._all_items():
            wanted = item.data(CHOICE_KEY_ROLE) in keys
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self._items.blockSignals(False)
        self._show_choice()
        self.changed.emit()

    def label(self) -> str:
        return self._label

    def _all_items(self) -> list[QStandardItem]:
        return [self._items.item(row) for row in range(self._items.rowCount())]

    def _toggle(self, row: int) -> None:
        item = self._items.item(row)
        if item is not None:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _ticked(self) -> None:
        self._show_choice()
        self.changed.emit()

    def _show_choice(self) -> None:
        names = [
            item.text() for item in self._all_items() if item.checkState() == Qt.CheckState.Checked
        ]
        if not names:
            self._label = self._none_label
        elif len(names) == 1:
            self._label = names[0]
        else:
            self._label = self._several(len(names))
        self.setAccessibleDescription(", ".join(names) or self._label)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.view()
        if watched is view.viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            index = view.indexAt(event.position().toPoint())
            if index.isValid():
                self._toggle(index.row())
            return True  # the list stays open
        if watched is view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            ticks = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select)
            if event.key() in ticks:
                self._toggle(view.currentIndex().row())
                return True
        return super().eventFilter(watched, event)

    def shown_text(self) -> str:
        # What is chosen, rather than the row the list was last on.
        return self._label

    def hidePopup(self) -> None:
        super().hidePopup()
        # No "current" theme: a screen reader hears what is chosen (the description).
        self.setCurrentIndex(-1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_PageUp,
            Qt.Key.Key_PageDown,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        )
        if event.key() in moves:
            self.showPopup()  # arrows open the list rather than quietly change a row
            return
        if event.text().strip():
            event.ignore()  # typing a letter would pick a row no one sees
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # scrolling the page over the box must not change the choice


class ThemeChoice(MultiChoice):
    """Several themes at once, each with its colour; none ticked reads "Any theme"."""

    def __init__(self, none_label: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            none_label or QCoreApplication.translate("ThemeChoice", "Any theme"),
            partial(counted, "ThemeChoice", "%Ln theme(s)"),
            parent,
        )

    def set_themes(self, themes: Sequence[Theme], chosen: Collection[str]) -> None:
        self.set_options(
            [(theme.key, theme.name, colour_swatch(theme.colour)) for theme in themes], chosen
        )


def local_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateChoice(QDateEdit):
    """A date, or "Any date" (shown while the edit sits at its lowest date)."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setSpecialValueText(self.tr("Any date"))
        self.setAccessibleName(accessible_name)
        line = self.lineEdit()
        if line is not None:  # the field inside is what a screen reader lands on
            line.setAccessibleName(accessible_name)
        day_format = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        if "yyyy" not in day_format:  # a four-digit year reads unambiguously
            day_format = day_format.replace("yy", "yyyy")
        self.setDisplayFormat(day_format)
        self.set_range(date.today() - timedelta(days=1), date.today())
        self.clear_choice()

    def set_range(self, earliest: date, latest: date) -> None:
        """Offer days from `earliest` to `latest`; the day before `earliest` means any date."""
        chosen = self.chosen()
        self.blockSignals(True)
        self.setDateRange(local_qdate(earliest - timedelta(days=1)), local_qdate(latest))
        if chosen is None or not earliest <= chosen <= latest:
            self.setDate(self.minimumDate())
        else:
            self.setDate(local_qdate(chosen))
        self.blockSignals(False)

    def chosen(self) -> date | None:
        if self.date() == self.minimumDate():
            return None
        day = self.date()
        return date(day.year(), day.month(), day.day())

    def choose(self, day: date | None) -> None:
        self.setDate(self.minimumDate() if day is None else local_qdate(day))

    def clear_choice(self) -> None:
        self.setDate(self.minimumDate())

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab leaves the field at once.

        QDateTimeEdit otherwise spends Tab on walking its day, month and year (and, showing
        "Any date", never lets go); Left and Right still move between the parts.
        """
        return QWidget.focusNextPrevChild(self, forward)
