"""The HTTP service and the editor page: `create_app()`; run it with `summarizer serve`."""

from summarizer.server.app import create_app

__all__ = ["create_app"]
