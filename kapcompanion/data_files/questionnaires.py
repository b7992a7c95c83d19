"""Standard self-report questionnaires (PHQ-9, GAD-7, PCL-5 and the WHO-5 Well-Being Index),
kept as data and scored exactly as published.

The item wording, options, bands, clusters, the screening cut-point, the published change
thresholds (see kapcompanion.course.change) and their citations live in
resources/questionnaires/ and are validated when loaded. Scoring never turns a missing answer
into a zero: an incomplete check-in has no total and says which items are missing (no
prorating). Nothing here diagnoses; the words for a band describe a range, not a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from kapcompanion.data_files.resource_files import ResourceError, load_json_resource, resource_path

FORMAT = "kap-companion/questionnaire"
FORMAT_VERSION = 2  # 2: change thresholds with citations; "screening_cut_point"
INSTRUMENTS = ("phq9", "gad7", "pcl5", "who5")


@dataclass(frozen=True)
class Option:
    value: int
    label: str


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    safety_flag_above: int | None = None


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    label: str
    words: str
    # A gentle suggestion shown with a result in this band (WHO-5 at or below 50), or "".
    suggestion: str = ""


@dataclass(frozen=True)
class Cluster:
    key: str
    name: str
    items: tuple[int, ...]
    needed: int


@dataclass(frozen=True)
class Citation:
    """Where a published figure comes from, and what of it was checked (and what was not)."""

    authors: str
    year: int | None  # None: the source is undated (the WHO-5 scoring instructions)
    title: str
    published_in: str
    doi: str | None  # None: not verified, so not given
    checked: str


class ThresholdKind(StrEnum):
    POINTS = "points"  # the published score moved by at least `value` points, either way
    PERCENT_IMPROVEMENT = "percent_improvement"  # improved by at least `value` % of the first
    BELOW = "below"  # the latest score is below `value`, having started at or above it


@dataclass(frozen=True)
class ChangeThreshold:
    key: str
    kind: ThresholdKind
    value: int  # in points of the published score (WHO-5: of 0–100), or a percentage
    label: str  # for the clinician's page: "the 5-point minimal clinically important difference"
    citation: Citation


@dataclass(frozen=True)
class CutPoint:
    """A screening cut-point (PCL-5's 31–33): a reason to talk it over, never a diagnosis."""

    low: int
    high: int
    words: str
    citation: Citation


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: int
    name: str
    title: str
    measures: str
    source: str
    licence: str
    recall_period: str
    instructions: str
    options: tuple[Option, ...]
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    clusters: tuple[Cluster, ...]
    symptom_threshold: int | None
    screening_cut_point: CutPoint | None
    change_words: str
    extra_question: str
    extra_options: tuple[Option, ...]
    # The published score is the raw total times this (WHO-5: 0–25 raw, ×4 gives 0–100).
    multiplier: int = 1
    higher_is_better: bool = False  # a well-being measure, unlike the symptom measures
    change_thresholds: tuple[ChangeThreshold, ...] = ()

    @property
    def max_total(self) -> int:
        return max(option.value for option in self.options) * len(self.items)

    @property
    def max_scaled_total(self) -> int:
        """The highest score as published (WHO-5: 100)."""
        return self.max_total * self.multiplier

    def band_for(self, total: int) -> Band | None:
        return next((band for band in self.bands if band.low <= total <= band.high), None)


@dataclass(frozen=True)
class ClusterScore:
    cluster: Cluster
    score: int
    symptoms: int  # items rated at or above the symptom threshold

    @property
    def met(self) -> bool:
        return self.symptoms >= self.cluster.needed


@dataclass(frozen=True)
class Score:
    """The result of one check-in. `total` is None while any item is unanswered."""

    questionnaire: Questionnaire
    total: int | None
    missing: tuple[int, ...]
    band: Band | None
    clusters: tuple[ClusterScore, ...]
    safety_flags: tuple[int, ...]  # item numbers answered above their safety threshold

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def symptom_rule_met(self) -> bool | None:
        """PCL-5's DSM-5 symptom pattern (never a diagnosis); None when it does not apply."""
        if not self.clusters or not self.complete:
            return None
        return all(cluster.met for cluster in self.clusters)

    @property
    def scaled_total(self) -> int | None:
        """The total as the instrument publishes it (the raw total times its multiplier)."""
        return None if self.total is None else self.total * self.questionnaire.multiplier

    @property
    def cut_point_side(self) -> int | None:
        """-1 below, 0 at, 1 above the screening cut-point; None without a total or cut-point."""
        cut_point = self.questionnaire.screening_cut_point
        if cut_point is None or self.total is None:
            return None
        return cut_point_side(cut_point, self.total)


def cut_point_side(cut_point: CutPoint, total: int) -> int:
    """-1 below, 0 at (inside the published range), 1 above a screening cut-point."""
    return -1 if total < cut_point.low else (1 if total > cut_point.high else 0)


def score(questionnaire: Questionnaire, answers: dict[int, int]) -> Score:
    """Score `answers` (item number → option value) as the instrument's authors publish."""
    allowed = {option.value for option in questionnaire.options}
    numbers = {item.number for item in questionnaire.items}
    for number, value in answers.items():
        if number not in numbers:
            raise ValueError(f"{questionnaire.name} has no item {number}.")
        if value not in allowed:
            raise ValueError(f"{value} is not an answer to {questionnaire.name} item {number}.")
    missing = tuple(item.number for item in questionnaire.items if item.number not in answers)
    total = None if missing else sum(answers[item.number] for item in questionnaire.items)
    threshold = questionnaire.symptom_threshold
    clusters = tuple(
        ClusterScore(
            cluster,
            score=sum(answers.get(number, 0) for number in cluster.items),
            symptoms=sum(
                1
                for number in cluster.items
                if threshold is not None and answers.get(number, -1) >= threshold
            ),
        )
        for cluster in questionnaire.clusters
    )
    flags = tuple(
        item.number
        for item in questionnaire.items
        if item.safety_flag_above is not None
        and answers.get(item.number, -1) > item.safety_flag_above
    )
    return Score(
        questionnaire=questionnaire,
        total=total,
        missing=missing,
        band=None if total is None else questionnaire.band_for(total),
        clusters=clusters,
        safety_flags=flags,
    )


# Loading and validating ---------------------------------------------------------------------


def _options(raw: Any, where: str) -> tuple[Option, ...]:
    if not isinstance(raw, list) or not raw:
        raise ResourceError(f'{where}: "options" must be a non-empty list.')
    options = []
    for entry in raw:
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("value"), int)
            and isinstance(entry.get("label"), str)
            and entry["label"]
        ):
            raise ResourceError(f"{where}: every option needs a whole-number value and a label.")
        options.append(Option(entry["value"], entry["label"]))
    return tuple(options)


