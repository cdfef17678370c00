"""Read story events with their reports, actors, places, times, figures and articles.

The exports (PLOVER, ACLED) read the store through `load_stories`, one query per table; every
other module of the package works on the dataclasses below.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, or_, select

from vigie.french.dates import whole
from vigie.store import schema
from vigie.store.store import Store

LOGGER = logging.getLogger(__name__)
S, E, A, P, T, D = (schema.stories, schema.events, schema.actors, schema.places, schema.times,
                    schema.documents)
F, L = schema.figures, schema.event_figures
# Time precisions that name one day (ACLED time_precision 1 when the period is one day).
DAY_PRECISIONS = frozenset({"day", "part-of-day", "time"})


@dataclass(frozen=True)
class Actor:
    """An actor row: `text` is the words of its first mention (else its name)."""

    id: int
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    kb_id: str | None
    text: str


@dataclass(frozen=True)
class Place:
    name: str  # as the text spells it
    canonical: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    level: str | None


@dataclass(frozen=True)
class Article:
    id: int
    doc_id: str
    title: str | None
    url: str | None
    lang: str
    published: str | None
    meta: dict
    text: str


@dataclass(frozen=True)
class Figure:
    kind: str
    value: float | None
    low: float | None
    part_of: str | None


@dataclass
class Mention:
    """One report of a story: an event row of one article."""

    id: int
    local_id: str
    article: Article
    status: str
    trigger: str
    start: int
    end: int
    context: list[str]
    source: Actor | None
    target: Actor | None
    place: Place | None
    time_value: str | None
    time_end: str | None
    figures: list[Figure] = field(default_factory=list)

    @property
    def sentence(self) -> str:
        return self.article.text[self.start : self.end]


@dataclass
class Story:
    """A story event (`stories` row) and its mentions, oldest first."""

    row: object
    mentions: list[Mention]

    @property
    def id(self) -> int:
        return self.row.id

    def actor(self, slot: str) -> Actor | None:
        """The story's `source` or `target`: the first report's actor of that name, else the
        first report's actor in that slot."""
        name = getattr(self.row, slot)
        actors = [getattr(m, slot) for m in self.mentions if getattr(m, slot) is not None]
        return next((a for a in actors if a.name == name), actors[0] if actors else None)

    def period(self) -> tuple[dt.date, dt.date | None] | None:
        """First and last day of the story's date (last None for a single day); None: undated."""
        return story_period(self.row.date, self.row.precision, self._end_value())

    def _end_value(self) -> str | None:
        for m in self.mentions:
            if m.time_value == self.row.date and m.time_end:
                return m.time_end
        return None


def story_period(value: str | None, precision: str | None,
                 end_value: str | None = None) -> tuple[dt.date, dt.date | None] | None:
    """The days an ISO date of some precision covers: (first, last or None when one day)."""
    first = _whole(value, precision)
    if first is None:
        return None
    last = _whole(end_value, precision) if end_value else None
    end = (last or first)[1]
    return first[0], (None if end == first[0] else end)


def _whole(value: str | None, precision: str | None) -> tuple[dt.date, dt.date] | None:
    if not value or "W" in value:
        return None
    parts = value[:10].split("-")
    try:
        day = dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                      int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None
    unit = {1: "year", 2: "month"}.get(len(parts), precision or "day")
    period = whole(day, unit if unit in ("week", "month", "year") else "day")
    return period.start, period.end


def load_stories(store: Store) -> list[Story]:
    """Every story event with its mentions, by story id."""
    with store.reading() as conn:
        stories = conn.execute(select(S).order_by(S.c.id)).all()
        actors = _actors(conn)
        articles = _articles(conn)
        figures = _figures(conn)
        by_story: dict[int, list[Mention]] = defaultdict(list)
        for row in conn.execute(_mentions_stmt()):
            mention = _mention(row, actors, articles)
            mention.figures = figures.get(row.id, [])
            by_story[row.story_id].append(mention)
    return [Story(row, by_story.get(row.id, [])) for row in stories]


def _mentions_stmt():
    return (select(E.c.id, E.c.story_id, E.c.local_id, E.c.document_id, E.c.status, E.c.trigger,
                   E.c.start, E.c.end, E.c.context, E.c.source_id, E.c.target_id,
                   P.c.name.label("p_name"), P.c.canonical, P.c.country.label("p_country"),
                   P.c.lat, P.c.lon, P.c.geonameid, P.c.level,
                   T.c.value.label("t_value"), T.c.end_value.label("t_end"))
            .outerjoin(P, P.c.id == E.c.place_id).outerjoin(T, T.c.id == E.c.time_id)
            .order_by(E.c.id))


def _mention(row, actors: dict[int, Actor], articles: dict[int, Article]) -> Mention:
    place = None
    if row.p_name is not None:
        place = Place(row.p_name, row.canonical, row.p_country, row.lat, row.lon, row.geonameid,
                      row.level)
    return Mention(
        id=row.id, local_id=row.local_id, article=articles[row.document_id], status=row.status,
        trigger=row.trigger, start=row.start, end=row.end, context=list(row.context or []),
        source=actors.get(row.source_id), target=actors.get(row.target_id), place=place,
        time_value=row.t_value, time_end=row.t_end)


def _actors(conn: Connection) -> dict[int, Actor]:
    used = or_(A.c.id.in_(select(E.c.source_id)), A.c.id.in_(select(E.c.target_id)))
    stmt = (select(A, D.c.text.label("doc_text")).join(D, D.c.id == A.c.document_id)
            .where(used))
    out = {}
    for r in conn.execute(stmt):
        spans = r.mentions or []
        text = r.doc_text[spans[0][0] : spans[0][1]] if spans else r.name
        out[r.id] = Actor(r.id, r.name, r.kind, r.country, r.sector, r.role, r.kb_id, text)
    return out


def _articles(conn: Connection) -> dict[int, Article]:
    stmt = select(D.c.id, D.c.doc_id, D.c.title, D.c.url, D.c.lang, D.c.published, D.c.meta,
                  D.c.text).where(D.c.id.in_(select(E.c.document_id)))
    return {r.id: Article(r.id, r.doc_id, r.title, r.url, r.lang, r.published, r.meta or {},
                          r.text) for r in conn.execute(stmt)}


def _figures(conn: Connection) -> dict[int, list[Figure]]:
    stmt = (select(L.c.event_id, F.c.kind, F.c.value, F.c.low, F.c.part_of)
            .join(F, F.c.id == L.c.figure_id).order_by(F.c.id))
    out: dict[int, list[Figure]] = defaultdict(list)
    for r in conn.execute(stmt):
        out[r.event_id].append(Figure(r.kind, r.value, r.low, r.part_of))
    return out


def lowest(story: Story, kinds: tuple[str, ...]) -> int | None:
    """The lowest figure of these kinds that a report gives for the whole event.

    A subset ("dont 10 civils", `part_of`) is not a count of the event, and a report that
    denies the event does not count its figures; a range counts by its low end.
    """
    values = [f.low if f.low is not None else f.value
              for m in story.mentions if m.status != "denied"
              for f in m.figures if f.kind in kinds and not f.part_of]
    values = [v for v in values if v is not None]
    return int(min(values)) if values else None


def publisher(article: Article) -> str | None:
    """The publisher an input named (meta `publisher`, `source` or `site`), else the URL's host."""
    for key in ("publisher", "publication", "source", "site", "site_name"):
        value = article.meta.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    if article.url and "//" in article.url:
        return article.url.split("//", 1)[1].split("/", 1)[0].removeprefix("www.") or None
    return None
