"""Main content of an HTML page: trafilatura, and other extractors when it finds nothing.

trafilatura (precision mode, comments off) finds the article body.

Removed under the tune/check protocol (issue 15): re-adding paragraphs from
sibling containers of the same class, and embedded social posts, after
trafilatura. Each helped one tune page (+0.005 and +0.003 tune F1) and no check
page. Filling gaps from trafilatura's recall mode instead (prose lines between
the first and last precision lines) gained +0.0006 on tune for a second
extraction per page, so it is not done either.

When precision mode finds no prose at all, `fallback` asks other extractors
(trafilatura in recall mode, readability-lxml) before the page is refused.

The result is aligned back onto the raw HTML (see `_align`), so each character
of the extracted text knows the raw offset it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from trafilatura.utils import load_html

from summarizer.clean.fallback import fallback_lines, has_prose
from summarizer.clean.html_offsets import align_to_html
from summarizer.clean.tracked import TrackedText


@dataclass(frozen=True)
class Extraction:
    body: TrackedText
    title: str | None
    author: str | None
    date: str | None
    site: str | None
    url: str | None
    warnings: tuple[str, ...] = ()


def extract_html(raw: str) -> Extraction | None:
    """The article in `raw`, or None when no extractor finds an article body in the page."""
    tree = load_html(raw)  # parsed once: trafilatura copies it, the fallbacks read it
    if tree is None:
        return None  # lxml cannot make a tree of it
    document = trafilatura.bare_extraction(
        tree, favor_precision=True, include_comments=False, include_tables=True, with_metadata=True
    )
    lines = (_field(document, "text") or "").split("\n")
    warnings: tuple[str, ...] = ()
    if not has_prose(lines):  # nothing but menus and labels: trafilatura fell back to the page's bare text
        found = fallback_lines(tree, raw)
        if found is None:
            return None
        lines, extractor = found
        warnings = (f"no article body found by the usual rules; the text is {extractor}'s extraction",)
    return Extraction(
        body=align_to_html("\n".join(lines), raw),
        title=_field(document, "title"),
        author=_field(document, "author"),
        date=_field(document, "date"),
        site=_field(document, "sitename"),
        url=_field(document, "url"),
        warnings=warnings,
    )


def _field(document: object, name: str) -> str | None:
    return getattr(document, name, None) or None
