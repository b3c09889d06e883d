"""Long text into overlapping chunks, cut at paragraph (else sentence) boundaries.

Offsets are kept, so evidence found in a chunk maps back to the whole article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CHARS_PER_TOKEN = 3.5  # English news text under Qwen's tokenizer, measured on the example
PROMPT_OVERHEAD_TOKENS = 900  # instructions, candidates and the JSON grammar's schema around the article

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"(?<=[.!?])[”\"’)]?\s+"), re.compile(r"\s+"))


@dataclass(frozen=True)
class Chunk:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def max_chars(n_ctx: int, max_tokens: int) -> int:
    """The longest chunk, in characters, whose prompt and answer fit a context of `n_ctx` tokens.

    A 0.6 margin covers tokenizers denser than Qwen's and the candidate list growing with the text.
    """
    return max(0, int((n_ctx - max_tokens - PROMPT_OVERHEAD_TOKENS) * CHARS_PER_TOKEN * 0.6))


def split(text: str, max_chars: int, overlap: int = 400) -> list[Chunk]:
    """Chunks of at most max_chars; consecutive chunks share about `overlap` characters."""
    if max_chars <= 0 or len(text) <= max_chars:
        return [Chunk(0, text)]
    overlap = min(overlap, max_chars // 4)
    chunks: list[Chunk] = []
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= max_chars else _cut_point(text, start, start + max_chars)
        chunks.append(Chunk(start, text[start:end]))
        if end >= len(text):
            break
        start = max(_next_start(text, end - overlap, end), start + 1)
    return chunks


def _cut_point(text: str, start: int, limit: int) -> int:
    """The last boundary before `limit`, preferring paragraphs, then sentences, then spaces."""
    floor = start + (limit - start) // 2
    for pattern in _BREAKS:
        cuts = [m.end() for m in pattern.finditer(text, floor, limit)]
        if cuts:
            return cuts[-1]
    return limit


def _next_start(text: str, lo: int, hi: int) -> int:
    """Begin the next chunk at a sentence or word start inside the overlap window."""
    for pattern in _BREAKS[1:]:
        match = pattern.search(text, lo, hi)
        if match:
            return match.end()
    return lo
