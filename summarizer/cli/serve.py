"""`summarizer serve`: the HTTP API and the editor page (FastAPI + uvicorn).

The two service-only settings come from the environment here, and only here:
SUMMARIZER_API_KEYS (comma-separated; /v1/* then needs a key) and SUMMARIZER_CORS_ORIGINS
(comma-separated; --cors-origin wins). Note SUMMARIZER_API_KEY (singular) is something else:
the key the openai backend sends upstream.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import logging
import os
import sys
from typing import Optional

import typer

from summarizer.cli.common import handle_errors, open_store
from summarizer.cli.options import MODEL, STORE, Shared, shared_options


@handle_errors
@shared_options({"port": MODEL + ("response_format", "max_tokens", "timeout"), "cors_origin": STORE})
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind; 0.0.0.0 for all."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    workers: Optional[int] = typer.Option(
        None, "--workers", help="Summaries run at once (default: 1 for local, 4 otherwise)."),
    queue: int = typer.Option(4, "--queue", help="Requests that may wait for a worker; beyond that, 429."),
    request_timeout: float = typer.Option(300.0, "--request-timeout", help="Seconds before a request gets 504."),
    max_body: int = typer.Option(2_000_000, "--max-body", help="Largest request body in bytes (413 beyond)."),
    cors_origin: Optional[list[str]] = typer.Option(  # noqa: B008  typer's idiom
        None, "--cors-origin", help="Allowed CORS origin; repeatable. Env: SUMMARIZER_CORS_ORIGINS"),
    log_level: str = typer.Option("info", "--log-level", help="debug | info | warning | error"),
    *,
    shared: Shared,
) -> None:
    """Serve the HTTP API (/v1/summaries, /docs, /redoc: offline) and the editor page on http://HOST:PORT/.

    Example: summarizer serve --port 8000, then open http://127.0.0.1:8000/
    """
    import uvicorn

    from summarizer.server import create_app

    settings = shared.load()
    keys = _split(os.environ.get("SUMMARIZER_API_KEYS"))
    origins = list(cors_origin or []) or _split(os.environ.get("SUMMARIZER_CORS_ORIGINS"))
    configure_logging(log_level)
    log = logging.getLogger("summarizer.server")
    if not keys and not _is_loopback(host):
        log.warning("serving on %s without API keys; set SUMMARIZER_API_KEYS", host)
    web = create_app(
        settings, store=open_store(settings), api_keys=keys, cors_origins=origins, max_body_bytes=max_body,
        workers=workers or (1 if settings.backend == "local" else 4), queue=queue,
        request_timeout_s=request_timeout,
    )
    log.info("editor page http://%s:%d/, API docs /docs, backend %s, %s", host, port, settings.backend,
             "API keys required" if keys else "no API keys")
    # Our middleware writes the access log (JSON, with request ids); uvicorn's would repeat it.
    # log_config=None: uvicorn keeps the JSON handlers configured above.
    uvicorn.run(web, host=host, port=port, access_log=False, log_level=log_level, log_config=None,
                proxy_headers=False)


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class JsonLines(logging.Formatter):
    """Access records are JSON already; anything else is wrapped so stderr stays one JSON object a line."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.name == "summarizer.server.access":
            return message
        line = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "message": message,
        }
        return json.dumps(line)


def configure_logging(level: str) -> None:
    """Every line on stderr is one JSON object: ours, and uvicorn's start/stop/error lines."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    for name in ("summarizer.server", "uvicorn"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level.upper())
        logger.propagate = False
