"""Commands of the store: ingest, query, explain, disputes, export.

Only `ingest` creates a store; the others refuse a store that does not exist. `-o` always writes
a file (its format from the suffix, or --format) and says what it wrote, on stderr.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from vigie import cli_args, output
from vigie.errors import UsageError
from vigie.settings import DEFAULT_DB, DEFAULT_MAX_BYTES, DEFAULT_MODEL, DEFAULT_TIME_LIMIT

Db = Annotated[str, typer.Option("--db", envvar="VIGIE_DB", help="Store URL.")]
Out = Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file; its suffix "
                                          "(.csv .jsonl .json .parquet .txt) gives the format.")]
Text = Annotated[str | None, typer.Option(help="Full-text search in articles and quotes.")]
Since = Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD, YYYY-MM, YYYY or "
                                           "jj/mm/aaaa).", callback=cli_args.date_bound)]
Until = Annotated[str | None, typer.Option(help="Up to this date, inclusive (a month or year: "
                                           "to its end).", callback=cli_args.date_bound)]


class QueryFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"


QFmt = Annotated[QueryFormat | None, typer.Option(
    "--format", show_default=False,
    help="table, jsonl, json, csv or parquet [default: from the -o suffix, else table]")]


class ExportFormat(str, Enum):
    plover = "plover"
    acled = "acled"
    parquet = "parquet"


QUERY_COLUMNS = ["id", "date", "type", "mode", "source", "target", "place", "country",
                 "statuses", "articles", "fatalities"]
# Half the Earth's circumference: a wider circle is everywhere (the API has the same bound).
MAX_RADIUS_KM = 20_000
DISPUTE_COLUMNS = ["story", "type", "kind", "claimant", "value", "published", "title", "sentence"]


@contextlib.contextmanager
def _opened(db: str, *, create: bool = False) -> Iterator:
    """The store at `db`, its errors turned into one-line StoreErrors."""
    from vigie.store.store import Store

    with Store(db, create=create) as store, store.errors():
        yield store


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    db: Db = DEFAULT_DB,
    n_process: Annotated[int, typer.Option(help="Worker processes for extraction.", min=1)] = 1,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.", min=1)] = 32,
    records: Annotated[bool, typer.Option(help="Inputs are record JSONL: no extraction.")] = False,
    published: Annotated[str | None, typer.Option(
        help="Date for articles without one: YYYY-MM-DD or jj/mm/aaaa.",
        callback=cli_args.published)] = None,
    model: Annotated[str, typer.Option(help="spaCy model package.")] = DEFAULT_MODEL,
    max_bytes: Annotated[int, typer.Option(help="Refuse larger inputs.", min=1)] = (
        DEFAULT_MAX_BYTES),
    kb: Annotated[list[Path] | None, typer.Option(help="User knowledge-base file.")] = None,
    time_limit: Annotated[float, typer.Option(
        help="Seconds vigie's stages may take on one article (on each 100 000 characters of a "
        "longer one); past it the article is refused (V031). 0: no limit.", min=0)] = (
        DEFAULT_TIME_LIMIT),
) -> None:
    """Extract articles and store their records (idempotent, resumable); creates the store.

    Exits with 1 when any input failed (each one named on stderr), else 0.

    Example: vigie ingest vigie/samples/ --db sqlite:///vigie.db --n-process 2
    """
    from vigie.settings import Settings
    from vigie.store import ingest as run_ingest

    settings = Settings(model=model, max_bytes=max_bytes, kb_files=tuple(kb or ()),
                        batch_size=batch_size, n_process=n_process, db=db,
                        time_limit=time_limit)
    with _opened(db, create=True) as store:
        summary = run_ingest(paths, store, settings=settings, records=records,
                             published=published, progress=True, report=_report)
    for line in summary.lines():
        output.echo(output.shown(line))
    raise typer.Exit(1 if summary.failed else 0)


def _report(kind: str, source: str, reason: str) -> None:
    (output.error if kind == "error" else output.warning)(source, reason)


def query(
    db: Db = DEFAULT_DB,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    actor: Annotated[str | None, typer.Option(
        help="Source or target: any of its names (Zelensky, OSDH).")] = None,
    country: Annotated[str | None, typer.Option(
        help="Country: ISO code (SYR, SY) or name (Syrie, Syria).",
        callback=cli_args.country)] = None,
    place: Annotated[str | None, typer.Option(
        help="Place name, as written or canonical (centre with --radius).")] = None,
    near: Annotated[str | None, typer.Option(help="LAT,LON centre for --radius.",
                                             callback=cli_args.lat_lon)] = None,
    radius: Annotated[float | None, typer.Option(help="Radius (km) around --place/--near.")
                      ] = None,
    since: Since = None,
    until: Until = None,
    status: Annotated[str | None, typer.Option(help="reported, claimed, denied...",
                                               callback=cli_args.status)] = None,
    claimant: Annotated[str | None, typer.Option(
        help="Who claims it or gives a figure: any of its names.")] = None,
    text: Text = None,
    min_confidence: Annotated[float | None, typer.Option(
        help="Only events some report of which is at least this likely right (0 to 1).",
        min=0.0, max=1.0)] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.", min=1)] = 100,
    fmt: QFmt = None,
    out: Out = None,
) -> None:
    """List story events matching the filters, newest first.

    Example: vigie query --type ASSAULT --place Alep --radius 30 --since 2016-02-01 -o q.csv
    """
    from vigie.store import Filters
    from vigie.store.query import FIELDS, count, locate
    from vigie.store.query import query as run_query

    _check_circle(place, near, radius)
    _check_period(since, until)
    fmt_name = output.format_of(out, fmt and fmt.value)
    filters = Filters(type=type, actor=actor, country=country, place=place, near=near,
                      radius_km=radius, since=since, until=until, status=status,
                      claimant=claimant, text=text, min_confidence=min_confidence,
                      limit=limit)
    with _opened(db) as store:
        if place and radius is not None and locate(store, place) is None:
            raise UsageError(f"--place {place!r} is located neither in the store nor in the "
                             "gazetteer: give --near LAT,LON")
        rows = run_query(store, filters)
        total = count(store, filters) if len(rows) >= limit else len(rows)
    shown = f"{len(rows)}" if total == len(rows) else f"{len(rows)} of {total}"
    output.write_rows(rows, FIELDS, fmt_name, out, title=f"Story events ({shown})",
                      shown=QUERY_COLUMNS)
    if total > len(rows):
        output.note(f"showing {len(rows)} of {total} story events (--limit {limit})")
    _wrote(out, f"{len(rows)} story events", fmt_name)


def _check_circle(place: str | None, near, radius: float | None) -> None:
    if place and near:
        raise UsageError("give --place or --near, not both")
    if near and radius is None:
        raise UsageError("--near needs --radius KM")
    if radius is not None and not (place or near):
        raise UsageError("--radius needs --place NAME or --near LAT,LON")
    if radius is not None and not 0 < radius <= MAX_RADIUS_KM:
        raise UsageError(f"--radius {radius:g} is not a distance in km (0 < radius <= "
                         f"{MAX_RADIUS_KM:g})")


def _check_period(since: str | None, until: str | None) -> None:
    from vigie.dates import period_end

    if since and until and since[:10] > period_end(until):
        raise UsageError(f"--since {since} is after --until {until}")


def _wrote(out: Path | None, what: str, fmt: str) -> None:
    if out is not None:
        output.note(f"wrote {what} to {out} ({fmt})")


def explain(
    story_id: Annotated[int, typer.Argument(help="Story event id (from vigie query).")],
    db: Db = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead.")] = False,
) -> None:
    """Say which reports were merged into a story event, and why, with their whole sentences.

    Example: vigie explain 12
    """
    from vigie.store.report import explain as run_explain

    with _opened(db) as store:
        data = run_explain(store, story_id)
    if as_json:
        output.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        output.explanation(data)


def disputes(
    db: Db = DEFAULT_DB,
    story: Annotated[int | None, typer.Option(help="Only this story event.")] = None,
    fmt: QFmt = None,
    out: Out = None,
) -> None:
    """List story events whose figures differ by claimant: claimant, value, date, title, sentence.

    Example: vigie disputes -o disputes.csv
    """
    from dataclasses import asdict, fields

    from vigie.store.report import Claim
    from vigie.store.report import disputes as run_disputes

    fmt_name = output.format_of(out, fmt and fmt.value)
    with _opened(db) as store:
        rows = [asdict(c) for c in run_disputes(store, story_id=story)]
    output.write_rows(rows, [f.name for f in fields(Claim)], fmt_name, out,
                      title=f"Disputed figures ({len(rows)})", shown=DISPUTE_COLUMNS)
    _wrote(out, f"{len(rows)} disputed figures", fmt_name)


def export(
    fmt: Annotated[ExportFormat, typer.Argument(help="plover, acled or parquet.")],
    db: Db = DEFAULT_DB,
    out: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Write here (a directory for parquet, required); stdout when "
        "omitted.")] = None,
) -> None:
    """Export story events (PLOVER JSONL, ACLED-style CSV) or analysis tables (Parquet).

    Example: vigie export plover -o events.jsonl
    """
    from vigie.store.export import export_to

    if fmt is ExportFormat.parquet and out is None:
        raise UsageError("export parquet writes one file per table: give -o DIRECTORY")
    with _opened(db) as store:
        done = export_to(store, fmt.value, out)
    if done.text is not None:
        output.echo(done.text.rstrip("\n"))
    for line in done.lines():  # on stderr: stdout may be the export itself
        output.note(line)


def register(app: typer.Typer) -> None:
    """Add this area's commands to `app`."""
    for command in (ingest, query, explain, disputes, export):
        app.command()(command)
