"""Settings of the web server, built once at the edge (`vigie serve` or the caller) and given
to the routes through `Depends`."""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass

from vigie.settings import DEFAULT_DB, DEFAULT_MODEL, DEFAULT_TIME_LIMIT

LOGGER = logging.getLogger(__name__)

# 1 MB of JSON: a long article (the longest wire story we have seen is ~60 kB) and its record,
# with room to spare; larger bodies get 413 before they are read in full.
DEFAULT_MAX_BODY = 1_000_000
# Rows per page when the client asks for none, and the most it may ask for.
DEFAULT_PAGE = 50
MAX_PAGE = 500
LOOPBACK_NAMES = ("localhost",)


@dataclass(frozen=True, kw_only=True)
class WebSettings:
    """What the API needs: where the store is, who may write, how much it accepts.

    Args:
        db: store URL.
        token: the bearer token write endpoints require (env VIGIE_TOKEN); None disables writes.
        open_reads: read endpoints need no token (the default on loopback).
        max_body: largest request body accepted, in bytes.
        model: spaCy model package for POST /extract and POST /documents.
        allowed_hosts: `Host` names accepted besides the loopback ones ("*": any).
        cors_origins: origins whose pages may call the API from a browser (none: only the
            dashboard's own).
        time_limit: seconds one extraction request may take, model included; past it the
            extraction is stopped and the request refused (V031).
        extractions: extraction requests run at once (each in a process of its own); others
            wait for one to end.
    """

    db: str = DEFAULT_DB
    token: str | None = None
    open_reads: bool = True
    max_body: int = DEFAULT_MAX_BODY
    model: str = DEFAULT_MODEL
    allowed_hosts: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ()
    time_limit: float = DEFAULT_TIME_LIMIT
    extractions: int = 2

    def __post_init__(self) -> None:
        if self.max_body <= 0:
            raise ValueError("max_body must be positive")
        if self.time_limit <= 0 or self.extractions < 1:
            raise ValueError("time_limit must be positive and extractions at least 1")
        if self.token is not None and not self.token.strip():
            raise ValueError("token must not be blank")


def is_loopback(host: str) -> bool:
    """True when `host` only accepts connections from this machine."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
