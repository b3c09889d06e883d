"""The core commands: `summarize` one article, `clean` it, print the `schema`."""

from __future__ import annotations

import json
import sys
from typing import Literal, Optional

import typer

from summarizer.cli.common import (
    err,
    handle_errors,
    model_progress,
    open_store,
    out,
    parse_date,
)
from summarizer.cli.options import CALLS, MODEL, STORE, Shared, shared_options

Format = Literal["json", "markdown", "table", "html"]


@handle_errors
@shared_options({"include_text": MODEL, "html": CALLS + STORE})
def summarize(
    path: str = typer.Argument(..., help="A .txt or .html file, or - for stdin."),
    format: Format = typer.Option("json", "--format", "-f",
                               help="json (the contract), markdown, table, or html (one self-contained page)."),
    include_text: bool = typer.Option(False, "--include-text", help='JSON: print {"summary", "text"} with the '
                                      "cleaned text that evidence start/end index."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD, anchors 'Feb 8'."),
    html: bool = typer.Option(False, "--html", help="Treat the input as HTML whatever its name."),
    *,
    shared: Shared,
) -> None:
    """Summarise one article into schema-v1 JSON (or markdown, a table, or a self-contained HTML page).

    Example: summarizer summarize examples/xi-putin-call.txt --format html > s.html
    """
    from summarizer import render
    from summarizer.backends import make_backend
    from summarizer.load import json_warning, load_path
    from summarizer.pipeline import summarize as run

    settings = shared.load()
    raw = load_path(path, max_bytes=settings.max_bytes, kind="html" if html else None)
    hint = json_warning(raw.text)
    if hint is not None:
        err.print(f"warning: {hint}", highlight=False, soft_wrap=True)
    anchor = parse_date(published)
    with model_progress() as progress:
        chosen = make_backend(settings, progress)
    store = open_store(settings)
    with err.status(f"summarising with {chosen.name}/{chosen.model}…", spinner="dots"):
        result = run(raw, settings=settings, backend=chosen, published=anchor, store=store, include_text=True)
    summary = result.summary
    m = summary.meta
    err.print(f"{'cached' if m.cached else 'done'} in {m.latency_s:.1f} s: {m.attempts} call(s), "
              f"{m.tokens.prompt} prompt + {m.tokens.completion} completion tokens", highlight=False)
    if format == "json" and include_text:
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    elif format == "json":
        sys.stdout.write(render.to_json(summary) + "\n")
    elif format == "html":
        from summarizer.render_html import page

        sys.stdout.write(page(summary, result.text))
    elif format == "markdown":
        sys.stdout.write(render.to_markdown(summary))
    else:
        out.print(render.to_rich(summary))


@handle_errors
@shared_options({"html": ("max_bytes",)})
def clean(
    path: str = typer.Argument(..., help="A .txt or .html file, or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print the text with its metadata as JSON."),
    html: bool = typer.Option(False, "--html", help="Treat the input as HTML whatever its name."),
    *,
    shared: Shared,
) -> None:
    """Print the cleaned article text that the model sees and evidence offsets point into.

    Example: summarizer clean page.html --json
    """
    from summarizer.clean import clean as clean_article
    from summarizer.load import load_path

    settings = shared.load()
    article = clean_article(load_path(path, max_bytes=settings.max_bytes, kind="html" if html else None))
    if as_json:
        sys.stdout.write(article.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(article.text.rstrip("\n") + "\n")
    for warning in article.warnings:
        err.print(f"warning: {warning}", highlight=False)


def schema() -> None:
    """Print the JSON Schema of ArticleSummary (schema v1).

    Example: summarizer schema > article-summary.schema.json
    """
    from summarizer.schema import ArticleSummary

    sys.stdout.write(json.dumps(ArticleSummary.model_json_schema(), indent=2) + "\n")
