"""Printing for the CLI: records as JSONL/JSON and rich tables; messages on stderr."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from vigie.record import DocumentRecord

_ERR = Console(stderr=True, highlight=False, soft_wrap=True)


def echo(text: str) -> None:
    """Print to stdout."""
    sys.stdout.write(text + "\n")


def error(source: str, reason: str) -> None:
    """One line `error: SOURCE: reason` on stderr."""
    _ERR.print(f"error: {source}: {reason}", markup=False)


def warning(source: str, reason: str) -> None:
    """One line `warning: SOURCE: reason` on stderr."""
    _ERR.print(f"warning: {source}: {reason}", markup=False)


def record_tables(record: DocumentRecord, console: Console) -> None:
    """Print a readable summary of one record."""
    console.rule(f"[bold]{record.doc_id}[/] {record.title or ''}"
                 f"  published {record.published or '?'}"
                 + (" (inferred)" if record.published_inferred else ""))
    actors = {a.id: a.name for a in record.actors}
    places = {p.id: p.name for p in record.places}
    times = {t.id: t.value or t.text for t in record.times}
    _table(console, "Actors", ["id", "name", "kind", "country", "sector", "role", "mentions"],
           [[a.id, a.name, a.kind, a.country, a.sector, a.role, len(a.mentions)]
            for a in record.actors])
    _table(console, "Places", ["id", "name", "country", "level", "lat", "lon"],
           [[p.id, p.name, p.country, p.level, p.lat, p.lon] for p in record.places])
    _table(console, "Times", ["id", "text", "value", "end", "precision"],
           [[t.id, t.text, t.value, t.end_value, t.precision] for t in record.times])
    _table(console, "Quotes", ["speaker", "cue", "direct", "text"],
           [[actors.get(q.speaker), q.cue, q.direct, _short(q.text)] for q in record.quotes])
    _table(console, "Figures", ["id", "kind", "value", "approx", "who", "part of", "source"],
           [[f.id, f.kind, f.value, f.approximate, f.who, f.part_of, actors.get(f.source)]
            for f in record.figures])
    _table(console, "Events",
           ["type", "mode", "source", "target", "place", "time", "status", "trigger"],
           [[e.type, e.mode, actors.get(e.source), actors.get(e.target), places.get(e.place),
             times.get(e.time), e.status, e.trigger] for e in record.events])


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _table(console: Console, title: str, columns: list[str], rows: list[list]) -> None:
    if not rows:
        return
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    console.print(table)
