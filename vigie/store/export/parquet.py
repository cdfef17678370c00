"""Parquet for analysis: one typed file per table an analyst reads.

events (story events), reports (each article's mention of an event), actors, figures, quotes,
documents. Dates are dates, coordinates floats, counts integers, lists list columns; the store's
internal columns (folded name keys, day ordinals, merge bookkeeping as JSON) are left out.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Connection, select

from vigie.store import schema
from vigie.store.export.load import story_period
from vigie.store.store import Store

LOGGER = logging.getLogger(__name__)
S, E, A, P, T, D, F, Q, L = (schema.stories, schema.events, schema.actors, schema.places,
                             schema.times, schema.documents, schema.figures, schema.quotes,
                             schema.event_figures)
UTC_TIME = pa.timestamp("us", tz="UTC")
SPANS = pa.list_(pa.struct([("start", pa.int32()), ("end", pa.int32())]))

_TYPES = {"int": pa.int64(), "i32": pa.int32(), "float": pa.float64(), "str": pa.string(),
          "bool": pa.bool_(), "date": pa.date32(), "time": UTC_TIME, "spans": SPANS,
          "strs": pa.list_(pa.string()), "ints": pa.list_(pa.int64()),
          "map": pa.map_(pa.string(), pa.string())}


def _schema(spec: str) -> pa.Schema:
    """An Arrow schema from "name:type ..." (types: the keys of _TYPES)."""
    return pa.schema([(name, _TYPES[kind]) for name, kind in
                      (item.split(":") for item in spec.split())])


# Arrow schema of each file (the column order is the file's).
SCHEMAS = {
    "events": _schema(
        "id:int type:str mode:str date:date end_date:date date_precision:str place:str "
        "country:str level:str lat:float lon:float source:str source_country:str "
        "source_kind:str target:str target_country:str target_kind:str mentions:i32 "
        "fatalities:int created_at:time"),
    "reports": _schema(
        "id:int event_id:int document_id:int doc_id:str local_id:str type:str mode:str "
        "status:str trigger:str start:i32 end:i32 sentence:str source_id:int target_id:int "
        "claimed_by_id:int place:str place_country:str lat:float lon:float time_text:str "
        "date:date date_precision:str context:strs confidence:float merge_rule:str "
        "merge_reason:str"),
    "actors": _schema(
        "id:int document_id:int doc_id:str local_id:str name:str kind:str country:str "
        "sector:str role:str kb_id:str mentions:spans"),
    "figures": _schema(
        "id:int document_id:int doc_id:str local_id:str kind:str value:float low:float "
        "high:float approximate:bool who:str part_of:str source_id:int place:str "
        "time_value:str start:i32 end:i32 report_ids:ints"),
    "quotes": _schema(
        "id:int document_id:int doc_id:str local_id:str text:str start:i32 end:i32 direct:bool "
        "speaker_id:int speaker:str cue:str"),
    "documents": _schema(
        "id:int doc_id:str title:str published:date published_inferred:bool url:str lang:str "
        "text:str meta:map added_at:time"),
}


def export_parquet(store: Store, directory: Path) -> list[Path]:
    """Write `<table>.parquet` for each table of `SCHEMAS` in `directory`.

    Args:
        store: the store to export.
        directory: created if missing; existing files of these names are replaced.

    Returns:
        The files written, in `SCHEMAS` order.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    with store.reading() as conn:
        for name, rows_of in _ROWS.items():
            table = pa.Table.from_pylist(rows_of(conn), schema=SCHEMAS[name])
            path = directory / f"{name}.parquet"
            pq.write_table(table, path)
            written.append(path)
    return written


def _date(value: str | None, precision: str | None = None) -> dt.date | None:
    period = story_period(value, precision)
    return period[0] if period else None


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    return value.replace(tzinfo=value.tzinfo or dt.UTC) if value else None


def _events(conn: Connection) -> list[dict]:
    fatalities, ends = _fatalities(conn), _end_values(conn)
    out = []
    for r in conn.execute(select(S).order_by(S.c.id)):
        period = story_period(r.date, r.precision, ends.get(r.id))
        out.append({**{k: getattr(r, k) for k in SCHEMAS["events"].names if k in r._fields},
                    "date": period[0] if period else None,
                    "end_date": period[1] if period else None, "date_precision": r.precision,
                    "fatalities": fatalities.get(r.id), "created_at": _utc(r.created_at)})
    return out


def _end_values(conn: Connection) -> dict[int, str]:
    """The end of a story's date when a report gives it as a range ("entre les 4 et 11")."""
    stmt = (select(S.c.id, T.c.end_value).join(E, E.c.story_id == S.c.id)
            .join(T, T.c.id == E.c.time_id)
            .where(T.c.value == S.c.date, T.c.end_value.is_not(None)).order_by(E.c.id))
    out: dict[int, str] = {}
    for story, end in conn.execute(stmt):
        out.setdefault(story, end)
    return out


