"""The input edge: decoding, kind sniffing, and every way input can be refused."""

from __future__ import annotations

import gzip
import io
import random
import sys
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.load import (
    DEFAULT_MAX_BYTES,
    RawInput,
    load_bytes,
    load_path,
    load_text,
    sniff_kind,
)

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
PROSE = "The council will review the parking rules in June, the mayor said on Tuesday.\n"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("<html lang='en'><p>x</p></html>", "html"),
        ("<div><p>One</p><p>Two</p></div>", "html"),
        ("Plain prose with a <b> in it, pasted from somewhere.", "text"),
        ("Prices rose 3% <2 years> ago; 5 > 4.", "text"),
        (PROSE, "text"),
    ],
)
def test_sniff_kind(text: str, kind: str) -> None:
    assert sniff_kind(text) == kind


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("page.html", PROSE, "html"),  # the extension wins over the content
        ("page.htm", PROSE, "html"),
        ("notes.txt", "<div><p>a</p><p>b</p><p>c</p></div>", "text"),
        ("article", "<!doctype html><html><body><p>x</p></body></html>", "html"),
        ("article", PROSE, "text"),
    ],
)
def test_kind_by_extension_then_content(tmp_path: Path, name: str, content: str, kind: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert load_path(path).kind == kind


def test_explicit_kind_overrides_sniffing() -> None:
    assert load_text(PROSE, kind="html").kind == "html"


def test_utf8_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Caf\u00e9 \u201cquoted\u201d \u2013 fine.\n", encoding="utf-8")
    raw = load_path(path)
    assert raw == RawInput(text="Caf\u00e9 \u201cquoted\u201d \u2013 fine.\n", kind="text", encoding="utf-8", source=str(path))


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (None, "cp1252", "cp1252"),  # the fixture
        ("Gr\u00fc\u00dfe aus M\u00fcnchen! Die Stra\u00dfe ist sch\u00f6n, sagte der B\u00fcrgermeister heute.", "latin-1", "cp1252"),
        ("Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144 \u2013 powiedzia\u0142 burmistrz \u0141odzi, \u017ce b\u0119dzie dobrze.", "cp1250", "cp1250"),
        ("\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? \u0412\u0441\u0451 \u0445\u043e\u0440\u043e\u0448\u043e, \u0441\u043f\u0430\u0441\u0438\u0431\u043e \u0437\u0430 \u0432\u043e\u043f\u0440\u043e\u0441.", "cp1251", "cp1251"),
        ("Byte order mark, then UTF-16 text.", "utf-16", "utf-16"),
    ],
)
def test_legacy_encodings_decode(text: str | None, codec: str, expected: str) -> None:
    if text is None:
        data = (FIXTURES / "cp1252.txt").read_bytes()
        text = data.decode("cp1252")
    else:
        data = text.encode(codec)
    raw = load_bytes(data)
    assert raw.encoding == expected
    assert raw.text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_told_by_its_nul_bytes(tmp_path: Path, codec: str) -> None:
    text = PROSE * 3 + "Caf\u00e9 \u201cquoted\u201d \u2013 \u0141\u00f3d\u017a.\n"
    path = tmp_path / "notepad.txt"
    path.write_bytes(text.encode(codec))  # no byte-order mark, as some Windows tools save it
    raw = load_path(path)
    assert raw.encoding == codec and raw.text == text


def test_cp1252_fixture_keeps_curly_quotes_and_accents() -> None:
    raw = load_path(FIXTURES / "cp1252.txt")
    assert raw.encoding == "cp1252"
    assert "\u201ca disaster\u201d" in raw.text
    assert "na\u00efve" in raw.text and "Ren\u00e9e" in raw.text


def test_html_declared_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>\u041f\u0440\u0438\u0432\u0435\u0442</p></body></html>'
    raw = load_bytes(page.encode("cp1251"))
    assert raw.encoding == "cp1251" and "\u041f\u0440\u0438\u0432\u0435\u0442" in raw.text


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PROSE.encode())))
    raw = load_path("-")
    assert (raw.source, raw.text, raw.kind) == ("<stdin>", PROSE, "text")


# --- Refusals: one clear line that names the fix ---------------------------------


def _refusal(call) -> str:
    with pytest.raises(InputError) as caught:
        call()
    message = caught.value.message
    assert "\n" not in message and "Traceback" not in message
    return message


def test_missing_file(tmp_path: Path) -> None:
    message = _refusal(lambda: load_path(tmp_path / "nope.txt"))
    assert "no such file" in message and "nope.txt" in message


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in _refusal(lambda: load_path(tmp_path))


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", b"\xef\xbb\xbf  \n"])
def test_empty_or_whitespace_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "is empty" in _refusal(lambda: load_path(path))


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert "<stdin> is empty" in _refusal(lambda: load_path("-"))


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"text\x00with\x00nul bytes" * 10, "NUL bytes"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip-compressed but does not decompress"),
        (bytes(range(1, 32)) * 20, "control characters"),
        (random.Random(0).randbytes(5000).replace(b"\x00", b"\x01"), "no text encoding decodes it"),
        ("\u2198\u2197\u2190 \u25a0\u25a1".encode() * 200, "almost no letters"),
    ],
)
def test_binary_input(tmp_path: Path, data: bytes, why: str) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(data)
    message = _refusal(lambda: load_path(path))
    assert "does not look like text" in message and why in message


def test_five_megabyte_file_is_refused_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(PROSE.encode() * (5_000_000 // len(PROSE)))
    message = _refusal(lambda: load_path(path))
    assert f"{DEFAULT_MAX_BYTES:,}-byte input limit" in message
    assert "--max-bytes" in message and "SUMMARIZER_MAX_BYTES" in message


def test_raised_limit_accepts_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(PROSE.encode() * (5_000_000 // len(PROSE)))
    assert load_path(path, max_bytes=6_000_000).text.startswith("The council")


@pytest.mark.parametrize(
    "call",
    [
        lambda: load_bytes(b"x" * 101, max_bytes=100),
        lambda: load_text("\u00e9" * 51, max_bytes=100),  # the limit counts UTF-8 bytes
    ],
)
def test_limit_applies_to_bytes_and_strings(call) -> None:
    assert "over the 100-byte input limit" in _refusal(call)


def test_oversized_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"y" * 200)))
    assert "<stdin> is over the 100-byte input limit" in _refusal(lambda: load_path("-", max_bytes=100))


def test_unknown_kind() -> None:
    assert "unknown input kind 'pdf'" in _refusal(lambda: load_text(PROSE, kind="pdf"))


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("page.html.gz", b"<html><body><p>" + PROSE.encode() + b"</p></body></html>", "html"),
        ("article.txt.gz", PROSE.encode(), "text"),
        ("article.gz", PROSE.encode(), "text"),
    ],
)
def test_gzip_input_is_unpacked(tmp_path: Path, name: str, content: bytes, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(content))
    loaded = load_path(path)
    assert loaded.kind == kind and PROSE.split()[0] in loaded.text


def test_gzip_limit_counts_the_unpacked_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"word " * 1_000_000))  # 5 MB inside, ~5 kB on disk
    message = _refusal(lambda: load_path(path, max_bytes=1_000_000))
    assert "decompressed" in message and "1,000,000-byte input limit" in message
