"""Versioned prompt files from `prompts/` (shipped in the wheel as `summarizer.prompts`).

A prompt file starts with a small front matter (`name`, `version`). Changing a prompt or the
schema means bumping its version; `prompt_version()` (prompt, candidate rules and schema
versions) goes into the cache key, the run log and every summary's meta.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from summarizer.schema import SCHEMA_VERSION

# The code around the model (the candidate quotes and numbers it is shown, and how ground.py
# reads its answer) shapes a summary as much as the prompt text: bump this when
# quotations.py, figures.py, find_candidates or ground.py's rules change.
CANDIDATE_RULES = 23  # 5: the spaCy backbone; 6: roles keep modifiers, an event line that inverts the lead is replaced;
# 7: event dates (dateline, background, spans, the article date), figures, attributions, participants, outlets;
# 8: the event place is the dateline's city; office nouns and name variants join their person;
# stance verbs keep their verb; figures pass figures.news.is_figure (no vague plurals);
# 9: named days and the day after the anchor; non-English text keeps no participants or positions;
# settings, glued names, furniture, data sources hold no position; dash signatures, office sources;
# sports results, ages, breakdowns, hyphenated kinds, European money; titled offices, mixed-case datelines
# 10: rules that lifted only the tune half reverted (sports results, scored N times, breakdowns,
# furniture, org-modified groups, surname merges, titled offices, mixed-case datelines, office
# sources, dash signatures, the day after the anchor); cues, clause and relative-clause bounds,
# nearest subject; background countries, term acronyms, institutions; 'and a half', currencies, units
# 11: a stance's object ends before a comma-set aside, a claim before a who/which clause on a name;
# an attribution inside another's quoted content is dropped
# 12: ASCII doubled quote marks (''…'', ``…'') quote; a single mark is never half of such a pair
# 13: cue lemmas that lost a silent 'e'; a direct quote outside its cue's clause is its own; figures:
# 'PS4,' is a console, '4K'/'5300M' names, '80-percent' and 'horsepower' units
# 14: a glued word written more than once is a word ('PolitiFact', not 'Politi'); 15: 14 reverted
# (it lifted PolNeAR's tune half only); 16: a person's surname the NER missed joins their full name
# 17: a date written before 1900 or after 2099 is kept as written, never resolved; 18: a "person" whose
# name holds a digit is no participant; 19: a surname is the name's last word, not its suffix ('Jr.')
# 20: a group's hyphened modifier is kept whole ('Washington-based analysts')
# 21: measures from the counted noun and its verb (candidates/measures.py), ages as 'age of X'
# 22: a stance leaves out a reporting cue ('said') and a cue its content already opens with
# 23: a capital that acts joins its country when the text names it ('Beijing' an alias of China)

_FRONT = re.compile(r"\A---\n(?P<head>.*?)\n---\n", re.S)


@dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    text: str


@cache
def load_prompt(filename: str) -> Prompt:
    raw = _prompt_dir().joinpath(filename).read_text(encoding="utf-8")
    head: dict[str, str] = {}
    match = _FRONT.match(raw)
    if match:
        for line in match.group("head").splitlines():
            key, _, value = line.partition(":")
            head[key.strip()] = value.strip()
        raw = raw[match.end() :]
    return Prompt(head.get("name", filename), int(head.get("version", "1")), raw.strip() + "\n")


def _prompt_dir():
    """Installed: the `summarizer.prompts` package. From a source checkout: the repo's prompts/."""
    try:
        return resources.files("summarizer.prompts")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[1] / "prompts"


@cache
def load_sections(filename: str) -> dict[str, str]:
    """A prompt file split at its `## name` headings: {"system": ..., "article": ..., ...}."""
    sections: dict[str, str] = {}
    for block in re.split(r"^## ", load_prompt(filename).text, flags=re.M):
        if block.strip():
            name, _, body = block.partition("\n")
            sections[name.strip()] = body.strip() + "\n"
    return sections


def prompt_version() -> str:
    """The version recorded in meta, the cache key and the run log."""
    prompt = load_prompt("extract_v2.md")
    return f"{prompt.name}-v{prompt.version}+rules-{CANDIDATE_RULES}+schema-{SCHEMA_VERSION}"
