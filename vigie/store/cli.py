"""Commands of the store: ingest, query, explain, disputes, export."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from vigie import output
from vigie.settings import DEFAULT_DB, DEFAULT_MAX_BYTES, DEFAULT_MODEL

Db = Annotated[str, typer.Option("--db", envvar="VIGIE_DB", help="Store URL.")]
Out = Annotated[Path | None, typer.Option("-o", "--output", help="Write here (a directory for "
                                          "export parquet).")]
Text = Annotated[str | None, typer.Option(help="Full-text search in articles and quotes.")]


class QueryFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


QFmt = Annotated[QueryFormat, typer.Option("--format", help="Output format.")]


class ExportFormat(str, Enum):
    plover = "plover"
    acled = "acled"
    parquet = "parquet"


QUERY_COLUMNS = ["id", "date", "type", "mode", "source", "target", "place", "country",
                 "statuses", "articles", "fatalities"]


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: Db = DEFAULT_DB,
    n_process: Annotated[int, typer.Option(help="Worker processes for extraction.", min=1)] = 1,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.", min=1)] = 32,
    records: Annotated[bool, typer.Option(help="Inputs are record JSONL: no extraction.")] = False,
    published: Annotated[str | None, typer.Option(help="Date for articles without one.")] = None,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_MODEL,
    max_bytes: Annotated[int, typer.Option(help="Refuse larger inputs.", min=1)] = (
        DEFAULT_MAX_BYTES),
    kb: Annotated[list[Path] | None, typer.Option(help="User knowledge-base file.")] = None,
) -> None:
    """Extract articles and store their records (idempotent, resumable).

    Example: vigie ingest vigie/samples/ --db sqlite:///vigie.db --n-process 2
    """
    from vigie.settings import Settings
    from vigie.store import Store
    from vigie.store import ingest as run_ingest

    settings = Settings(model=model, max_bytes=max_bytes, kb_files=tuple(kb or ()),
                        batch_size=batch_size, n_process=n_process, db=db)
    with Store(db) as store:
        summary = run_ingest(paths, store, settings=settings, records=records,
                             published=published, progress=True, report=_report)
    for line in summary.lines():
        output.echo(line)
    raise typer.Exit(1 if summary.failed and not summary.added else 0)


def _report(kind: str, source: str, reason: str) -> None:
    (output.error if kind == "error" else output.warning)(source, reason)


def query(
    db: Db = DEFAULT_DB,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Source or target actor name.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 country.")] = None,
    place: Annotated[str | None, typer.Option(help="Place name (centre with --radius).")] = None,
    near: Annotated[str | None, typer.Option(help="LAT,LON centre for --radius.")] = None,
    radius: Annotated[float | None, typer.Option(help="Radius (km) around --place/--near.")] = None,
    since: Annotated[str | None, typer.Option(help="From this ISO date.")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this ISO date.")] = None,
    status: Annotated[str | None, typer.Option(help="reported, claimed, denied...")] = None,
    claimant: Annotated[str | None, typer.Option(help="Who claims it or gives a figure.")] = None,
    text: Text = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.", min=1)] = 100,
    fmt: QFmt = QueryFormat.table,
    out: Out = None,
) -> None:
    """List story events matching the filters.

    Example: vigie query --type ASSAULT --place Alep --radius 30 --since 2016-02-01 --format csv
    """
    from vigie.store import Filters, Store
    from vigie.store import query as run_query
    from vigie.store.export import write_rows

    centre = tuple(float(x) for x in near.split(",")) if near else None
    filters = Filters(type=type, actor=actor, country=country, place=place, near=centre,
                      radius_km=radius, since=since, until=until, status=status,
                      claimant=claimant, text=text, limit=limit)
    with Store(db) as store:
        rows = run_query(store, filters)
    if fmt is QueryFormat.table:
        _table("Story events", QUERY_COLUMNS, rows)
        return
    if fmt is QueryFormat.parquet and out is None:
        raise typer.BadParameter("--format parquet needs -o FILE")
    _echo(write_rows(rows, fmt.value, out))


def explain(
    story_id: Annotated[int, typer.Argument(help="Story event id (from vigie query).")],
    db: Db = DEFAULT_DB,
) -> None:
    """Say which reports were merged into a story event, and why.

    Example: vigie explain 12
    """
    from vigie.errors import StoreError
    from vigie.store import Store
    from vigie.store.report import explain as run_explain

    with Store(db) as store:
        try:
            data = run_explain(store, story_id)
        except StoreError as exc:
            output.error("explain", str(exc))
            raise typer.Exit(1) from exc
    output.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def disputes(
    db: Db = DEFAULT_DB,
    story: Annotated[int | None, typer.Option(help="Only this story event.")] = None,
    fmt: QFmt = QueryFormat.table,
    out: Out = None,
) -> None:
    """List story events whose figures differ by claimant: claimant, value, article, date.

    Example: vigie disputes --format csv -o disputes.csv
    """
    from dataclasses import asdict

    from vigie.store import Store
    from vigie.store.export import write_rows
    from vigie.store.report import disputes as run_disputes

    with Store(db) as store:
        rows = [asdict(c) for c in run_disputes(store, story_id=story)]
    if fmt is QueryFormat.table:
        _table("Disputed figures", ["story", "type", "kind", "claimant", "value", "doc_id",
                                    "published"], rows)
        return
    _echo(write_rows(rows, fmt.value, out))


def export(
    fmt: Annotated[ExportFormat, typer.Argument(help="plover, acled or parquet.")],
    db: Db = DEFAULT_DB,
    out: Out = None,
) -> None:
    """Export story events (PLOVER JSONL, ACLED-style CSV) or analysis tables (Parquet).

    Example: vigie export plover -o events.jsonl
    """
    from vigie.store import Store
    from vigie.store.export import export_to

    with Store(db) as store:
        done = export_to(store, fmt.value, out)
    _echo(done.text)
    for line in done.lines():  # on stderr: stdout may be the export itself
        typer.echo(line, err=True)


def _echo(text: str | None) -> None:
    if text is not None:
        output.echo(text.rstrip("\n"))


def _table(title: str, columns: list[str], rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{title} ({len(rows)})", title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*["" if row.get(c) is None else str(row.get(c)) for c in columns])
    Console(width=160).print(table)


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
    for command in (ingest, query, explain, disputes, export):
        app.command()(command)
