"""Bytes to text for the input edge (load.py): a byte-order mark's encoding, UTF-8, UTF-16 without a
mark, the page's declared charset, else what charset-normalizer finds; files that are not text
(PDF, images, archives, NUL-filled data) are refused by their magic bytes with one line naming the fix.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from summarizer.errors import InputError

__all__ = ["binary", "decode"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)
_MAGIC = {
    b"%PDF": "a PDF file; extract its text first (e.g. pdftotext)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx); extract its text first",
}
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode(data: bytes, source: str) -> tuple[str, str]:
    """(text, encoding name); InputError naming `source` when the bytes are no text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise binary(source, f"it starts with a {codec} mark but does not decode") from exc
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise binary(source, f"it is {what}")
    if b"\x00" in data[:100_000]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise binary(source, "it contains NUL bytes")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = _declared_charset(data) or _detect_encoding(data[:200_000])
    if encoding is None:
        raise binary(source, "no text encoding decodes it")
    return data.decode(encoding, errors="replace"), encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark, told by where its NUL bytes fall.

    Latin-script UTF-16 has a NUL in nearly every other byte, all on one side of
    each pair (odd offsets for little-endian, even for big-endian); binary data
    has its NULs anywhere. Text in other scripts has few NULs and is left to the
    other checks.
    """
    sample = data[:4000] if len(data) % 2 == 0 else b""
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even, odd = sample[0::2].count(0) / pairs, sample[1::2].count(0) / pairs
    codec = "utf-16-le" if odd >= 0.3 and even <= 0.02 else "utf-16-be" if even >= 0.3 and odd <= 0.02 else None
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if "\x00" not in text else None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares, when the page really decodes with it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        encoding = codecs.lookup(match.group(1).decode("ascii")).name
        data.decode(encoding)
    except (LookupError, UnicodeError):
        return None
    return "cp1252" if encoding in ("iso8859-1", "latin-1") else encoding


def _detect_encoding(sample: bytes) -> str | None:
    """charset-normalizer's pick, except that cp1252 wins a tie.

    Western text in a legacy code page is usually cp1252, but charset-normalizer
    often names cp1250 first when both read the sample equally well, and the two
    differ on letters such as "ï" (cp1250 reads "ď").
    """
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    tied = {
        codecs.lookup(name).name
        for match in matches
        if match.chaos <= best.chaos
        for name in [match.encoding, *match.could_be_from_charset]
    }
    if tied & {"cp1252", "iso8859-1", "iso8859-15"}:
        return "cp1252"  # Latin-1 in practice means cp1252: 0x80-0x9F are quotes and dashes
    return codecs.lookup(best.encoding).name


def binary(source: str, why: str) -> InputError:
    return InputError(f"{source} does not look like text ({why}); give it an article as text or HTML", source=source)
