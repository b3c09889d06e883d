"""`summarizer batch`: summarise a directory, a glob or a JSONL file into a JSONL file.

Exit codes: 0 every article summarised; 1 the run finished but some articles failed (each
has an "error" line in the output; rerun with --resume --retry-failed); 130 interrupted
(rerun with --resume). Errors before any work starts keep their usual codes: 2 bad input,
duplicate ids or an unusable --out; 3 bad settings; 4 the backend refused every article.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, Optional

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from summarizer.batch import (
    BatchStats,
    JsonlWriter,
    Record,
    default_concurrency,
    open_output,
    read_items,
    run_batch,
)
from summarizer.batch.csv_out import as_csv
from summarizer.cli.common import err, handle_errors, open_store
from summarizer.cli.options import CALLS, MODEL, STORE, Shared, shared_options
from summarizer.config import Settings
from summarizer.errors import ConfigError


class RateColumn(ProgressColumn):
    """Articles per second, for the batch progress bar."""

    def render(self, task: Any) -> Text:
        return Text(f"{task.speed or 0:.1f}/s", style="progress.data.speed")


@handle_errors
@shared_options({"engine": MODEL + CALLS + STORE})
def batch(
    sources: list[str] = typer.Argument(..., help="Directories of .txt/.html files, files, globs, or .jsonl files "
                                        'with {"id", "text" | "html", "published"?} per line; - reads stdin '
                                        "(JSONL, or one path a line)."),
    out: str = typer.Option(..., "--out", "-o", help="Output JSONL: one {id, summary | error} per article; - streams "
                            "to stdout (then --resume needs a file instead)."),
    output_format: Literal["jsonl", "csv"] = typer.Option("jsonl", "--format", "-f",
                                      help="jsonl, or csv: one row per participant, position, figure and event."),
    include_text: bool = typer.Option(False, "--include-text", help='Add "text", the cleaned text that evidence '
                                      "start/end index, to every summary line (for `summarizer render`)."),
    resume: bool = typer.Option(False, "--resume", help="Skip the ids already in --out; add the rest."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="With --resume: run the failed ids again."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Empty --out first."),
    concurrency: Optional[int] = typer.Option(None, "--concurrency", "-c", min=1,
                                              help="Articles in flight. Default: 1 local, 8 openai."),
    rpm: Optional[float] = typer.Option(None, "--rpm", help="Most API requests per minute (all workers)."),
    engine: Literal["threads", "ray"] = typer.Option("threads", "--engine",
                               help="threads, or ray (pip install 'summarizer[ray]')."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary table."),
    *,
    shared: Shared,
) -> None:
    """Summarise many articles into JSONL, concurrently, resumably; failures are recorded per article.

    Exit 0: all summarised. Exit 1: finished, but some articles have an "error" line (rerun with
    --resume --retry-failed). Exit 130: interrupted (rerun with --resume). Exit 2/3/4: refused
    before any work (bad input or --out, bad settings) or stopped because the backend refused
    every article.

    Example: cat items.jsonl | summarizer batch - --out - | jq .id
    """
    if output_format == "csv" and resume:
        raise ConfigError("--resume works with the jsonl format only; write JSONL and convert, or rerun without it")
    if retry_failed and not resume:
        raise ConfigError("--retry-failed works with --resume")
    settings = shared.load()
    path = Path(out)
    created = out != "-" and not path.exists()
    writer = open_output(out, resume=resume, retry_failed=retry_failed, overwrite=overwrite,
                         include_text=include_text)
    if output_format == "csv":
        writer = as_csv(writer)
    try:
        items = read_items(*sources)
    except BaseException:
        writer.close()
        if created and path.exists() and path.stat().st_size == 0:
            path.unlink()  # leave no empty --out behind a refused input
        raise
    earlier = sum(1 for item in items if writer.done.get(item.id) == "error")  # --resume: failed before
    with writer:
        stats = _run(items, writer, settings, engine, concurrency or default_concurrency(settings), rpm, quiet)
    failed = sum(1 for item in items if writer.done.get(item.id) == "error")  # this run's and earlier ones'
    if not quiet:
        err.print(summary_table(stats, path, failed_before=failed - stats.failed if earlier else 0))
    if failed:
        err.print(f"{failed} article(s) failed; see their \"error\" lines in {out}, then rerun with "
                  "--resume --retry-failed", highlight=False)
        raise typer.Exit(1)


def _run(items: list, writer: JsonlWriter, settings: Settings, engine: str, concurrency: int,
         rpm: float | None, quiet: bool) -> BatchStats:
    todo = sum(1 for item in items if item.id not in writer.done)
    bar = Progress(
        TextColumn("[bold]summarising"), BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn(),
        TextColumn("[red]{task.fields[failed]} failed"), TextColumn("{task.fields[tokens]:,} tokens"),
        console=err, disable=quiet,
    )
    task = bar.add_task("batch", total=len(items), completed=len(items) - todo, failed=0, tokens=0)

    def update(record: Record, stats: BatchStats) -> None:
        bar.update(task, advance=1, failed=stats.failed, tokens=stats.tokens.total)

    with bar:
        try:
            if engine == "ray":
                from summarizer.batch.ray import run_ray

                return run_ray(items, writer, settings=settings, concurrency=concurrency, rpm=rpm,
                               use_store=True, on_record=update)
            from summarizer.backends import make_backend
            from summarizer.cli.common import model_progress

            with model_progress() as progress:
                chosen = make_backend(settings, progress)
            return run_batch(items, writer, settings=settings, backend=chosen, concurrency=concurrency,
                             rpm=rpm, store=open_store(settings), on_record=update)
        except KeyboardInterrupt:
            writer.sync()
            err.print(f"interrupted; every finished article is in {writer.path}: rerun with --resume")
            raise


def summary_table(stats: BatchStats, out: Path, failed_before: int = 0) -> Table:
    """The table printed after a batch: counts, errors by kind, tokens and time.

    `failed_before`: articles that failed in an earlier run and are still failed in --out
    (a --resume without --retry-failed skips them), counted apart from this run's failures.
    """
    table = Table(title=f"batch -> {out}", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    rate = (stats.ok + stats.failed) / stats.elapsed_s if stats.elapsed_s else 0.0
    table.add_row("articles", f"{stats.total:,}")
    table.add_row("already done (--resume)", f"{stats.skipped:,}")
    table.add_row("summarised", f"[green]{stats.ok:,}")
    table.add_row("failed", f"[red]{stats.failed:,}" if stats.failed else "0")
    if failed_before:
        table.add_row("failed in an earlier run (--retry-failed)", f"[red]{failed_before:,}")
    for kind, n in stats.errors.most_common():
        table.add_row(f"  {kind}", f"{n:,}")
    table.add_row("tokens (prompt + completion)", f"{stats.tokens.prompt:,} + {stats.tokens.completion:,}")
    table.add_row("time", f"{stats.elapsed_s:.1f} s ({rate:.2f} articles/s)")
    return table
