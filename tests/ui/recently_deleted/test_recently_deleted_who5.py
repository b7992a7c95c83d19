"""A WHO-5 check-in in "recently deleted" reads with its score as published, out of 100."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kapcompanion.data_files.questionnaires import questionnaire
from kapcompanion.domain import DeletedKind
from kapcompanion.store import Store
from tests.ui.conftest import ShowView
from tests.ui.recently_deleted.test_recently_deleted_view import open_page, rows


def test_a_deleted_who5_shows_its_score_out_of_100(
    show_view: ShowView, store: Store, qtbot: QtBot
) -> None:
    who5 = questionnaire("who5")
    check_in = store.check_ins.start("who5", who5.version)
    for number, value in {1: 3, 2: 2, 3: 4, 4: 1, 5: 3}.items():  # 13 × 4
        store.check_ins.save_answer(check_in.id, number, value)
    store.check_ins.complete(check_in.id)
    store.deleted.move(DeletedKind.CHECK_IN, check_in.id)
    _view, page = open_page(show_view, store, qtbot)
    [(words, _when)] = rows(page)
    assert words.startswith("A check-in: WHO-5 · ") and words.endswith(" · score 52 out of 100")
