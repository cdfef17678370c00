"""Printing for the CLI: records as JSONL/JSON and rich tables, rows as files; messages on
stderr, each on one line."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from vigie.errors import UsageError
from vigie.record import DocumentRecord, warning_text

_ERR = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
# Control characters (newlines, escapes) and line separators: a file name holding one could
# forge a line of its own or recolour the terminal; they are shown escaped (`\n`, `\x1b`).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Output formats by file suffix (`-o rows.csv`); `--format` overrides.
SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
            ".parquet": "parquet", ".txt": "table"}
# Tables are rendered this wide, on screen and in files, whatever the terminal.
TABLE_WIDTH = 160


def echo(text: str) -> None:
    """Print to stdout."""
    sys.stdout.write(text + "\n")


def error(source: str, reason: str) -> None:
    """One line `error: SOURCE: reason` on stderr."""
    _ERR.print(shown(f"error: {source}: {reason}"), markup=False)


def warning(source: str, reason: str) -> None:
    """One line `warning: SOURCE: reason` on stderr."""
    _ERR.print(shown(f"warning: {source}: {reason}"), markup=False)


def shown(text: str) -> str:
    """`text` on one line: its control characters escaped as Python writes them."""
    return _UNPRINTABLE.sub(lambda found: repr(found.group())[1:-1], text)


def record_warnings(record: DocumentRecord) -> int:
    """One line `warning: DOC_ID: <stage> failed (...)` on stderr when a stage failed on the
    record (its `warnings`); 1 when it did, else 0."""
    text = warning_text(record)
    if text is not None:
        warning(record.doc_id, text)
    return int(text is not None)


def note(text: str) -> None:
    """One line on stderr (what was written where, what was left out), apart from the data."""
    _ERR.print(shown(text), markup=False)


def format_of(out: Path | None, fmt: str | None, *, default: str = "table") -> str:
    """The output format: `fmt` when given, else the suffix of `out`, else `default`.

    Raises:
        UsageError: `out` has a suffix no format is known by, or Parquet is asked for stdout.
    """
    found = fmt or (default if out is None else SUFFIXES.get(out.suffix.lower()))
    if found is None:
        known = ", ".join(SUFFIXES)
        raise UsageError(f"cannot tell the format of {str(out)!r} from its suffix ({known}): "
                         "give --format")
    if found == "parquet" and out is None:
        raise UsageError("--format parquet writes a file: give -o FILE")
    return found


def write_rows(rows: list[dict], columns: Sequence[str], fmt: str, out: Path | None, *,
               title: str = "", shown: Sequence[str] | None = None) -> None:
    """Write rows as a table, JSONL, JSON, CSV or Parquet, to `out` or stdout.

    Args:
        rows: dicts with (at least) the keys in `columns`.
        columns: every field, in order; a CSV or Parquet file has them even with no rows.
        fmt: table, jsonl, json, csv or parquet (parquet needs `out`).
        out: the file; stdout when None.
        title: the table's title.
        shown: the columns a table shows (default: all).
    """
    if fmt == "parquet":
        _parquet(rows, columns, out)
        return
    stream = sys.stdout if out is None else open(out, "w", encoding="utf-8", newline="")
    try:
        if fmt == "table":
            rows_table(title, list(shown or columns), rows, stream)
        elif fmt == "csv":
            writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore",
                                    lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        elif fmt == "json":
            json.dump(rows, stream, ensure_ascii=False, indent=2, default=str)
            stream.write("\n")
        else:
            stream.writelines(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)
    finally:
        if out is not None:
            stream.close()


def _parquet(rows: list[dict], columns: Sequence[str], out: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = {c: [r.get(c) for r in rows] for c in columns}
    # A column with no value at all is written as strings (Parquet readers dislike null types).
    table = pa.table({c: v if any(x is not None for x in v) else pa.array(v, pa.string())
                      for c, v in data.items()})
    pq.write_table(table, out)


def rows_table(title: str, columns: list[str], rows: list[dict], stream=None) -> None:
    """Print rows as a rich table (headers shown even with no rows)."""
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*["" if row.get(c) is None else str(row.get(c)) for c in columns])
    Console(file=stream, width=TABLE_WIDTH).print(table)


def explanation(data: dict, stream=None) -> None:
    """Print `store.report.explain`'s story and reports as a header and a table (whole
    sentences, wrapped)."""
    story = data["story"]
    console = Console(file=stream, width=TABLE_WIDTH, highlight=False)
    where = ", ".join(str(v) for v in (story.get("place"), story.get("country")) if v)
    console.print(f"Story event {story['id']}: {story['type']} {story.get('mode') or ''}".rstrip()
                  + f", {story.get('date') or 'undated'}" + (f", {where}" if where else ""),
                  markup=False)
    console.print(f"  source: {_actor(story, 'source')}   target: {_actor(story, 'target')}   "
                  f"reports: {len(data['mentions'])}", markup=False)
    table = Table(title="Reports merged into it", title_justify="left", show_lines=True)
    for column in ("event", "article", "published", "trigger", "status"):
        table.add_column(column, overflow="fold")
    table.add_column("why it is here", overflow="fold", max_width=36)
    table.add_column("sentence", overflow="fold")
    for m in data["mentions"]:
        table.add_row(str(m["event"]), m["doc_id"], m["published"] or "", m["trigger"],
                      m["status"], _merge_reasons(m["merge"] or {}), m["sentence"])
    console.print(table)


def _actor(story: dict, role: str) -> str:
    name, country = story.get(role), story.get(f"{role}_country")
    return "?" if not name else f"{name} ({country})" if country else name


def _merge_reasons(merge: dict) -> str:
    if merge.get("rule") == "new":
        return f"opened the story: {merge.get('why', '')}"
    reasons = [merge[k] for k in ("type", "date") if merge.get(k)]
    reasons += [f"{k}: {merge[k]}" for k in ("source", "target", "place") if merge.get(k)]
    return f"joined story {merge.get('story')}: " + "; ".join(reasons)


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
