"""The dashboard's selection: every story event matching one filter state, computed once and
shared by the table, the counts, the timeline, the map, the network and the article list, so
that every view shows the same events.

The selection is `vigie.store.query` (read only) plus what the dashboard shows beside it: the
place as the articles write it (French), the reports' highest confidence, the reporting
documents. It is cached per filter state and store version, so that the few requests one
page view makes (counts, a table page, map points) read the store once.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter, OrderedDict
from dataclasses import astuple, dataclass, replace

from sqlalchemy import func, select

from vigie.store import Filters, Store, query, schema
from vigie.store.query import _documents_matching
from vigie.web.palette import quad_of

LOGGER = logging.getLogger(__name__)
S, E, P, D = schema.stories, schema.events, schema.places, schema.documents
# Story ids per IN (...): below SQLite's bound-parameter limit.
ID_CHUNK = 500
# Filter states kept in memory (each holds one dict per matching story).
CACHE_SIZE = 16
# Actors drawn in the network at most: a denser graph cannot be read.
NETWORK_NODES = 150
# Story ids listed per network edge (the rest are counted).
EDGE_STORIES = 25
# Columns the event table may sort on.
SORTABLE = ("id", "date", "type", "mode", "source", "target", "place", "country", "fatalities",
            "statuses", "confidence", "mentions", "articles")

_cache: OrderedDict[tuple, list[dict]] = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True)
class Selection:
    """The matching stories (newest first) and the filters that chose them."""

    stories: list[dict]
    filters: Filters


def select_stories(store: Store, filters: Filters) -> Selection:
    """Every story matching `filters`, with the dashboard's columns (cached).

    Args:
        store: the store.
        filters: the selection (its `limit` is ignored: views need every match).

    Returns:
        The selection; its rows must not be changed by the caller.
    """
    filters = replace(filters, limit=None)
    key = (store.url, _version(store), astuple(filters))
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return Selection(_cache[key], filters)
    rows = query(store, filters)
    _add_columns(store, rows)
    with _lock:
        _cache[key] = rows
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return Selection(rows, filters)


def _version(store: Store) -> tuple:
    # Any ingest adds events; a merge into an old story raises its mention count.
    with store.reading() as conn:
        events = conn.execute(select(func.max(E.c.id), func.count(E.c.id))).one()
        stories = conn.execute(select(func.max(S.c.id), func.sum(S.c.mentions))).one()
    return (*events, *stories)


def _add_columns(store: Store, rows: list[dict]) -> None:
    """French place name, highest confidence, reporting documents and quad of each story."""
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        r.update(place_name=None, confidence=None, documents=[], quad=quad_of(r["type"]),
                 place_canonical=r["place"])
    ids = list(by_id)
    with store.reading() as conn:
        for i in range(0, len(ids), ID_CHUNK):
            stmt = (select(E.c.story_id, E.c.document_id, E.c.confidence, P.c.name,
                           P.c.canonical).outerjoin(P, P.c.id == E.c.place_id)
                    .where(E.c.story_id.in_(ids[i : i + ID_CHUNK])).order_by(E.c.id))
            for story, document, confidence, name, canonical in conn.execute(stmt):
                _absorb(by_id[story], document, confidence, name, canonical)
    for r in rows:
        # The articles' own word for the place ("Alep", not GeoNames' "Aleppo").
        r["place"] = r.pop("place_name") or r["place"]


def _absorb(row: dict, document: int, confidence, name, canonical) -> None:
    if document not in row["documents"]:
        row["documents"].append(document)
    if confidence is not None and (row["confidence"] is None or confidence > row["confidence"]):
        row["confidence"] = confidence
    if name and row["place_name"] is None and row["place"] in (canonical, name):
        row["place_name"] = name


def table_page(sel: Selection, *, sort: str = "date", descending: bool = True, limit: int = 50,
               offset: int = 0) -> dict:
    """One sorted page of the selection, with the total count.

    Args:
        sel: the selection.
        sort: a column of SORTABLE.
        descending: largest first (empty values always last).
        limit: rows per page.
        offset: rows skipped.
    """
    present = [r for r in sel.stories if r.get(sort) is not None]
    missing = [r for r in sel.stories if r.get(sort) is None]
    present.sort(key=lambda r: (_sort_key(r[sort]), r["id"]), reverse=descending)
    rows = (present + missing)[offset : offset + limit]
    return {"items": [_public(r) for r in rows], "limit": limit, "offset": offset,
            "total": len(sel.stories),
            "next_offset": offset + limit if offset + limit < len(sel.stories) else None}


def _sort_key(value):
    return value.casefold() if isinstance(value, str) else value


def _public(row: dict) -> dict:
    out = {k: v for k, v in row.items() if k != "documents"}
    out["documents"] = row["documents"][:20]
    return out


def summary(sel: Selection) -> dict:
    """Counts of the selection (stories, reports, articles, fatalities, undated, unlocated),
    stories per type, and stories per (date, type) for the timeline."""
    stories = sel.stories
    per_day = Counter((r["date"], r["type"]) for r in stories if r["date"])
    documents = {d for r in stories for d in r["documents"]}
    fatalities = [r["fatalities"] for r in stories if r["fatalities"] is not None]
    return {
        "stories": len(stories),
        "reports": sum(r["mentions"] for r in stories),
        "articles": len(documents),
        "fatalities": sum(fatalities),
        "with_fatalities": len(fatalities),
        "undated": sum(1 for r in stories if not r["date"]),
        "unlocated": sum(1 for r in stories if r["lat"] is None),
        "types": dict(Counter(r["type"] for r in stories).most_common()),
        "timeline": [{"date": d, "type": t, "count": n} for (d, t), n in sorted(per_day.items())],
    }


def points(sel: Selection) -> list[dict]:
    """The located stories, as map points."""
    keys = ("id", "lat", "lon", "type", "mode", "level", "precision", "fatalities", "place",
            "place_canonical", "country", "date", "mentions", "source", "target")
    return [{k: r[k] for k in keys} for r in sel.stories if r["lat"] is not None]


def network(sel: Selection, *, max_nodes: int = NETWORK_NODES) -> dict:
    """Who acts on whom: actors as nodes, one edge per (source, target, type) with its count and
    stories; only the `max_nodes` most active actors are kept."""
    pairs = [r for r in sel.stories if r["source"] and r["target"]]
    activity = Counter(n for r in pairs for n in (r["source"], r["target"]))
    kept = {name for name, _ in activity.most_common(max_nodes)}
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str, str], list[int]] = {}
    for r in pairs:
        if r["source"] not in kept or r["target"] not in kept:
            continue
        for name, country in ((r["source"], r["source_country"]),
                              (r["target"], r["target_country"])):
            nodes.setdefault(name, {"id": name, "country": country, "events": 0})["events"] += 1
        edges.setdefault((r["source"], r["target"], r["type"]), []).append(r["id"])
    return {"nodes": sorted(nodes.values(), key=lambda n: (-n["events"], n["id"])),
            "edges": [{"source": a, "target": b, "type": t, "quad": quad_of(t), "count": len(ids),
                       "stories": ids[:EDGE_STORIES]} for (a, b, t), ids in sorted(edges.items())],
            "stories": len(pairs), "hidden_actors": max(0, len(activity) - max_nodes)}


def documents(store: Store, sel: Selection, *, limit: int, offset: int) -> dict:
    """The articles that report a story of the selection, newest first, each with the number of
    matching stories it reports (and, under a full-text filter, only articles that match it)."""
    counts = Counter(d for r in sel.stories for d in r["documents"])
    ids = set(counts)
    stmt = select(D.c.id, D.c.doc_id, D.c.title, D.c.published, D.c.url, D.c.meta)
    with store.reading() as conn:
        if sel.filters.text:
            ids &= {row[0] for row in conn.execute(_documents_matching(conn, sel.filters.text))}
        rows = []
        id_list = sorted(ids)
        for i in range(0, len(id_list), ID_CHUNK):
            chunk = stmt.where(D.c.id.in_(id_list[i : i + ID_CHUNK]))
            rows += [dict(row._mapping) for row in conn.execute(chunk)]
    rows.sort(key=lambda r: (r["published"] or "", r["id"]), reverse=True)
    for row in rows:
        row["source"] = (row.pop("meta") or {}).get("source")
        row["events"] = counts[row["id"]]
    page = rows[offset : offset + limit]
    return {"items": page, "limit": limit, "offset": offset, "total": len(rows),
            "next_offset": offset + limit if offset + limit < len(rows) else None}


def all_documents(store: Store, *, limit: int, offset: int) -> dict:
    """Every article (with no filter, articles that report no event are listed too)."""
    counts = select(E.c.document_id, func.count(func.distinct(E.c.story_id)).label("events")
                    ).group_by(E.c.document_id).subquery()
    stmt = (select(D.c.id, D.c.doc_id, D.c.title, D.c.published, D.c.url, D.c.meta,
                   func.coalesce(counts.c.events, 0).label("events"))
            .outerjoin(counts, counts.c.document_id == D.c.id)
            .order_by(D.c.published.desc(), D.c.id.desc()).limit(limit).offset(offset))
    with store.reading() as conn:
        total = conn.execute(select(func.count(D.c.id))).scalar_one()
        rows = [dict(row._mapping) for row in conn.execute(stmt)]
    for row in rows:
        row["source"] = (row.pop("meta") or {}).get("source")
    return {"items": rows, "limit": limit, "offset": offset, "total": total,
            "next_offset": offset + limit if offset + limit < total else None}


def is_filtered(filters: Filters) -> bool:
    """True when any filter is set."""
    return any(v is not None for k, v in vars(filters).items() if k != "limit")


def clear_cache() -> None:
    """Forget every cached selection (tests)."""
    with _lock:
        _cache.clear()
