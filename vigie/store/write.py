"""Write one document record into the store's tables, then merge its events into stories."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import Connection, insert

from vigie.french.normalize import fold
from vigie.record import DocumentRecord
from vigie.store import schema
from vigie.store.merge import ActorRef, Mention, PlaceRef, assign_story, day_of

LOGGER = logging.getLogger(__name__)


def insert_record(conn: Connection, record: DocumentRecord, digest: str) -> int:
    """Insert the record's rows inside the caller's transaction; return the document row id."""
    doc_id = conn.execute(insert(schema.documents).returning(schema.documents.c.id), {
        "doc_id": record.doc_id, "content_hash": digest, "title": record.title,
        "published": record.published, "published_inferred": record.published_inferred,
        "url": record.url, "lang": record.lang, "text": record.text, "meta": record.meta,
        "added_at": dt.datetime.now(dt.UTC),
    }).scalar_one()
    ids = {"a": _actors(conn, doc_id, record), "p": _places(conn, doc_id, record),
           "t": _times(conn, doc_id, record)}
    _quotes(conn, doc_id, record, ids)
    ids["f"] = _figures(conn, doc_id, record, ids)
    _events(conn, doc_id, record, ids)
    return doc_id


def _many(conn: Connection, table, rows: list[dict]) -> dict[str, int]:
    """Insert rows; map each row's local id (a1, p1...) to its new row id."""
    if not rows:
        return {}
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    new_ids = conn.execute(stmt, rows).scalars().all()
    return {row["local_id"]: new_id for row, new_id in zip(rows, new_ids, strict=True)}


def _key(name: str) -> str:
    return fold(name)[:200]


def _actors(conn, doc_id: int, record: DocumentRecord) -> dict[str, int]:
    rows = [{"document_id": doc_id, "local_id": a.id, "name": a.name, "name_key": _key(a.name),
             "kind": a.kind, "country": a.country, "sector": a.sector, "role": a.role,
             "kb_id": a.kb_id, "mentions": [list(m) for m in a.mentions]} for a in record.actors]
    return _many(conn, schema.actors, rows)


def _places(conn, doc_id: int, record: DocumentRecord) -> dict[str, int]:
    rows = [{"document_id": doc_id, "local_id": p.id, "name": p.name,
             "name_key": _key(p.canonical or p.name), "canonical": p.canonical,
             "country": p.country, "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid,
             "level": p.level, "mentions": [list(m) for m in p.mentions]} for p in record.places]
    return _many(conn, schema.places, rows)


def _times(conn, doc_id: int, record: DocumentRecord) -> dict[str, int]:
    rows = [{"document_id": doc_id, "local_id": t.id, **t.model_dump(exclude={"id"})}
            for t in record.times]
    return _many(conn, schema.times, rows)


def _quotes(conn, doc_id: int, record: DocumentRecord, ids: dict) -> None:
    rows = [{"document_id": doc_id, "local_id": q.id, "text": q.text, "start": q.start,
             "end": q.end, "direct": q.direct, "speaker_id": ids["a"].get(q.speaker),
             "cue": q.cue} for q in record.quotes]
    _many(conn, schema.quotes, rows)


def _figures(conn, doc_id: int, record: DocumentRecord, ids: dict) -> dict[str, int]:
    rows = [{"document_id": doc_id, "local_id": f.id, "kind": f.kind, "value": f.value,
             "low": f.low, "high": f.high, "approximate": f.approximate, "who": f.who,
             "part_of": f.part_of, "source_id": ids["a"].get(f.source),
             "place_id": ids["p"].get(f.place), "time_id": ids["t"].get(f.time),
             "start": f.start, "end": f.end, "cumulative": f.cumulative, "period": f.period}
            for f in record.figures]
    return _many(conn, schema.figures, rows)


def _events(conn, doc_id: int, record: DocumentRecord, ids: dict) -> None:
    actors = {a.id: a for a in record.actors}
    places = {p.id: p for p in record.places}
    times = {t.id: t for t in record.times}
    links = []
    for e in record.events:
        mention = _mention(e, actors, places, times, record.published)
        story_id, reason = assign_story(conn, mention)
        event_id = conn.execute(insert(schema.events).returning(schema.events.c.id), {
            "document_id": doc_id, "local_id": e.id, "story_id": story_id, "type": e.type,
            "mode": e.mode, "source_id": ids["a"].get(e.source),
            "target_id": ids["a"].get(e.target), "place_id": ids["p"].get(e.place),
            "time_id": ids["t"].get(e.time), "status": e.status,
            "claimed_by_id": ids["a"].get(e.claimed_by), "trigger": e.trigger,
            "start": e.start, "end": e.end, "confidence": e.confidence, "context": e.context,
            "date": mention.date, "merge": reason,
        }).scalar_one()
        links += [{"event_id": event_id, "figure_id": ids["f"][f]} for f in e.figures
                  if f in ids["f"]]
    if links:
        conn.execute(insert(schema.event_figures), links)


def _mention(event, actors: dict, places: dict, times: dict, published: str | None) -> Mention:
    time = times.get(event.time)
    date, precision = (time.value, time.precision) if time and day_of(time.value) else (
        published, "published")
    place = places.get(event.place)
    return Mention(
        type=event.type, mode=event.mode, date=(date or None) and date[:10],
        precision=precision if date else None,
        place=place and PlaceRef(place.canonical or place.name, place.country, place.level,
                                 place.lat, place.lon),
        source=_actor_ref(actors.get(event.source)), target=_actor_ref(actors.get(event.target)),
    )


def _actor_ref(actor) -> ActorRef | None:
    if actor is None:
        return None
    return ActorRef(actor.name, actor.kb_id or _key(actor.name), actor.country, actor.kind)