def _fatalities(conn: Connection) -> dict[int, int]:
    """Each story's lowest killed figure that is not a subset, from reports not denying it."""
    stmt = (select(E.c.story_id, F.c.value, F.c.low).join(L, L.c.event_id == E.c.id)
            .join(F, F.c.id == L.c.figure_id)
            .where(F.c.kind == "killed", F.c.part_of.is_(None), E.c.status != "denied"))
    out: dict[int, int] = {}
    for story, value, low in conn.execute(stmt):
        number = low if low is not None else value
        if number is not None:
            out[story] = int(min(out.get(story, number), number))
    return out


def _reports(conn: Connection) -> list[dict]:
    stmt = (select(E, D.c.doc_id, D.c.text.label("doc_text"), D.c.published,
                   P.c.canonical, P.c.name.label("p_name"), P.c.country.label("p_country"),
                   P.c.lat, P.c.lon, T.c.text.label("t_text"), T.c.precision.label("t_prec"))
            .join(D, D.c.id == E.c.document_id).outerjoin(P, P.c.id == E.c.place_id)
            .outerjoin(T, T.c.id == E.c.time_id).order_by(E.c.id))
    out = []
    for r in conn.execute(stmt):
        merge = r.merge or {}
        out.append({
            "id": r.id, "event_id": r.story_id, "document_id": r.document_id,
            "doc_id": r.doc_id, "local_id": r.local_id,
            "type": r.type, "mode": r.mode, "status": r.status, "trigger": r.trigger,
            "start": r.start, "end": r.end, "sentence": r.doc_text[r.start : r.end],
            "source_id": r.source_id, "target_id": r.target_id, "claimed_by_id": r.claimed_by_id,
            "place": r.canonical or r.p_name, "place_country": r.p_country, "lat": r.lat,
            "lon": r.lon, "time_text": r.t_text, "date": _date(r.date, r.t_prec),
            "date_precision": r.t_prec if r.t_text else ("published" if r.date else None),
            "context": list(r.context or []), "confidence": r.confidence,
            "merge_rule": merge.get("rule"), "merge_reason": merge.get("why")})
    return out


def _actors(conn: Connection) -> list[dict]:
    stmt = select(A, D.c.doc_id).join(D, D.c.id == A.c.document_id).order_by(A.c.id)
    return [{**{k: getattr(r, k) for k in SCHEMAS["actors"].names if k != "mentions"},
             "mentions": [{"start": s, "end": e} for s, e in (r.mentions or [])]}
            for r in conn.execute(stmt)]


def _figures(conn: Connection) -> list[dict]:
    links: dict[int, list[int]] = {}
    for event, figure in conn.execute(select(L.c.event_id, L.c.figure_id).order_by(L.c.event_id)):
        links.setdefault(figure, []).append(event)
    stmt = (select(F, D.c.doc_id, P.c.canonical, P.c.name.label("p_name"),
                   T.c.value.label("t_value"))
            .join(D, D.c.id == F.c.document_id).outerjoin(P, P.c.id == F.c.place_id)
            .outerjoin(T, T.c.id == F.c.time_id).order_by(F.c.id))
    names = set(SCHEMAS["figures"].names)
    return [{**{k: v for k, v in r._mapping.items() if k in names},
             "place": r.canonical or r.p_name, "time_value": r.t_value,
             "report_ids": links.get(r.id, [])} for r in conn.execute(stmt)]


def _quotes(conn: Connection) -> list[dict]:
    stmt = (select(Q, D.c.doc_id, A.c.name.label("speaker")).join(D, D.c.id == Q.c.document_id)
            .outerjoin(A, A.c.id == Q.c.speaker_id).order_by(Q.c.id))
    names = set(SCHEMAS["quotes"].names)
    return [{k: v for k, v in r._mapping.items() if k in names} for r in conn.execute(stmt)]


def _documents(conn: Connection) -> list[dict]:
    out = []
    for r in conn.execute(select(D).order_by(D.c.id)):
        meta = {str(k): v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
                for k, v in (r.meta or {}).items()}
        out.append({"id": r.id, "doc_id": r.doc_id, "title": r.title,
                    "published": _date(r.published), "published_inferred": r.published_inferred,
                    "url": r.url, "lang": r.lang,
                    "text": r.text, "meta": list(meta.items()), "added_at": _utc(r.added_at)})
    return out


_ROWS: dict[str, Callable[[Connection], list[dict]]] = {
    "events": _events, "reports": _reports, "actors": _actors, "figures": _figures,
    "quotes": _quotes, "documents": _documents,
}
