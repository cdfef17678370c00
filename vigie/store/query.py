"""Query story events with filters; full-text search over article text and quotes."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from sqlalchemy import Connection, and_, case, column, func, or_, select, table, union
from sqlalchemy.sql import Select

from vigie.dates import period_end
from vigie.french.normalize import fold
from vigie.geo import EARTH_RADIUS_KM, distance_km
from vigie.store import schema
from vigie.store.lookup import actor_names, country_code, gazetteer_point, place_keys
from vigie.store.merge import day_of
from vigie.store.store import Store

LOGGER = logging.getLogger(__name__)
S, E, A, P = schema.stories, schema.events, schema.actors, schema.places
# Ids per IN (...) when enriching result rows (below SQLite's bound-parameter limit).
ID_CHUNK = 500
# Figure kinds counted as fatalities (ACLED's column and the query output).
FATALITY_KINDS = ("killed",)

# The keys of every row `query` returns, in order (the columns of its CSV, even when empty).
FIELDS = ("id", "date", "type", "mode", "source", "source_country", "target", "target_country",
          "place", "country", "level", "lat", "lon", "precision", "mentions", "statuses",
          "articles", "fatalities")

# FTS5 tables created by migration 0002 (not part of the ORM schema).
_DOCS_FTS = table("documents_fts", column("rowid"), column("text"))
_QUOTES_FTS = table("quotes_fts", column("rowid"), column("text"))


@dataclass(frozen=True, kw_only=True)
class Filters:
    """What `vigie query` selects; every filter is optional and they combine with AND."""

    type: str | None = None
    actor: str | None = None  # any name of the source or target (case and accents folded), kb id
    country: str | None = None  # of the place or of an actor: ISO alpha-3 or alpha-2 code, name
    place: str | None = None  # name as written or canonical; with radius_km, the circle's centre
    near: tuple[float, float] | None = None  # (lat, lon) centre of the circle
    radius_km: float | None = None
    since: str | None = None  # ISO dates (YYYY, YYYY-MM: the whole period), inclusive
    until: str | None = None
    status: str | None = None  # a mention's status (reported, claimed, denied...)
    claimant: str | None = None  # who claims the event or states one of its figures
    text: str | None = None  # full-text search in the reporting articles and their quotes
    min_confidence: float | None = None  # some mention at least this likely right (0 to 1)
    limit: int | None = None


def query(store: Store, filters: Filters) -> list[dict]:
    """Story events matching `filters`, newest first, as plain dicts.

    Args:
        store: the store.
        filters: the selection.

    Returns:
        One dict per story with the keys of FIELDS.
    """
    with store.reading() as conn:
        centre = _centre(conn, filters)
        rows = _within(_select(conn, filters, centre), conn, filters, centre)
        rows = rows[: filters.limit] if filters.limit else rows
        _enrich(conn, rows)
    return [{key: row[key] for key in FIELDS} for row in rows]


def count(store: Store, filters: Filters) -> int:
    """How many story events match `filters`, whatever its limit."""
    filters = Filters(**{**vars(filters), "limit": None})
    with store.reading() as conn:
        centre = _centre(conn, filters)
        stmt = _select(conn, filters, centre)
        if centre and filters.radius_km is not None:
            return len(_within(stmt, conn, filters, centre))
        return conn.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))


def _within(stmt: Select, conn: Connection, f: Filters, centre) -> list[dict]:
    """The rows of `stmt`, cut to the circle when there is one (the bounding box is coarser)."""
    rows = [dict(row._mapping) for row in conn.execute(stmt)]
    if centre and f.radius_km is not None:
        rows = [r for r in rows if r["lat"] is not None and
                distance_km(centre[0], centre[1], r["lat"], r["lon"]) <= f.radius_km]
    return rows


def _select(conn: Connection, f: Filters, centre) -> Select:
    stmt = select(S.c.id, S.c.date, S.c.type, S.c.mode, S.c.source, S.c.source_country,
                  S.c.target, S.c.target_country, S.c.place, S.c.country, S.c.level, S.c.lat,
                  S.c.lon, S.c.precision, S.c.mentions)
    conditions = _conditions(conn, f)
    if centre and f.radius_km is not None:
        conditions += _bbox(centre, f.radius_km)
    if conditions:
        stmt = stmt.where(and_(*conditions))
    # SQLite already puts NULLs last in DESC order; spelling it out there defeats the day index.
    newest = S.c.day.desc() if conn.dialect.name == "sqlite" else S.c.day.desc().nulls_last()
    stmt = stmt.order_by(newest, S.c.id)
    if f.limit and not (centre and f.radius_km is not None):
        stmt = stmt.limit(f.limit)
    return stmt


def _conditions(conn: Connection, f: Filters) -> list:
    c = []
    if f.type:
        c.append(S.c.type == f.type.upper())
    if f.country:
        code = country_code(f.country) or f.country.upper()
        c.append(or_(S.c.country == code, S.c.source_country == code, S.c.target_country == code))
    if f.since and day_of(f.since) is not None:
        c.append(S.c.day >= day_of(f.since))
    if f.until and day_of(f.until) is not None:
        c.append(S.c.day <= day_of(period_end(f.until)))
    if f.actor:
        c.append(S.c.id.in_(_stories_with_actor(f.actor)))
    if f.place and f.radius_km is None:
        named = or_(P.c.name_key.contains(fold(f.place), autoescape=True),
                    P.c.name_key.in_(place_keys(f.place)))
        c.append(S.c.id.in_(select(E.c.story_id).join(P, P.c.id == E.c.place_id).where(named)))
    if f.status:
        c.append(S.c.id.in_(select(E.c.story_id).where(E.c.status == f.status)))
    if f.claimant:
        c.append(S.c.id.in_(_stories_with_claimant(f.claimant)))
    if f.min_confidence is not None:
        c.append(S.c.id.in_(select(E.c.story_id).where(E.c.confidence >= f.min_confidence)))
    if f.text:
        c.append(S.c.id.in_(select(E.c.story_id).where(
            E.c.document_id.in_(_documents_matching(conn, f.text)))))
    return c


def _actor_ids(name: str):
    # Every name the knowledge base gives the actor, folded, or its kb id: both indexed (a
    # substring match would scan every actor).
    keys, ids = actor_names(name)
    return select(A.c.id).where(or_(A.c.name_key.in_(keys), A.c.kb_id.in_(ids)))


def _stories_with_actor(name: str):
    ids = _actor_ids(name)
    return select(E.c.story_id).where(or_(E.c.source_id.in_(ids), E.c.target_id.in_(ids)))


def _stories_with_claimant(name: str):
    ids = _actor_ids(name)
    F, L = schema.figures, schema.event_figures
    by_claim = select(E.c.story_id).where(E.c.claimed_by_id.in_(ids))
    by_figure = (select(E.c.story_id).join(L, L.c.event_id == E.c.id)
                 .join(F, F.c.id == L.c.figure_id).where(F.c.source_id.in_(ids)))
    return union(by_claim, by_figure)


def _documents_matching(conn: Connection, text: str):
    """Document ids whose text or one of whose quotes matches `text` (all words)."""
    Q, D = schema.quotes, schema.documents
    if conn.dialect.name == "sqlite":
        phrase = fts5_query(text)
        in_docs = select(_DOCS_FTS.c.rowid).where(_DOCS_FTS.c.text.match(phrase))
        quote_ids = select(_QUOTES_FTS.c.rowid).where(_QUOTES_FTS.c.text.match(phrase))
        return union(in_docs, select(Q.c.document_id).where(Q.c.id.in_(quote_ids)))
    tsquery = func.plainto_tsquery("french", text)
    in_docs = select(D.c.id).where(func.to_tsvector("french", D.c.text).op("@@")(tsquery))
    in_quotes = select(Q.c.document_id).where(
        func.to_tsvector("french", Q.c.text).op("@@")(tsquery))
    return union(in_docs, in_quotes)


def fts5_query(text: str) -> str:
    """An FTS5 query string matching all the words of `text` (each quoted: no syntax errors)."""
    words = [w.replace('"', "") for w in text.split()]
    return " ".join(f'"{w}"' for w in words if w) or '""'


def _centre(conn: Connection, f: Filters) -> tuple[float, float] | None:
    if f.near:
        return f.near
    if not f.place or f.radius_km is None:
        return None
    point = place_point(conn, f.place)
    if point is None:
        LOGGER.warning("place %r is located neither in the store nor in the gazetteer: radius "
                       "filter matches nothing", f.place)
        return (float("nan"), float("nan"))
    return point


def locate(store: Store, name: str) -> tuple[float, float] | None:
    """Where `query` centres a radius around the place `name`; None when it cannot."""
    with store.reading() as conn:
        return place_point(conn, name)


def place_point(conn: Connection, name: str) -> tuple[float, float] | None:
    """Where a place name is: the store's most mentioned city of that name (as written or
    canonical), else its most mentioned place, else the gazetteer's; None when unknown."""
    city = func.sum(case((P.c.level == "city", 1), else_=0))
    row = conn.execute(
        select(P.c.lat, P.c.lon).where(P.c.name_key.in_(place_keys(name)), P.c.lat.is_not(None))
        .group_by(P.c.lat, P.c.lon).order_by(city.desc(), func.count().desc()).limit(1)).first()
    return (row.lat, row.lon) if row else gazetteer_point(name)


