"""Which lines of an article are page furniture rather than the story.

Shared by the HTML and pasted-text paths. Every rule is a general pattern of
news pages (newsletter prompts, share bars, photo credits, "Read more:" links,
reading-time badges, comment counters); none names a site.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

_CALLS_TO_ACTION = re.compile(
    r"""^(?:sign[ -]?up|subscribe|register|copyright)\b | ^©
    | \b(?: newsletters? | unsubscribe | subscribe\ (?:to|for|now|today) | (?:to|in)\ your\ inbox
        | (?:click|tap)\ here | share\ (?:this|it|on) | like\ this\ (?:story|article)
        | (?:follow|like)\ \S+(?:\ \S+){0,4}\ on\ (?:twitter|facebook|instagram|x|linkedin|youtube|tiktok)
        | (?:download|get)\ (?:the|our)\ \S+(?:\ \S+)?\ app | thanks\ for\ (?:signing\ up|subscribing|reading)
        | (?:leave|post|add)\ a\ comment | tell\ us\ what\ you\ think | all\ rights\ reserved
        | may\ get\ a\ share\ of\ the\ sale | affiliate\ (?:link|commission)s?
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)

# A label that introduces a link to another story or a page widget. Strong labels
# are furniture whatever follows them; weak ones only when they stand alone or
# end in a colon ("More:", "Source: AP"), since "More than 2,500 civilians" is news.
_STRONG_LABEL = re.compile(
    r"""^[\[(]?\s*(
        related\ (articles?|stories|posts?|content|coverage|topics?|reading|links?)
        | read\ (more|also|next) | also\ read | see\ (more|also) | also\ on\ \S+
        | more\ on\ this\ (story|topic) | more\ (from|stories\ from)\ \S+ | don'?t\ miss
        | must\ read | recommended\ for\ you | you\ (may|might)\ (also\ )?(like|enjoy)
        | popular\ on\ \S+ | most\ (read|popular|viewed|shared) | trending\ now
        | follow\ topics? | continue\ reading | filed\ under | \d+\ comments?
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_WEAK_LABEL = re.compile(
    r"""^[\[(]?\s*(
        related | more | also | watch | listen | photos? | gallery | videos? | source | sources
        | topics? | tags? | comments? | advertisement | sponsored | trending | share | follow\ us
    )\s*(:|\||…|\.\.\.|$)\s*(?P<rest>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_LABELLED_WORDS = 15
_MAX_LABELLED_SENTENCE_WORDS = 6  # "Source: AP." is a credit; "Source: a minister said ..." is news

# "PHOTO: REUTERS", "Image: Getty Images", "© Reuters", "(AFP photo)".
_CREDIT = re.compile(
    r"""^[\[(]?\s*(
        (photo|image|picture|video|graphic|illustration|credit|source)s?(\ credit)?\s*[:/|]\s*(?P<rest>.{0,60})
        | ©\s*.{0,60} | (?-i:[A-Z][\w.]*(\ [A-Z][\w.]*){0,3})\ (photo|file\ photo|pictures?)
    )[\])]?$""",
    re.IGNORECASE | re.VERBOSE,
)

_BYLINE_CREDIT = re.compile(
    r"^\(?\s*((additional\ )?reporting|writing|editing|compiled|edited)\ by\b"
    r"|\bcontributed\ (reporting|to\ this\ (report|story))\b|^with\ \S+\ wires?\.?$",
    re.IGNORECASE | re.VERBOSE,
)

_READING_TIME = re.compile(
    r"^(\d+\s*(min|minute)s?\ read|(reading\ time|tempo\ de\ leitura|lesezeit)\b.{0,20})$"
    r"|^(updated|published|posted|last\ updated|first\ published)(\ (on|at))?:?\ +"
    r"(?=\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)|today|yesterday)"
    r"[\w\ ,:./+-]{0,50}$",
    re.IGNORECASE | re.VERBOSE,
)

# Bare punctuation rules, markdown table separators, lone bullets.
_NO_WORDS = re.compile(r"^[\W_]*$")

_CAPTION_POSITION = re.compile(
    r"\((left|right|centre|center|top|bottom|front|back|pictured|file photo|L|R|C|"
    r"(second|third) from (left|right)|in (red|blue|white|black))\)"
)

_MAX_FURNITURE_WORDS = 30
_MIN_REPEAT_CHARS = 40  # shorter lines ("Meal 1", "Ingredients") repeat on purpose


_AGENCIES = (
    r"AFP|Reuters|REUTERS|AP|Bloomberg|BLOOMBERG|dpa|DPA|Xinhua|XINHUA|AAP|PTI|IANS|ANI|Kyodo"
    r"|KYODO|Yonhap|YONHAP|TASS|EFE|ANSA|UPI|NYTIMES|NYT|ASSOCIATED PRESS|The Associated Press"
)
WIRE_CREDITS = rf"\(?(?:{_AGENCIES})\)?(?:\s*[,/&]\s*\(?(?:{_AGENCIES})\)?)*"
_WIRE_CREDIT_LINE = re.compile(rf"^[-–—]?\s*{WIRE_CREDITS}\.?$")
_LIST_ITEM = re.compile(r"^\s*[-*•]\s")


def furniture(lines: Sequence[str], title: str | None = None) -> set[int]:
    """Indexes of the lines that are page furniture, not story."""
    drop = repeated_lines(lines)
    content_seen = 0
    after_label = False  # a bullet list under "Related:" is more links
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if after_label and _LIST_ITEM.match(line):
            drop.add(i)
            continue
        after_label = _is_link_label(line.strip())
        if content_seen < 3 and same_as_title(line, title):
            drop.add(i)  # the headline repeated at the top of the body
        elif after_label or is_boilerplate(line) or _WIRE_CREDIT_LINE.match(line.strip()):
            drop.add(i)
        content_seen += 1
    return drop


def _is_link_label(line: str) -> bool:
    if _STRONG_LABEL.match(line):
        return True
    weak = _WEAK_LABEL.match(line)
    if not weak or len(line.split()) > _MAX_LABELLED_WORDS:
        return False
    return not _reads_as_sentence(weak.group("rest"))


def _is_credit(line: str) -> bool:
    credit = _CREDIT.match(line)
    return credit is not None and not _reads_as_sentence(credit.group("rest") or "")


def _reads_as_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?]$", text)) and len(text.split()) > _MAX_LABELLED_SENTENCE_WORDS


def is_boilerplate(line: str) -> bool:
    """A line that belongs to the page, not to the story."""
    stripped = line.strip()
    if not stripped:
        return False
    if _NO_WORDS.match(stripped):
        return True
    words = len(stripped.split())
    if words > _MAX_FURNITURE_WORDS:
        return False
    return bool(
        _is_link_label(stripped)
        or _is_credit(stripped)
        or _READING_TIME.match(stripped)
        or _is_credit_or_call_to_action(stripped, words)
    )


# Cheap substring tests that every match of the two slow patterns contains.
_CALL_HINTS = ("sign", "subscri", "newsletter", "inbox", "click", "tap here", "share", "like", "follow",
               " app", "thanks for", "comment", "tell us", "reserved", "copyright", "©", "affiliate", "register")
_CREDIT_HINTS = ("by", "contributed", "wire")


def _is_credit_or_call_to_action(line: str, words: int) -> bool:
    lower = line.lower()
    if any(hint in lower for hint in _CREDIT_HINTS) and _BYLINE_CREDIT.search(line):
        return True
    return words <= 25 and any(hint in lower for hint in _CALL_HINTS) and bool(_CALLS_TO_ACTION.search(line))


def is_caption(line: str) -> bool:
    return bool(_CAPTION_POSITION.search(line))


def same_as_title(line: str, title: str | None) -> bool:
    """The headline repeated at the top of the body (sites often append "- Site")."""
    if not title:
        return False
    a, b = fold(line), fold(title)
    if not a:
        return False
    return a == b or (len(a) >= 20 and (b.startswith(a) or fuzz.ratio(a, b) >= 90))


def repeated_lines(lines: Sequence[str], *, threshold: float = 90.0) -> set[int]:
    """Indexes of lines that only repeat another: a caption printed twice, or a
    caption that restates a sentence of the body.

    Repeats far apart in a body are kept (recipes, Q&A templates repeat on
    purpose). A repeat goes when it sits next to its twin (blank lines aside), or
    when it looks like a caption and its twin does not, so the body sentence
    outlives its caption. Linear in the number of lines, bar captions.
    """
    content = [i for i, line in enumerate(lines) if len(fold(line)) >= _MIN_REPEAT_CHARS]
    folded = {i: fold(lines[i]) for i in content}
    captions = [i for i in content if is_caption(lines[i])]
    dropped: set[int] = set()
    for i in captions:
        twins = (j for j in content if j != i and not is_caption(lines[j]))
        if any(fuzz.ratio(folded[i], folded[j], score_cutoff=threshold) for j in twins):
            dropped.add(i)
    for i, j in zip(content, content[1:], strict=False):
        next_to_each_other = all(not lines[k].strip() for k in range(i + 1, j))
        if next_to_each_other and i not in dropped and fuzz.ratio(folded[i], folded[j], score_cutoff=threshold):
            dropped.add(j)
    return dropped


def fold(text: str) -> str:
    """Lower-case words joined by single spaces: text compared regardless of punctuation."""
    return " ".join(re.findall(r"\w+", text.lower()))
