"""The `summarizer` command: parse input, call the pipeline, format output. Nothing more.

Errors from the SummarizerError tree become one line on stderr and a distinct exit code
(see errors.py); progress and timing go to stderr, so stdout stays clean JSON.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import typer
from rich.console import Console

from .config import Settings
from .errors import InputError, SummarizerError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.splitlines()[0] if __doc__ else None)
err = Console(stderr=True)
out = Console()

BackendOpt = typer.Option(None, "--backend", "-b", help="local (default), openai or fake. Env: SUMMARIZER_BACKEND")
ModelOpt = typer.Option(None, "--model", "-m", help="Model name for the backend. Env: SUMMARIZER_MODEL")
BaseUrlOpt = typer.Option(None, "--base-url", help="OpenAI-compatible server URL. Env: OPENAI_BASE_URL")
ModelPathOpt = typer.Option(None, "--model-path", help="Any GGUF for the local backend. Env: SUMMARIZER_MODEL_PATH")


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SummarizerError as exc:
            err.print(f"[red]error:[/red] {exc.message}", highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None

    return wrapper


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published must be YYYY-MM-DD, got {value!r}") from None


def open_store(settings: Settings):
    if not (settings.cache or settings.log):
        return None
    from .store import Store

    return Store(settings.database)


@contextmanager
def model_progress() -> Iterator[Callable[[int, int], None]]:
    """A progress bar for the one-time model assembly (1.1 GB) on stderr, shown only if it happens."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    bar = Progress("preparing model", BarColumn(), DownloadColumn(), TimeRemainingColumn(), console=err,
                   transient=True)
    task: list[Any] = []

    def update(done: int, total: int) -> None:
        if not task:
            bar.start()
            task.append(bar.add_task("model", total=total))
        bar.update(task[0], completed=done, total=total)

    try:
        yield update
    finally:
        if task:
            bar.stop()


@app.command()
@handle_errors
def summarize(
    path: str = typer.Argument(..., help="A .txt or .html file, or - for stdin."),
    format: str = typer.Option("json", "--format", "-f", help="json | markdown | table"),
    backend: Optional[str] = BackendOpt,
    model: Optional[str] = ModelOpt,
    base_url: Optional[str] = BaseUrlOpt,
    model_path: Optional[Path] = ModelPathOpt,
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD, anchors 'Feb 8'."),
    html: bool = typer.Option(False, "--html", help="Treat the input as HTML whatever its name."),
    response_format: Optional[str] = typer.Option(None, "--response-format", help="auto | json_schema | json_object | json"),
    max_reasks: Optional[int] = typer.Option(None, "--max-reasks", help="Validation re-asks per call."),
    max_tokens: Optional[int] = typer.Option(None, "--max-tokens", help="Output tokens per LLM call."),
    token_budget: Optional[int] = typer.Option(None, "--token-budget", help="Tokens per article, all calls."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Largest input accepted."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="Seconds per API request."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Skip the summary cache."),
    no_log: bool = typer.Option(False, "--no-log", help="Do not record this run in the log."),
) -> None:
    """Summarise one article into schema-v1 JSON (or markdown / a table)."""
    from . import render
    from .backends import make_backend
    from .load import load_path
    from .pipeline import summarize as run

    if format not in render.FORMATS:
        raise InputError(f"unknown --format {format!r}; use one of: {', '.join(render.FORMATS)}")
    settings = Settings.load(
        backend=backend, model=model, base_url=base_url, model_path=model_path, response_format=response_format,
        max_reasks=max_reasks, max_tokens=max_tokens, token_budget=token_budget, max_bytes=max_bytes,
        timeout_s=timeout, cache=False if no_cache else None, log=False if no_log else None,
    )
    raw = load_path(path, max_bytes=settings.max_bytes, kind="html" if html else None)
    anchor = parse_date(published)
    with model_progress() as progress:
        chosen = make_backend(settings, progress)
    store = open_store(settings)
    with err.status(f"summarising with {chosen.name}/{chosen.model}…", spinner="dots"):
        summary = run(raw, settings=settings, backend=chosen, published=anchor, store=store)
    m = summary.meta
    err.print(f"{'cached' if m.cached else 'done'} in {m.latency_s:.1f} s: {m.attempts} call(s), "
              f"{m.tokens.prompt} prompt + {m.tokens.completion} completion tokens", highlight=False)
    if format == "json":
        sys.stdout.write(render.to_json(summary) + "\n")
    elif format == "markdown":
        sys.stdout.write(render.to_markdown(summary))
    else:
        out.print(render.to_rich(summary))


@app.command()
@handle_errors
def clean(
    path: str = typer.Argument(..., help="A .txt or .html file, or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print the text with its metadata as JSON."),
    html: bool = typer.Option(False, "--html", help="Treat the input as HTML whatever its name."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Largest input accepted."),
) -> None:
    """Print the cleaned article text that the model sees and evidence offsets point into."""
    from .clean import clean as clean_article
    from .load import load_path

    settings = Settings.load(max_bytes=max_bytes)
    article = clean_article(load_path(path, max_bytes=settings.max_bytes, kind="html" if html else None))
    if as_json:
        sys.stdout.write(article.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(article.text.rstrip("\n") + "\n")
    for warning in article.warnings:
        err.print(f"warning: {warning}", highlight=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of ArticleSummary (schema v1)."""
    from .schema import ArticleSummary

    sys.stdout.write(json.dumps(ArticleSummary.model_json_schema(), indent=2) + "\n")


def main() -> None:
    # Sub-command modules register themselves on `app`; imported here, not at the top, so that
    # `summarizer summarize` does not pay for FastAPI or the eval machinery.
    from . import cli_admin, cli_batch, cli_corpora, cli_eval, cli_serve  # noqa: F401

    app()
