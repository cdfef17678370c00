"""`vigie serve`: the API and dashboard over a store."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from vigie import output
from vigie.settings import DEFAULT_DB, DEFAULT_MODEL, DEFAULT_TIME_LIMIT
from vigie.web.settings import DEFAULT_MAX_BODY

TOKEN_ENV = "VIGIE_TOKEN"


def serve(
    db: Annotated[str, typer.Option("--db", envvar="VIGIE_DB", help="Store URL.")] = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind (non-loopback needs VIGIE_TOKEN).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.", min=0, max=65535)] = 8000,
    model: Annotated[str, typer.Option(help="spaCy model for POST /api/extract.")] = DEFAULT_MODEL,
    max_body: Annotated[int, typer.Option(help="Largest request body, bytes.", min=1)] = (
        DEFAULT_MAX_BODY),
    public_reads: Annotated[bool, typer.Option(help="On a non-loopback address, let anyone read "
                                               "(writes still need the token).")] = False,
    allowed_host: Annotated[list[str] | None, typer.Option(
        help="A Host name to answer besides loopback ones and the address bound (repeatable; "
        "'*': any). Other names get 400: no DNS rebinding.")] = None,
    cors_origin: Annotated[list[str] | None, typer.Option(
        help="An origin (https://site.example) whose pages may call the API (repeatable); "
        "none by default.")] = None,
    time_limit: Annotated[float, typer.Option(
        help="Seconds one extraction request may take; past it the extraction is stopped "
        "(400, V031).", min=1)] = DEFAULT_TIME_LIMIT,
) -> None:
    """Serve the REST API and the dashboard over a store.

    Writes (POST /api/documents) need `Authorization: Bearer $VIGIE_TOKEN`. Binding an address
    other than loopback is refused unless VIGIE_TOKEN is set; there, reads need it too unless
    --public-reads. Requests for another Host name than loopback, the address bound or an
    --allowed-host are refused; browsers get no CORS header unless --cors-origin. SIGTERM stops
    the server within 3 s, extractions in flight killed.

    Example: vigie serve --db sqlite:///vigie.db --port 8000
    """
    from vigie.web.server import ServeError, run

    try:
        run(db=db, host=host, port=port, model=model, max_body=max_body,
            token=os.environ.get(TOKEN_ENV) or None, public_reads=public_reads,
            allowed_hosts=tuple(allowed_host or ()), cors_origins=tuple(cors_origin or ()),
            time_limit=time_limit, say=output.echo)
    except ServeError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
    app.command()(serve)
