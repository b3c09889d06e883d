"""The `summarizer` command line: news articles in, structured, verifiable summaries out.

Every command is registered here, in one place; the modules beside this one define them and
never import this package, so importing `summarizer.cli` gives the whole command tree.
"""

from __future__ import annotations

from typing import Optional

import typer

from summarizer.cli import admin, batch, corpora, logs, render, serve, summarize
from summarizer.cli import eval as eval_cli

HELP = """News articles in, structured summaries out, every item with evidence you can check.

Example: summarizer summarize examples/xi-putin-call.txt --format markdown

Shell completion: summarizer --install-completion (bash, zsh, fish, PowerShell).
"""

app = typer.Typer(no_args_is_help=True, help=HELP, rich_markup_mode=None)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        from summarizer.schema import SCHEMA_VERSION

        try:
            number = version("summarizer")
        except PackageNotFoundError:  # pragma: no cover - run from a source tree without install
            number = "unknown"
        typer.echo(f"summarizer {number} (schema {SCHEMA_VERSION})")
        raise typer.Exit()


@app.callback()
def _main(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True,
                                           help="Print the version and exit."),
) -> None:
    pass


app.command()(summarize.summarize)
app.command()(summarize.clean)
app.command()(summarize.schema)
app.command()(admin.model)
app.add_typer(admin.cache_app, name="cache")
app.add_typer(logs.logs_app, name="logs")
app.command()(batch.batch)
app.command()(render.render)
app.command("eval")(eval_cli.eval_command)
app.command("corpora")(corpora.corpora_command)
app.command()(serve.serve)


def main() -> None:
    """Entry point of the `summarizer` script."""
    app()