def _bbox(centre: tuple[float, float], km: float) -> list:
    """A latitude/longitude box around the circle, so the index does the coarse cut."""
    lat, lon = centre
    if math.isnan(lat):
        return [S.c.id.is_(None)]
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    dlon = dlat / max(math.cos(math.radians(lat)), 1e-6)
    return [S.c.lat.between(lat - dlat, lat + dlat), S.c.lon.between(lon - dlon, lon + dlon)]


def _enrich(conn: Connection, rows: list[dict]) -> None:
    """Add mentions' statuses, article count and fatalities to each story row."""
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        r.update(statuses=set(), documents=set(), fatalities=None)
    ids = list(by_id)
    for i in range(0, len(ids), ID_CHUNK):
        chunk = ids[i : i + ID_CHUNK]
        for story, status, doc in conn.execute(
                select(E.c.story_id, E.c.status, E.c.document_id).where(E.c.story_id.in_(chunk))):
            by_id[story]["statuses"].add(status)
            by_id[story]["documents"].add(doc)
        for story, kind, value in conn.execute(_figures_of(chunk)):
            if kind in FATALITY_KINDS and value is not None:
                # The most conservative (lowest) killed figure, as ACLED codes fatalities.
                known = by_id[story]["fatalities"]
                by_id[story]["fatalities"] = int(value if known is None else min(known, value))
    for r in rows:
        r["statuses"] = ",".join(sorted(r["statuses"]))
        r["articles"] = len(r.pop("documents"))


def _figures_of(story_ids: list[int]):
    """Kind and value of every figure of these stories.

    Filtering on kind here would let SQLite start from the kind index (every killed figure in
    the store) instead of the stories' events; the caller filters instead.
    """
    F, L = schema.figures, schema.event_figures
    return (select(E.c.story_id, F.c.kind, F.c.value).join(L, L.c.event_id == E.c.id)
            .join(F, F.c.id == L.c.figure_id).where(E.c.story_id.in_(story_ids)))
