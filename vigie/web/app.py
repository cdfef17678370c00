"""The web app: the REST API (one router per resource) and the dashboard's static files."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

import vigie
from vigie.store import Store
from vigie.web import errors
from vigie.web.limits import BodyLimit
from vigie.web.routers import (
    actors,
    disputes,
    documents,
    events,
    extract,
    figures,
    places,
    quotes,
    search,
)
from vigie.web.settings import WebSettings

LOGGER = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
ROUTERS = (documents, events, actors, places, figures, quotes, disputes, search, extract)


def create_app(settings: WebSettings | None = None, *, store: Store | None = None) -> FastAPI:
    """Build the app over a store.

    Args:
        settings: server settings (store URL, token, limits); defaults when None.
        store: an open store to serve (else one is opened from settings.db, and closed at
            shutdown).

    Returns:
        The FastAPI application (API under /api, dashboard at /).
    """
    settings = settings or WebSettings()
    owned = store is None
    store = store or Store(settings.db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if owned:
            store.close()

    app = FastAPI(title="vigie", version=vigie.__version__, lifespan=lifespan,
                  description="French news articles as sourced event data: documents and their "
                  "records, story events, actors, places, figures, quotes, disputes, search.")
    app.state.settings, app.state.store, app.state.nlp = settings, store, None
    errors.install(app)
    for module in ROUTERS:
        app.include_router(module.router)
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_api_route("/", _dashboard, include_in_schema=False)
    return app


def _dashboard() -> FileResponse:
    return FileResponse(STATIC / "index.html")
