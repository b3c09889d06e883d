"""Batch input and output: articles in (directories, globs, JSONL), one JSONL line per article out.

The output file has one writer (`JsonlWriter`, O_APPEND, one `os.write` per whole line, fsync
at most every second and on close): a finished article is in the kernel as soon as it is
written, so Ctrl-C or a crash loses none, and a hard kill can leave at most one partial last
line, which `open_output(resume=True)` cuts off.

Unix habits: the input `-` is stdin (JSONL lines, or one path, directory or glob a line); the
output `-` streams the lines to stdout. A pipe, /dev/stdout or any other non-regular file is
written, never read back, truncated or fsync'd, so --resume and --retry-failed need a real file.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import stat
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from summarizer.errors import InputError

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


# --- input ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One article to summarise; plain strings so it pickles to Ray workers as is."""

    id: str
    text: str | None = None  # JSONL input: the article itself
    path: str | None = None  # file input: read by the pipeline, which tells HTML by suffix
    kind: str | None = None  # "text" | "html" | None (the loader decides)
    published: str | None = None  # YYYY-MM-DD
    error: dict[str, Any] | None = None  # a bad input line: recorded as is, never run

    def source(self) -> str | Path:
        return Path(self.path) if self.path is not None else self.text or ""


def read_items(*specs: str | Path) -> list[Item]:
    """Directories (their .txt/.md/.html files), globs, files or .jsonl files; ids must be unique.

    Files: id = file stem. JSONL: one object per line with "id" and "text" or "html", and an
    optional "published" (YYYY-MM-DD); a bad line becomes an error item (id "line-N").
    """
    return _unique([item for spec in specs for item in _read_one(spec)])


def read_stdin(stream: IO[bytes] | None = None) -> list[Item]:
    """`summarizer batch -`: JSONL articles when the first line is a JSON object, else one
    path, directory or glob a line (what `find` or `ls` print)."""
    data = (stream or sys.stdin.buffer).read()
    lines = [raw for raw in data.splitlines(keepends=True) if raw.strip()]
    if not lines:
        raise InputError("stdin is empty; pipe JSONL articles or one path a line into `summarizer batch -`")
    if lines[0].lstrip().startswith(b"{"):
        return _unique([_jsonl_item(raw, n) for n, raw in enumerate(data.splitlines(), 1) if raw.strip()])
    return _unique([item for raw in lines for item in _read_one(raw.decode("utf-8", "replace").strip())])


def _read_one(spec: str | Path) -> list[Item]:
    if str(spec) == "-":
        return read_stdin()
    path = Path(spec)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    elif path.is_file():
        return _read_jsonl(path) if path.suffix.lower() in JSONL_SUFFIXES else [_file_item(path)]
    elif any(c in str(spec) for c in "*?["):
        files = sorted(Path(p) for p in glob.glob(str(spec), recursive=True) if Path(p).is_file())
    else:
        raise InputError(f"{spec}: no such file, directory or glob; give a directory, a quoted glob or a .jsonl")
    if not files:
        raise InputError(f"{spec}: no article files in it ({', '.join(sorted(ARTICLE_SUFFIXES))})")
    return [_file_item(p) for p in files]


def _file_item(path: Path) -> Item:
    return Item(id=path.stem, path=str(path.absolute()))  # absolute: Ray workers run elsewhere


def _read_jsonl(path: Path) -> list[Item]:
    items = []
    with path.open("rb") as lines:  # bytes, so one badly encoded line fails alone
        for n, raw in enumerate(lines, 1):
            if raw.strip():
                items.append(_jsonl_item(raw, n))
    if not items:
        raise InputError(f"{path} has no lines; give one JSON object per article")
    return items


def _jsonl_item(raw: bytes, n: int) -> Item:
    def bad(why: str, ident: str | None = None) -> Item:
        return Item(ident or f"line-{n}", error={"type": "InputError", "message": f"line {n}: {why}", "attempts": 0})

    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return bad(f"not valid JSON ({exc})")
    if not isinstance(obj, dict):
        return bad(f"expected a JSON object, got {type(obj).__name__}")
    ident = obj.get("id")
    if isinstance(ident, bool) or not isinstance(ident, (str, int)) or not str(ident).strip():
        return bad('needs an "id" (a non-empty string or a number)')
    ident = str(ident)
    kind = "text" if isinstance(obj.get("text"), str) and obj["text"].strip() else "html"
    body = obj.get(kind)
    if not isinstance(body, str) or not body.strip():
        return bad('needs "text" or "html" (a non-empty string)', ident)
    published = obj.get("published")
    if published is not None:
        try:
            published = dt.date.fromisoformat(str(published)[:10]).isoformat()
        except ValueError:
            return bad(f'"published" must be YYYY-MM-DD, got {published!r}', ident)
    return Item(ident, text=body, kind=kind, published=published)


def _unique(items: list[Item]) -> list[Item]:
    counts = Counter(item.id for item in items)
    dups = [f"{ident!r} (x{n})" for ident, n in counts.items() if n > 1]
    if dups:
        more = f" and {len(dups) - 5} more" if len(dups) > 5 else ""
        raise InputError(f"duplicate ids in the input: {', '.join(dups[:5])}{more}; every article needs its "
                         "own id, so that the output and --resume can tell them apart")
    return items


# --- output---------------------------------------------------------------------------------


