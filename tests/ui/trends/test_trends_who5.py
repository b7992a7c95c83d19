"""Trends shows WHO-5's chart beside the symptom measures', from the chart module alone."""

from __future__ import annotations

from kapcompanion.store import Store
from kapcompanion.wording.dates import day_of
from tests.ui.conftest import ShowView
from tests.ui.trends.test_trends_view import settle, table_of
from ui.trends.view import TrendsView


def test_the_sample_course_has_a_who5_chart(show_view: ShowView, demo_store: Store) -> None:
    view = show_view(TrendsView, demo_store)
    settle(view)
    panel = view.scores["who5"]
    assert panel.name == "WHO-5 scores"
    assert panel.canvas is not None and panel.canvas.isVisible()
    assert panel.has_chart()  # axes, not a message
    # 36 and 60 out of 100 (9 and 15 out of 25), as the chart draws them.
    first = demo_store.check_ins.completed("who5")[0].completed_at
    assert first is not None
    assert panel.summary_text() == (
        "Your latest WHO-5 score is 60, above 50. It has changed by 24 points since "
        f"{day_of(first)}, from 36. That is at least the 10-point change that published "
        "sources count as meaningful."
    )


def test_its_table_and_spoken_points_give_scores_out_of_100_as_the_chart_does(
    show_view: ShowView, demo_store: Store
) -> None:
    view = show_view(TrendsView, demo_store)
    settle(view)
    panel = view.scores["who5"]
    scores = [row[1] for row in table_of(panel)]
    assert scores == ["36", "48", "60"]  # 9, 12 and 15 out of 25, times four
    spoken = [point.words for point in panel.points()]
    assert len(spoken) == 3 and spoken[-1].startswith("WHO-5 ·") and ": 60 (" in spoken[-1]
