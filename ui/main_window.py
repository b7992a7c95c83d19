"""The main window: a sidebar of destinations beside the current screen.

Only screens that are built appear in the sidebar. The window paints first and opens the
profile's database right after (importing the storage layer costs time), then hands the
store to every screen. The screen on show when the window last closed is chosen in the sidebar
from the start but built only once the window has painted (Trends imports matplotlib, the
Printout its report): until then a blank page stands in its place.

Refresh is targeted. Every change travels as `data_changed(kind)`, a `DataKind` naming what
changed; the window passes it to each built screen (`Screen.data_changed_elsewhere`), and only
screens whose `depends_on` holds that kind reload — at once if they show, else when next
shown. The screen that made the change and already shows it is not asked to reload. The window
never reaches into a screen to refresh another, and no refresh writes data.

A profile protected with a passphrase opens on the unlock screen (ui/unlock) instead of the
screens. The window holds the passphrase only while the data is open. Locking (after idle
minutes chosen in Settings, or Ctrl+L) saves what is typed, closes the data, forgets the
passphrase and deletes every built screen, so no word stays on show; Support (grounding,
breathing, crisis lines) still opens while locked, without the data.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMoveEvent,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion import private_files
from kapcompanion.errors import (
    KapError,
    ProfileNeedsRecoveryError,
    ProtectionError,
    WrongPassphraseError,
)
from kapcompanion.ids import ReflectionId
from kapcompanion.profile import Profile, ProfileLock
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.home.view import HomeView
from ui.widgets.background import Background, run_in_background
from ui.widgets.building_blocks import text
from ui.widgets.busy import run_busy
from ui.widgets.error_messages import ask, describe, show_error, show_message
from ui.widgets.icons import icon
from ui.widgets.idle import IdleWatcher, lock_after_minutes
from ui.widgets.reminders import DueReminders
from ui.widgets.screen import Screen
from ui.widgets.screen_stack import ScreenStack
from ui.widgets.shortcuts import (
    LOCK_KEYS,
    QUICK_CHECK_IN_KEYS,
    QUICK_PRACTICE_KEYS,
    SUPPORT_KEYS,
)
from ui.widgets.style import (
    COLOUR_SCHEME_KEY,
    ColourScheme,
    apply_style,
    reduce_motion,
    space,
    stored_colour_scheme,
)
from ui.widgets.while_idle import do_while_idle

if TYPE_CHECKING:
    # Screens other than Home are imported when first shown: start-up stays light.
    from kapcompanion.domain import PracticeRef
    from kapcompanion.store import Store
    from kapcompanion.store.protection import ProtectionReport
    from kapcompanion.store.restore import BackupSummary
    from ui.checkins.view import CheckInsView
    from ui.insights.view import InsightsView
    from ui.journal.view import JournalView
    from ui.practices.view import PracticesView
    from ui.recovery.view import RecoveryView
    from ui.reflect.view import ReflectView
    from ui.sessions.view import SessionsView
    from ui.settings.view import SettingsView
    from ui.support.view import SupportView
    from ui.trends.view import TrendsView
    from ui.unlock.view import UnlockView
    from ui.widgets.quick_check_in import QuickCheckInDialog
    from ui.widgets.quick_practice import QuickPracticeDialog

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
# Screens made ready while the window is idle once the data is open (ui/widgets/while_idle.py),
# so a first visit only shows them: each one's module is imported, then it is built, then it
# reads what it shows, each a step of its own. (Trends draws only what is in sight, and in its
# drawing process, so it is readied like the rest.)
SCREEN_MODULES = {
    "sessions": "ui.sessions.view",
    "reflect": "ui.reflect.view",
    "journal": "ui.journal.view",
    "insights": "ui.insights.view",
    "trends": "ui.trends.view",
    "checkins": "ui.checkins.view",
    "practices": "ui.practices.view",
    "report": "ui.printout.view",
    "support": "ui.support.view",
    "settings": "ui.settings.view",
}
BUILT_WHILE_IDLE = tuple(SCREEN_MODULES)
HOME_READS = ("kapcompanion.course.home_summary", "kapcompanion.course.whats_due")
SIDEBAR_WIDTH = 200
STATE_SAVE_DELAY_MS = 1000  # after the last move, resize or change of screen


@dataclass(frozen=True)
class Destination:
    """A sidebar entry and how to build its screen (screens are built when first shown)."""

    key: str
    label: str
    icon_name: str
    build: Callable[[], QWidget]


class _UnbuiltScreen(QWidget):
    """The blank page in place of the last screen for the window's first paint."""

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()


