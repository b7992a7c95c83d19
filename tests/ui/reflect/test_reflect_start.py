"""Reflect's start page leads with one filled button: the paused reflection's, else Begin."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton

from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.domain import Phase
from kapcompanion.profile import Profile
from tests.ui.conftest import WindowFactory
from ui.changes import DataKind
from ui.main_window import MainWindow


def filled_buttons(window: MainWindow) -> list[str]:
    QApplication.processEvents()  # widgets added to a shown layout appear on the next turn
    view = window.reflect_view
    return [
        button.text()
        for button in view.findChildren(QPushButton)
        if button.objectName() == "primary" and button.isVisibleTo(view)
    ]


def test_one_filled_button_with_or_without_paused_reflections(
    open_window: WindowFactory, profile: Profile
) -> None:
    window = open_window(profile)
    assert window.store is not None
    window.show_destination("reflect")
    assert filled_buttons(window) == ["Begin"]
    for phase in (Phase.SAME_DAY, Phase.NEXT_DAY):
        prompts = prompt_set_for(phase)
        window.store.reflections.start(phase, prompts.id, prompts.version)
    window.data_changed.emit(DataKind.REFLECTIONS)
    assert filled_buttons(window) == ["Continue where you left off"]
