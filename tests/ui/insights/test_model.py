"""The insight board's model and its filter, on the sample course."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kapcompanion.domain import DeletedKind
from kapcompanion.store import Store
from ui.insights.board_data import BoardFilter, ShowOnly, load_board
from ui.insights.model import InsightListModel, InsightRole


def shown(model: InsightListModel) -> list[str]:
    return [
        str(model.index(row, 0).data(Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount())
    ]


def board_model(store: Store) -> InsightListModel:
    model = InsightListModel()
    model.set_board(load_board(store))
    return model


def test_the_model_filters_all_pinned_shared_and_by_theme(demo_store: Store) -> None:
    model = board_model(demo_store)
    everything = demo_store.insights.list()
    assert shown(model) == [insight.text for insight in everything]
    model.set_filter(BoardFilter(ShowOnly.PINNED))
    assert shown(model) == [insight.text for insight in everything if insight.pinned]
    model.set_filter(BoardFilter(ShowOnly.SHARED))
    assert shown(model) == [insight.text for insight in everything if insight.shareable]
    model.set_filter(BoardFilter(ShowOnly.ALL, "boundaries"))
    with_theme = [
        i.text for i in everything if "boundaries" in demo_store.themes.keys_for_insight(i.id)
    ]
    assert shown(model) == with_theme and len(with_theme) == 2
    model.set_filter(BoardFilter(ShowOnly.PINNED, "fear"))
    assert shown(model) == []
    model.set_filter(BoardFilter())
    assert len(shown(model)) == len(everything)


def test_a_new_board_keeps_rows_and_follows_the_store_order(demo_store: Store) -> None:
    model = board_model(demo_store)
    removed: list[int] = []
    model.rowsRemoved.connect(lambda _parent, first, _last: removed.append(first))
    last = demo_store.insights.list()[-1]
    kept = model.index(model.row_of(last.id) or 0, 0)
    assert kept.data(InsightRole.ID) == last.id
    demo_store.insights.update(last.id, pinned=True)
    gone = demo_store.insights.list()[1]
    demo_store.deleted.move(DeletedKind.INSIGHT, gone.id)
    model.set_board(load_board(demo_store))
    assert shown(model) == [insight.text for insight in demo_store.insights.list()]
    assert len(removed) == 1  # only the deleted row went; the others were updated in place
    assert model.index(model.row_of(last.id) or 0, 0).data(InsightRole.PINNED) is True
    assert model.row_of(gone.id) is None


def test_roles_say_what_a_card_shows(demo_store: Store) -> None:
    model = board_model(demo_store)
    steps = [
        model.index(row, 0)
        for row in range(model.rowCount())
        if model.index(row, 0).data(InsightRole.STEP)
    ]
    assert len(steps) == 5
    assert all(index.data(InsightRole.STEP_STATUS) for index in steps)
    top = model.index(0, 0)
    assert top.data(InsightRole.SOURCE).startswith("From: Session ")
    assert top.data(InsightRole.LINKED) is True
    assert top.data(InsightRole.THEMES) == [
        (theme.name, theme.colour) for theme in top.data(InsightRole.DATA).themes
    ]
