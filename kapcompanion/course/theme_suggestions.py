"""Suggest themes for a reflection from its words, and say which words led to each suggestion.

The lexicon is data (resources/themes/lexicon.json). Matching ignores case and accents. A
negation word cancels a match that follows it in the same clause when only "bridge" words stand
between them ("not afraid", "never felt safe"), but "said no to my sister" still counts. This
only ever suggests: the client confirms, removes or adds themes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Any

from kapcompanion.data_files.resource_files import ResourceError, load_json_resource, resource_path

FILE = ("themes", "lexicon.json")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_CLAUSE_BREAK = re.compile(r"[.!?;:,\n—–()\[\]\"“”]+")


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case without accents or apostrophes, for matching ("Zoë's" → "zoes")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().replace("'", "").replace("’", "")


@dataclass(frozen=True)
class ThemeWords:
    stems: tuple[str, ...]
    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Lexicon:
    themes: dict[str, ThemeWords]
    negations: frozenset[str]
    negation_bridges: frozenset[str]

    @cached_property
    def _by_word(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for key, theme in self.themes.items():
            for word in theme.words:
                index[word].append(key)
        return index

    @cached_property
    def _by_stem(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for key, theme in self.themes.items():
            for stem in theme.stems:
                index[stem].append(key)
        return index

    @cached_property
    def _stem_lengths(self) -> tuple[int, ...]:
        return tuple(sorted({len(stem) for stem in self._by_stem}))

    @cached_property
    def _by_first_word(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        index: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for key, theme in self.themes.items():
            for phrase in theme.phrases:
                if phrase:
                    index[phrase[0]].append((phrase, key))
        return index

    def themes_for_word(self, token: str) -> set[str]:
        """Themes whose stems or words match one folded word."""
        keys = set(self._by_word.get(token, ()))
        for length in self._stem_lengths:
            if length > len(token):
                break
            keys.update(self._by_stem.get(token[:length], ()))
        return keys

    def phrases_from(self, token: str) -> list[tuple[tuple[str, ...], str]]:
        """(phrase, theme) pairs whose phrase starts with this folded word."""
        return self._by_first_word.get(token, [])


@dataclass(frozen=True)
class Suggestion:
    """A theme suggested for a text, with the words (as written) that led to it."""

    theme_key: str
    evidence: tuple[str, ...]


def parse_lexicon(data: Any, where: str) -> Lexicon:
    if not isinstance(data, dict) or not isinstance(data.get("themes"), dict):
        raise ResourceError(f'{where}: expected an object with "themes".')
    negations = data.get("negations", [])
    bridges = data.get("negation_bridges", [])
    for name, value in (("negations", negations), ("negation_bridges", bridges)):
        if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
            raise ResourceError(f'{where}: "{name}" must be a list of words.')
    themes: dict[str, ThemeWords] = {}
    for key, entry in data["themes"].items():
        if not isinstance(entry, dict):
            raise ResourceError(f'{where}: theme "{key}" must be an object.')
        stems = entry.get("stems", [])
        exact = entry.get("words", [])
        phrases = entry.get("phrases", [])
        if not all(isinstance(s, str) and s and " " not in s for s in [*stems, *exact]):
            raise ResourceError(f'{where}: theme "{key}": each stem or word is one word.')
        if not all(isinstance(p, str) and p.strip() for p in phrases):
            raise ResourceError(f'{where}: theme "{key}": phrases must be non-empty texts.')
        themes[key] = ThemeWords(
            tuple(fold(s) for s in stems),
            frozenset(fold(w) for w in exact),
            tuple(tuple(fold(w) for w in _WORD.findall(p)) for p in phrases),
        )
    return Lexicon(
        themes, frozenset(fold(n) for n in negations), frozenset(fold(b) for b in bridges)
    )


@cache
def lexicon() -> Lexicon:
    return parse_lexicon(load_json_resource(*FILE), str(resource_path(*FILE)))


def suggest_themes(text: str, words: Lexicon | None = None) -> list[Suggestion]:
    """Themes whose words appear in `text` (not negated), most evidence first."""
    words = words or lexicon()
    found: dict[str, dict[str, str]] = {}  # theme → folded evidence → evidence as written
    for clause in _CLAUSE_BREAK.split(text):
        originals = _WORD.findall(clause)
        folded = [fold(word) for word in originals]
        for index, token in enumerate(folded):
            if _negated(folded, index, words):
                continue
            for key in words.themes_for_word(token):
                found.setdefault(key, {}).setdefault(token, originals[index])
            for phrase, key in words.phrases_from(token):
                if tuple(folded[index : index + len(phrase)]) == phrase:
                    written = " ".join(originals[index : index + len(phrase)])
                    found.setdefault(key, {}).setdefault(" ".join(phrase), written)
    ranked = sorted(found.items(), key=lambda item: (-len(item[1]), item[0]))
    return [Suggestion(key, tuple(evidence.values())) for key, evidence in ranked]


def _negated(folded: list[str], index: int, words: Lexicon) -> bool:
    """True if a negation word precedes `index`, with only bridge words in between."""
    for position in range(index - 1, -1, -1):
        token = folded[position]
        if token in words.negations:
            return True
        if token not in words.negation_bridges:
            return False
    return False
