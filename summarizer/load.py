"""The input edge: read a file, stdin, bytes or a string; decode; tell HTML from text.

Everything the rest of the pipeline sees has passed through here, so every way
input can be unusable ends here too, as one `InputError` line that names the fix:
a missing path, a directory, an empty or whitespace-only input, binary data, or
more than `max_bytes` bytes. Gzip input (a saved `page.html.gz`) is unpacked first,
and the limit counts the unpacked bytes.

Size limit: `DEFAULT_MAX_BYTES` (2,000,000 bytes, about 300,000 words of text or
a very heavy HTML page). The CLI's `--max-bytes` and the `SUMMARIZER_MAX_BYTES`
variable raise it; this module only takes the number.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from summarizer.decode import binary, decode
from summarizer.errors import InputError

DEFAULT_MAX_BYTES = 2_000_000

Kind = Literal["text", "html"]

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_HTML_TAG = re.compile(r"<(?:html|head|body|p|div|article|section|span|a|br|h[1-6]|meta|script)\b[^>]*>", re.I)
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|\?xml)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_BLANK = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]*")  # zero-width characters count as blank
_MAX_CONTROL_SHARE = 0.01
_NON_SPACE = re.compile(r"\S+")
_WORD_CHARS = re.compile(r"[^\W_]+")
_MIN_WORD_CHAR_SHARE = 0.3  # prose is mostly letters; a wrong guess at the encoding is mostly symbols
# A share settles on a few pages of text; counting 100,000 characters cost 3 ms a page (a fifth of
# trafilatura's whole extraction), 20,000 cost 0.6.
_SHARE_SAMPLE = 20_000


@dataclass(frozen=True)
class RawInput:
    """Decoded input. Offsets in `CleanArticle.segments` index into `text`."""

    text: str
    kind: Kind
    encoding: str  # the codec the bytes were decoded with: "utf-8", "cp1252", ...
    source: str  # a path, "<stdin>", "<string>" or "<bytes>"


def load_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, kind: str | None = None) -> RawInput:
    """Read a file, or stdin when `path` is "-"."""
    if str(path) == "-":
        data = _read_stdin(max_bytes)
        if len(data) > max_bytes:
            raise _too_big("<stdin>", None, max_bytes)
        return load_bytes(data, source="<stdin>", max_bytes=max_bytes, kind=kind)
    file = Path(path)
    if not file.exists():
        raise InputError(f"{file}: no such file; check the path (or pass - to read stdin)", source=str(file))
    if file.is_dir():
        raise InputError(f"{file} is a directory; pass the path of one article file", source=str(file))
    size = file.stat().st_size
    if size > max_bytes:
        raise _too_big(str(file), size, max_bytes)
    try:
        with file.open("rb") as handle:  # st_size is 0 for /dev/zero, a FIFO or /proc: read at most the limit + 1
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{file}: cannot read it ({exc.strerror}); check its permissions", source=str(file)) from exc
    if len(data) > max_bytes:
        raise _too_big(str(file), None, max_bytes)
    return load_bytes(data, source=str(file), max_bytes=max_bytes, kind=kind or _kind_from_suffix(file))


def _read_stdin(max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes of stdin (it may be endless); InputError when it is closed."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("stdin is closed or absent; pipe an article into it, or pass a file path instead of -",
                         source="<stdin>")
    try:
        return bytes(stream.read(max_bytes + 1))
    except (OSError, ValueError) as exc:  # a closed descriptor: EBADF, or "I/O operation on closed file"
        raise InputError(f"stdin cannot be read ({exc}); pipe an article into it, or pass a file path instead of -",
                         source="<stdin>") from None


def load_bytes(
    data: bytes, *, source: str = "<bytes>", max_bytes: int = DEFAULT_MAX_BYTES, kind: str | None = None
) -> RawInput:
    """Decode bytes (UTF-8, a BOM's encoding, or whatever charset-normalizer finds)."""
    if len(data) > max_bytes:
        raise _too_big(source, len(data), max_bytes)
    if data.startswith(_GZIP):
        data = _gunzipped(data, source, max_bytes)
    if not data.strip():
        raise _empty(source)
    text, encoding = decode(data, source)
    return _checked(text, encoding, source, kind)


_GZIP = b"\x1f\x8b"


def _gunzipped(data: bytes, source: str, max_bytes: int) -> bytes:
    """A gzip file's contents (saved pages often come as .html.gz), read to at most the limit + 1
    bytes: the limit counts what is inside, so a small archive cannot unpack into gigabytes."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as archive:
            inner = archive.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise binary(source, f"it is gzip-compressed but does not decompress ({exc})") from exc
    if len(inner) > max_bytes:
        raise _too_big(f"{source} (decompressed)", None, max_bytes)
    return inner


def load_text(
    text: str, *, source: str = "<string>", max_bytes: int = DEFAULT_MAX_BYTES, kind: str | None = None
) -> RawInput:
    """Wrap a string already in memory; the limit counts its UTF-8 bytes."""
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > max_bytes:
        raise _too_big(source, size, max_bytes)
    return _checked(text, "utf-8", source, kind)


def json_warning(text: str) -> str | None:
    """A warning when the input parses as JSON (it is summarised as prose, braces and all);
    for batch-shaped JSON (objects with "text" or "html", a list or JSON Lines) a hint to use batch."""
    head = text.lstrip()[:1]
    if head not in ("{", "["):
        return None
    lines = [line for line in text.splitlines() if line.strip()]
    try:
        value = json.loads(text)
    except ValueError:
        try:  # JSON Lines: every line an object
            value = [json.loads(line) for line in lines[:50]]
        except ValueError:
            return None
    items = value if isinstance(value, list) else [value]
    if items and all(isinstance(i, dict) and ("text" in i or "html" in i) for i in items):
        return ('the input is JSON shaped like batch items ({"id", "text"|"html"}); '
                "summarise them with `summarizer batch FILE --out OUT.jsonl`")
    return "the input is JSON, not an article: it is summarised as prose; pass the article's text or HTML"


def sniff_kind(text: str) -> Kind:
    """"html" for markup (a doctype, an <html> start, or several common tags), else "text"."""
    head = text[:20_000]
    if _HTML_START.match(head) or len(_HTML_TAG.findall(head)) >= 3:
        return "html"
    return "text"


def _checked(text: str, encoding: str, source: str, kind: str | None) -> RawInput:
    if _BLANK.fullmatch(text):
        raise _empty(source)
    sample = text[:100_000]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise binary(source, "it has too many control characters")
    head = sample[:_SHARE_SAMPLE]
    visible = sum(map(len, _NON_SPACE.findall(head)))
    if sum(map(len, _WORD_CHARS.findall(head))) < _MIN_WORD_CHAR_SHARE * visible:
        raise binary(source, "it has almost no letters or digits")
    kind = sniff_kind(text) if kind is None else checked_kind(kind)
    return RawInput(text=text, kind=kind, encoding=encoding, source=source)


def checked_kind(kind: str) -> Kind:
    if kind not in ("text", "html"):
        raise InputError(f"unknown input kind {kind!r}; use 'text' or 'html'")
    return kind  # type: ignore[return-value]


def _kind_from_suffix(path: Path) -> Kind | None:
    if path.suffix.lower() == ".gz":
        path = path.with_suffix("")  # "page.html.gz" is HTML
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _TEXT_SUFFIXES:
        return "text"
    return None


def _too_big(source: str, size: int | None, max_bytes: int) -> InputError:
    size_part = f"is {size:,} bytes," if size is not None else "is"
    return InputError(
        f"{source} {size_part} over the {max_bytes:,}-byte input limit; "
        "raise it with --max-bytes or SUMMARIZER_MAX_BYTES",
        source=source,
    )


def _empty(source: str) -> InputError:
    return InputError(f"{source} is empty (or only whitespace); give it the article's text or HTML", source=source)
