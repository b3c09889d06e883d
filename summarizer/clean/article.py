"""Raw input -> `CleanArticle`: the whole article, nothing but the article, as prose.

Pure: no I/O, no environment. HTML goes through trafilatura (see `_html`); pasted
text is taken as is. Both then get the same repairs, in this order:

1. Unicode: NFC, odd spaces to spaces, mojibake ("â€™") fixed, invisible
   characters dropped. Curly quotes stay as they are.
2. Page furniture out, line by line: newsletter prompts, photo credits, share
   and related-link lines, reading times, captions printed twice (`_boilerplate`).
3. Sentences broken across (blank) lines are rejoined; spaces lost between glued
   sentences are put back; a wire credit after the last full stop ("... 2023. AFP")
   goes (`_textrepair`).
4. One blank line between paragraphs.

The headline is not part of `text`: it is in `title`. Each character of `text`
remembers the raw-input offset it came from; `segments` stores that record and
`to_raw` reads it.
"""

from __future__ import annotations

import dataclasses
import datetime
import re

from pydantic import BaseModel

from summarizer.clean import boilerplate, repair
from summarizer.clean.fallback import is_script_notice, script_notice_message
from summarizer.clean.header import TextHeader, read_text_header
from summarizer.clean.html import extract_html
from summarizer.clean.html_offsets import visible_text
from summarizer.clean.language import Language, count_words, identify_language
from summarizer.clean.tracked import TrackedText, map_to_raw
from summarizer.errors import InputError
from summarizer.load import RawInput, checked_kind, load_text

_SHORT_ARTICLE_WORDS = 40
_DECLARED_ENCODINGS = ("utf-8", "ascii", "utf-16", "utf-32")  # the others were guessed


class CleanArticle(BaseModel):
    """The cleaned article and what is known about it.

    `segments` is the offset map back to `RawInput.text`: runs of
    `(clean_start, raw_start, length)`, each saying that
    `text[clean_start:clean_start + length]` was copied from
    `raw[raw_start:raw_start + length]`. Characters outside every run were made
    by the cleaner (a space that rejoins a broken sentence, a quote repaired
    from mojibake, "- " before a list item); `to_raw` maps a span that starts
    or ends on one to the raw text around it.
    """

    text: str
    title: str | None = None
    published: datetime.date | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None  # ISO 639-1, e.g. "en"; None when too short or unclear to tell
    language_confidence: float | None = None  # the language model's probability, 0..1
    warnings: list[str] = []
    segments: list[tuple[int, int, int]]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw-input span `(raw_start, raw_end)` of the clean span `text[start:end]`."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside the clean text (length {len(self.text)})")
        return map_to_raw(self.segments, start, end)


def clean(raw: RawInput | str, *, kind: str | None = None) -> CleanArticle:
    """Clean an article; `kind` ("text" or "html") overrides what `raw` says or sniffing finds."""
    if isinstance(raw, str):
        raw = load_text(raw, kind=kind)
    elif kind is not None and kind != raw.kind:
        raw = dataclasses.replace(raw, kind=checked_kind(kind))
    if raw.kind == "html":
        return _clean_html(raw)
    return _clean_text(raw)


def _clean_html(raw: RawInput) -> CleanArticle:
    extraction = extract_html(raw.text)
    if extraction is None:
        if is_script_notice(visible_text(raw.text)[0]):
            raise InputError(script_notice_message(raw.source), source=raw.source)
        raise InputError(
            f"{raw.source}: no article body found in the HTML by any extractor (ours, trafilatura, "
            "readability): a page shell, an index page or a script-rendered page? Save the rendered "
            "article page from the browser or paste its text",
            source=raw.source,
        )
    title = _one_line(extraction.title)
    body = _repair(_normalised(extraction.body), title=title)
    return _finish(
        raw,
        body,
        extra_warnings=list(extraction.warnings),
        title=title,
        published=_iso_date(extraction.date),
        author=_one_line(extraction.author),
        site=_one_line(extraction.site),
        url=extraction.url,
    )


def _clean_text(raw: RawInput) -> CleanArticle:
    tracked = _normalised(TrackedText.from_raw(raw.text))
    header: TextHeader = read_text_header(tracked.text)
    tracked = _drop_lines(tracked, header.lines)
    body = _repair(tracked, title=header.title)
    return _finish(
        raw, body, title=header.title, published=header.published, author=header.author, url=header.url
    )


def _normalised(tracked: TrackedText) -> TrackedText:
    return repair.tidy_whitespace(repair.normalise_unicode(tracked))


def _repair(tracked: TrackedText, *, title: str | None) -> TrackedText:
    tracked = _drop_lines(tracked, boilerplate.furniture(tracked.text.split("\n"), title))
    tracked = repair.rejoin_broken_sentences(tracked)
    tracked = repair.restore_glued_spaces(tracked)
    tracked = repair.drop_trailing_wire_credit(tracked)
    tracked = repair.tidy_whitespace(tracked)
    return repair.paragraphs_apart(tracked)


def _drop_lines(tracked: TrackedText, indexes: set[int]) -> TrackedText:
    if not indexes:
        return tracked
    edits = []
    for i, line in enumerate(re.finditer(r"[^\n]*\n?", tracked.text)):
        if i in indexes:
            edits.append((line.start(), line.end(), "\n" if line.group(0).endswith("\n") else ""))
    return tracked.splice(edits)


def _finish(raw: RawInput, body: TrackedText, extra_warnings: list[str] | None = None, **meta) -> CleanArticle:
    if not body.text.strip():
        raise InputError(
            f"{raw.source}: nothing but page furniture (menus, credits, sign-up prompts) is left "
            "after cleaning; check that it holds the article itself",
            source=raw.source,
        )
    if is_script_notice(body.text):
        raise InputError(script_notice_message(raw.source), source=raw.source)
    language = identify_language(body.text)
    return CleanArticle(
        text=body.text,
        language=language.code if language else None,
        language_confidence=language.confidence if language else None,
        warnings=(extra_warnings or []) + _warnings(raw, body.text, language),
        segments=body.segments(),
        **meta,
    )


def _warnings(raw: RawInput, text: str, language: Language | None) -> list[str]:
    warnings = []
    if language is not None and language.code != "en":
        warnings.append(
            f"non-English input detected (language: {language.code}, confidence {language.confidence:.2f}); "
            "extraction quality may suffer"
        )
    if raw.encoding not in _DECLARED_ENCODINGS:
        warnings.append(f"input was not UTF-8; decoded as {raw.encoding}")
    words = count_words(text)
    if words < _SHORT_ARTICLE_WORDS:
        warnings.append(f"very short article ({words} words); the summary will be thin")
    return warnings


def _iso_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split()) if value and value.strip() else None
