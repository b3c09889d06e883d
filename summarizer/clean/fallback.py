"""When our rules find no article body: other extractors, then a clear refusal.

A page that a standard extractor reads must never be refused (issue 15), so the
chain is trafilatura in recall mode (it keeps blocks precision mode drops), then
readability-lxml (an independent, score-based extractor). Whichever answers is
named in a warning, since its output has not had our checks.

A page is refused only when every extractor finds nothing; a page whose only
text is an "enable JavaScript" or cookie notice was rendered by scripts, and the
fix is to save the rendered page, which the error says.
"""

from __future__ import annotations

import re

import trafilatura
from lxml import html as lxml_html

MIN_PROSE_WORDS = 6  # a line this long reads as a sentence, not a menu item or label

# A notice that stands in for the article on pages rendered by scripts, or behind a consent wall.
_SCRIPT_NOTICE = re.compile(
    r"""enable\ javascript | javascript\ (?:is\ )?(?:disabled|required|turned\ off|must\ be\ enabled)
    | (?:turn\ on|activate|switch\ on|allow)\ javascript | browser\ (?:does\ not|doesn't)\ support
    | (?:we\ use|this\ (?:site|website)\ uses)\ cookies | accept\ (?:all\ )?cookies
    | cookie\ (?:policy|settings|consent)
    | unsupported\ browser | upgrade\ your\ browser""",
    re.IGNORECASE | re.VERBOSE,
)
_NOTICE_MAX_OTHER_WORDS = 20  # words outside notice lines: a title and a button or two, never a story
_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre td dd dt div".split())


def has_prose(lines: list[str]) -> bool:
    return any(len(line.split()) >= MIN_PROSE_WORDS for line in lines)


def fallback_lines(tree: lxml_html.HtmlElement, raw: str) -> tuple[list[str], str] | None:
    """Body lines from the first other extractor that finds prose, and its name; None if none does."""
    recall = trafilatura.extract(tree, favor_recall=True, include_comments=False, include_tables=True)
    lines = (recall or "").split("\n")
    if has_prose(lines):
        return lines, "trafilatura (recall mode)"
    lines = _readability_lines(raw)
    if has_prose(lines):
        return lines, "readability-lxml"
    return None


def _readability_lines(raw: str) -> list[str]:
    from readability import Document  # type: ignore[import-untyped]  # imported here: only pages our rules cannot read need it

    try:
        summary = Document(raw).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - readability raises bare Exception subclasses on odd markup
        return []
    tree = lxml_html.fromstring(summary) if summary.strip() else None
    if tree is None:
        return []
    lines = []
    for block in tree.iter(*_BLOCKS):
        if any(inner.tag in _BLOCKS for inner in block.iterdescendants()):
            continue  # a wrapper: the blocks inside it give the lines
        text = " ".join(block.text_content().split())
        if text:
            lines.append(text)
    return lines


def is_script_notice(text: str) -> bool:
    """Text that is nothing but an "enable JavaScript" or cookie notice (a title and buttons aside).

    Judged by what is left without the notice lines, so that a story that mentions cookies stays."""
    lines = [line for line in text.split("\n") if line.strip()]
    notice = [bool(_SCRIPT_NOTICE.search(line)) for line in lines]
    other_words = sum(len(line.split()) for line, is_notice in zip(lines, notice, strict=True) if not is_notice)
    return any(notice) and other_words <= _NOTICE_MAX_OTHER_WORDS


def script_notice_message(source: str) -> str:
    return (
        f"{source}: the page's only text is an 'enable JavaScript' or cookie notice: it is rendered by "
        "scripts, so the saved HTML holds no article; open it in a browser, let it load, and save the "
        "rendered page (File > Save Page As) or paste the article text"
    )
