"""Options that several commands share, declared once.

Each help text names the environment variable the option overrides, so `--help` and the
README's configuration table tell the same story.
"""

from __future__ import annotations

import typer

BackendOpt = typer.Option(None, "--backend", "-b", help="local (default), openai or fake. Env: SUMMARIZER_BACKEND")
ModelOpt = typer.Option(None, "--model", "-m", help="Model name for the backend. Env: SUMMARIZER_MODEL")
BaseUrlOpt = typer.Option(None, "--base-url", help="OpenAI-compatible server URL. Env: OPENAI_BASE_URL")
ModelPathOpt = typer.Option(None, "--model-path", help="Any GGUF for the local backend. Env: SUMMARIZER_MODEL_PATH")
