"""Paginated lists over the store's tables (documents, actors, places, figures, quotes),
full-text search, and the views built on story events (detail, disputes, actor network).

Every query is SQLAlchemy Core with bound parameters: no SQL is built from strings.
"""

from __future__ import annotations

import logging
import unicodedata
from collections import defaultdict
from dataclasses import asdict

from sqlalchemy import distinct, func, or_, select

from vigie.french.normalize import fold
from vigie.store import Store, schema
from vigie.store.lookup import place_keys
from vigie.store.query import _documents_matching
from vigie.store.report import claims, disputes, explain
from vigie.web.deps import Page
from vigie.web.records import trigger_span

LOGGER = logging.getLogger(__name__)
D, A, P, F, Q, E = (schema.documents, schema.actors, schema.places, schema.figures,
                    schema.quotes, schema.events)
# Characters of article text shown around a search hit.
SNIPPET = 80
# Characters searched on each side of a figure for the ends of its sentence.
SENTENCE = 400
STOPS = (". ", "! ", "? ", "\n")


def _page(stmt, pg: Page):
    # One row more than the page tells the client whether there is a next page.
    return stmt.limit(pg.limit + 1).offset(pg.offset)


def _dicts(conn, stmt) -> list[dict]:
    return [dict(row._mapping) for row in conn.execute(stmt)]


def documents(store: Store, pg: Page, *, since: str | None = None, until: str | None = None,
              text: str | None = None) -> list[dict]:
    """Documents, newest first: id, doc_id, title, published, url, lang, size.

    Args:
        store: the store.
        pg: the page.
        since: first publication date (ISO, inclusive).
        until: last publication date (ISO, inclusive).
        text: full-text search in the article text and its quotes.
    """
    stmt = select(D.c.id, D.c.doc_id, D.c.title, D.c.published, D.c.url, D.c.lang,
                  func.length(D.c.text).label("size"))
    if since:
        stmt = stmt.where(D.c.published >= since)
    if until:
        stmt = stmt.where(D.c.published <= until[:10])
    with store.reading() as conn:
        if text:
            stmt = stmt.where(D.c.id.in_(_documents_matching(conn, text)))
        stmt = _page(stmt.order_by(D.c.published.desc(), D.c.id.desc()), pg)
        rows = _dicts(conn, stmt)
    return rows


def search(store: Store, text: str, pg: Page) -> list[dict]:
    """Documents whose text or quotes contain every word of `text`, with a snippet."""
    stmt = select(D.c.id, D.c.doc_id, D.c.title, D.c.published, D.c.text)
    with store.reading() as conn:
        stmt = stmt.where(D.c.id.in_(_documents_matching(conn, text))).order_by(D.c.id)
        rows = _dicts(conn, _page(stmt, pg))
    for row in rows:
        row["snippet"] = snippet(row.pop("text"), text)
    return rows


def snippet(text: str, words: str) -> str:
    """The text around the first of `words` it contains (accents and case folded)."""
    folded = _fold_chars(text)
    hits = [folded.find(_fold_chars(w)) for w in words.split()]
    hits = [h for h in hits if h >= 0]
    at = min(hits) if hits else 0
    start, end = max(0, at - SNIPPET), min(len(text), at + SNIPPET)
    return ("…" if start else "") + text[start:end].replace("\n", " ") + (
        "…" if end < len(text) else "")


def _fold_chars(text: str) -> str:
    # One character for one: offsets in the folded text are offsets in the text.
    return "".join(unicodedata.normalize("NFD", c)[0].lower()[:1] for c in text)


def actors(store: Store, pg: Page, *, name: str | None = None, country: str | None = None,
           kind: str | None = None) -> list[dict]:
    """Actors across documents (one row per name, kind, country, kb id), most documents first."""
    keys = (A.c.name_key, A.c.kind, A.c.country, A.c.kb_id)
    stmt = select(func.min(A.c.name).label("name"), A.c.kind, A.c.country, A.c.kb_id,
                  func.count(distinct(A.c.document_id)).label("documents")).group_by(*keys)
    if name:
        stmt = stmt.where(A.c.name_key.contains(fold(name), autoescape=True))
    if country:
        stmt = stmt.where(A.c.country == country.upper())
    if kind:
        stmt = stmt.where(A.c.kind == kind)
    stmt = stmt.order_by(func.count(distinct(A.c.document_id)).desc(), *keys)
    with store.reading() as conn:
        return _dicts(conn, _page(stmt, pg))


