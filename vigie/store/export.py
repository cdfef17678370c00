"""Exports: PLOVER JSONL, ACLED-style CSV, Parquet of every table, and query rows as files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pycountry
import yaml
from sqlalchemy import select

from vigie import __version__
from vigie.store import schema
from vigie.store.query import Filters, query
from vigie.store.store import Store

LOGGER = logging.getLogger(__name__)
DATA = Path(__file__).parent / "data" / "exports.yaml"
ACLED_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "admin1", "location", "latitude", "longitude", "geo_precision",
                 "time_precision", "fatalities", "source", "notes"]
S, E, A, P, D = (schema.stories, schema.events, schema.actors, schema.places,
                 schema.documents)


@lru_cache(maxsize=1)
def mappings() -> dict:
    """The export mappings (quad codes, ACLED types, precisions), loaded once."""
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _country_name(code: str | None) -> str | None:
    found = pycountry.countries.get(alpha_3=code) if code else None
    return found.name if found else code


def _alpha2(code: str | None) -> str | None:
    found = pycountry.countries.get(alpha_3=code) if code else None
    return found.alpha_2 if found else None


def _mentions(store: Store) -> dict[int, list]:
    """Each story's mentions (event, article, actors, place), oldest first."""
    src, tgt = A.alias("src"), A.alias("tgt")
    stmt = (select(E.c.story_id, E.c.id, E.c.trigger, E.c.start, E.c.end, E.c.context,
                   E.c.status, D.c.doc_id, D.c.url, D.c.title, D.c.lang, D.c.text,
                   src.c.name.label("src_name"), src.c.country.label("src_country"),
                   src.c.sector.label("src_sector"), src.c.kb_id.label("src_kb"),
                   tgt.c.name.label("tgt_name"), tgt.c.country.label("tgt_country"),
                   tgt.c.sector.label("tgt_sector"), tgt.c.kb_id.label("tgt_kb"),
                   P.c.geonameid)
            .join(D, D.c.id == E.c.document_id)
            .outerjoin(src, src.c.id == E.c.source_id).outerjoin(tgt, tgt.c.id == E.c.target_id)
            .outerjoin(P, P.c.id == E.c.place_id).order_by(E.c.id))
    by_story: dict[int, list] = {}
    with store.reading() as conn:
        for row in conn.execute(stmt):
            by_story.setdefault(row.story_id, []).append(row)
    return by_story


def _actor(mentions: list, prefix: str) -> list[dict]:
    """PLOVER actor objects (manual, "Information object for actors") of one slot."""
    for m in mentions:
        if getattr(m, f"{prefix}_name"):
            # `identifer_id` is spelled as in the PLOVER manual's table.
            return [{"code": getattr(m, f"{prefix}_country"),
                     "sector": getattr(m, f"{prefix}_sector"),
                     "actor_text": getattr(m, f"{prefix}_name"),
                     "identifer_id": getattr(m, f"{prefix}_kb")}]
    return []


def _event_loc(story, mentions: list) -> dict | None:
    if not story.place and not story.country:
        return None
    geonameid = next((m.geonameid for m in mentions if m.geonameid), None)
    return {"geonameid": geonameid, "name": story.place, "latitude": story.lat,
            "longitude": story.lon, "country code": _alpha2(story.country), "cc3": story.country}


def _plover_date(story) -> str | None:
    return dt.date.fromordinal(story.day).isoformat() if story.day else None


