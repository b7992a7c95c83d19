"""The calm questions asked before something moves to "recently deleted".

Shared by the screens that move things there (the journal, sessions, check-ins), so each asks
in the same words and the same way: a plain title, what happens and how to bring it back, and
buttons that say what they do. The safe choice is the default and Esc; nothing here touches
the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from kapcompanion.wording.translation import counted, fill

CONTEXT = "Deleting"


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


@dataclass(frozen=True)
class Choice:
    """A button of the question: its words, and whether choosing it moves the insights too."""

    words: str
    with_insights: bool = False


def ask(parent: QWidget, title: str, words: str, choices: list[Choice]) -> Choice | None:
    """Ask `title` with `words` beneath it; the choice made, or None for "not now" (the last
    button, the default and Esc)."""
    box = QMessageBox(
        QMessageBox.Icon.NoIcon, title, title, QMessageBox.StandardButton.NoButton, parent
    )
    box.setInformativeText(words)
    box.setAccessibleName(title)
    box.setAccessibleDescription(words)
    buttons: dict[QAbstractButton, Choice] = {}
    for choice in choices:
        button = box.addButton(choice.words, QMessageBox.ButtonRole.AcceptRole)
        button.setAccessibleName(choice.words)
        buttons[button] = choice
    keep = box.addButton(_tr("Not now"), QMessageBox.ButtonRole.RejectRole)
    keep.setAccessibleName(_tr("Not now, leave it where it is"))
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    was_focused = parent.focusWidget()
    box.exec()
    if was_focused is not None:
        was_focused.setFocus(Qt.FocusReason.OtherFocusReason)
    return buttons.get(box.clickedButton())


def insights_sentence(insights: int) -> str:
    """What may happen to the insights that came from something."""
    return fill(
        _tr("%1 You can keep your insights on the board, or move them along with it."),
        counted(CONTEXT, "%Ln insight(s) came from it.", insights),
    )


def insight_choices(moving: str, insights: int) -> list[Choice]:
    """`moving` alone, or with a choice about its insights when some came from it."""
    if not insights:
        return [Choice(moving)]
    return [
        Choice(_tr("Move it, keep the insights")),
        Choice(_tr("Move the insights too"), with_insights=True),
    ]


def ask_about_reflection(parent: QWidget, insights: int) -> Choice | None:
    """Before a reflection that insights came from moves to "recently deleted"."""
    return ask(
        parent,
        _tr("Some insights came from this reflection"),
        fill(
            _tr("%1 Whatever you move comes back together if you restore the reflection."),
            insights_sentence(insights),
        ),
        insight_choices(_tr("Move to recently deleted"), insights),
    )


def ask_about_session(parent: QWidget, reflections: int, insights: int) -> Choice | None:
    """Before a session (and the reflections written about it) moves to "recently deleted"."""
    words = [_tr("You can bring it back from Recently deleted for 30 days.")]
    if reflections:
        words.append(
            counted(
                CONTEXT,
                "The %Ln reflection(s) you wrote about it will go with it, and come back with it.",
                reflections,
            )
        )
    if insights:
        words.append(insights_sentence(insights))
    return ask(
        parent,
        _tr("Move this session to recently deleted?"),
        " ".join(words),
        insight_choices(_tr("Move to recently deleted"), insights),
    )


def ask_about_check_in(parent: QWidget, what: str) -> bool:
    """Before a finished check-in (`what`: "Your GAD-7 of 3 March 2026") moves to "recently
    deleted"."""
    chosen = ask(
        parent,
        _tr("Move this check-in to recently deleted?"),
        fill(
            _tr(
                "%1 leaves your results and charts. You can bring it back from Recently "
                "deleted for 30 days."
            ),
            what,
        ),
        [Choice(_tr("Move to recently deleted"))],
    )
    return chosen is not None