def places(store: Store, pg: Page, *, name: str | None = None,
           country: str | None = None) -> list[dict]:
    """Places across documents (one row per name, country and point), most documents first."""
    keys = (P.c.name_key, P.c.country, P.c.level, P.c.lat, P.c.lon, P.c.geonameid)
    stmt = select(func.min(func.coalesce(P.c.canonical, P.c.name)).label("name"), P.c.country,
                  P.c.level, P.c.lat, P.c.lon, P.c.geonameid,
                  func.count(distinct(P.c.document_id)).label("documents")).group_by(*keys)
    if name:  # as written or canonical, as `query --place` (« Kiev » finds Kyiv)
        stmt = stmt.where(or_(P.c.name_key.contains(fold(name), autoescape=True),
                              P.c.name_key.in_(place_keys(name))))
    if country:
        stmt = stmt.where(P.c.country == country.upper())
    stmt = stmt.order_by(func.count(distinct(P.c.document_id)).desc(), *keys)
    with store.reading() as conn:
        return _dicts(conn, _page(stmt, pg))


def figures(store: Store, pg: Page, *, kind: str | None = None,
            document: int | None = None) -> list[dict]:
    """Figures with their claimant and document, newest documents first."""
    stmt = (select(F.c.id, F.c.local_id, F.c.kind, F.c.value, F.c.low, F.c.high,
                   F.c.approximate, F.c.who, A.c.name.label("source"), F.c.start, F.c.end,
                   D.c.id.label("document"), D.c.doc_id, D.c.published)
            .join(D, D.c.id == F.c.document_id).outerjoin(A, A.c.id == F.c.source_id))
    if kind:
        stmt = stmt.where(F.c.kind == kind)
    if document is not None:
        stmt = stmt.where(F.c.document_id == document)
    stmt = stmt.order_by(D.c.published.desc(), F.c.id)
    with store.reading() as conn:
        return _dicts(conn, _page(stmt, pg))


def quotes(store: Store, pg: Page, *, speaker: str | None = None,
           document: int | None = None) -> list[dict]:
    """Quotes with their speaker and document, newest documents first."""
    stmt = (select(Q.c.id, Q.c.local_id, Q.c.text, Q.c.direct, Q.c.cue,
                   A.c.name.label("speaker"), Q.c.start, Q.c.end, D.c.id.label("document"),
                   D.c.doc_id, D.c.published)
            .join(D, D.c.id == Q.c.document_id).outerjoin(A, A.c.id == Q.c.speaker_id))
    if speaker:
        stmt = stmt.where(A.c.name_key.contains(fold(speaker), autoescape=True))
    if document is not None:
        stmt = stmt.where(Q.c.document_id == document)
    stmt = stmt.order_by(D.c.published.desc(), Q.c.id)
    with store.reading() as conn:
        return _dicts(conn, _page(stmt, pg))


