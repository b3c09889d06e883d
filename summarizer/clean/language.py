"""Offline language guess: writing system first, then stopword counts.

Light on purpose: the pipeline only needs to tell English from the rest, to warn
that extraction may suffer. No model files, no downloads.
"""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "en": "the and of to in is that for it was on with as by he said at from his an are have be this which",
    "de": "der die und das ist nicht ein eine mit sich auf für dem den von zu im auch es wird bei nach",
    "fr": "le la les et des est une un du dans pour que qui pas sur au avec il sont ont par cette",
    "es": "el los las del que en y es por con para una un se su al como más pero sus fue",
    "it": "il di che è della per una sono non gli nel alla anche dei con delle più da del questo",
    "pt": "o os que do da em um uma não para com por mais dos das se ao como foi está também",
    "nl": "de het een van en is dat op te niet met voor zijn ook aan er bij wordt naar door",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ada adalah kami oleh",
    "sv": "och att det som är på för med den av till inte har ett de om var jag men",
    "pl": "i w nie na się z że do to jest jak po co ale od za przez tak są dla",
    "tr": "ve bir bu da için ile de olarak daha çok gibi olan en ama kadar sonra ne",
}
_STOPWORD_SETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}

# Share of letters, by writing system, that settles the language on its own.
_SCRIPTS = [
    ("ko", re.compile("[\uac00-\ud7af\u1100-\u11ff]"), 0.3),
    ("ja", re.compile("[\u3040-\u30ff]"), 0.1),
    ("zh", re.compile("[\u4e00-\u9fff]"), 0.3),
    ("uk", re.compile("[їєґі]", re.IGNORECASE), 0.02),
    ("ru", re.compile("[\u0400-\u04ff]"), 0.5),
    ("el", re.compile("[\u0370-\u03ff]"), 0.5),
    ("ar", re.compile("[\u0600-\u06ff]"), 0.5),
    ("he", re.compile("[\u0590-\u05ff]"), 0.5),
    ("hi", re.compile("[\u0900-\u097f]"), 0.5),
    ("th", re.compile("[\u0e00-\u0e7f]"), 0.5),
]
_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 8
_CLEAR_SHARE = 0.05  # stopwords of one language among all words: a clear answer
_WEAK_SHARE = 0.02  # lists and recipes have few stopwords: enough if no rival comes close
_WEAK_LEAD = 3.0
_SAMPLE_CHARS = 20_000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or unclear."""
    sample = text[:_SAMPLE_CHARS]
    letters = sum(1 for c in sample if c.isalpha())
    if letters < 20:
        return None
    for lang, script, share in _SCRIPTS:
        if len(script.findall(sample)) / letters >= share:
            if lang == "uk" and len(_SCRIPTS[4][1].findall(sample)) / letters < 0.5:
                continue  # a few Ukrainian letters in non-Cyrillic text
            return lang
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < _MIN_WORDS:
        return None
    counts = Counter(words)
    hits = {lang: sum(counts[w] for w in stop) for lang, stop in _STOPWORD_SETS.items()}
    best, runner_up = sorted(hits, key=lambda lang: hits[lang], reverse=True)[:2]
    share = hits[best] / len(words)
    if share >= _CLEAR_SHARE or (share >= _WEAK_SHARE and hits[best] >= _WEAK_LEAD * hits[runner_up]):
        return best
    return None
