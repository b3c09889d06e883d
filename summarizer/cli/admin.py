"""Housekeeping commands: `model`, `cache`, `logs`."""

from __future__ import annotations

import json
import sys
from typing import Any, Optional

import typer
from rich.table import Table

from summarizer.cli.common import err, handle_errors, model_progress, out
from summarizer.config import Settings
from summarizer.errors import InputError

cache_app = typer.Typer(help="Inspect or clear the summary cache.", no_args_is_help=True)
logs_app = typer.Typer(help="The run log: every LLM call, its messages, response and outcome.",
                       invoke_without_command=True)


@handle_errors
def model(
    verify: bool = typer.Option(False, "--verify", help="Re-hash the assembled file (takes seconds)."),
    repair: bool = typer.Option(False, "--repair", help="Reassemble the model from the chunk packages."),
) -> None:
    """Report the embedded model: assembled or not, path, size, hash check, how to use another."""
    from summarizer.backends import model_file

    settings = Settings.load()
    if repair:
        with model_progress() as progress:
            model_file.repair(settings.cache_dir, progress)
    with model_progress() as progress:
        st = model_file.status(settings.cache_dir, verify=verify, progress=progress)
    hash_text = {None: "not checked (use --verify)", True: "ok", False: "MISMATCH (use --repair)"}[st.hash_ok]
    rows = [
        ("model", model_file.MODEL_NAME),
        ("path", str(st.path)),
        ("assembled", "yes" if st.assembled else "no (assembled on first use)"),
        ("size", f"{st.size:,} bytes" if st.size is not None else "-"),
        ("expected", f"{model_file.MODEL_SIZE:,} bytes, sha256 {model_file.MODEL_SHA256}"),
        ("sha256", hash_text),
        ("chunk packages", f"{st.parts_installed}/{model_file.PART_COUNT} installed"),
        ("override", f"--model-path or SUMMARIZER_MODEL_PATH (now: {settings.model_path or 'unset'})"),
    ]
    for key, value in rows:
        out.print(f"{key:>15}: {value}", highlight=False)
    if st.hash_ok is False:
        raise typer.Exit(3)


def _read(read: Any, missing: Any) -> Any:
    """`read(store)` on the database opened read-only: never migrated, never written."""
    from summarizer.store import read_store

    return read_store(Settings.load().database, read, missing)


@cache_app.command("stats")
@handle_errors
def cache_stats() -> None:
    """Entries, size and location of the cache."""
    empty = {"entries": 0, "bytes": 0, "oldest": None, "newest": None, "path": str(Settings.load().database)}
    sys.stdout.write(json.dumps(_read(lambda s: s.cache_stats(), empty), indent=2, default=str) + "\n")


@cache_app.command("clear")
@handle_errors
def cache_clear() -> None:
    """Remove every cached summary (the run log stays)."""
    from summarizer.store import clear_cache

    err.print(clear_cache(Settings.load().database), highlight=False, soft_wrap=True)


@logs_app.callback()
@handle_errors
def logs(ctx: typer.Context, limit: int = typer.Option(20, "--limit", "-n", help="How many runs.")) -> None:
    """List recent runs, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    runs = _read(lambda s: s.runs(limit), [])
    table = Table("id", "time", "backend", "model", "outcome", "calls", "tokens", "seconds", "cached")
    for r in runs:
        table.add_row(*(str(r.get(k, "")) for k in ("id", "started_at", "backend", "model", "outcome", "attempts")),
                      f"{r.get('prompt_tokens', 0)}+{r.get('completion_tokens', 0)}",
                      f"{r.get('latency_s') or 0:.1f}", str(bool(r.get("cached"))))
    out.print(table)


@logs_app.command("show")
@handle_errors
def logs_show(run_id: int = typer.Argument(..., help="A run id from `summarizer logs`.")) -> None:
    """Print one run in full: every attempt's messages, raw response and outcome."""
    run = _read(lambda s: s.run(run_id), None)
    if run is None:
        raise InputError(f"no run with id {run_id}; list them with `summarizer logs`")
    sys.stdout.write(json.dumps(run, indent=2, default=str) + "\n")


__all__ = ["cache_app", "logs_app", "model", "Optional"]
