"""`summarizer render`: batch output (JSONL) as one self-contained HTML page."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from summarizer.cli.common import err, handle_errors
from summarizer.errors import InputError


@handle_errors
def render(
    source: str = typer.Argument(..., help="Batch output JSONL (one {id, summary, text?} or {id, error} a line), "
                                 "or - for stdin."),
    html_out: Path = typer.Option(..., "--html", help="The HTML file to write (- for stdout)."),
    title: str = typer.Option("batch", "--title", help="The page title."),
) -> None:
    """Write one HTML page for a whole batch: a list of articles, each summary with its evidence.

    Evidence is marked in the article when the batch ran with --include-text (the lines then
    carry the cleaned text). The page needs no server and no network.

    Example: summarizer batch items.jsonl --out s.jsonl --include-text && summarizer render s.jsonl --html s.html
    """
    from summarizer.render_html import batch_page

    lines = read_lines(source)
    page = batch_page(lines, title=title)
    if str(html_out) == "-":
        sys.stdout.write(page)
        return
    try:
        html_out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"--html {html_out}: cannot write it ({exc.strerror}); pick another path") from None
    err.print(f"{len(lines)} article(s) -> {html_out}", highlight=False)


def read_lines(source: str) -> list[dict[str, Any]]:
    """The batch lines of a JSONL file (or stdin); a line that is no batch result is skipped, with a warning."""
    if source == "-":
        raw = sys.stdin.read().splitlines()
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{source}: no such file; give a batch output .jsonl (or - for stdin)")
        raw = path.read_text(encoding="utf-8", errors="replace").splitlines()
    lines = []
    for n, text in enumerate(raw, 1):
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except ValueError:
            obj = None
        if not isinstance(obj, dict) or "id" not in obj or not isinstance(obj.get("summary") or obj.get("error"), dict):
            err.print(f"warning: line {n} is not a batch result; skipped", highlight=False)
            continue
        lines.append({"id": str(obj["id"]), "summary": obj.get("summary"), "text": obj.get("text"),
                      "error": obj.get("error")})
    if not lines:
        raise InputError(f"{source}: no batch results in it; give the --out file of `summarizer batch`")
    return lines