def plover_records(store: Store) -> Iterator[dict]:
    """One PLOVER JSON record per story event, field names as the PLOVER manual's JSON table."""
    by_story = _mentions(store)
    quads = mappings()["quad_code"]
    coded = dt.date.today().isoformat()
    with store.reading() as conn:
        stories = conn.execute(select(S).order_by(S.c.id)).all()
    for story in stories:
        mentions = by_story.get(story.id, [])
        first = mentions[0] if mentions else None
        yield {
            "id": f"vigie-{story.id}", "has_event": True, "date": _plover_date(story),
            "source": _actor(mentions, "src"), "recipient": _actor(mentions, "tgt"),
            "event": [story.type], "mode": [story.mode] if story.mode else [],
            "context": sorted({c for m in mentions for c in (m.context or [])}),
            "event_loc": _event_loc(story, mentions),
            "event_text": [m.text[m.start : m.end] for m in mentions],
            "quad_code": quads.get(story.type),
            "cite_info": first and {"url": first.url, "title": first.title,
                                    "language": first.lang, "citation": first.doc_id},
            "coder": f"vigie {__version__}", "coded_date": coded,
            # vigie's own fields (the manual invites extra named fields): every report merged.
            "date_precision": story.precision,
            "reports": [{"doc_id": m.doc_id, "event": m.id, "status": m.status,
                         "trigger": m.trigger, "start": m.start, "end": m.end} for m in mentions],
        }


def acled_rows(store: Store) -> Iterator[dict]:
    """ACLED-style rows, one per story event of a type ACLED codes (see data/exports.yaml)."""
    maps = mappings()
    by_story = _mentions(store)
    for row in query(store, Filters()):
        rule = maps["acled"].get(row["type"])
        if rule is None:
            continue
        event_type, sub_type = (rule.get("modes") or {}).get(row["mode"], rule["default"])
        mentions = by_story.get(row["id"], [])
        yield {
            "event_date": row["date"], "event_type": event_type, "sub_event_type": sub_type,
            "actor1": row["source"], "actor2": row["target"],
            "country": _country_name(row["country"]), "admin1": None, "location": row["place"],
            "latitude": row["lat"], "longitude": row["lon"],
            "geo_precision": maps["geo_precision"].get(row["level"]) if row["place"] else None,
            "time_precision": maps["time_precision"].get(row["precision"], 3),
            "fatalities": row["fatalities"] or 0,
            "source": "; ".join(dict.fromkeys(m.doc_id for m in mentions)),
            "notes": mentions[0].text[mentions[0].start : mentions[0].end] if mentions else None,
        }


def export_parquet(store: Store, directory: Path) -> list[Path]:
    """Write every table as `<table>.parquet` in `directory`; return the files."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    with store.reading() as conn:
        for table in schema.TABLES:
            rows = [dict(r._mapping) for r in conn.execute(select(table))]
            arrow = _arrow_table(table, rows)
            path = directory / f"{table.name}.parquet"
            pq.write_table(arrow, path)
            written.append(path)
    return written


def _arrow_table(table, rows: list[dict]) -> pa.Table:
    columns = {}
    for col in table.columns:
        values = [r[col.name] for r in rows]
        if isinstance(col.type, schema.JSON):
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        columns[col.name] = values
    return pa.table(columns) if rows else pa.table({c: pa.array([], pa.string()) for c in columns})


def write_rows(rows: list[dict], fmt: str, out: Path | None) -> str | None:
    """Write rows as jsonl, csv or parquet to `out`; jsonl/csv are returned as text without out."""
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet needs an output file")
        pq.write_table(pa.Table.from_pylist(rows), out)
        return None
    text = _jsonl(rows) if fmt == "jsonl" else _csv(rows, list(rows[0]) if rows else [])
    if out is None:
        return text
    out.write_text(text, encoding="utf-8")
    return None


def _jsonl(rows) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)


def _csv(rows, columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def export(store: Store, fmt: str, out: Path | None) -> str | None:
    """Export the whole store: `plover` (JSONL), `acled` (CSV) or `parquet` (a directory)."""
    if fmt == "parquet":
        export_parquet(store, out or Path("vigie-parquet"))
        return None
    if fmt == "plover":
        text = _jsonl(plover_records(store))
    else:
        text = _csv(list(acled_rows(store)), ACLED_COLUMNS)
    if out is None:
        return text
    out.write_text(text, encoding="utf-8")
    return None
