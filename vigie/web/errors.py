"""One error shape for every error the API returns: {"ok", "error", "errors", "status"}."""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from vigie.errors import StoreError
from vigie.web.extracting import ClientLeft

LOGGER = logging.getLogger(__name__)


def error_body(status: int, error: str, errors: list | None = None) -> dict:
    """The error shape: `ok` false, a message, the detailed errors (may be empty), the status."""
    return {"ok": False, "error": error, "errors": errors or [], "status": status}


def error_response(status: int, error: str, errors: list | None = None,
                   headers: dict | None = None) -> JSONResponse:
    """A JSON response in the error shape."""
    return JSONResponse(error_body(status, error, errors), status_code=status, headers=headers)


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    message = exc.detail if isinstance(exc.detail, str) else "error"
    headers = getattr(exc, "headers", None)
    if exc.status_code == 405:  # every method of the path, not those of the first route found
        headers = {**(headers or {}), "Allow": ", ".join(_methods(request))}
    return error_response(exc.status_code, message, headers=headers)


def _methods(request: Request) -> list[str]:
    """The methods the OpenAPI schema gives the request's path (GET /api/documents and POST
    /api/documents are two routes: Starlette's 405 named only the first one's)."""
    found = set()
    for path, operations in request.app.openapi()["paths"].items():
        pattern = re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(path))
        if re.fullmatch(pattern, request.url.path):
            found.update(method.upper() for method in operations)
    return sorted(found)


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    # Keep what a client needs to fix its request (where, what); drop the echoed input.
    errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
              for e in exc.errors()]
    return error_response(422, "invalid request", errors)


async def _store_error(_request: Request, exc: StoreError) -> JSONResponse:
    # "no document 7", "no story event 7": not found; the database failing (V055: locked, disk
    # full, server down) is the server's trouble, for a while.
    return error_response(503 if str(exc).startswith("[V055]") else 404, str(exc))


async def _client_left(_request: Request, _exc: Exception) -> Response:
    # Nobody reads it: nginx's 499 "client closed request" in the server's log.
    return Response(status_code=499)


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    LOGGER.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal server error")


def install(app: FastAPI) -> None:
    """Route every error the app can raise to the one shape."""
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(ClientLeft, _client_left)
    app.add_exception_handler(Exception, _server_error)
