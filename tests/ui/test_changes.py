"""Every change travels as a DataKind, never as a loose word a screen might misspell."""

from __future__ import annotations

import re

from tests.paths import REPOSITORY
from ui.changes import DataKind

LOOSE_WORD = re.compile(r"(data_changed\.emit|announce)\(\s*[\"']")


def test_every_change_is_told_as_a_data_kind() -> None:
    loose = [
        f"{path.relative_to(REPOSITORY)}:{number}"
        for path in sorted((REPOSITORY / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if LOOSE_WORD.search(line)
    ]
    assert loose == []


def test_a_kind_reads_back_from_the_word_qt_carries() -> None:
    # data_changed is a Signal(str): what arrives is the plain word, which names the kind again.
    for kind in DataKind:
        assert DataKind(str(kind.value)) is kind
    assert len({kind.value for kind in DataKind}) == len(DataKind)