def story(store: Store, story_id: int) -> dict:
    """A story event with its merged mentions, each with its document's row id, offsets, whole
    sentence (trigger offsets inside it), actors and place as the article writes them, and
    every figure given for the story with its claimant.

    Raises:
        StoreError: when there is no such story.
    """
    detail = explain(store, story_id)
    ids = [m["event"] for m in detail["mentions"]]
    src, tgt = A.alias("src"), A.alias("tgt")
    stmt = (select(E.c.id, E.c.document_id, E.c.start, E.c.end, E.c.confidence, E.c.mode,
                   src.c.name.label("source"), tgt.c.name.label("target"),
                   P.c.name.label("place"), D.c.text)
            .join(D, D.c.id == E.c.document_id).outerjoin(src, src.c.id == E.c.source_id)
            .outerjoin(tgt, tgt.c.id == E.c.target_id).outerjoin(P, P.c.id == E.c.place_id)
            .where(E.c.id.in_(ids)))
    with store.reading() as conn:
        where = {row.id: row for row in conn.execute(stmt)}
    for mention in detail["mentions"]:
        row = where[mention["event"]]
        text = row.text[row.start : row.end]
        trigger = trigger_span(row.text, row.start, row.end, mention["trigger"])
        mention.update(document=row.document_id, start=row.start, end=row.end, text=text,
                       confidence=row.confidence, mode=row.mode, source=row.source,
                       target=row.target, place=row.place,
                       trigger_start=trigger[0] - row.start if trigger else None,
                       trigger_end=trigger[1] - row.start if trigger else None)
    places = [m["place"] for m in detail["mentions"] if m["place"]]
    detail["story"]["place_name"] = places[0] if places else detail["story"].get("place")
    detail["figures"] = [asdict(c) for c in claims(store, story_id=story_id)]
    return detail


def dispute_groups(store: Store, pg: Page, *, story_id: int | None = None,
                   stories: set[int] | None = None) -> list[dict]:
    """Disputed figures grouped by story and kind: each group lists its claims side by side,
    each claim with its document's row id and the sentence that states it.

    Args:
        store: the store.
        pg: the page.
        story_id: only this story.
        stories: only these stories (the dashboard's selection); None for all.
    """
    groups: dict[tuple[int, str], list[dict]] = defaultdict(list)
    for claim in disputes(store, story_id=story_id):
        if stories is None or claim.story in stories:
            groups[(claim.story, claim.kind)].append(asdict(claim))
    keys = sorted(groups)[pg.offset : pg.offset + pg.limit + 1]
    page = [{"story": s, "type": groups[(s, k)][0]["type"], "kind": k, "claims": groups[(s, k)]}
            for s, k in keys]
    _add_sentences(store, [c for g in page for c in g["claims"]])
    return page


def _add_sentences(store: Store, claims_: list[dict]) -> None:
    """Each claim's document row id and sentence (figure offsets relative to it)."""
    doc_ids = sorted({c["doc_id"] for c in claims_})
    if not doc_ids:
        return
    stmt = (select(F.c.start, F.c.end, D.c.id, D.c.doc_id, D.c.text)
            .join(D, D.c.id == F.c.document_id).where(D.c.doc_id.in_(doc_ids)))
    with store.reading() as conn:
        found = {(r.doc_id, r.start, r.end): r for r in conn.execute(stmt)}
    for claim in claims_:
        row = found.get((claim["doc_id"], claim["start"], claim["end"]))
        if row is None:
            continue
        start, end = sentence_bounds(row.text, claim["start"], claim["end"])
        claim.update(document=row.id, sentence=row.text[start:end],
                     figure_start=claim["start"] - start, figure_end=claim["end"] - start)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from after the previous stop (". ", "! ", "? " or a
    line break) to the next one, looking at most SENTENCE characters on each side."""
    lo, hi = max(0, start - SENTENCE), min(len(text), end + SENTENCE)
    begins = [i + len(m) for m in STOPS if (i := text.rfind(m, lo, start)) >= 0]
    ends = [i + 1 for m in STOPS if (i := text.find(m, end, hi)) >= 0]
    return max(begins, default=lo), min(ends, default=hi)


def network(stories: list[dict]) -> dict:
    """Who acts on whom: actors as nodes, one edge per (source, target, event type) with counts."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str, str], int] = defaultdict(int)
    for s in stories:
        if not s.get("source") or not s.get("target"):
            continue
        for name, country in ((s["source"], s.get("source_country")),
                              (s["target"], s.get("target_country"))):
            node = nodes.setdefault(name, {"id": name, "country": country, "events": 0})
            node["events"] += 1
        edges[(s["source"], s["target"], s["type"])] += 1
    return {"nodes": sorted(nodes.values(), key=lambda n: -n["events"]),
            "edges": [{"source": a, "target": b, "type": t, "count": n}
                      for (a, b, t), n in sorted(edges.items())]}
