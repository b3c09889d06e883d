"""The `summarizer` command line: news articles in, structured, verifiable summaries out.

Every command is registered here, in one place; the modules beside this one define them and
never import this package, so importing `summarizer.cli` gives the whole command tree.
"""

from __future__ import annotations

import typer

from summarizer.cli import admin, batch, corpora, serve, summarize
from summarizer.cli import eval as eval_cli

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.splitlines()[0] if __doc__ else None)

app.command()(summarize.summarize)
app.command()(summarize.clean)
app.command()(summarize.schema)
app.command()(admin.model)
app.add_typer(admin.cache_app, name="cache")
app.add_typer(admin.logs_app, name="logs")
app.command()(batch.batch)
app.command("eval")(eval_cli.eval_command)
app.command("corpora")(corpora.corpora_command)
app.command()(serve.serve)


def main() -> None:
    """Entry point of the `summarizer` script."""
    app()
