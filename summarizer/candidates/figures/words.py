"""Numbers as words and digits ("twenty-five", "half a dozen", "2,000"), fractions ("two-thirds
of"), vague plurals ("dozens of"), scale words, and the function words that end a search for the
noun a number counts.
"""

from __future__ import annotations

import re

SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
    "mio": 1e6, "mrd": 1e9,  # European: "€2,35 Mio", "3,5 Mrd"
}  # fmt: skip
_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE = (
    {w: i for i, w in enumerate(_ONES)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)} | {"a": 1, "an": 1, "dozen": 12}
)
FRACTIONS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "one-half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
              "one-third": 1 / 3, "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25,
              "one-quarter": 0.25, "a fourth": 0.25, "one fourth": 0.25, "three-quarters": 0.75,
              "three quarters": 0.75, "three fourths": 0.75, "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1}

# Words after a number that end the search for its noun: function words, verbs, adverbs.
STOP = set(
    "a an the of in on at to for from by with and or but nor as was were is are be been being has have had "
    "will would could should can may might must do does did this that these those it its they them their he "
    "his she her we our you your i who whom which what when where while after before since until during "
    "over under between among into out up down off per than so too very also only just each both all any "
    "some such more most less least other others another about around against across through via ago "
    "earlier later last next then there here not no yes if whereas unless thus plus us always perhaps "
    "respectively apiece each versus vs".split()
)  # fmt: skip

BASIC_WORD = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[1:10])}))?"
    rf"|{'|'.join(sorted(_ONES, key=len, reverse=True))})"
)
_WORD_NUM = (
    rf"(?:(?:{BASIC_WORD}|a)\s+hundred(?:\s+(?:and\s+)?{BASIC_WORD})?"
    rf"|(?:{BASIC_WORD}|a|half\s+a)\s+dozen"
    rf"|{BASIC_WORD}"
    rf"|(?:half\s+)?an?(?=\s+(?:thousand|million|billion|trillion)\b))"
)
# A European decimal comma ("7,5 %", "€2,35 Mio"): one or two digits after the comma, then a
# percent sign, currency or scale, so that "1,234" and lists ("1,2 and 3") stay as they were.
_DECIMAL_COMMA = r"\d+,\d{1,2}(?![\d,])(?=\s?(?:%|€|(?i:per\s?cent|prozent|euros?|mio|mrd|million|billion)\b))"
_DIGITS = rf"(?:{_DECIMAL_COMMA}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# Letters may touch digits here ("USD10m", "RM5"); _glued() sorts names from money later.
# A word may follow a full stop directly: scraped text glues sentences ("another 15.Twenty insurgents").
NUMBER = re.compile(rf"(?:(?<![\d.,_])(?P<d>{_DIGITS})|(?<![\d_])\b(?P<w>(?i:{_WORD_NUM}))\b)")
SCALE = re.compile(
    r"(?P<sp>\s?|-(?=(?i:thousand|million|billion|trillion)\b))(?P<s>(?i:thousand|million|billion|trillion|lakh|crore|mio|mrd)|[kK]|mn|mln|[bB]n|bln|tn|trn|[mM]|[bB])(?![\w$€£¥])"
)
FRACTION = re.compile(
    r"(?<![\w-])(?P<f>(?i:" + "|".join(sorted(FRACTIONS, key=len, reverse=True)) + r"))(?=\s+(?:of|an?|the)\b)"
    r"(?!\s+an?\s+(?i:dozen|thousand|million|billion|trillion)\b)"  # "half a million" is a number
)
VAGUE = re.compile(
    r"\b(?P<v>(?i:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|scores|hundreds|thousands|millions|billions))"
    r"(?=\s+of\b)"
)
VAGUE_BASE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
              "tens": 10}  # fmt: skip


def number_word(words: str) -> float:
    """A number written in words: 'twenty-five' -> 25, 'two hundred and five' -> 205, 'half a dozen' -> 6, 'a' -> 1."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t != "and"]
    if tokens[:1] == ["half"] and tokens[1:2] in (["a"], ["an"]):
        return 0.5 * (number_word(" ".join(tokens[2:])) if tokens[2:] else 1)  # "half a dozen", "half a million"
    total = 0.0
    for tok in tokens:
        if tok in ("hundred", "dozen"):
            total = (total or 1) * (100 if tok == "hundred" else 12)
        else:
            total += _WORD_VALUE[tok]
    return total


def number(m: re.Match[str]) -> float:
    if not m["d"]:
        return number_word(m["w"])
    digits = m["d"]
    if re.fullmatch(r"\d+,\d{1,2}", digits):
        return float(digits.replace(",", "."))  # a decimal comma: "7,5"
    return float(digits.replace(",", ""))

