"""Reflection prompt sets, kept as data in resources/prompts/<phase>.json and validated on load.

A prompt set has an id, a version and a phase, and a list of prompts (id, text, optional hint).
Answers store the prompt text they were written to, so editing a file later never changes what
an old reflection shows. The format is documented in docs/prompt-sets.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kapcompanion.data_files.resource_files import ResourceError, load_json_resource, resource_path
from kapcompanion.domain import Phase

FORMAT = "kap-companion/prompt-set"
FORMAT_VERSION = 1
MIN_PROMPTS = 1
_PROMPT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str
    hint: str = ""


@dataclass(frozen=True)
class PromptSet:
    id: str
    version: int
    phase: Phase
    title: str
    introduction: str
    prompts: tuple[Prompt, ...]

    def prompt(self, prompt_id: str) -> Prompt:
        for prompt in self.prompts:
            if prompt.id == prompt_id:
                return prompt
        raise KeyError(f"Prompt set {self.id} has no prompt {prompt_id!r}.")

    def position(self, prompt_id: str) -> int:
        return self.prompts.index(self.prompt(prompt_id))


def _text(data: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ResourceError(f'{where}: "{key}" must be a non-empty piece of text.')
    return value.strip()


def parse_prompt_set(data: Any, where: Path) -> PromptSet:
    """Check one prompt set's structure; raise ResourceError naming the file and the problem."""
    if not isinstance(data, dict):
        raise ResourceError(f"{where}: expected a JSON object.")
    if data.get("format") != FORMAT:
        raise ResourceError(f'{where}: "format" must be "{FORMAT}".')
    if data.get("format_version") != FORMAT_VERSION:
        raise ResourceError(
            f'{where}: "format_version" {data.get("format_version")!r} '
            f"is not one this version reads ({FORMAT_VERSION})."
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ResourceError(f'{where}: "version" must be a whole number from 1.')
    try:
        phase = Phase(str(data.get("phase")))
    except ValueError:
        allowed = ", ".join(p.value for p in Phase)
        raise ResourceError(f'{where}: "phase" must be one of {allowed}.') from None
    raw_prompts = data.get("prompts")
    if not isinstance(raw_prompts, list) or len(raw_prompts) < MIN_PROMPTS:
        raise ResourceError(f'{where}: "prompts" must be a non-empty list.')
    prompts: list[Prompt] = []
    for number, raw in enumerate(raw_prompts, start=1):
        here = f"{where}, prompt {number}"
        if not isinstance(raw, dict):
            raise ResourceError(f'{here}: expected an object with "id" and "text".')
        prompt_id = raw.get("id")
        if not isinstance(prompt_id, str) or not _PROMPT_ID.match(prompt_id):
            raise ResourceError(f'{here}: "id" must be lowercase words joined by hyphens.')
        prompts.append(
            Prompt(prompt_id, _text(raw, "text", here), _text(raw, "hint", here, required=False))
        )
    ids = [prompt.id for prompt in prompts]
    duplicates = sorted({prompt_id for prompt_id in ids if ids.count(prompt_id) > 1})
    if duplicates:
        raise ResourceError(f"{where}: prompt id {duplicates[0]!r} appears more than once.")
    return PromptSet(
        id=_text(data, "id", str(where)),
        version=version,
        phase=phase,
        title=_text(data, "title", str(where)),
        introduction=_text(data, "introduction", str(where), required=False),
        prompts=tuple(prompts),
    )


@cache
def prompt_set_for(phase: Phase) -> PromptSet:
    """The prompt set shipped for `phase`, from resources/prompts/<phase>.json."""
    parts = ("prompts", f"{Phase(phase).value}.json")
    prompt_set = parse_prompt_set(load_json_resource(*parts), resource_path(*parts))
    if prompt_set.phase != phase:
        raise ResourceError(
            f'{resource_path(*parts)}: "phase" says {prompt_set.phase.value}, '
            f"but the file is for {Phase(phase).value}."
        )
    return prompt_set