class MainWindow(QMainWindow):
    data_changed = Signal(str)  # a DataKind, from whichever screen changed the data
    built_while_idle: tuple[str, ...] = BUILT_WHILE_IDLE
    profile_opened = Signal()
    profile_failed = Signal()
    locked = Signal()  # the unlock screen shows: the data waits for its passphrase
    recovery_offered = Signal()  # the data file could not be opened: a backup is offered

    def __init__(
        self,
        profile: Profile,
        settings: QSettings,
        *,
        demo: bool = False,
        lock: ProfileLock | None = None,
    ) -> None:
        super().__init__()
        self._profile = profile
        self._lock = lock  # the profile's, held by whoever started the window
        self._settings = settings
        self._demo = demo
        self._store: Store | None = None
        self.automatic_backup_problem: KapError | None = None
        # A protected profile's passphrase, held only while its data is open (unlocked).
        self._passphrase: str | None = None
        # While locked: the screen to return to once unlocked. None while unlocked.
        self._return_to: str | None = None
        self.unlock_view: UnlockView | None = None
        self.quick_check_in_dialog: QuickCheckInDialog | None = None
        self.quick_practice_dialog: QuickPracticeDialog | None = None
        self.reminders = DueReminders(self)
        # While the data file could not be opened: the page offering a backup, and why.
        self.recovery_view: RecoveryView | None = None
        self._recovering: ProfileNeedsRecoveryError | None = None
        # Calm notes to show once the data has opened (a -wal set aside, a backup put back).
        self._notes: list[tuple[str, str]] = []
        self._idle = IdleWatcher(self)
        self._idle.idle.connect(self._idle_timeout)
        self._idle_override_ms: int | None = None
        self.sample_course_pid: int | None = None  # the last sample course this window started
        self._opening: Background[Store | KapError | None] | None = None  # the data, at start
        # The window's place, size and screen are kept soon after they change, not only on
        # close, so a crash or a power cut does not lose them.
        self._state_timer = QTimer(self)
        self._state_timer.setSingleShot(True)
        self._state_timer.setInterval(STATE_SAVE_DELAY_MS)
        self._state_timer.timeout.connect(self._save_window_state)
        self.setWindowTitle(
            self.tr("KAP Companion — sample course") if demo else self.tr("KAP Companion")
        )
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(720, 480)

        self.home = self._new_home()
        self.destinations = [
            Destination("home", self.tr("Home"), "home", lambda: self.home),
            Destination("sessions", self.tr("Sessions"), "sessions", self._build_sessions),
            Destination("reflect", self.tr("Reflect"), "reflect", self._build_reflect),
            Destination("journal", self.tr("Journal"), "journal", self._build_journal),
            Destination("insights", self.tr("Insights"), "insights", self._build_insights),
            Destination("trends", self.tr("Trends"), "trends", self._build_trends),
            Destination("checkins", self.tr("Check-ins"), "checkins", self._build_check_ins),
            Destination("practices", self.tr("Practices"), "practices", self._build_practices),
            Destination("report", self.tr("Printout"), "printout", self._build_report),
            Destination("support", self.tr("Support"), "support", self._build_support),
            Destination("settings", self.tr("Settings"), "settings", self._build_settings),
        ]
        self._built: dict[str, QWidget] = {}
        # The last screen, chosen in the sidebar but built only after the first paint.
        self._unbuilt: str | None = None
        self._unbuilt_page: _UnbuiltScreen | None = None
        self.data_changed.connect(self._refresh_views)
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._system_colour_scheme_changed)
        self._build(demo)
        self._restore_state()

    def _new_home(self) -> HomeView:
        home = HomeView()
        home.explore_sample_requested.connect(self._explore_sample)
        home.resume_requested.connect(self.resume_reflection)
        home.reflect_on_requested.connect(self.reflect_on_session)
        home.check_in_requested.connect(self.take_check_in)
        home.quick_check_in_requested.connect(self.quick_check_in)
        home.log_practice_requested.connect(self.log_practice)
        home.log_session_requested.connect(self._log_first_session)
        home.start_reflection_requested.connect(self._start_first_reflection)
        home.reminded_practice_chosen.connect(self._log_reminded_practice)
        return home

    # Layout ---------------------------------------------------------------------------------

    def _build(self, demo: bool) -> None:
        self.pages = ScreenStack()
        self.navigation_model = QStandardItemModel(self)
        for destination in self.destinations:
            item = QStandardItem(icon(destination.icon_name), destination.label)
            item.setData(destination.key, KEY_ROLE)
            item.setData(destination.label, Qt.ItemDataRole.AccessibleTextRole)
            item.setEditable(False)
            self.navigation_model.appendRow(item)
        self.sidebar = QListView()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Sections"))
        # Polish before the model arrives, so rows are measured with the stylesheet's padding.
        self.sidebar.ensurePolished()
        self.sidebar.setModel(self.navigation_model)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self.sidebar.selectionModel().currentChanged.connect(self._current_changed)

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        if demo:
            column.addWidget(self._demo_banner())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._sidebar_panel())
        row.addWidget(self.pages, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)

        # Ctrl+1 … Ctrl+9 for the first nine, Ctrl+0 for Settings, the last (Support has F1).
        numbered = [*self.destinations[:9], self.destinations[-1]]
        for number, destination in enumerate(numbered, start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number % 10}"), self)
            shortcut.activated.connect(lambda key=destination.key: self.show_destination(key))
        support = QShortcut(QKeySequence(SUPPORT_KEYS), self)
        support.activated.connect(self.show_support)
        lock = QShortcut(QKeySequence(LOCK_KEYS), self)
        lock.activated.connect(self.lock_now)
        check_in = QShortcut(QKeySequence(QUICK_CHECK_IN_KEYS), self)
        check_in.activated.connect(self.quick_check_in)
        practice = QShortcut(QKeySequence(QUICK_PRACTICE_KEYS), self)
        practice.activated.connect(self.log_practice)

    def _sidebar_panel(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("sidebarPanel")
        panel.setFixedWidth(SIDEBAR_WIDTH)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(space(1), space(2), space(1), space(2))
        layout.setSpacing(space(2))
        brand = QHBoxLayout()
        brand.setContentsMargins(space(1), 0, 0, 0)
        brand.setSpacing(space(1))
        mark = QLabel()
        mark.setPixmap(icon("app").pixmap(QSize(28, 28)))
        brand.addWidget(mark)
        brand.addWidget(text(self.tr("KAP Companion"), "brand", wrap=False))
        brand.addStretch(1)
        layout.addLayout(brand)
        layout.addWidget(self.sidebar, 1)
        # Takes the list's room while it is hidden (locked), so the brand stays at the top.
        layout.addStretch(0)
        # While the data is locked the sidebar's list is hidden; from Support, this leads back.
        self.unlock_nav_button = QPushButton(icon("lock"), self.tr("Back to unlock"))
        self.unlock_nav_button.setObjectName("supportNow")
        self.unlock_nav_button.setAccessibleName(self.tr("Back to unlock"))
        self.unlock_nav_button.setAccessibleDescription(
            self.tr("Back to the passphrase, to open your entries")
        )
        self.unlock_nav_button.clicked.connect(self._show_unlock_page)
        self.unlock_nav_button.hide()
        layout.addWidget(self.unlock_nav_button)
        # Support is one click (or F1) away from every screen.
        self.support_button = QPushButton(icon("support"), self.tr("Support now"))
        self.support_button.setObjectName("supportNow")
        self.support_button.setAccessibleName(self.tr("Support now"))
        self.support_button.setAccessibleDescription(
            self.tr("Grounding, slow breathing, your safety plan and people to contact (F1)")
        )
        self.support_button.setToolTip(self.support_button.accessibleDescription())
        self.support_button.clicked.connect(self.show_support)
        layout.addWidget(self.support_button)
        return panel

    def _demo_banner(self) -> QWidget:
        banner = QFrame()
        banner.setObjectName("banner")
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(space(3), space(1), space(3), space(1))
        layout.addWidget(
            text(
                self.tr(
                    "This is a sample course with made-up entries. Nothing here is saved, and your "
                    "own entries are not touched."
                ),
                wrap=True,
            )
        )
        return banner

    def _build_settings(self) -> QWidget:
        from ui.settings.view import SettingsView

        view = SettingsView(
            self._profile, self._settings, self.colour_scheme(), demo=self._demo, keeper=self
        )
        view.colour_scheme_chosen.connect(self._choose_colour_scheme)
        view.data_changed.connect(self.data_changed)
        view.delete_all_confirmed.connect(self.delete_all_data)
        return view

    def _build_sessions(self) -> QWidget:
        from ui.sessions.view import SessionsView

        view = SessionsView()
        view.data_changed.connect(self.data_changed)
        view.reflect_requested.connect(self.reflect_on_session)
        return view

    def reflect_on_session(self, session_id: int, phase: str = "") -> None:
        """Reflect, with `session_id` chosen and `phase` (else the one due) pre-selected."""
        self.show_destination("reflect")
        self.reflect_view.start_for_session(session_id, phase)

    def quick_check_in(self) -> None:
        """Ask how much distress the client feels right now (Home, or the shortcut from
        anywhere); saved when they choose Save."""
        from ui.widgets.quick_check_in import QuickCheckInDialog

        if self._store is None or self._data_closed() or self.quick_check_in_dialog is not None:
            return
        dialog = QuickCheckInDialog(self)
        self.quick_check_in_dialog = dialog
        dialog.accepted.connect(lambda: self._save_quick_check_in(dialog))
        dialog.finished.connect(lambda _result: self._quick_check_in_closed(dialog))
        dialog.open()

    def _save_quick_check_in(self, dialog: QuickCheckInDialog) -> None:
        rating = dialog.rating()
        if self._store is None or rating is None:
            return
        try:
            self._store.check_ins.add_distress_rating(rating, note=dialog.note())
        except KapError as error:
            show_error(self, error)
            return
        self.data_changed.emit(DataKind.CHECK_INS)

    def _quick_check_in_closed(self, dialog: QuickCheckInDialog) -> None:
        if self.quick_check_in_dialog is dialog:
            self.quick_check_in_dialog = None
        dialog.deleteLater()

    def log_practice(self, practice: PracticeRef | None = None) -> None:
        """Log something the client did for themselves (Home, the practice log, or the
        shortcut from anywhere), `practice` chosen already if given; the dialog saves it when
        they choose it."""
        from ui.widgets.quick_practice import QuickPracticeDialog

        if self._store is None or self._data_closed() or self.quick_practice_dialog is not None:
            return
        dialog = QuickPracticeDialog(self._store, self)
        if practice is not None:
            dialog.choose(practice)
        self.quick_practice_dialog = dialog
        dialog.logged.connect(lambda _entry: self.data_changed.emit(DataKind.PRACTICES))
        dialog.finished.connect(lambda _result: self._quick_practice_closed(dialog))
        dialog.open()

    def _log_reminded_practice(self, builtin_key: str, own_id: int) -> None:
        from kapcompanion.domain import PracticeRef
        from kapcompanion.ids import OwnPracticeId

        self.log_practice(
            PracticeRef(builtin_key=builtin_key)
            if builtin_key
            else PracticeRef(own_id=OwnPracticeId(own_id))
        )

    def _quick_practice_closed(self, dialog: QuickPracticeDialog) -> None:
        if self.quick_practice_dialog is dialog:
            self.quick_practice_dialog = None
        dialog.deleteLater()

    def _log_first_session(self) -> None:
        self.show_destination("sessions")
        self.sessions_view.add_session()

    def _start_first_reflection(self) -> None:
        self.show_destination("reflect")
        self.reflect_view.begin_button.setFocus()

    def take_check_in(self, instrument: str) -> None:
        """Check-ins, with `instrument` begun (or continued where the client left off)."""
        self.show_destination("checkins")
        self.check_ins_view.take(instrument)

    def _build_insights(self) -> QWidget:
        from ui.insights.view import InsightsView

        view = InsightsView()
        view.data_changed.connect(self.data_changed)
        view.reflect_requested.connect(lambda: self.show_destination("reflect"))
        view.open_reflection_requested.connect(self.open_in_journal)
        return view

    def _build_journal(self) -> QWidget:
        from ui.journal.view import JournalView
        from ui.recently_deleted.view import RecentlyDeletedView

        view = JournalView(RecentlyDeletedView())
        view.data_changed.connect(self.data_changed)
        view.reflect_requested.connect(lambda: self.show_destination("reflect"))
        return view

    def open_in_journal(self, reflection_id: int) -> None:
        """Show one reflection in the journal (from an insight's "From: …" link)."""
        self.show_destination("journal")
        self.journal_view.open_entry(reflection_id)

    def _build_trends(self) -> QWidget:
        from ui.trends.view import TrendsView  # matplotlib loads only now, never at start-up

        view = TrendsView()
        view.data_changed.connect(self.data_changed)
        return view

    def _build_report(self) -> QWidget:
        from ui.printout.view import ReportView

        view = ReportView()
        view.data_changed.connect(self.data_changed)
        return view

    def _build_check_ins(self) -> QWidget:
        from ui.checkins.view import CheckInsView

        view = CheckInsView()
        view.data_changed.connect(self.data_changed)
        view.safety_plan_requested.connect(self.show_safety_plan)
        return view

    def _build_practices(self) -> QWidget:
        from ui.practices.view import PracticesView

        view = PracticesView()
        view.data_changed.connect(self.data_changed)
        view.log_requested.connect(self.log_practice)
        return view

    def _build_support(self) -> QWidget:
        from ui.support.view import SupportView

        view = SupportView(reduce_motion=lambda: reduce_motion(self._settings))
        view.data_changed.connect(self.data_changed)
        return view

    def show_support(self) -> None:
        if self._data_closed():
            # Grounding, breathing and the crisis lines need no data: they open while locked.
            self.pages.setCurrentWidget(self.page("support"))
            self.support_view.show_overview()
            self.unlock_nav_button.show()
            return
        self.show_destination("support")
        self.support_view.show_overview()

    def show_safety_plan(self) -> None:
        """The client's safety plan and crisis contacts (after PHQ-9 item 9, for example)."""
        self.show_destination("support")
        self.support_view.show_safety_plan()

    def _build_reflect(self) -> QWidget:
        from ui.reflect.view import ReflectView

        view = ReflectView(reduce_motion=lambda: reduce_motion(self._settings))
        view.data_changed.connect(self.data_changed)
        return view

    @property
    def settings_view(self) -> SettingsView:
        return cast("SettingsView", self.page("settings"))

    @property
    def sessions_view(self) -> SessionsView:
        return cast("SessionsView", self.page("sessions"))

    @property
    def journal_view(self) -> JournalView:
        return cast("JournalView", self.page("journal"))

    @property
    def insights_view(self) -> InsightsView:
        return cast("InsightsView", self.page("insights"))

    @property
    def trends_view(self) -> TrendsView:
        return cast("TrendsView", self.page("trends"))

    @property
    def check_ins_view(self) -> CheckInsView:
        return cast("CheckInsView", self.page("checkins"))

    @property
    def practices_view(self) -> PracticesView:
        return cast("PracticesView", self.page("practices"))

    @property
    def support_view(self) -> SupportView:
        return cast("SupportView", self.page("support"))

    @property
    def reflect_view(self) -> ReflectView:
        return cast("ReflectView", self.page("reflect"))

    def resume_reflection(self, reflection_id: int) -> None:
        self.show_destination("reflect")
        self.reflect_view.resume(ReflectionId(reflection_id))

    # Navigation -----------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The screen for `key`, built the first time it is asked for."""
        if key not in self._built:
            [destination] = [d for d in self.destinations if d.key == key]
            widget = destination.build()
            self._built[key] = widget
            self.pages.addWidget(widget)
            if self._store is not None and isinstance(widget, Screen):
                widget.set_store(self._store)
        return self._built[key]

    def current_destination(self) -> str:
        """The screen on show; while locked, the one the window returns to once unlocked."""
        if self._return_to is not None:
            return self._return_to
        if self._unbuilt is not None:
            return self._unbuilt
        current = self.pages.currentWidget()
        return next(key for key, widget in self._built.items() if widget is current)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # An Esc no page took for itself (to go back, pause or close a panel) goes back to the
        # sidebar, so the keyboard can always reach another screen.
        if event.key() == Qt.Key.Key_Escape and self.sidebar.isVisible():
            if not self.sidebar.hasFocus():
                self.sidebar.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        super().keyPressEvent(event)

    def show_destination(self, key: str) -> None:
        if self._data_closed():  # no screen shows data before the passphrase is given
            if key == "support":
                self.show_support()
            return
        for row, destination in enumerate(self.destinations):
            if destination.key == key:
                self.sidebar.setCurrentIndex(self.navigation_model.index(row, 0))
                return

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._data_closed():
            key = str(current.data(KEY_ROLE))
            if key == self._unbuilt and self._unbuilt_page is not None:
                self.pages.setCurrentWidget(self._unbuilt_page)  # built once painted
            else:
                self._unbuilt = None
                self.pages.setCurrentWidget(self.page(key))
            self._state_timer.start()

    def _build_unbuilt_screen(self) -> None:
        """Right after the first paint: build the last screen, chosen in the sidebar already,
        and put it in place of the blank page."""
        key, self._unbuilt = self._unbuilt, None
        blank, self._unbuilt_page = self._unbuilt_page, None
        if key is not None and not self._data_closed():
            self.pages.setCurrentWidget(self.page(key))
        if blank is not None:
            self.pages.removeWidget(blank)
            blank.deleteLater()

    # Profile --------------------------------------------------------------------------------

    def open_profile(self) -> None:
        """Open the database (and fill the sample course in demo mode); hand it to every screen.

        A protected profile shows the unlock screen instead, until its passphrase is given."""
        self._opened(self._open_store())

    def open_profile_in_background(self) -> None:
        """`open_profile`, with the file checked and opened on a thread of its own: the window
        answers meanwhile (at start, with years of entries, this takes a fraction of a second)."""
        if self._opening is None:
            self._opening = run_in_background(
                partial(self._open_store, any_thread=True), self._opened_in_background
            )

    def _opened_in_background(self, outcome: object) -> None:
        job, self._opening = self._opening, None
        if job is not None:  # else the window closed the data meanwhile, and closed this too
            job.wait()
            self._opened(outcome, backed_up=True)

    def _open_store(self, *, any_thread: bool = False) -> Store | KapError | None:
        """The open store, the error that kept it closed, or None when the file is protected
        and waits for its passphrase. Runs on the opening thread when `any_thread`, and then
        makes the day's automatic backup there too, before any screen has the store."""
        from kapcompanion.store import Store, protection

        path = self._profile.database_path
        if self._passphrase is None and protection.is_protected(path):
            return None
        try:
            store = Store.open(path, passphrase=self._passphrase, any_thread=any_thread)
        except KapError as error:
            return error
        if any_thread:
            self._back_up(store, closing=False)
            # What Home reads first, imported here too rather than on the window's thread.
            for name in HOME_READS:
                import_module(name)
        return store

    def _opened(self, outcome: object, *, backed_up: bool = False) -> None:
        if outcome is None:
            self._enter_locked(self.current_destination())
        elif isinstance(outcome, ProfileNeedsRecoveryError):
            self._offer_recovery(outcome)
        elif isinstance(outcome, KapError):
            show_error(self, outcome)
            self.profile_failed.emit()
        elif isinstance(outcome, BaseException):
            raise outcome  # not ours to explain: the app's last-resort report says it calmly
        else:
            self._use_store(cast("Store", outcome), backed_up=backed_up)

    def _use_store(self, store: Store, *, backed_up: bool = False) -> None:
        try:
            if self._demo and store.is_empty():
                from kapcompanion.demo import fill_demo

                fill_demo(store)
            for widget in self._built.values():
                if isinstance(widget, Screen):
                    widget.set_store(store)
        except KapError as error:
            store.close()
            show_error(self, error)
            self.profile_failed.emit()
            return
        self._store = store
        self.reminders.start(store)
        if not backed_up:
            self._back_up(store, closing=False)
        if self._data_closed():
            self._leave_locked()
        self._watch_for_idle()
        steps = [step for key in self.built_while_idle for step in self._ready_while_idle(key)]
        do_while_idle(
            self, steps, keep_going=lambda: self._store is not None and not self._data_closed()
        )
        from ui.widgets.drawing_process import start_drawing  # charts drawn in a child process

        QTimer.singleShot(300, start_drawing)
        if store.set_aside is not None:
            self._notes.append((self.tr("Your entries are safe"), store.set_aside.message))
        self.profile_opened.emit()
        if self._notes:
            QTimer.singleShot(0, self._show_notes)

    def _ready_while_idle(self, key: str) -> tuple[Callable[[], object], ...]:
        """Short steps that make a screen ready before it is first opened: import its module,
        build it, then read what it shows (out of sight; a change made meanwhile marks it to
        read again)."""

        def read() -> None:
            screen = self._built.get(key)
            if isinstance(screen, Screen) and not screen.isVisible():
                screen.refresh_if_stale()

        return (partial(import_module, SCREEN_MODULES[key]), partial(self.page, key), read)

    def _show_notes(self) -> None:
        """Each note waiting since the data opened, once."""
        while self._notes:
            title, message = self._notes.pop(0)
            show_message(self, title, message)

    @property
    def store(self) -> Store | None:
        return self._store

    def _refresh_views(self, kind: str) -> None:
        """Tell each built screen what changed; only those that show that kind reload."""
        changed = DataKind(kind)
        for widget in self._built.values():
            if isinstance(widget, Screen):
                widget.data_changed_elsewhere(changed)

    def close_store(self, *, back_up: bool = False) -> None:
        """Close the data; with `back_up`, first make an automatic backup if anything was
        written since it opened."""
        job, self._opening = self._opening, None
        if job is not None:  # still opening: wait, then close what it opened
            job.wait()
            if job.outcome is not None and not isinstance(job.outcome, BaseException):
                job.outcome.close()
        self.reminders.stop()
        if self.quick_practice_dialog is not None:  # it writes to the store being closed
            self.quick_practice_dialog.reject()
        if self._store is not None:
            if back_up:
                self._back_up(self._store, closing=True)
            self._store.close()
            self._store = None

    def _back_up(self, store: Store, *, closing: bool) -> None:
        """Make an automatic backup of the client's own data (not the sample course's): on
        opening once a day, on closing when anything was written; in the usual folder and in
        the one the client chose (Settings), when it is there (an empty profile gets none, see
        `automatic_backups`). A backup that cannot be made must not stop the data opening
        or the window closing; the problem is kept for Settings to show."""
        from kapcompanion.store.automatic_backups import (
            BACKUP_FOLDER_SETTING,
            backup_if_due,
            backup_on_close,
        )

        if self._demo:
            return
        automatic = backup_on_close if closing else backup_if_due
        folders = [self._profile.backups_folder]
        # A folder the client chose too (Settings), when it is there: an unplugged drive is
        # skipped quietly here and named in Settings.
        chosen = None
        with contextlib.suppress(KapError):
            chosen = store.settings.get(BACKUP_FOLDER_SETTING, None)
        if isinstance(chosen, str) and chosen and Path(chosen).is_dir():
            folders.append(Path(chosen))
        folders = list({folder.resolve(): folder for folder in folders}.values())  # once each
        now = datetime.now()
        self.automatic_backup_problem = None
        for folder in folders:
            try:
                automatic(store, folder, now)
            except KapError as error:
                self.automatic_backup_problem = self.automatic_backup_problem or error

    def _drop_screens(self, *, keep: tuple[QWidget, ...]) -> None:
        """Delete every built screen but `keep`: each is built again when next shown, so none
        keeps a word on show or a store that was closed."""
        # The screen on show goes last: taking it out shows another, which would read its
        # closed store if it were still there.
        current = self.pages.currentWidget()
        dropped = sorted(self._built.items(), key=lambda item: item[1] is current)
        for key, widget in dropped:
            if widget not in keep:
                self.pages.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
                del self._built[key]

    def save_open_work(self) -> None:
        """Save what is typed and not saved yet, asking nothing (the app is asked to end)."""
        self._save_open_work()

    def _save_open_work(self) -> bool:
        """Save what is typed and not saved yet; False if the reflection being written could
        not be saved (its words are still only on screen)."""
        saved = "reflect" not in self._built or self.reflect_view.save_draft()
        if "journal" in self._built:
            self.journal_view.save_open_edits()
        if "support" in self._built:
            self.support_view.save_now()
        return saved

    # Passphrase: locking, unlocking, protecting ---------------------------------------------

    def is_locked(self) -> bool:
        """The unlock screen shows instead of the screens (see also `is_recovering`)."""
        return self._return_to is not None and self._recovering is None

    def is_recovering(self) -> bool:
        """The data file could not be opened: the page offering a backup shows instead."""
        return self._recovering is not None

    def _data_closed(self) -> bool:
        """Locked or recovering: no screen that shows data is on show."""
        return self._return_to is not None

    def _enter_locked(self, return_to: str) -> None:
        from ui.unlock.view import UnlockView

        self._return_to = return_to
        self._idle.stop()
        self._drop_screens(keep=())
        self.home = self._new_home()
        if self.unlock_view is None:
            self.unlock_view = UnlockView(can_delete=not self._demo)
            self.unlock_view.unlock_requested.connect(self.unlock)
            self.unlock_view.delete_all_requested.connect(self._delete_all_while_locked)
            self.pages.addWidget(self.unlock_view)
        self.unlock_view.reset()
        self.sidebar.hide()
        self._name_way_back(
            self.tr("Back to unlock"), self.tr("Back to the passphrase, to open your entries")
        )
        self._show_unlock_page()
        self.locked.emit()

    def _name_way_back(self, label: str, description: str) -> None:
        self.unlock_nav_button.setText(label)
        self.unlock_nav_button.setAccessibleName(label)
        self.unlock_nav_button.setAccessibleDescription(description)

    def _show_unlock_page(self) -> None:
        """The page that stands in for the screens: the backup offer or the unlock screen."""
        page = self.recovery_view if self._recovering is not None else self.unlock_view
        if page is not None:
            self.unlock_nav_button.hide()
            self.pages.setCurrentWidget(page)
            page.focus_field()

    def _leave_locked(self) -> None:
        destination = self._return_to or "home"
        self._return_to = None
        self._recovering = None
        self.unlock_nav_button.hide()
        self.sidebar.show()
        if self.unlock_view is not None:
            self.unlock_view.reset()
        # The sidebar may still point at `destination`, and then would not signal a change.
        self.pages.setCurrentWidget(self.page(destination))
        self.show_destination(destination)

    def unlock(self, passphrase: str) -> None:
        """Open the locked data with `passphrase`, on the opening thread (making the key takes
        a moment, on purpose); a wrong one is refused calmly. `profile_opened` says when the
        data is open."""
        from kapcompanion.store import Store

        if self._opening is not None:
            return
        if self.unlock_view is not None:
            self.unlock_view.opening()

        def open_and_back_up() -> Store:
            store = Store.open(self._profile.database_path, passphrase=passphrase, any_thread=True)
            self._back_up(store, closing=False)
            return store

        self._opening = run_in_background(open_and_back_up, partial(self._unlocked, passphrase))

    def is_opening(self) -> bool:
        """The data is being opened on the opening thread (at start, or after unlocking)."""
        return self._opening is not None

    def _unlocked(self, passphrase: str, outcome: object) -> None:
        job, self._opening = self._opening, None
        if job is None:  # the window closed the data meanwhile, and closed this too
            return
        job.wait()
        view = self.unlock_view
        if isinstance(outcome, WrongPassphraseError):
            if view is not None:
                view.refuse()
        elif isinstance(outcome, ProfileNeedsRecoveryError):
            self._passphrase = passphrase  # a protected profile's backups open with it
            self._offer_recovery(outcome)
        elif isinstance(outcome, KapError):
            if view is not None:
                view.refuse(describe(outcome)[1])
        elif isinstance(outcome, BaseException):
            raise outcome  # not ours to explain: the app's last-resort report says it calmly
        else:
            self._passphrase = passphrase
            self._use_store(cast("Store", outcome), backed_up=True)

    # Recovery: the data file could not be opened ---------------------------------------------

    def _offer_recovery(self, error: ProfileNeedsRecoveryError) -> None:
        """Show the page offering the newest backup that opens whole, in place of the screens.
        The file is left exactly as it is."""
        from ui.recovery.view import RecoveryView
        from ui.recovery.wording import needs_passphrase

        backups = self._backups()
        if self._return_to is None:
            self._return_to = self.current_destination()
        self._recovering = error
        self._idle.stop()
        self._drop_screens(keep=())
        self.home = self._new_home()
        if self.recovery_view is None:
            self.recovery_view = RecoveryView()
            self.recovery_view.restore_requested.connect(self.restore_from_recovery)
            self.recovery_view.not_now_requested.connect(self.close)
            self.recovery_view.passphrase_given.connect(self._open_protected_backups)
            self.pages.addWidget(self.recovery_view)
        ask = self._passphrase is None and needs_passphrase(backups)
        self.recovery_view.offer(error, backups, ask_passphrase=ask)
        self.sidebar.hide()
        self._name_way_back(
            self.tr("Back to your backup"),
            self.tr("Back to the page that offers a backup of your entries"),
        )
        self._show_unlock_page()
        self.recovery_offered.emit()

    def _backups(self, passphrase: str | None = None) -> list[BackupSummary]:
        from kapcompanion.store.restore import list_backups

        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            return list_backups(
                self._profile.backups_folder, passphrase=passphrase or self._passphrase
            )
        except OSError:  # the backups folder cannot be read: there is none to offer
            return []
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _open_protected_backups(self, passphrase: str) -> None:
        """The passphrase typed on the recovery page: the protected backups say what they hold."""
        if self._recovering is None or self.recovery_view is None:
            return
        backups = self._backups(passphrase)
        if any(backup.protected and backup.usable for backup in backups):
            self._passphrase = passphrase
            self.recovery_view.update_backups(self._recovering.path, backups)
            return
        self.recovery_view.say(
            self.tr(
                "That passphrase does not open these backups. Nothing has changed. You can "
                "take your time and try again."
            )
        )

    def restore_from_recovery(self, backup: str) -> None:
        """The recovery page's choice: put `backup` back in place of the damaged data file,
        keeping the file it replaces beside it, then open the data as usual and say where the
        replaced file is kept."""
        from kapcompanion.store import protection
        from ui.recovery.wording import made_text

        error, view = self._recovering, self.recovery_view
        if error is None or view is None:
            return
        profile = self._profile
        chosen = next((known for known in view.backups if str(known.path) == backup), None)
        try:
            kept = run_busy(
                self, self.tr("Putting your backup back…"), self._restoring(Path(backup))
            )
        except KapError as refusal:  # RestoreError among them: every file is as it was
            show_message(
                self,
                self.tr("This backup could not be put back"),
                self.tr(
                    "This backup could not be put back just now, so it was not used. Nothing "
                    "was changed: your file and the backup are both as they were. You might "
                    "choose another backup, or try again later."
                ),
                details=refusal.message,
            )
            view.update_backups(error.path, self._backups())
            return
        when = made_text(chosen) if chosen is not None else ""
        if kept is None:
            note = fill(self.tr("Your entries are now as they were in this backup. %1."), when)
        else:
            note = fill(
                self.tr(
                    "Your entries are now as they were in this backup. %1.\n\nThe file it "
                    "replaced is kept, unchanged, in case you or someone helping you want to "
                    "look at it:\n%2"
                ),
                when,
                str(kept),
            )
        self._notes.append((self.tr("Your backup is back in place"), note))
        if not protection.is_protected(profile.database_path):
            self._passphrase = None  # a backup without one was put back: it opens without
        self._recovering = None  # opening again offers recovery again, should it be needed
        self.open_profile()

    def lock_now(self) -> None:
        """Ctrl+L or Settings → Lock now: lock at once (asking first if words would be lost)."""
        self.lock(ask_if_unsaved=True)

    def lock(self, *, ask_if_unsaved: bool = False) -> bool:
        """Save what is typed, close the data, forget the passphrase and show the unlock
        screen; afterwards the window returns to the screen it showed. Only a protected profile
        locks. False if it did not lock (a reflection could not be saved, and no one said to
        lock anyway)."""
        if self.is_locked() or self._store is None or not self._store.protected:
            return False
        if not self._save_open_work() and not (
            ask_if_unsaved and self._leave_although_unsaved(locking=True)
        ):
            return False
        if "settings" in self._built:
            self.settings_view.stop_exchange()
        return_to = self.current_destination()
        self.close_store(back_up=True)
        self._passphrase = None
        self._enter_locked(return_to)
        return True

    def _idle_timeout(self) -> None:
        # An open dialog is left to finish; the lock waits for the next quiet spell.
        if QApplication.activeModalWidget() is not None or not self.lock():
            self._watch_for_idle()

    @property
    def idle_lock_ms(self) -> int:
        """How long without input before a protected profile locks (0: never). Settings
        chooses it in minutes; tests may set it in milliseconds."""
        if self._idle_override_ms is not None:
            return self._idle_override_ms
        return lock_after_minutes(self._settings) * 60_000

    @idle_lock_ms.setter
    def idle_lock_ms(self, value: int) -> None:
        self._idle_override_ms = value
        self._watch_for_idle()

    def auto_lock_changed(self) -> None:
        """Settings chose another time to lock after."""
        self._watch_for_idle()

    def _watch_for_idle(self) -> None:
        if self._store is not None and self._store.protected and not self.is_locked():
            self._idle.interval_ms = self.idle_lock_ms
            self._idle.start()
        else:
            self._idle.stop()

    def passphrase(self) -> str | None:
        """The open profile's passphrase (None when it has none, or while locked)."""
        return self._passphrase

    def change_protection(
        self, label: str, work: Callable[[], ProtectionReport], new_passphrase: str | None
    ) -> ProtectionReport:
        """Close the data, run `work` (a conversion from kapcompanion.store.protection) on a
        thread with `label` on show, then open the data again: under `new_passphrase` when it
        worked, as it was when it did not (and then raise what stopped it)."""
        if not self._save_open_work():
            raise ProtectionError(
                self.tr(
                    "The reflection you are writing could not be saved just now, so nothing "
                    "was changed. Once it is saved, you can try again."
                )
            )
        if "settings" in self._built:
            self.settings_view.stop_exchange()
        previous = self._passphrase
        self.close_store()
        # Screens showing data are built again on the data as it opens next.
        keep = tuple(self._built[key] for key in ("home", "settings") if key in self._built)
        self._drop_screens(keep=keep)
        self._idle.stop()
        try:
            report = run_busy(self, label, work)
        except BaseException:
            self._passphrase = previous
            self.open_profile()
            raise
        self._passphrase = new_passphrase
        self.open_profile()
        return report

    def restore_backup(self, label: str, backup: Path) -> Path | None:
        """Settings → Restore: like `change_protection`, save what is typed, close the data,
        put `backup` in its place on a thread (kapcompanion.store.restore, with the profile's
        lock held), and open the data again: restored, or as it was when the restore was
        refused (then raise why). Returns where the replaced data was kept."""
        from kapcompanion.store.restore import RestoreError

        if not self._save_open_work():
            raise RestoreError(
                self.tr(
                    "The reflection you are writing could not be saved just now, so nothing "
                    "was changed. Once it is saved, you can try again."
                )
            )
        if "settings" in self._built:
            self.settings_view.stop_exchange()
        work = self._restoring(backup)
        self.close_store()
        keep = tuple(self._built[key] for key in ("home", "settings") if key in self._built)
        self._drop_screens(keep=keep)
        self._idle.stop()
        try:
            return run_busy(self, label, work)
        finally:
            self.open_profile()

    def _restoring(self, backup: Path) -> Callable[[], Path | None]:
        """The work of putting `backup` in place of the data file (run with the store closed),
        under the profile's lock: the window's own, or one taken for it."""
        from kapcompanion.store.restore import restore

        profile, passphrase, lock = self._profile, self._passphrase, self._lock

        def work() -> Path | None:
            if lock is not None:  # the window's own lock, held since it started
                return restore(profile, backup, passphrase)
            with ProfileLock(profile):
                return restore(profile, backup, passphrase)

        return work

    def _delete_all_while_locked(self) -> None:
        from PySide6.QtWidgets import QDialog

        from ui.settings.delete_all import DeleteAllDialog

        dialog = DeleteAllDialog(self)
        try:
            confirmed = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if confirmed:
            self.delete_all_data()

    def delete_all_data(self) -> None:
        """Delete the profile's data (confirmed in Settings), then start again on an empty
        profile at Home's welcome, as on a first start. Drafts go with everything else."""
        from kapcompanion.erase_profile import erase_profile

        if "settings" in self._built:
            self.settings_view.stop_exchange()
        self.close_store()
        self._passphrase = None
        if self.is_locked():
            self._return_to = "home"
        self._drop_screens(keep=(self.home,))
        self._settings.clear()
        try:
            if self._lock is not None:
                erase_profile(self._profile, self._lock)
            else:
                with ProfileLock(self._profile) as lock:
                    erase_profile(self._profile, lock)
        except KapError as error:
            show_error(self, error)
        # A new, private window.ini, as a first start makes (Qt would give it the umask's mode).
        with contextlib.suppress(OSError):
            private_files.create_private_file(self._profile.window_state_path)
        self._settings.sync()
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the colours of a first start: the computer's
            apply_style(app, self.colour_scheme())
        self.show_destination("home")
        self.open_profile()

    def _explore_sample(self) -> None:
        from ui.home.sample_course import launch_sample_course

        self.sample_course_pid = launch_sample_course()
        if self.sample_course_pid is None:
            show_message(
                self,
                self.tr("The sample course did not open"),
                self.tr(
                    "The sample course could not be started just now. Your own entries are "
                    "not affected. You can try again, or start KAP Companion with --demo."
                ),
            )

    # Appearance and state -------------------------------------------------------------------

    def colour_scheme(self) -> ColourScheme:
        return stored_colour_scheme(self._settings)

    def _choose_colour_scheme(self, value: str) -> None:
        self._settings.setValue(COLOUR_SCHEME_KEY, value)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, ColourScheme(value))

    def _system_colour_scheme_changed(self) -> None:
        app = QApplication.instance()
        if self.colour_scheme() is ColourScheme.SYSTEM and isinstance(app, QApplication):
            apply_style(app, ColourScheme.SYSTEM)

    def _restore_state(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1080, 720)
        last = str(self._settings.value("window/destination", "home"))
        if last != "home" and any(d.key == last for d in self.destinations):
            # Paint the window first, then build the screen: some take a while to import.
            self._unbuilt = last
            self._unbuilt_page = _UnbuiltScreen()
            self._unbuilt_page.painted.connect(
                lambda: QTimer.singleShot(0, self._build_unbuilt_screen),
                Qt.ConnectionType.SingleShotConnection,
            )
            self.pages.addWidget(self._unbuilt_page)
        self.show_destination(last)
        if not self.sidebar.currentIndex().isValid():
            self.show_destination("home")

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._save_open_work() and not self._leave_although_unsaved(locking=False):
            event.ignore()
            return
        self._save_window_state()
        super().closeEvent(event)

    def _leave_although_unsaved(self, *, locking: bool) -> bool:
        """Asked when the reflection being written could not be saved: closing or locking
        would lose it."""
        if locking:
            message = self.tr(
                "What you wrote last in this reflection could not be saved just now (the note "
                "above your writing says why). If you lock KAP Companion now, those words will "
                "be lost. Staying unlocked lets it try again."
            )
            keep, leave = self.tr("Stay unlocked"), self.tr("Lock and lose them")
        else:
            message = self.tr(
                "What you wrote last in this reflection could not be saved just now (the note "
                "above your writing says why). If you close KAP Companion now, those words will "
                "be lost. Keeping it open lets it try again."
            )
            keep, leave = self.tr("Keep KAP Companion open"), self.tr("Close and lose them")
        title = self.tr("Your latest words are not saved yet")
        return ask(self, title, message, keep=keep, leave=leave)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._state_timer.start()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self._state_timer.start()

    def _save_window_state(self) -> None:
        self._state_timer.stop()
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/destination", self.current_destination())
        self._settings.sync()
        # window_settings made the file private; Qt makes a new one 0644 if it was removed since.
        private_files.tighten([Path(self._settings.fileName())])
