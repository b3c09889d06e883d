"""Gold files: one hand-labelled YAML per article (format in evals/README.md).

`load_gold` validates the structure (types, required fields, no unknown keys) and raises
`GoldError` naming the file and the field. `check_gold` then checks the content against
the article text: verbatim quotes and figure texts, holders that are participants, dates.
The two are separate so that a labeller sees every content problem at once, not the first.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from summarizer.schema import ParticipantKind


class GoldError(ValueError):
    """A gold file that cannot be read or does not fit the format."""


class _Strict(BaseModel):
    # Unknown keys are typos ("partcipants", "qoute") that would silently drop labels.
    model_config = ConfigDict(extra="forbid")


class GoldEvent(_Strict):
    description: str
    date: str | None = None
    location: str | None = None


class GoldParticipant(_Strict):
    name: str
    kind: ParticipantKind
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)


class GoldPosition(_Strict):
    holder: str
    stance: str
    quote: str


class GoldFigure(_Strict):
    value: float
    unit: str
    text: str
    measures: str


class Gold(_Strict):
    id: str
    article: str  # path of the article text, relative to the gold file
    # The page the pipeline is run on, when the article came as HTML (.html or .html.gz,
    # relative to the gold file); `article` is then the page's body text, for verbatim checks.
    html: str | None = None
    published: str | None = None
    event: GoldEvent
    participants: list[GoldParticipant]
    positions: list[GoldPosition] = Field(default_factory=list)
    figures: list[GoldFigure] = Field(default_factory=list)
    # The article text is not part of the file; load_gold fills it in.
    _text: str = PrivateAttr(default="")
    _html: str | None = PrivateAttr(default=None)

    @property
    def text(self) -> str:
        return self._text

    @property
    def html_text(self) -> str | None:
        """The page's HTML when the gold has one: what the pipeline is given instead of `text`."""
        return self._html

    def with_text(self, text: str, html: str | None = None) -> Gold:
        """This gold with its article text (and page HTML) attached (used by loaders and tests)."""
        gold = self.model_copy()
        gold._text = text
        gold._html = html
        return gold


def _field_path(loc: tuple) -> str:
    # ("participants", 2, "kind") -> "participants[2].kind"
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_gold(path: str | Path) -> Gold:
    """Read and validate one gold file and the article it points at."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}") from exc
    if not isinstance(data, dict):
        raise GoldError(f"{path}: expected a mapping at the top level, got {type(data).__name__}")
    try:
        gold = Gold.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{_field_path(e['loc'])}: {e['msg']}" for e in exc.errors())
        raise GoldError(f"{path}: {problems}") from exc
    if gold.id != path.stem:
        raise GoldError(f"{path}: id: {gold.id!r} must equal the file name {path.stem!r}")
    article = (path.parent / gold.article).resolve()
    try:
        text = article.read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldError(f"{path}: article: cannot read {article}: {exc}") from exc
    return gold.with_text(text, _read_html(path, gold.html) if gold.html else None)


def _read_html(path: Path, html: str) -> str:
    page = (path.parent / html).resolve()
    try:
        raw = page.read_bytes()
        return (gzip.decompress(raw) if page.suffix == ".gz" else raw).decode("utf-8", errors="replace")
    except (OSError, gzip.BadGzipFile) as exc:
        raise GoldError(f"{path}: html: cannot read {page}: {exc}") from exc


def load_suite(directory: str | Path) -> list[Gold]:
    """Every `*.yaml` gold file in a directory, sorted by id."""
    paths = sorted(Path(directory).glob("*.yaml"))
    if not paths:
        raise GoldError(f"{directory}: no *.yaml gold files")
    return [load_gold(p) for p in paths]


_ISO_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_UNIT = re.compile(r"^(?:[A-Z]{3}|percent|percentage_point|[a-z][a-z_ ]*)$")
_SCALES = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3,
           "crore": 1e7, "lakh": 1e5}  # South Asian news: "Rs 25 lakh" is 2,500,000 rupees
_AMOUNT = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SCALE = "trillion|billion|million|thousand|crore|lakh|tn|bn|m|k"
# A number with an optional scale word: "240.1 billion", "$12.9bn", "7 million".
_NUMBER = re.compile(rf"({_AMOUNT})\s?({_SCALE})?\b", re.I)
# A range's low end takes the scale written once after the high end: "$40-50 billion" is 40e9 to 50e9.
_RANGE_LOW = re.compile(rf"({_AMOUNT})\s?[-–]\s?{_AMOUNT}\s?({_SCALE})\b", re.I)


def _date_problem(field: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not _ISO_DATE.match(value):
        return f"{field}: {value!r} is not YYYY-MM-DD or YYYY-MM"
    try:
        dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        return f"{field}: {value!r} is not a real date"
    return None


def _value_fits_text(value: float, text: str) -> bool:
    """True when some number written in `text`, times its scale word, gives `value` (sign aside).

    Texts without digits ("hour-long", "seven") cannot be checked this way and pass.
    """
    numbers = [float(n.replace(",", "")) * _SCALES.get((scale or "").lower(), 1) for n, scale in _NUMBER.findall(text)]
    numbers += [float(n.replace(",", "")) * _SCALES[scale.lower()] for n, scale in _RANGE_LOW.findall(text)]
    return not numbers or any(abs(n - abs(value)) <= 0.005 * abs(value) + 1e-9 for n in numbers)


def check_gold(gold: Gold, text: str | None = None) -> list[str]:
    """Content problems in a gold, as readable lines; [] when it is clean."""
    text = gold.text if text is None else text
    dates = (_date_problem("published", gold.published), _date_problem("event.date", gold.event.date))
    problems = [p for p in dates if p]
    if gold.event.location and gold.event.location not in text:
        problems.append(f"event.location: {gold.event.location!r} is not in the article")
    names: dict[str, int] = {}
    for i, part in enumerate(gold.participants):
        for form in [part.name, *part.aliases]:
            if form.lower() not in text.lower():
                problems.append(f"participants[{i}]: {form!r} is not in the article")
            if form in names and names[form] != i:
                problems.append(f"participants[{i}]: {form!r} also names participants[{names[form]}]")
            names.setdefault(form, i)
    holders = {p.name for p in gold.participants}
    for i, pos in enumerate(gold.positions):
        if pos.holder not in holders:
            problems.append(f"positions[{i}].holder: {pos.holder!r} is not a participant name")
        if pos.quote not in text:
            problems.append(f"positions[{i}].quote: not verbatim in the article: {pos.quote!r}")
    for i, fig in enumerate(gold.figures):
        if fig.text not in text:
            problems.append(f"figures[{i}].text: not verbatim in the article: {fig.text!r}")
        if not _UNIT.match(fig.unit):
            problems.append(f"figures[{i}].unit: {fig.unit!r} is not an ISO code, percent or a plain noun")
        if not _value_fits_text(fig.value, fig.text):
            problems.append(f"figures[{i}].value: {fig.value:g} does not fit the text {fig.text!r}")
    return problems
