"""Align text extracted from HTML back onto the raw HTML it came from.

trafilatura returns plain text without offsets. We rebuild the page's visible
text (tags, comments, scripts and styles skipped; entities decoded) with the raw
offset of every character, then find the extracted words in it, in order. A
word found gets the raw offsets of its characters; a word not found (a "- "
bullet, a table bar) is marked as made up.
"""

from __future__ import annotations

import html
import re

from summarizer.clean.tracked import INSERTED, TrackedText

_HTML_TOKEN = re.compile(
    r"""<!--.*?(?:-->|$)
    | <(script|style|noscript|template|svg|head|title|textarea)\b[^>]*>.*?(?:</\1\s*>|$)
    | <!\[CDATA\[.*?(?:\]\]>|$)
    | <(/?)([a-zA-Z][\w:-]*)[^>]*>
    | <[!?][^>]*>
    | &(?:\#\d{1,7}|\#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?
    | [^<&]+
    | [<&]
    """,
    re.DOTALL | re.IGNORECASE | re.VERBOSE,
)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5"
    " h6 header hr li main nav ol p pre section table td th tr ul".split()
)
_LAYOUT_MARK = re.compile(r"^(?:[|*•-]|\|-[-|]*)$")  # table bars and bullets the extractor adds
_WORD_WINDOW = 400  # visible characters a word may sit beyond the previous one
_ANCHOR_WORDS = 4


def visible_text(raw: str) -> tuple[str, list[int]]:
    """The text a browser would show, and the raw offset of each of its characters."""
    chars: list[str] = []
    origin: list[int] = []
    for match in _HTML_TOKEN.finditer(raw):
        token = match.group(0)
        if token[0] == "<" and len(token) > 1:
            if match.group(3) and match.group(3).lower() in _BLOCK_TAGS:
                chars.append("\n")
                origin.append(INSERTED)
        elif token[0] == "&" and len(token) > 1:
            decoded = html.unescape(token)
            chars.append(decoded)
            origin.extend([INSERTED] * len(decoded))
        else:
            chars.append(token)
            origin.extend(range(match.start(), match.end()))
    return "".join(chars), origin


def align_to_html(text: str, raw: str) -> TrackedText:
    visible, visible_origin = visible_text(raw)
    origin = [INSERTED] * len(text)
    cursor = 0
    for line in re.finditer(r"[^\n]+", text):
        words = [
            (line.start() + m.start(), m.group(0))
            for m in re.finditer(r"\S+", line.group(0))
            if not _LAYOUT_MARK.match(m.group(0))
        ]
        start = _anchor(visible, words, cursor)
        if start is None:
            continue
        if visible.startswith(line.group(0), start):  # the common case: the line as on the page
            origin[line.start() : line.end()] = visible_origin[start : start + len(line.group(0))]
            cursor = start + len(line.group(0))
        else:
            cursor = _align_words(visible, visible_origin, words, start, origin, text)
    return TrackedText(text, tuple(origin))


def _anchor(visible: str, words: list[tuple[int, str]], cursor: int) -> int | None:
    """Where the line starts in the visible text: its first words, in a row.

    Looked for after the previous line first, then anywhere (extractors may
    move a block). A first word that is not on the page ("-" of a bullet) is skipped.
    """
    for skip in range(min(3, len(words))):
        head = [w for _, w in words[skip : skip + _ANCHOR_WORDS]]
        for start in (cursor, 0):
            found = _find_in_a_row(visible, head, start)
            if found is not None:
                return found
    return None


def _find_in_a_row(visible: str, head: list[str], start: int) -> int | None:
    hit = visible.find(head[0], start)
    while hit >= 0:
        pos = hit + len(head[0])
        for word in head[1:]:
            while pos < len(visible) and visible[pos].isspace():
                pos += 1
            if not visible.startswith(word, pos):
                break
            pos += len(word)
        else:
            return hit
        hit = visible.find(head[0], hit + 1)
    return None


def _align_words(
    visible: str,
    visible_origin: list[int],
    words: list[tuple[int, str]],
    cursor: int,
    origin: list[int],
    text: str,
) -> int:
    previous_end = None  # (clean end, visible end) of the last word found
    for clean_pos, word in words:
        hit = visible.find(word, cursor, cursor + len(word) + _WORD_WINDOW)
        if hit < 0:
            previous_end = None
            continue
        origin[clean_pos : clean_pos + len(word)] = visible_origin[hit : hit + len(word)]
        if previous_end is not None:
            _align_gap(text, visible, visible_origin, previous_end, (clean_pos, hit), origin)
        previous_end = (clean_pos + len(word), hit + len(word))
        cursor = hit + len(word)
    return cursor


def _align_gap(
    text: str,
    visible: str,
    visible_origin: list[int],
    left: tuple[int, int],
    right: tuple[int, int],
    origin: list[int],
) -> None:
    # A single space between two words maps to a single white character between
    # them on the page, so a sentence becomes one run instead of one per word.
    clean_gap = text[left[0] : right[0]]
    page_gap = visible[left[1] : right[1]]
    if len(clean_gap) == len(page_gap) == 1 and clean_gap.isspace() and page_gap.isspace():
        origin[left[0]] = visible_origin[left[1]]
