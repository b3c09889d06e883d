"""What every command shares: the consoles, error handling, the store and the model's progress bar.

Errors from the SummarizerError tree become one line on stderr and a distinct exit code
(see errors.py); progress and timing go to stderr, so stdout stays clean JSON.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

from summarizer.config import Settings
from summarizer.errors import InputError, SummarizerError
from summarizer.scrub import scrub

if TYPE_CHECKING:
    from summarizer.store import SafeStore

err = Console(stderr=True)
out = Console()

def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a command: a SummarizerError becomes one line on stderr and its exit code; Ctrl-C exits 130."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SummarizerError as exc:
            err.print(f"[red]error:[/red] {scrub(exc.message)}", highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None

    return wrapper


def parse_date(value: str | None) -> dt.date | None:
    """--published as a date; InputError unless it is YYYY-MM-DD."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published must be YYYY-MM-DD, got {value!r}") from None


def open_store(settings: Settings) -> SafeStore | None:
    """The cache and run log database, or None when both are off; one that cannot be used
    prints a warning (path and fix) and is skipped, so the summary is still produced."""
    if not (settings.cache or settings.log):
        return None
    from summarizer.store import SafeStore

    return SafeStore(path=settings.database, warn=lambda m: err.print(f"warning: {m}", highlight=False,
                                                                        soft_wrap=True))


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
