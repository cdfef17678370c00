"""Run the app with uvicorn, refusing unsafe bindings."""

from __future__ import annotations

import logging
from collections.abc import Callable

from vigie.errors import VigieError
from vigie.web.settings import WebSettings, is_loopback

LOGGER = logging.getLogger(__name__)


class ServeError(VigieError):
    """The server cannot start as asked."""


def web_settings(*, db: str, host: str, model: str, max_body: int, token: str | None,
                 public_reads: bool) -> WebSettings:
    """Settings for serving on `host`; refuses a non-loopback address without a token.

    Raises:
        ServeError: when `host` is not loopback and no token is set.
    """
    loopback = is_loopback(host)
    if not loopback and not token:
        raise ServeError(f"[V060] refusing to serve on {host} without VIGIE_TOKEN: anyone on the "
                         "network could read and write; set VIGIE_TOKEN or bind 127.0.0.1")
    return WebSettings(db=db, token=token, open_reads=loopback or public_reads,
                       max_body=max_body, model=model)


def run(*, db: str, host: str, port: int, model: str, max_body: int, token: str | None,
        public_reads: bool, say: Callable[[str], None]) -> None:
    """Serve the API and dashboard until interrupted.

    Raises:
        ServeError: when `host` is not loopback and no token is set.
    """
    import uvicorn

    from vigie.web.app import create_app

    settings = web_settings(db=db, host=host, model=model, max_body=max_body, token=token,
                            public_reads=public_reads)
    app = create_app(settings)
    shown = f"[{host}]" if ":" in host else host
    say(f"vigie dashboard: http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
