"""`summarizer logs`: the run log, filtered and searched (in the spirit of `llm logs`)."""

from __future__ import annotations

import json
import sys
from typing import Any, Literal, Optional

import typer
from rich.table import Column, Table

from summarizer.cli.common import handle_errors, out
from summarizer.config import Settings
from summarizer.errors import InputError

logs_app = typer.Typer(help="The run log: every run and LLM call, its messages, response and outcome.\n\n"
                       "Example: summarizer logs -q Ushakov --since 7d --json",
                       invoke_without_command=True)


def _store() -> Any:
    from summarizer.store import readonly_store

    return readonly_store(Settings.load().database)  # never migrated nor written; a bad file is one line


@logs_app.callback()
@handle_errors
def logs(
    ctx: typer.Context,
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many runs."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Only runs of this model."),
    backend: Optional[str] = typer.Option(None, "--backend", "-b", help="Only runs of this backend."),
    outcome: Optional[Literal["ok", "error", "cached", "unfinished"]] = typer.Option(
        None, "--outcome", help="Only runs that ended so; cached: cache hits; unfinished: still running or killed."),
    since: Optional[str] = typer.Option(None, "--since", help="Only runs started since a date, a time or an age "
                                        "(2024-02-08, 2024-02-08T14:00, 30m, 2h, 7d)."),
    query: Optional[str] = typer.Option(None, "--query", "-q", help="Full-text search over inputs, responses, "
                                        "summaries and errors (SQLite FTS5); every word must match."),
    as_json: bool = typer.Option(False, "--json", help="Print the runs as a JSON array."),
) -> None:
    """List recent runs, newest first; cache hits are runs marked cached.

    Example: summarizer logs -q Ushakov --backend local --since 7d --json
    """
    if ctx.invoked_subcommand is not None:
        return
    from summarizer.store.query import RunFilter, search_runs

    where = RunFilter(model=model, backend=backend, outcome=outcome, since=since, query=query, limit=limit)
    with _store() as store:
        runs = search_runs(store, where)
    if as_json:
        sys.stdout.write(json.dumps(runs, indent=2, ensure_ascii=False) + "\n")
        return
    out.print(runs_table(runs))


def runs_table(runs: list[dict[str, Any]]) -> Table:
    """The runs as a table; an unfinished run says so instead of showing None."""
    table = Table("id", "time", "backend", "model", Column("outcome", no_wrap=True, min_width=10), "calls", "tokens",
                  "seconds", "cached", "source")
    for r in runs:
        done = r.get("finished_at") is not None
        table.add_row(
            str(r["id"]), str(r["started_at"]), str(r["backend"]), str(r["model"]),
            str(r["outcome"]) if done else "unfinished",
            str(r["attempts"]) if done else "-",
            f"{r.get('prompt_tokens') or 0}+{r.get('completion_tokens') or 0}" if done else "-",
            f"{r.get('latency_s') or 0:.1f}" if done else "-",
            ("yes" if r.get("cached") else "no") if done else "-",
            str(r.get("source") or ""),
        )
    return table


@logs_app.command("show")
@handle_errors
def logs_show(run_id: int = typer.Argument(..., help="A run id from `summarizer logs`.")) -> None:
    """Print one run in full: every attempt's messages, raw response and outcome.

    Example: summarizer logs show 12
    """
    with _store() as store:
        run = store.run(run_id)
    if run is None:
        raise InputError(f"no run with id {run_id}; list them with `summarizer logs`")
    sys.stdout.write(json.dumps(run, indent=2, default=str) + "\n")


@logs_app.command("path")
def logs_path() -> None:
    """Print the path of the database that holds the run log and the cache.

    Example: sqlite3 "$(summarizer logs path)" 'select count(*) from runs'
    """
    sys.stdout.write(f"{Settings.load().database}\n")
