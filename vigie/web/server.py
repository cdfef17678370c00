"""Run the app with uvicorn, refusing unsafe bindings."""

from __future__ import annotations

import logging
from collections.abc import Callable

from vigie.errors import VigieError
from vigie.settings import DEFAULT_TIME_LIMIT
from vigie.web.settings import WebSettings, is_loopback

LOGGER = logging.getLogger(__name__)
# Seconds the server gives requests in flight when told to stop (SIGTERM, Ctrl-C); then they
# are cancelled, their extraction processes killed.
GRACE = 3
# Addresses that mean "every interface": no Host name to accept from them.
ANY_ADDRESS = ("0.0.0.0", "::", "")


class ServeError(VigieError):
    """The server cannot start as asked."""


def web_settings(*, db: str, host: str, model: str, max_body: int, token: str | None,
                 public_reads: bool, allowed_hosts: tuple[str, ...] = (),
                 cors_origins: tuple[str, ...] = (), time_limit: float = DEFAULT_TIME_LIMIT
                 ) -> WebSettings:
    """Settings for serving on `host`; refuses a non-loopback address without a token. The
    address bound, when it is one, is a host name accepted besides `allowed_hosts`.

    Raises:
        ServeError: when `host` is not loopback and no token is set.
    """
    loopback = is_loopback(host)
    if not loopback and not token:
        raise ServeError(f"[V060] refusing to serve on {host} without VIGIE_TOKEN: anyone on the "
                         "network could read and write; set VIGIE_TOKEN or bind 127.0.0.1")
    bound = () if loopback or host in ANY_ADDRESS else (host,)
    return WebSettings(db=db, token=token, open_reads=loopback or public_reads,
                       max_body=max_body, model=model, time_limit=time_limit,
                       allowed_hosts=(*bound, *allowed_hosts), cors_origins=cors_origins)


def run(*, port: int, say: Callable[[str], None], **options) -> None:
    """Serve the API and dashboard until interrupted (SIGTERM or Ctrl-C: stopped within GRACE
    seconds, requests in flight cancelled). `options` are those of `web_settings`.

    Raises:
        ServeError: when the host is not loopback and no token is set.
    """
    import uvicorn

    from vigie.web.app import create_app

    settings = web_settings(**options)
    app = create_app(settings)
    host = options["host"]
    shown = f"[{host}]" if ":" in host else host
    say(f"vigie dashboard: http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=GRACE)