def _text(raw: dict[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ResourceError(f'{where}: "{key}" must be a non-empty text.')
    return value


def _whole(raw: dict[str, Any], key: str, where: str) -> int:
    value = raw.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ResourceError(f'{where}: "{key}" must be a whole number of 0 or more.')
    return value


def _citation(raw: Any, where: str) -> Citation:
    where = f"{where}, citation"
    if not isinstance(raw, dict):
        raise ResourceError(f'{where}: "citation" must be an object.')
    year = raw.get("year")
    if year is not None and not (isinstance(year, int) and 1900 <= year <= 2100):
        raise ResourceError(f'{where}: "year" must be a year or null.')
    doi = raw.get("doi")
    if doi is not None and not (isinstance(doi, str) and doi.startswith("10.")):
        raise ResourceError(f'{where}: "doi" must start with "10." or be null.')
    return Citation(
        authors=_text(raw, "authors", where),
        year=year,
        title=_text(raw, "title", where),
        published_in=_text(raw, "published_in", where),
        doi=doi,
        checked=_text(raw, "checked", where),
    )


def _thresholds(raw: Any, where: str) -> tuple[ChangeThreshold, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ResourceError(f'{where}: "change_thresholds" must be a list.')
    thresholds = []
    for position, entry in enumerate(raw, start=1):
        at = f"{where}, change_thresholds {position}"
        if not isinstance(entry, dict):
            raise ResourceError(f"{at}: must be an object.")
        try:
            kind = ThresholdKind(str(entry.get("kind")))
        except ValueError:
            kinds = ", ".join(f'"{k.value}"' for k in ThresholdKind)
            raise ResourceError(f'{at}: "kind" must be one of {kinds}.') from None
        value = _whole(entry, "value", at)
        if value == 0 or (kind is ThresholdKind.PERCENT_IMPROVEMENT and value > 100):
            raise ResourceError(f'{at}: "value" is out of range.')
        thresholds.append(
            ChangeThreshold(
                key=_text(entry, "key", at),
                kind=kind,
                value=value,
                label=_text(entry, "label", at),
                citation=_citation(entry.get("citation"), at),
            )
        )
    if len({t.key for t in thresholds}) != len(thresholds):
        raise ResourceError(f'{where}: every change threshold needs its own "key".')
    return tuple(thresholds)


def _cut_point(raw: Any, highest: int, where: str) -> CutPoint | None:
    if raw is None:
        return None
    at = f"{where}, screening_cut_point"
    if not isinstance(raw, dict):
        raise ResourceError(f"{at}: must be an object.")
    low, high = _whole(raw, "min", at), _whole(raw, "max", at)
    if not low <= high <= highest:
        raise ResourceError(f'{at}: "min" and "max" must lie in order within 0–{highest}.')
    return CutPoint(low, high, _text(raw, "words", at), _citation(raw.get("citation"), at))


def parse_questionnaire(data: Any, where: str) -> Questionnaire:
    """Check one instrument file; raise ResourceError naming the file and the problem."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResourceError(f'{where}: "format" must be "{FORMAT}".')
    if data.get("format_version") != FORMAT_VERSION:
        raise ResourceError(f'{where}: "format_version" must be {FORMAT_VERSION}.')
    for key in ("id", "name", "title", "source", "licence", "recall_period", "instructions"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise ResourceError(f'{where}: "{key}" must be a non-empty text.')
    options = _options(data.get("options"), where)
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise ResourceError(f'{where}: "items" must be a non-empty list.')
    items = []
    for position, entry in enumerate(raw_items, start=1):
        if not (
            isinstance(entry, dict)
            and entry.get("number") == position
            and isinstance(entry.get("text"), str)
            and entry["text"].strip()
        ):
            raise ResourceError(f'{where}: item {position} needs "number": {position} and a text.')
        items.append(Item(position, entry["text"], entry.get("safety_flag_above")))
    scoring = data.get("scoring")
    if not isinstance(scoring, dict) or scoring.get("total") != "sum":
        raise ResourceError(f'{where}: "scoring" must say "total": "sum".')
    bands = tuple(
        Band(band["min"], band["max"], band["label"], band["words"], band.get("suggestion", ""))
        for band in scoring.get("bands", [])
    )
    highest = max(o.value for o in options) * len(items)
    if bands:
        covered = sorted((band.low, band.high) for band in bands)
        expected = 0
        for low, high in covered:
            if low != expected or high < low:
                raise ResourceError(f"{where}: the bands must cover every total without gaps.")
            expected = high + 1
        if expected != highest + 1:
            raise ResourceError(f"{where}: the bands must reach the highest total, {highest}.")
    clusters = tuple(
        Cluster(c["key"], c["name"], tuple(c["items"]), int(c["needed"]))
        for c in scoring.get("clusters", [])
    )
    in_clusters = sorted(n for c in clusters for n in c.items)
    if clusters and in_clusters != list(range(1, len(items) + 1)):
        raise ResourceError(f"{where}: the clusters must hold every item exactly once.")
    if "reference_range" in scoring:
        raise ResourceError(f'{where}: "reference_range" is now "screening_cut_point".')
    extra = data.get("extra_question") or {}
    multiplier = scoring.get("multiplier", 1)
    if not isinstance(multiplier, int) or isinstance(multiplier, bool) or multiplier < 1:
        raise ResourceError(f'{where}: "multiplier" must be a whole number of 1 or more.')
    higher_is_better = scoring.get("higher_is_better", False)
    if not isinstance(higher_is_better, bool):
        raise ResourceError(f'{where}: "higher_is_better" must be true or false.')
    return Questionnaire(
        id=data["id"],
        version=int(data.get("version", 1)),
        name=data["name"],
        title=data["title"],
        measures=str(data.get("measures", "")),
        source=data["source"],
        licence=data["licence"],
        recall_period=data["recall_period"],
        instructions=data["instructions"],
        options=options,
        items=tuple(items),
        bands=bands,
        clusters=clusters,
        symptom_threshold=scoring.get("symptom_threshold"),
        screening_cut_point=_cut_point(scoring.get("screening_cut_point"), highest, where),
        change_words=(scoring.get("change_guidance") or {}).get("words", ""),
        extra_question=extra.get("text", ""),
        extra_options=_options(extra["options"], where) if extra else (),
        multiplier=multiplier,
        higher_is_better=higher_is_better,
        change_thresholds=_thresholds(data.get("change_thresholds"), where),
    )


@cache
def questionnaire(instrument: str) -> Questionnaire:
    """One of PHQ-9, GAD-7, PCL-5 or WHO-5, from resources/questionnaires/<id>.json."""
    if instrument not in INSTRUMENTS:
        raise KeyError(f"No questionnaire called {instrument!r}.")
    parts = ("questionnaires", f"{instrument}.json")
    loaded = parse_questionnaire(load_json_resource(*parts), str(resource_path(*parts)))
    if loaded.id != instrument:
        raise ResourceError(f'{resource_path(*parts)}: "id" should be "{instrument}".')
    return loaded


def all_questionnaires() -> tuple[Questionnaire, ...]:
    return tuple(questionnaire(instrument) for instrument in INSTRUMENTS)
