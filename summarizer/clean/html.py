"""Main content of an HTML page: trafilatura, plus what it is known to miss.

trafilatura (precision mode, comments off) finds the article body. Two general
gaps are then filled from the page's own structure:

* a body split into several sibling containers of the same class (an ad slot
  between them): trafilatura keeps the first; the others are added;
* embedded social posts (tweets, Instagram) inside the article: they are part
  of the story, often the very statements it reports.

When precision mode finds no prose at all, `fallback` asks other extractors
(trafilatura in recall mode, readability-lxml) before the page is refused.

The result is aligned back onto the raw HTML (see `_align`), so each character
of the extracted text knows the raw offset it came from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html
from trafilatura.utils import load_html

from summarizer.clean.boilerplate import fold, is_boilerplate
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
    tree = load_html(raw)  # parsed once: trafilatura copies it, the recovery below reads it
    if tree is None:
        return None  # lxml cannot make a tree of it
    document = trafilatura.bare_extraction(
        tree, favor_precision=True, include_comments=False, include_tables=True, with_metadata=True
    )
    lines = (_field(document, "text") or "").split("\n")
    warnings: tuple[str, ...] = ()
    if has_prose(lines):
        lines = _recover_missed_blocks(tree, lines)
    else:  # nothing but menus and labels: trafilatura fell back to the page's bare text
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


# --- Recovering what trafilatura skipped ----------------------------------------

_BODY_CLASS = re.compile(r"article|body|content|entry|main|post|story|text", re.IGNORECASE)
_NOT_BODY_CLASS = re.compile(
    r"comment|related|share|social|promo|footer|sidebar|widget|newsletter|recommend|teaser|nav"
    r"|advert|(?<![a-z])ads?(?![a-z])",
    re.IGNORECASE,
)
_SOCIAL_EMBED = (
    "//blockquote[contains(@class,'twitter-tweet') or contains(@class,'instagram-media')"
    " or contains(@class,'tiktok-embed') or contains(@class,'bluesky-embed')]"
)
_MIN_BLOCK_WORDS = 5


def _recover_missed_blocks(tree: lxml_html.HtmlElement, lines: list[str]) -> list[str]:
    order = {element: i for i, element in enumerate(tree.iter())}
    by_text: dict[str, lxml_html.HtmlElement] = {}
    for paragraph in tree.iter("p", "blockquote", "li"):
        by_text.setdefault(fold(_block_text(paragraph)), paragraph)
    anchors = [(i, by_text.get(fold(line))) for i, line in enumerate(lines)]
    anchored = [(i, el) for i, el in anchors if el is not None and len(lines[i].split()) >= 3]
    if len(anchored) < 2:
        return lines
    extracted = fold("\n".join(lines))
    positions = [order[el] for _, el in anchored]
    missed = _split_body_blocks(tree, [el for _, el in anchored]) + _social_embeds(
        tree, order, min(positions), max(positions)
    )
    missed = [el for el in missed if fold(_block_text(el)) not in extracted]
    if not missed:
        return lines
    return _insert_in_page_order(lines, anchored, missed, order)


def _split_body_blocks(
    tree: lxml_html.HtmlElement, anchored: list[lxml_html.HtmlElement]
) -> list[lxml_html.HtmlElement]:
    signatures = Counter((el.getparent().tag, el.getparent().get("class")) for el in anchored)
    (tag, css_class), count = signatures.most_common(1)[0]
    if count < 2 or not css_class or not _BODY_CLASS.search(css_class) or _NOT_BODY_CLASS.search(css_class):
        return []
    holders = set(el.getparent() for el in anchored)
    found = []
    for container in tree.iter(tag):
        if container.get("class") != css_class or container in holders:
            continue
        for paragraph in container.iter("p"):
            text = _block_text(paragraph)
            if len(text.split()) >= _MIN_BLOCK_WORDS and not is_boilerplate(text):
                found.append(paragraph)
    return found


def _social_embeds(
    tree: lxml_html.HtmlElement, order: dict, first: int, last: int
) -> list[lxml_html.HtmlElement]:
    # Only embeds between the first and last extracted paragraph belong to the story.
    return [el for el in tree.xpath(_SOCIAL_EMBED) if first < order.get(el, -1) < last]


def _insert_in_page_order(
    lines: list[str],
    anchored: list[tuple[int, lxml_html.HtmlElement]],
    missed: list[lxml_html.HtmlElement],
    order: dict,
) -> list[str]:
    after_line: dict[int, list[str]] = {}
    for element in sorted(missed, key=lambda el: order[el]):
        preceding = [i for i, el in anchored if order[el] < order[element]]
        slot = preceding[-1] if preceding else -1
        after_line.setdefault(slot, []).append(_block_text(element))
    merged = list(after_line.get(-1, []))
    for i, line in enumerate(lines):
        merged.append(line)
        merged.extend(after_line.get(i, []))
    return merged


def _block_text(element: lxml_html.HtmlElement) -> str:
    """Visible text of a block, a line per <br> or nested paragraph."""
    parts: list[str] = []

    def walk(node: lxml_html.HtmlElement) -> None:
        if not isinstance(node.tag, str) or node.tag in ("script", "style"):
            return  # comments and processing instructions have no visible text
        if node.tag in ("br", "p") and parts:
            parts.append("\n")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")

    walk(element)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
