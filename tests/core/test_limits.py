"""One entry holds at most about 1 MB of text: the store refuses more, import refuses an export
holding more, whole, and search stays quick with entries at the limit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kapcompanion.domain import NewSession, Phase, utc_now
from kapcompanion.errors import EntryRefusedError
from kapcompanion.exchange import InvalidExportError, import_file, write_json_export
from kapcompanion.limits import MOST_CHARACTERS, fit_to_limit
from kapcompanion.search import HIGHLIGHT_END, HIGHLIGHT_START, bounded_snippet
from kapcompanion.store import Store
from tests.core.exchange.profiles import dump

AT_THE_LIMIT = ("a calm river " * (MOST_CHARACTERS // 13 + 1))[:MOST_CHARACTERS]


def test_a_paste_is_cut_to_what_fits_and_says_so() -> None:
    assert fit_to_limit("short words") == ("short words", False)
    kept, cut = fit_to_limit("x" * (MOST_CHARACTERS + 5))
    assert cut and len(kept) == MOST_CHARACTERS
    # An accent is never parted from its letter: "e" + combining acute straddling the cut.
    kept, cut = fit_to_limit("ab" + "e\u0301" + "cd", room=3)
    assert (kept, cut) == ("ab", True)


def test_the_store_keeps_an_answer_at_the_limit_and_refuses_a_longer_one(store: Store) -> None:
    reflection = store.reflections.start(Phase.OPEN, "open", 1)
    store.reflections.save_answer(
        reflection.id, position=0, prompt_id="p", prompt_text="?", text=AT_THE_LIMIT
    )
    [answer] = store.reflections.get(reflection.id).answers
    assert answer.text == AT_THE_LIMIT
    with pytest.raises(EntryRefusedError) as refused:
        store.reflections.save_answer(
            reflection.id, position=0, prompt_id="p", prompt_text="?", text=AT_THE_LIMIT + "!"
        )
    assert "too long" in refused.value.message and "Nothing was changed" in refused.value.message
    with pytest.raises(EntryRefusedError):
        store.reflections.update_answer(answer.id, AT_THE_LIMIT + "!")
    with pytest.raises(EntryRefusedError):
        store.insights.add(AT_THE_LIMIT + "!")
    with pytest.raises(EntryRefusedError):
        store.sessions.add(NewSession(held_at=utc_now(), notes=AT_THE_LIMIT + "!"))
    assert store.reflections.get(reflection.id).answers[0].text == AT_THE_LIMIT
    assert store.insights.list() == [] and store.sessions.list() == []


def test_import_refuses_an_export_holding_a_text_over_the_limit_whole(
    tmp_path: Path, store: Store
) -> None:
    with Store.open(tmp_path / "source.sqlite3") as source:
        reflection = source.reflections.start(Phase.OPEN, "open", 1)
        source.reflections.save_answer(
            reflection.id, position=0, prompt_id="p", prompt_text="?", text="kept words"
        )
        exported = write_json_export(source, tmp_path / "export.json").path
    document = json.loads(exported.read_text("utf-8"))
    document["data"]["answers"][0]["text"] = "x" * (MOST_CHARACTERS + 1)
    exported.write_text(json.dumps(document), "utf-8")
    before = dump(store.path)
    with pytest.raises(InvalidExportError) as refused:
        import_file(store, exported)
    assert "more than the 1,000,000" in refused.value.message
    assert "Nothing was changed" in refused.value.message
    assert dump(store.path) == before


def test_search_finds_and_marks_words_in_entries_at_the_limit(store: Store) -> None:
    reflection = store.reflections.start(Phase.OPEN, "open", 1)
    text = "Before it all, a heron stood still. " + AT_THE_LIMIT[: MOST_CHARACTERS - 40]
    store.reflections.save_answer(
        reflection.id, position=0, prompt_id="p", prompt_text="?", text=text
    )
    [hit] = store.journal.search("heron")
    assert f"{HIGHLIGHT_START}heron{HIGHLIGHT_END}" in hit.snippet
    found = store.journal.matching_reflections("heron")
    assert f"{HIGHLIGHT_START}heron{HIGHLIGHT_END}" in found[reflection.id]
    assert reflection.id in store.journal.matching_reflections("river")


def test_a_bounded_snippet_reads_like_sqlite_s() -> None:
    text = "one two three four five six seven Calmer eight nine ten eleven twelve thirteen"
    assert bounded_snippet(text, "calm") == (
        f"…two three four five six seven {HIGHLIGHT_START}Calmer{HIGHLIGHT_END} "
        "eight nine ten eleven twelve thirteen…"
    )
    assert bounded_snippet("no match here at all", "heron") == "no match here at all…"
