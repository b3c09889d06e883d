import pytest

from summarizer.chunk import split

TEXT = "\n\n".join(f"Paragraph {i}. " + "Some words here. " * 20 for i in range(30))


def test_short_text_is_one_chunk():
    assert [(c.start, c.text) for c in split("short", 100)] == [(0, "short")]


@pytest.mark.parametrize("max_chars", [300, 800, 2000])
def test_chunks_cover_the_text_with_true_offsets(max_chars):
    chunks = split(TEXT, max_chars)
    assert len(chunks) > 1
    assert chunks[0].start == 0 and chunks[-1].end == len(TEXT)
    for before, after in zip(chunks, chunks[1:], strict=False):
        assert after.start <= before.end, "no gap between chunks"
        assert after.start > before.start
    for chunk in chunks:
        assert len(chunk.text) <= max_chars
        assert TEXT[chunk.start : chunk.end] == chunk.text


def test_prefers_paragraph_boundaries():
    chunks = split(TEXT, 2000)
    assert all(c.text.endswith("\n\n") or c.end == len(TEXT) for c in chunks)


def test_text_without_breaks_still_splits():
    text = "x" * 1000
    chunks = split(text, 300)
    assert chunks[-1].end == 1000 and all(len(c.text) <= 300 for c in chunks)
