"""Character- and sentence-level repairs of article text, on `TrackedText`.

Each function takes and returns a `TrackedText`, so offsets back to the raw
input survive every repair. None of them changes what a quote says: curly
quotes stay curly, only broken encodings and invisible characters are fixed.
"""

from __future__ import annotations

import re
import unicodedata

from summarizer.candidates.lexicon import DIRECTION_MARKS, INVISIBLE
from summarizer.clean.boilerplate import WIRE_CREDITS
from summarizer.clean.tracked import TrackedText

# --- Unicode ---------------------------------------------------------------

# UTF-8 read as cp1252 or Latin-1 ("â€™" for "’", "Ã©" for "é"). Only the lead bytes that
# real mojibake starts with: punctuation (â), Latin-1 (Â, Ã), Greek (Î, Ï),
# Cyrillic (Ð, Ñ) and emoji (ð); a rarer lead is likelier to be real text.
_CONT = (  # what bytes 0x80-0xBF turn into when read as cp1252 or as Latin-1
    "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178\x80-\xbf"
)
_MOJIBAKE = re.compile(f"[ÂÃÎÏÐÑ][{_CONT}]|â[{_CONT}]{{2}}|ð[{_CONT}]{{3}}")

# Invisible characters and direction marks, and the C0 controls other than tab, newline and CR.
# Joiners stay: they shape Indic and Persian script and emoji.
_INVISIBLE = re.compile("[" + "".join(sorted(INVISIBLE | DIRECTION_MARKS)) + "\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ODD_SPACE = re.compile("[\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_COMBINING_RUN = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.S)


def normalise_unicode(tt: TrackedText) -> TrackedText:
    """NFC, line breaks, odd spaces to spaces, mojibake, invisible characters out."""
    tt = tt.sub(_LINE_BREAK, "\n")
    for _ in range(2):  # twice: text can be mis-decoded twice ("Ã\x83Â§" -> "Ã§" -> "ç")
        tt = tt.sub(_MOJIBAKE, _unmojibake)
    tt = tt.sub(_INVISIBLE, "")
    tt = tt.sub(_ODD_SPACE, " ")
    if not unicodedata.is_normalized("NFC", tt.text):
        tt = tt.sub(_COMBINING_RUN, lambda m: unicodedata.normalize("NFC", m.group(0)))
        tt = tt.sub(re.compile(r"[^\x00-\u02ff]"), lambda m: unicodedata.normalize("NFC", m.group(0)))
    return tt


def _unmojibake(match: re.Match[str]) -> str:
    text = match.group(0)
    try:
        raw = b"".join(_cp1252_byte(c) for c in text)
        return raw.decode("utf-8")
    except (UnicodeError, ValueError):
        return text


def _cp1252_byte(char: str) -> bytes:
    try:
        return char.encode("cp1252")
    except UnicodeEncodeError:
        return char.encode("latin-1")  # the five bytes cp1252 leaves undefined


# --- Whitespace and paragraphs ----------------------------------------------

_SPACE_RUN = re.compile(r" {2,}")
_LINE_EDGE_SPACE = re.compile(r" +(?=\n)|(?<=\n) +|^ +| +$")
_BREAK_RUN = re.compile(r"\n(?:[ \n]*\n)?")


def tidy_whitespace(tt: TrackedText) -> TrackedText:
    tt = tt.sub(_SPACE_RUN, " ")
    return tt.sub(_LINE_EDGE_SPACE, "")


def paragraphs_apart(tt: TrackedText) -> TrackedText:
    """One blank line between paragraphs, none at either end."""
    tt = tt.sub(_BREAK_RUN, "\n\n")
    return tt.sub(re.compile(r"^\n+|\n+$"), "")


# A paragraph that stops mid-sentence and one that carries on: "as they\n\nramp up".
_FUNCTION_WORDS = (
    "a|an|the|of|to|in|on|at|for|with|and|or|but|by|from|as|that|than|since|over|into|about"
    "|after|before|between|under|against|during|his|her|their|its|our|is|are|was|were|has|have|had"
)
_BROKEN_SENTENCE = re.compile(
    rf"""(?:(?<=[^\W_])|(?<=[^.!?…][”’)]))\n[ \n]*(?=[a-z])   # ...word / lower-case word...
    | (?<=,)\n[ \n]*(?=[^\W\d_])                             # ...clause, / next clause
    | \b(?P<keep>{_FUNCTION_WORDS})\n[ \n]*(?=[A-Z][a-z])     # ...trip to / Beijing
    """,
    re.VERBOSE,
)


def rejoin_broken_sentences(tt: TrackedText) -> TrackedText:
    """Mend sentences split across lines or blank lines by careless pasting."""

    def join(match: re.Match[str]) -> str:
        if _is_list_item(tt.text, match.start()):
            return match.group(0)
        return (match.group("keep") or "") + " "

    return tt.sub(_BROKEN_SENTENCE, join)


def continues_sentence(line: str, next_line: str) -> bool:
    """Whether `next_line` carries on a sentence that `line` breaks off."""
    return bool(_BROKEN_SENTENCE.search(line.rstrip()[-60:] + "\n\n" + next_line.lstrip()[:60]))


def _is_list_item(text: str, pos: int) -> bool:
    # Bullets and table rows end without a full stop on purpose.
    line_start = text.rfind("\n", 0, pos) + 1
    return bool(re.match(r"\s*([-*•|]|\d+[.)])\s", text[line_start:pos]))


# --- Glued sentences ----------------------------------------------------------

# Openers that follow a glued headline ("SyriaThe desert"). Short words that end
# brand names (LinkedIn, MoveOn) are left out on purpose.
_SENTENCE_OPENERS = (
    "The|A|An|He|She|They|We|His|Her|Their|This|That|These|Those|But|And|After|When|While"
    "|From|With|According|However|Meanwhile|Police|Officials|There|Some|Many"
)
_GLUE = re.compile(
    rf"""(?<=[A-Za-z]{{2}}[.!?])(?=[A-Z][a-z])                       # statement.After
    | \b(?P<lower>[a-z]{{3,}})(?=[A-Z][a-z]+\b|[A-Z]{{3,}}\b|[AI]\s)   # insurgentsRussia
    | \b(?P<capital>[A-Z][a-z]{{2,}})(?=(?:{_SENTENCE_OPENERS})\b)    # SyriaThe
    | (?<=[a-z])(?=[A-Z]{{3,}}(?:,|\s[-—–]))                        # AfghanistanKANDAHAR,
    | (?<=[a-z]{{2}}[.!?][”’])(?=[A-Z])                              # said.”The
    | (?<=[a-z]{{2}}[.!?])(?=[“‘][A-Z])                              # Saturday.“Three
    """,
    re.VERBOSE,
)
_URLISH = re.compile(r"\S*(?:://|www\.|@)\S*")


def restore_glued_spaces(tt: TrackedText) -> TrackedText:
    """Put back the space scraping lost between sentences ("in SyriaThe desert").

    Camel-case names (McVeigh, YouTube, iPhone, WeWork) do not match: the left
    part of a lower-to-upper join must be a whole lower-case word of three or
    more letters, or a capitalised word followed by a common sentence opener.
    """
    urls = [m.span() for m in _URLISH.finditer(tt.text)]

    def space(match: re.Match[str]) -> str:
        left = match.group("lower") or match.group("capital") or ""
        if any(start < match.end() < end for start, end in urls):
            return match.group(0)
        return left + " "

    tt = tt.sub(_GLUE, space)
    return _space_straight_quotes(tt)


_STRAIGHT_QUOTE_GLUE = re.compile(r'(?<=[a-z]{2}[.!?])"(?=[A-Z])')


def _space_straight_quotes(tt: TrackedText) -> TrackedText:
    # 'said."The' closes a quote, 'Saturday."Three' opens one: count the quotes
    # before it in its paragraph to tell which.
    def edit(match: re.Match[str]) -> str:
        paragraph_start = tt.text.rfind("\n", 0, match.start()) + 1
        opens = tt.text.count('"', paragraph_start, match.start()) % 2 == 0
        return ' "' if opens else '" '

    return tt.sub(_STRAIGHT_QUOTE_GLUE, edit)


# --- Wire credits ----------------------------------------------------------

_TRAILING_CREDIT = re.compile(rf"(?<=[.!?”’\"])[ \t]+[-–—]?\s*{WIRE_CREDITS}[ \t]*$", re.MULTILINE)


def drop_trailing_wire_credit(tt: TrackedText) -> TrackedText:
    """"...in October 2023. AFP" loses its " AFP"."""
    return tt.sub(_TRAILING_CREDIT, "")
