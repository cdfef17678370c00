"""Rebuild a document record (docs/output-format.md) from the store's tables.

The store keeps each item with its local id (`a1`, `p1`...) and references as row ids; this
turns them back into the record's ids. Offsets the store does not keep (an event's trigger
span) are found again in the text.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, select

from vigie.errors import StoreError
from vigie.record import DocumentRecord
from vigie.store import Store, schema

LOGGER = logging.getLogger(__name__)
D, A, P, T = schema.documents, schema.actors, schema.places, schema.times
Q, F, E, L = schema.quotes, schema.figures, schema.events, schema.event_figures


def document_record(store: Store, document_id: int) -> tuple[DocumentRecord, dict[str, int]]:
    """The record of one stored document and the story id of each of its events.

    Args:
        store: the store.
        document_id: the document's row id.

    Returns:
        (record, {event local id: story id}).

    Raises:
        StoreError: when there is no such document.
    """
    with store.reading() as conn:
        doc = conn.execute(select(D).where(D.c.id == document_id)).first()
        if doc is None:
            raise StoreError(f"[V052] no document {document_id}")
        rows = {t.name: _rows(conn, t, document_id) for t in (A, P, T, Q, F, E)}
        links = _figure_links(conn, [r.id for r in rows["events"]])
    local = {name: {r.id: r.local_id for r in table_rows} for name, table_rows in rows.items()}
    record = DocumentRecord(
        doc_id=doc.doc_id, lang=doc.lang, title=doc.title, published=doc.published,
        published_inferred=doc.published_inferred, url=doc.url, text=doc.text,
        meta=doc.meta or {},
        actors=[_with_mentions(r, exclude=("name_key",)) for r in rows["actors"]],
        places=[_with_mentions(r, exclude=("name_key",)) for r in rows["places"]],
        times=[_plain(r) for r in rows["times"]],
        quotes=[_quote(r, local) for r in rows["quotes"]],
        figures=[_figure(r, local) for r in rows["figures"]],
        events=[_event(r, local, links, doc.text) for r in rows["events"]],
    )
    stories = {r.local_id: r.story_id for r in rows["events"]}
    return record, stories


def _rows(conn: Connection, table, document_id: int) -> list:
    return conn.execute(select(table).where(table.c.document_id == document_id)
                        .order_by(table.c.id)).all()


def _figure_links(conn: Connection, event_ids: list[int]) -> dict[int, list[int]]:
    links: dict[int, list[int]] = {}
    if event_ids:
        for event_id, figure_id in conn.execute(
                select(L.c.event_id, L.c.figure_id).where(L.c.event_id.in_(event_ids))
                .order_by(L.c.figure_id)):
            links.setdefault(event_id, []).append(figure_id)
    return links


def _plain(row, exclude: tuple[str, ...] = ()) -> dict:
    data = dict(row._mapping)
    for key in ("id", "document_id", "local_id", *exclude):
        data.pop(key, None)
    return {"id": row.local_id, **data}


def _with_mentions(row, exclude: tuple[str, ...]) -> dict:
    data = _plain(row, exclude)
    data["mentions"] = [tuple(m) for m in data.get("mentions") or []]
    return data


def _quote(row, local: dict) -> dict:
    data = _plain(row, ("speaker_id",))
    data["speaker"] = local["actors"].get(row.speaker_id)
    return data


def _figure(row, local: dict) -> dict:
    data = _plain(row, ("source_id", "place_id", "time_id"))
    data.update(source=local["actors"].get(row.source_id), place=local["places"].get(row.place_id),
                time=local["times"].get(row.time_id))
    return data


def _event(row, local: dict, links: dict, text: str) -> dict:
    data = _plain(row, ("story_id", "source_id", "target_id", "place_id", "time_id",
                        "claimed_by_id", "date", "merge"))
    actors = local["actors"]
    data.update(source=actors.get(row.source_id), target=actors.get(row.target_id),
                claimed_by=actors.get(row.claimed_by_id), place=local["places"].get(row.place_id),
                time=local["times"].get(row.time_id), context=row.context or [],
                figures=[local["figures"][f] for f in links.get(row.id, [])
                         if f in local["figures"]])
    span = trigger_span(text, row.start, row.end, row.trigger)
    if span:
        data["trigger_start"], data["trigger_end"] = span
    return data


def trigger_span(text: str, start: int, end: int, trigger: str) -> tuple[int, int] | None:
    """Where the trigger words sit inside the event's sentence (the store keeps only the words).

    Args:
        text: the document text.
        start: the sentence start.
        end: the sentence end.
        trigger: the trigger words.

    Returns:
        (start, end) of the first case-insensitive occurrence, or None.
    """
    if not trigger:
        return None
    found = text[start:end].lower().find(trigger.lower())
    if found < 0:
        return None
    return start + found, start + found + len(trigger)
