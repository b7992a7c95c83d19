"""Recently deleted: what the client moved away (reflections, insights, sessions, finished
check-ins, quick distress ratings, logged practices and medications), kept for 30 days.

Each can be restored, or erased for good after one more question; what went there with it (a
session's reflections, the insights the client chose to move with a reflection or a session)
is named on its row and comes back, or goes, with it. Items older than 30 days are erased by
the store's purge when the profile opens. After a change the page emits `data_changed(kind)` —
a restore is a change to the kind of data it brings back (`KIND_OF_DATA`), erasing for good one
to `DataKind.DELETED` only — and, after erasing, `erased(kind, id)`, so the journal can forget
undo steps that pointed at something now gone.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLayout,
    QListView,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kapcompanion.data_files.questionnaires import INSTRUMENTS, questionnaire, score
from kapcompanion.domain import (
    CheckIn,
    DeletedItem,
    DeletedKind,
    DistressRating,
    Medication,
    Phase,
    PracticeEntry,
    Session,
)
from kapcompanion.errors import KapError, NotFoundError
from kapcompanion.profile import Profile
from kapcompanion.store.protection import backup_files
from kapcompanion.wording.domain import practice_name
from kapcompanion.wording.translation import counted, fill, one_line
from ui.changes import DataKind
from ui.widgets.building_blocks import card, text
from ui.widgets.error_messages import show_message
from ui.widgets.page_frame import PageHeader, RecentlyDeletedPage
from ui.widgets.row_painting import draw_wrapped, paint_row_background
from ui.widgets.style import space
from ui.widgets.wording import day_of, day_text, phase_title, scaled_font, session_title

if TYPE_CHECKING:
    from kapcompanion.store import Store

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "DeletedItemsModel"
KEPT_FOR_DAYS = 30
WHEN_ROLE = Qt.ItemDataRole.UserRole + 1
# What a restore brings back, as the window's data_changed names it. A session brings its
# reflections (and maybe insights) too: every screen that shows those shows sessions.
KIND_OF_DATA = {
    DeletedKind.REFLECTION: DataKind.REFLECTIONS,
    DeletedKind.INSIGHT: DataKind.INSIGHTS,
    DeletedKind.SESSION: DataKind.SESSIONS,
    DeletedKind.CHECK_IN: DataKind.CHECK_INS,
    DeletedKind.DISTRESS_RATING: DataKind.CHECK_INS,
    DeletedKind.PRACTICE: DataKind.PRACTICES,
    DeletedKind.MEDICATION: DataKind.MEDICATIONS,
}
NAME_SHOWN = 120  # characters of a long medication name on its row


class DeletedItemsModel(QAbstractListModel):
    """What is in "recently deleted", most recently moved first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[DeletedItem] = []

    def set_items(self, items: list[DeletedItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> DeletedItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def describe(self, item: DeletedItem) -> str:
        record = item.record
        words = one_line(item.description)
        if item.kind is DeletedKind.REFLECTION:
            # The core describes a reflection by its first words, or by its phase if empty.
            phases = {phase.value: phase for phase in Phase}
            if item.description in phases:
                words = phase_title(phases[item.description])
            return fill(self.tr("A reflection: %1"), words)
        if isinstance(record, Session):
            about = fill(self.tr("%1 · %2"), session_title(record), day_of(record.held_at))
            if words:
                about = fill(self.tr("%1 · %2"), about, words)
            return fill(self.tr("A session: %1"), about)
        if isinstance(record, CheckIn):
            return fill(self.tr("A check-in: %1"), self._check_in_words(record))
        if isinstance(record, DistressRating):
            rating = fill(
                self.tr("Distress %1 of 10 · %2"),
                QLocale().toString(record.value),
                day_of(record.rated_at),
            )
            return fill(self.tr("%1 · %2"), rating, words) if words else rating
        if isinstance(record, PracticeEntry):
            done = fill(self.tr("%1 · %2"), one_line(practice_name(record)), day_of(record.done_at))
            about = fill(self.tr("%1 · %2"), done, words) if words else done
            return fill(self.tr("A practice: %1"), about)
        if isinstance(record, Medication):
            name = one_line(record.name, NAME_SHOWN)
            about = fill(self.tr("%1 · %2"), name, one_line(record.dose)) if record.dose else name
            return fill(self.tr("A medication: %1"), about)
        return fill(self.tr("An insight: %1"), words)

    def _check_in_words(self, check_in: CheckIn) -> str:
        """ "GAD-7 · 3 March 2026 · score 7" (the score when every question was answered)."""
        day = day_of(check_in.completed_at or check_in.started_at)
        if check_in.instrument not in INSTRUMENTS:
            return fill(self.tr("%1 · %2"), check_in.instrument, day)
        chosen = questionnaire(check_in.instrument)
        words = fill(self.tr("%1 · %2"), chosen.name, day)
        try:
            total = score(chosen, check_in.answers).scaled_total  # as published: WHO-5 of 100
        except ValueError:  # answers from another version of the questionnaire
            total = None
        if total is None:
            return words
        if chosen.multiplier != 1:
            return fill(
                self.tr("%1 · score %2 out of %3"),
                words,
                QLocale().toString(total),
                QLocale().toString(chosen.max_scaled_total),
            )
        return fill(self.tr("%1 · score %2"), words, QLocale().toString(total))

    def with_it(self, item: DeletedItem) -> str:
        """What went to recently deleted with it, or ""."""
        reflections = counted(CONTEXT, "%Ln reflection(s)", item.reflections_with_it)
        insights = counted(CONTEXT, "%Ln insight(s)", item.insights_with_it)
        if item.reflections_with_it and item.insights_with_it:
            return fill(self.tr("With its %1 and %2."), reflections, insights)
        if item.reflections_with_it:
            return fill(self.tr("With its %1."), reflections)
        if item.insights_with_it:
            return fill(self.tr("With its %1."), insights)
        return ""

    def when(self, item: DeletedItem, locale: QLocale) -> str:
        kept = fill(
            self.tr("Moved here on %1. Kept until %2."),
            day_text(item.deleted_at, locale),
            day_text(item.deleted_at + timedelta(days=KEPT_FOR_DAYS), locale),
        )
        with_it = self.with_it(item)
        return fill(self.tr("%1 %2"), with_it, kept) if with_it else kept

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.describe(item)
        if role == WHEN_ROLE:
            return self.when(item, QLocale())
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return fill(self.tr("%1. %2"), self.describe(item), self.when(item, QLocale()))
        return None


class DeletedRowDelegate(QStyledItemDelegate):
    """Two quiet lines: what it is, and when it was moved here and how long it stays."""

    @staticmethod
    def _fonts(base: QFont) -> tuple[QFont, QFont]:
        return scaled_font(base, "reading"), scaled_font(base, "small")

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        first, second = self._fonts(option.font)
        height = QFontMetrics(first).height() + 2 * QFontMetrics(second).height() + space(1) // 2
        return QSize(space(30), height + 2 * space(2))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state: QStyle.StateFlag = option.state
        first, second = self._fonts(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_row_background(painter, rect, palette, state)
        area = rect.adjusted(space(2), space(2), -space(2), -space(2))
        top = area.top()
        title_metrics = QFontMetrics(first)
        painter.setFont(first)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRect(area.left(), top, area.width(), title_metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(
                str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
                Qt.TextElideMode.ElideRight,
                area.width(),
            ),
        )
        top += title_metrics.height() + space(1) // 2
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        when_area = QRect(area.left(), top, area.width(), area.bottom() - top + 1)
        draw_wrapped(painter, when_area, str(index.data(WHEN_ROLE) or ""), second, max_lines=2)
        painter.restore()


class RecentlyDeletedView(RecentlyDeletedPage):
    """The "recently deleted" page; give it a store with `set_store`, `refresh` to reload."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(scrolling=False, parent=parent)
        self.setAccessibleName(self.tr("Recently deleted"))
        self._store: Store | None = None

        self.back_button = QPushButton(self.tr("Back to the journal"))
        self.back_button.setAccessibleName(self.tr("Back to the journal"))
        self.back_button.clicked.connect(self.back_requested)
        back_row = QHBoxLayout()
        back_row.setContentsMargins(0, 0, 0, space(1))
        back_row.addWidget(self.back_button)
        back_row.addStretch(1)
        self.header_slot.addLayout(back_row)
        header = PageHeader()
        header.set_words(
            self.tr("Recently deleted"),
            self.tr("What you move here stays for 30 days, then it is erased for good."),
        )
        self.set_header(header)

        self.model = DeletedItemsModel(self)
        self.list_view = QListView()
        self.list_view.setAccessibleName(self.tr("Recently deleted items"))
        self.list_view.setAccessibleDescription(
            self.tr("Choose one, then restore it or delete it permanently.")
        )
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(DeletedRowDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setFrameShape(QFrame.Shape.NoFrame)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.selectionModel().currentChanged.connect(self._update_buttons)

        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setObjectName("primary")
        self.restore_button.setAccessibleName(self.tr("Restore the chosen item"))
        self.restore_button.clicked.connect(self.restore_current)
        self.delete_button = QPushButton(self.tr("Delete permanently"))
        self.delete_button.setAccessibleName(self.tr("Delete the chosen item permanently"))
        self.delete_button.clicked.connect(self.delete_current)

        self.list_card, list_layout = card()
        list_layout.setContentsMargins(space(1), space(1), space(1), space(2))
        # The card takes its height limits from the list, so it hugs a short list.
        list_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinAndMaxSize)
        list_layout.addWidget(self.list_view, 1)
        self.list_view.installEventFilter(self)
        actions = QHBoxLayout()
        actions.setContentsMargins(space(1), 0, space(1), 0)
        actions.setSpacing(space(1))
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.restore_button)
        list_layout.addLayout(actions)
        self.body.addWidget(self.list_card, 100)

        self.empty_card, empty_layout = card()
        empty_layout.addWidget(
            text(
                self.tr(
                    "Nothing here. Anything you move to recently deleted waits here for 30 "
                    "days, so you can bring it back."
                ),
                "reading",
            )
        )
        self.body.addWidget(self.empty_card)
        self.body.addStretch(1)
        self.empty_card.hide()
        QWidget.setTabOrder(self.back_button, self.list_view)
        QWidget.setTabOrder(self.list_view, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.restore_button)

        back = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        back.activated.connect(self.back_requested)

    # Store and refreshing -------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        if self._store is None:
            return
        row = max(self.list_view.currentIndex().row(), 0)
        self.model.set_items(self._store.deleted.items())
        count = self.model.rowCount()
        self.list_card.setVisible(count > 0)
        self.empty_card.setVisible(count == 0)
        if count:
            self.list_view.setCurrentIndex(self.model.index(min(row, count - 1), 0))
        self._fit_list_height()
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        # Sessions and check-ins are moved here from screens the journal does not follow, so
        # the short list is read again whenever it comes into sight.
        super().showEvent(event)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Rows are measured in the list's own font, which the stylesheet settles late.
        if watched is self.list_view and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._fit_list_height()
        return False

    def _fit_list_height(self) -> None:
        """Let the card hug its rows when they fit, and the list scroll when they don't."""
        rows = self.model.rowCount()
        row_height = self.list_view.sizeHintForRow(0) if rows else 0
        frame = 2 * self.list_view.frameWidth()
        self.list_view.setMinimumHeight(min(rows, 2) * row_height + frame)
        self.list_view.setMaximumHeight(rows * row_height + frame)

    def focus_first(self) -> None:
        """Put the focus where a person starts here: the list, or Back when it is empty."""
        if self.model.rowCount():
            self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        chosen = self.current_item() is not None
        self.restore_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def current_item(self) -> DeletedItem | None:
        return self.model.item(self.list_view.currentIndex().row())

    # Restoring and erasing ------------------------------------------------------------------

    def restore_current(self) -> None:
        """Bring the chosen item back to where it was, with what went with it."""
        item = self.current_item()
        if self._store is None or item is None:
            return
        try:
            self._store.deleted.restore(item.kind, item.id)
        except NotFoundError:
            pass  # already restored or erased elsewhere: the list below shows how things are
        except KapError as error:
            self._refused(str(error))
            return
        self.refresh()
        self.focus_first()
        self.data_changed.emit(KIND_OF_DATA[item.kind])

    def delete_current(self) -> None:
        """Erase the chosen item for good, after asking once more."""
        item = self.current_item()
        if self._store is None or item is None:
            return
        backups = backup_files(Profile(self._store.path.parent).backups_folder)
        erase, from_backups = self._confirm_erase(item, len(backups))
        if not erase:
            return
        try:
            self._store.deleted.erase(item.kind, item.id)
        except NotFoundError:
            pass
        except KapError as error:
            self._refused(str(error))
            return
        if from_backups:
            self._forget_in_backups(backups)
        self.refresh()
        self.focus_first()
        self.erased.emit(item.kind.value, item.id)
        # Gone for good from where nothing else shows it any more: only this list changes.
        self.data_changed.emit(DataKind.DELETED)

    def _forget_in_backups(self, backups: list[Path]) -> None:
        """Remove what was just erased (and anything erased before) from the older backups."""
        if self._store is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self._store.forget_erased_in(backups)
        finally:
            QApplication.restoreOverrideCursor()
        if report.not_opened:
            show_message(
                self,
                self.tr("Some backups still hold it"),
                fill(
                    self.tr(
                        "It was deleted from your entries. These backups could not be opened "
                        "(made under another passphrase, or damaged), so they may still hold "
                        "it:\n\n%1"
                    ),
                    "\n".join(path.name for path in report.not_opened),
                ),
            )

    def _confirm_erase(self, item: DeletedItem, backups: int) -> tuple[bool, bool]:
        """Whether to erase `item`, and whether to take it out of the older backups too."""
        title = self.tr("Delete this for good?")
        box = QMessageBox(
            QMessageBox.Icon.NoIcon, title, title, QMessageBox.StandardButton.NoButton, self
        )
        box.setInformativeText(
            fill(
                self.tr("%1 They are deleted too. This cannot be undone."), self.model.with_it(item)
            )
            if item.reflections_with_it or item.insights_with_it
            else self.tr("This cannot be undone.")
        )
        box.setAccessibleName(title)
        also_backups = None
        if backups:
            # Backups are copies made earlier: without this the words would live on in them.
            also_backups = QCheckBox(
                counted(
                    "RecentlyDeletedView",
                    "Also delete it from the %Ln backup(s) you made before",
                    backups,
                )
            )
            also_backups.setChecked(True)
            also_backups.setAccessibleName(also_backups.text())
            box.setCheckBox(also_backups)
        keep = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        keep.setAccessibleName(self.tr("Keep it"))
        erase = box.addButton(self.tr("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
        erase.setAccessibleName(self.tr("Delete for good"))
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        was_focused = self.focusWidget()
        box.exec()
        if was_focused is not None:
            was_focused.setFocus(Qt.FocusReason.OtherFocusReason)
        erasing = box.clickedButton() is erase
        return erasing, erasing and also_backups is not None and also_backups.isChecked()

    def _refused(self, reason: str) -> None:
        show_message(
            self,
            self.tr("That did not work just now"),
            fill(self.tr("Nothing was changed. You might try again in a moment.\n\n%1"), reason),
        )