class JsonlWriter:
    """The output file's only writer. `done` holds the ids already in it (id -> "ok" | "error")."""

    def __init__(self, fd: int, path: Path, done: dict[str, str], fsync_every_s: float = 1.0, *,
                 include_text: bool = False, stream: bool = False, sink: IO[bytes] | None = None) -> None:
        self.fd, self.path, self.done = fd, path, done
        self.sink = sink  # `--out -`: sys.stdout's buffer, flushed after every line
        self.fsync_every_s = fsync_every_s
        self.include_text = include_text  # keep the cleaned text beside each summary
        self.stream = stream  # stdout, a pipe, /dev/stdout: written, never fsync'd nor read back
        self._synced = time.monotonic()

    def write(self, line: dict[str, Any]) -> None:
        if not self.include_text and "text" in line:
            line = {k: v for k, v in line.items() if k != "text"}
        self.write_bytes((json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode())
        self.done[str(line["id"])] = "error" if "error" in line else "ok"

    def write_bytes(self, payload: bytes) -> None:
        """One whole line (or CSV rows) in one write(); fsync'd at most every `fsync_every_s`."""
        if self.sink is not None:
            self.sink.write(payload)
            self.sink.flush()
            return
        data = memoryview(payload)
        while data:  # one write() in practice; the loop only matters on a full disk or a signal
            data = data[os.write(self.fd, data):]
        if time.monotonic() - self._synced >= self.fsync_every_s:
            self.sync()

    def sync(self) -> None:
        if self.stream:
            return  # a pipe or terminal cannot be fsync'd (EINVAL), and holds nothing to lose
        os.fsync(self.fd)  # the kernel has every line already; this guards against power loss
        self._synced = time.monotonic()

    def close(self) -> None:
        if self.fd >= 0:
            self.sync()
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_output(path: Path | str, *, resume: bool = False, retry_failed: bool = False,
                overwrite: bool = False, include_text: bool = False) -> JsonlWriter:
    """Open --out for appending, checked before any work: writable, not taken, not clobbered.

    `-` is stdout; it, pipes and devices (/dev/stdout) are streamed to and never read back."""
    if str(path) == "-" or _is_stream(Path(path)):
        if resume or retry_failed:
            raise InputError(f"--resume needs --out to be a file: {path} is a stream and cannot be read back; "
                             "write to a file (--out s.jsonl) to resume later")
        if str(path) == "-":
            sys.stdout.flush()
            return JsonlWriter(-1, Path("-"), {}, include_text=include_text, stream=True, sink=sys.stdout.buffer)
        return JsonlWriter(_open_locked(Path(path), lock=False), Path(path), {}, include_text=include_text,
                           stream=True)
    path = Path(path)
    if path.is_dir():
        raise InputError(f"--out {path} is a directory; give a file such as {path / 'summaries.jsonl'}")
    if not path.parent.is_dir():
        raise InputError(f"--out {path}: the directory {path.parent} does not exist; create it first")
    if path.exists() and path.stat().st_size and not (resume or overwrite):
        raise InputError(f"--out {path} already holds results; pass --resume to add the missing "
                         "articles, or --overwrite to start again")
    fd = _open_locked(path)
    if overwrite:
        os.ftruncate(fd, 0)
        return JsonlWriter(fd, path, {}, include_text=include_text)
    done, end, size, errors = _scan(path)
    if end < size:  # a hard kill mid-write: drop the partial last line, its article reruns
        os.ftruncate(fd, end)
    if retry_failed and errors:
        os.close(fd)
        _drop_errors(path)
        fd = _open_locked(path)
        done = {k: v for k, v in done.items() if v == "ok"}
    return JsonlWriter(fd, path, done, include_text=include_text)


def _is_stream(path: Path) -> bool:
    """A FIFO, a terminal, /dev/stdout: anything that exists and is not a regular file or directory."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _open_locked(path: Path, *, lock: bool = True) -> int:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError as exc:
        raise InputError(f"--out {path} is not writable ({exc.strerror}); pick another path") from None
    if not lock:
        return fd
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a second writer would duplicate lines
    except ImportError:  # pragma: no cover - Windows: no advisory lock
        pass
    except OSError:
        os.close(fd)
        raise InputError(f"--out {path} is being written by another batch run; wait for it") from None
    return fd


def _scan(path: Path) -> tuple[dict[str, str], int, int, int]:
    """Ids in the output, the length of its whole lines, its size, and how many are errors."""
    done: dict[str, str] = {}
    end = 0
    with path.open("rb") as lines:
        for n, raw in enumerate(lines, 1):
            if not raw.endswith(b"\n"):
                break  # the partial last line of an interrupted write
            end += len(raw)
            if raw.strip():
                try:
                    obj = json.loads(raw)
                    done[str(obj["id"])] = "error" if "error" in obj else "ok"
                except (ValueError, KeyError, TypeError):
                    raise InputError(f"--out {path}: line {n} is not a batch result ({raw[:60]!r}); "
                                     "fix the file or pick another --out") from None
        size = lines.seek(0, os.SEEK_END)
    return done, end, size, sum(1 for v in done.values() if v == "error")


def _drop_errors(path: Path) -> None:
    """Rewrite the output without its error lines (atomically: temp file, fsync, rename)."""
    tmp = path.with_name(path.name + ".tmp")
    with path.open("rb") as src, tmp.open("wb") as dst:
        for raw in src:
            if raw.strip() and "error" not in json.loads(raw):
                dst.write(raw)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)  # make the rename itself durable
    finally:
        os.close(dir_fd)
