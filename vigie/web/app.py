"""The web app: the REST API (one router per resource) and the dashboard's static files."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

import vigie
from vigie.store import Store
from vigie.web import errors, extracting, openapi
from vigie.web.guard import Guard, csp
from vigie.web.limits import BodyLimit
from vigie.web.routers import (
    actors,
    disputes,
    documents,
    events,
    extract,
    figures,
    meta,
    places,
    quotes,
    search,
)
from vigie.web.settings import WebSettings

LOGGER = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
ROUTERS = (documents, events, actors, places, figures, quotes, disputes, search, extract, meta)
VENDOR = "/static/vendor"
FAVICON = "/static/favicon.svg"


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
        extracting.stop_all(app.state.extraction_children)
        if owned:
            store.close()

    app = FastAPI(title="vigie", version=vigie.__version__, lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="French news articles as sourced event data: documents and their "
                  "records, story events, actors, places, figures, quotes, disputes, search.")
    app.state.settings, app.state.store, app.state.nlp = settings, store, None
    app.state.extraction_slots = asyncio.Semaphore(settings.extractions)
    app.state.extraction_children = set()
    errors.install(app)
    for module in ROUTERS:
        app.include_router(module.router)
    openapi.install(app, settings, [module.router for module in ROUTERS])
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    if settings.cors_origins:  # else no CORS header: only the dashboard's own pages may call
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"], max_age=600)
    app.add_middleware(Guard, allowed_hosts=settings.allowed_hosts)  # outermost: every answer
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_api_route("/", _dashboard, include_in_schema=False)
    app.add_api_route("/docs", _swagger_ui, include_in_schema=False)
    app.add_api_route("/redoc", _redoc, include_in_schema=False)
    app.add_api_route("/favicon.ico", _favicon, include_in_schema=False)
    return app


def _dashboard() -> FileResponse:
    return FileResponse(STATIC / "index.html")


def _swagger_ui() -> HTMLResponse:
    # Vendored assets, and no online validator badge: nothing is fetched from outside.
    page = get_swagger_ui_html(
        openapi_url="/openapi.json", title="vigie API", swagger_favicon_url=FAVICON,
        swagger_js_url=f"{VENDOR}/swagger-ui/swagger-ui-bundle.js",
        swagger_css_url=f"{VENDOR}/swagger-ui/swagger-ui.css",
        swagger_ui_parameters={"validatorUrl": None})
    # Its one inline script (the one that starts Swagger UI), allowed by its hash.
    page.headers["content-security-policy"] = csp(*_script_hashes(page.body.decode()))
    return page


def _script_hashes(html: str) -> list[str]:
    import base64
    import hashlib
    import re

    return ["sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            for script in re.findall(r"<script>(.*?)</script>", html, re.DOTALL)]


def _redoc() -> HTMLResponse:
    return get_redoc_html(openapi_url="/openapi.json", title="vigie API", with_google_fonts=False,
                          redoc_js_url=f"{VENDOR}/redoc/redoc.standalone.js",
                          redoc_favicon_url=FAVICON)


def _favicon() -> FileResponse:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")
