"""In a reflection or a questionnaire, Tab goes from what the client is answering to the step
buttons (in the order they are seen) before it leaves for the sidebar and "Support now"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import begin_reflection, focused, press, to_the_themes_step
from ui.main_window import MainWindow


def names_until_the_sidebar(qtbot: QtBot, window: MainWindow) -> list[str]:
    """The accessible names Tab visits from the focused control until it reaches the sidebar."""
    visited: list[str] = []
    for _ in range(30):
        press(qtbot, Qt.Key.Key_Tab)
        if focused() is window.sidebar:
            return visited
        visited.append(focused().accessibleName())
    raise AssertionError(f"Tab never reached the sidebar: {visited}")


def test_the_wizard_tabs_from_the_answer_to_the_step_buttons_then_the_sidebar(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    window.show_destination("reflect")
    window.reflect_view.begin_button.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    wizard = window.reflect_view.wizard
    assert wizard is not None
    assert focused() is wizard.start_scale.slider
    assert names_until_the_sidebar(qtbot, window) == [
        "Save and finish later",
        "Skip this step",
        "Next step",
    ]

    press(qtbot, Qt.Key.Key_Tab)  # the sidebar, then Support now, then back to the answer
    assert focused() is window.support_button
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is wizard.start_scale.slider

    wizard.next()
    assert focused() is wizard.prompt_pages[0].editor
    assert names_until_the_sidebar(qtbot, window) == [
        "Save and finish later",
        "Back to the previous step",
        "Skip this step",
        "Next step",
    ]


def test_the_themes_step_tabs_through_every_theme_before_finish(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    wizard = begin_reflection(window, qtbot)
    wizard.prompt_pages[0].editor.setPlainText("My chest was tight and my body felt heavy.")
    to_the_themes_step(wizard)
    QApplication.processEvents()  # the step's theme boxes show on the next turn
    visited = names_until_the_sidebar(qtbot, window)
    finish = visited.index("Finish and save this reflection")
    before_finish = visited[:finish]
    assert "Another theme, or a name for your own" in before_finish
    assert "Add this theme" in before_finish
    assert visited[finish - 2 : finish + 1] == [
        "Save and finish later",
        "Back to the previous step",
        "Finish and save this reflection",
    ]
    assert visited[finish + 1 :] == []


def test_a_questionnaire_tabs_from_the_answers_to_the_step_buttons_then_the_sidebar(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    window.take_check_in("gad7")
    flow = window.check_ins_view.flow
    assert flow is not None
    flow.next()  # past "Before you begin", to the first question
    press(qtbot, Qt.Key.Key_1)  # an answer, so Next can be pressed
    page = flow.current_options_page()
    assert page is not None and page.isAncestorOf(focused())
    # The answers are one group of radio buttons: one Tab stop, arrows move within it.
    assert names_until_the_sidebar(qtbot, window) == [
        "Save your answers and finish later",
        "Back to the previous question",
        "Skip this question",
        "Next question",
    ]
