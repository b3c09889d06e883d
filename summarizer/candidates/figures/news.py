"""Which of an article's quantities are its figures: the facts it reports, each once.

Measured on the gold suite (LABELLING.md: "numeric facts that matter to the story"):

* A figure restated in a later sentence is the same fact: the first mention stands for it
  ("raise up to $12.9bn" ... "could eventually raise up to $12.9bn"), in other words too (a
  headline's "7 militants killed" and the story's "Seven militants": gold tune figures F1
  0.778 -> 0.780, check unchanged). Not percentages: rates recur for different measures ("a 15
  percent tariff" on two lists of goods); not a modifier against a count ("the 20-year-old" and
  "20 years in prison").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.candidates.figures.ages import age_not_news
from summarizer.candidates.figures.context import sentence_start
from summarizer.candidates.figures.quantity import Mention
from summarizer.candidates.lexicon import TIME_UNITS, singular

# A scale word ends the text: "1.356 billion", "25k" (a currency sign lost in scraping leaves these
# bare). NewsQuant labels them. Any unitless decimal was tried too: NewsQuant's carry a unit
# written elsewhere ("points", "degrees"), so only levels after a cue stay (_LEVEL_CUE).
_SCALED = re.compile(r"(?i:(?:\d\s?|[a-z]\s)(?:thousand|million|billion|trillion|k|m|bn|mn|tn))$")
# Before a level that a price or index reaches: "to trade at 132.86", "an average of 1500".
_LEVEL_CUE = re.compile(r"(?i:\b(?:at|to|average\s+of)\s+)$")
# A superlative after a number word names a ranked set, not a count: "the world's two largest
# economies", "its three biggest customers" (gold tune 0.761 -> 0.764 figures F1, check 0.674 -> 0.678).
_RANK_AFTER = re.compile(
    r"\s+(?:(?:most|least)\s+\w+|top\b|leading\b|(?:larg|bigg|small|high|low|great|strong|weak|rich|poor|old|young"
    r"|long|short|fast|slow|clos|near|new|lat|earli|heavi|wealthi|busi|deadli|hott|cold|tall|wid|deep)est\b)"
)
# A hyphenated number that names a kind of thing, not an amount of it: "a six-speed automatic", "a
# two-class layout", "a four-door", "a V-8's eight-cylinder engine", "a five-star hotel", "a three-row
# SUV". NewsQuant leaves them out ("six-speed automatic transmission"), and so does the gold ("a
# two-class layout"): a car's gearbox or a cabin's layout is a specification, not a figure.
_KIND_OF = re.compile(r"[-‑](?:speed|class|door|star|cylinder|row|seater|way|wheel|wheeler|ply|stroke|valve|axle)$",
                      re.IGNORECASE)
# Names with a scale letter glued on, not amounts: one digit and a capital K is a display
# resolution or a race ("a 4K TV", "4K-ready", "a 5K run"), four digits and a capital M a model
# ("the Radeon Pro 5300M": 5.3 billion otherwise; millions that many are written as billions).
# Both were unitless figures on unseen pages; lower-case "25k" and "$4K" stay amounts.
_NAMED_SCALE = re.compile(r"(?:\dK|\d{4,}M)(?=-|$)")
# Before a number word that points back at parties named already: "the two countries", "both sides".
_DEFINITE = {"the", "these", "those", "both"}


def _is_time(unit: str) -> bool:
    words = unit.split()
    return bool(words) and singular(words[-1]) in TIME_UNITS


# "Dozens of sightings", "hundreds of people", "tens of thousands of dollars": plural number words
# alone give no value (a figure of 12 sightings would be invented), and gold labels none
# (gold fake figures F1 tune 0.768 -> 0.775, check 0.678 -> 0.705). NewsQuant, which labels
# every quantity with a nominal value, loses (tune 0.928 -> 0.910, check 0.834 -> 0.822): the
# summary follows the project's labelling, and a figure must not carry a value nobody wrote.
_VAGUE = re.compile(r"(?:(?:tens|dozens|scores|hundreds|thousands|millions|billions|trillions)(?:\s+of)?\s*)+",
                    re.IGNORECASE)


def is_figure(text: str, q: Mention) -> bool:
    """A quantity that can be one of the article's figures (LABELLING.md: numeric facts that matter):

    * one with a unit, or a unitless one that is scaled ("a net worth of 1.356 billion") or a level
      after "at"/"to" ("to trade at 132.86", "rose 1.2% to 3,100");
    * not a count of things by the word "one"/"a"/"an" ("any one person", "more than one night"):
      a single thing is rarely the news, and gold labels none (gold tune figures F1 0.745 -> 0.759,
      check 0.663 -> 0.674; NewsQuant, which labels every "one", tune 0.918 -> 0.908, check 0.827
      either way). Durations stay: "a year later" is labelled;
    * not a vague plural ("dozens of sightings", "hundreds of people"): no value is written;
    * not a name with a scale letter glued on ("a 4K TV", "4K-ready", "the Radeon Pro 5300M");
    * not the age of a person the lead does not name (`ages`: "said her son, Luis González Añez, 23");
    * not a hyphenated kind of thing ("a six-speed automatic", "a two-class layout");
    * not a number word before a superlative ("two largest economies");
    * not a number word after "the"/"these"/"those"/"both": a pronoun for parties ("the two
      countries"), unless it is a duration ("during those three months", as NewsQuant labels it).
    """
    if _NAMED_SCALE.match(q.text) and (q.unit is None or "-" in q.text):
        return False
    if q.unit is None:
        level = q.value != int(q.value) or q.value >= 1000
        return bool(_SCALED.search(q.text)) or (level and bool(_LEVEL_CUE.search(text, 0, q.start)))
    if q.text.lower() in {"one", "a", "an"} and not _is_time(q.unit) or _VAGUE.fullmatch(q.text.strip()):
        return False
    if age_not_news(text, q) or _KIND_OF.search(q.text):
        return False
    if not q.text.isalpha():
        return True
    if _RANK_AFTER.match(text, q.end):
        return False
    before = text[max(0, q.start - 12) : q.start].split()
    return not (before and before[-1].lower() in _DEFINITE) or _is_time(q.unit)


def restated(text: str, q: Mention, earlier: Sequence[Mention]) -> bool:
    """The same value and unit as a mention in an earlier sentence (not a percentage), both counts
    or both modifiers."""
    if q.unit in (None, "percent", "percentage_point"):
        return False
    start = sentence_start(text, q.start)
    return any(e.start < start and e.value == q.value and e.unit == q.unit and _modifier(e) == _modifier(q)
               for e in earlier)


def _modifier(q: Mention) -> bool:
    """A hyphenated modifier ("a 20-year-old", "a 10-game streak") says something else than a count
    of the same value ("20 years in prison", "the last 10 games")."""
    return "-" in q.text or "‑" in q.text


# Tried and dropped: no figure inside direct speech ("“My people had $20 billion done,” Mr.
# Trump said"). It raised the gold tune half's figures F1 (0.704 -> 0.739) but lowered the check
# half's (0.674 without it, 0.656 with it): editors label the numbers speakers give as often as not.
