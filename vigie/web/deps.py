"""What routes depend on: settings, the store, the pipeline (loaded once, lazily), pagination
and the bearer-token checks."""

from __future__ import annotations

import hmac
import logging
import threading
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from vigie.store import Store
from vigie.web.settings import DEFAULT_PAGE, MAX_PAGE, WebSettings

LOGGER = logging.getLogger(__name__)
_bearer = HTTPBearer(auto_error=False, description="VIGIE_TOKEN of the server")
_pipeline_lock = threading.Lock()


def get_settings(request: Request) -> WebSettings:
    """The app's settings (set by create_app)."""
    return request.app.state.settings


def get_store(request: Request) -> Store:
    """The app's store (opened by create_app)."""
    return request.app.state.store


def get_nlp(request: Request):
    """vigie's pipeline, loaded on first use and kept for the life of the app."""
    state = request.app.state
    with _pipeline_lock:
        if getattr(state, "nlp", None) is None:
            from vigie.pipeline import load

            LOGGER.info("loading the pipeline (%s)", state.settings.model)
            state.nlp = load(state.settings.model)
    return state.nlp


@dataclass(frozen=True)
class Page:
    """limit/offset of a paginated list."""

    limit: int
    offset: int


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")] = 0,
) -> Page:
    """Pagination parameters shared by every list."""
    return Page(limit, offset)


def paginated(items: list, pg: Page, total: int | None = None) -> dict:
    """A page of results; `items` may hold one row more than the page to tell there is a next."""
    more = len(items) > pg.limit
    body = {"items": items[: pg.limit], "limit": pg.limit, "offset": pg.offset,
            "next_offset": pg.offset + pg.limit if more else None}
    if total is not None:
        body["total"] = total
    return body


def _check_token(settings: WebSettings, credentials: HTTPAuthorizationCredentials | None) -> None:
    if settings.token is None:
        raise HTTPException(403, "writes are disabled: start the server with VIGIE_TOKEN set")
    if credentials is None:
        raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), settings.token.encode()):
        raise HTTPException(403, "wrong bearer token")


def require_write(
    settings: Annotated[WebSettings, Depends(get_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Write endpoints: a bearer token equal to the server's VIGIE_TOKEN."""
    _check_token(settings, credentials)


def require_compute(
    settings: Annotated[WebSettings, Depends(get_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Costly endpoints (extraction): the token whenever the server has one."""
    if settings.token is not None:
        _check_token(settings, credentials)


def require_read(
    settings: Annotated[WebSettings, Depends(get_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Read endpoints: open unless the server was started with closed reads."""
    if not settings.open_reads:
        _check_token(settings, credentials)


SettingsDep = Annotated[WebSettings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
PageDep = Annotated[Page, Depends(page)]
