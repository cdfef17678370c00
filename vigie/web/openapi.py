"""The OpenAPI schema as this server runs: which operations need the token depends on how it was
started (issue 24: the schema said every read needed a token while loopback reads were open).
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from vigie.web.deps import require_compute, require_read, require_write
from vigie.web.settings import WebSettings

ACCESS = {require_read: "read", require_compute: "compute", require_write: "write"}


def install(app: FastAPI, settings: WebSettings, routers: list[APIRouter]) -> None:
    """Serve a schema whose `security` says, operation by operation, what this server asks of
    the routes of `routers`."""

    def schema() -> dict:
        if app.openapi_schema is None:
            app.openapi_schema = _schema(app, settings, routers)
        return app.openapi_schema

    app.openapi = schema


def needs_token(access: str, settings: WebSettings) -> bool:
    """Whether this server asks a token for reads, extraction or writes."""
    if access == "read":
        return not settings.open_reads
    return settings.token is not None  # extraction, writes (refused, 403, when there is none)


def access_said(settings: WebSettings) -> str:
    """The access rules of this server, in words, for the schema's description."""
    reads = "open" if settings.open_reads else "need the bearer token"
    extraction = "needs the bearer token" if settings.token else "is open"
    writes = ("need the bearer token (VIGIE_TOKEN)" if settings.token
              else "are disabled (the server has no VIGIE_TOKEN): 403")
    hosts = ", ".join(("loopback", *settings.allowed_hosts))
    cors = ", ".join(settings.cors_origins) or "none (same origin only)"
    return (f"On this server, reads are {reads}, extraction {extraction}, writes {writes}. "
            f"Host names accepted: {hosts}. Cross-origin (CORS) origins: {cors}. Extraction "
            f"requests stop after {settings.time_limit:g} s (400, V031) or when the client "
            "leaves.")


def _schema(app: FastAPI, settings: WebSettings, routers: list[APIRouter]) -> dict:
    schema = get_openapi(title=app.title, version=app.version, routes=app.routes,
                         description=f"{app.description}\n\n{access_said(settings)}")
    for route in (route for router in routers for route in router.routes):
        if not isinstance(route, APIRoute):
            continue
        access = next((ACCESS[d.call] for d in route.dependant.dependencies if d.call in ACCESS),
                      None)
        if access is None:
            continue
        for method in route.methods:
            operation = schema["paths"][route.path_format][method.lower()]
            if needs_token(access, settings):
                operation["security"] = [{"HTTPBearer": []}]
            else:
                operation.pop("security", None)
                operation.get("responses", {}).pop("401", None)
                if access != "write":  # writes with no token on the server: always 403
                    operation.get("responses", {}).pop("403", None)
    return schema
