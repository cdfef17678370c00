"""Reports over stories: why mentions were merged (explain) and figures in dispute (disputes)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import case, func, select

from vigie.errors import StoreError
from vigie.french.counts import comparable, population
from vigie.french.modifiers import load_figures_data
from vigie.store import schema
from vigie.store.store import Store

S, E, D, A = schema.stories, schema.events, schema.documents, schema.actors
# How far (characters) a claim's sentence may reach on each side of its figure.
SENTENCE = 400
# What ends a sentence around a figure.
STOPS = (". ", "! ", "? ", "\n", ".\u00bb ", "\u00bb. ")


@dataclass(frozen=True)
class Claim:
    """One figure for a story, as one claimant gives it in one article, with the words that
    state it (its sentence) and the article's title, for a reader to judge it by."""

    story: int
    type: str
    kind: str
    claimant: str
    value: int | float | None  # an integer for a count ("8", never "8.0")
    low: int | float | None
    high: int | float | None
    doc_id: str
    published: str | None
    start: int
    end: int
    figure: str = ""  # the value as the text bounds it: "57", "≥ 17000", "≤ 300", "20–30"
    title: str | None = None
    sentence: str = ""
    who: str | None = None
    place: str | None = None
    part_of: str | None = None  # local id of the whole this figure is a subset of
    cumulative: bool = False  # a total over a period ("depuis 2015"), not one event's toll
    period: str | None = None
    time: str | None = None  # the value of the figure's time expression, if any


def explain(store: Store, story_id: int) -> dict:
    """The story and, for each merged mention, its article, its whole sentence and the reasons
    it joined.

    Raises:
        StoreError: when there is no such story.
    """
    with store.reading() as conn:
        story = conn.execute(select(S).where(S.c.id == story_id)).first()
        if story is None:
            raise StoreError(f"[V051] no story event {story_id}")
        rows = conn.execute(
            select(E.c.id, E.c.local_id, E.c.trigger, E.c.status, E.c.date, E.c.start, E.c.end,
                   E.c.merge, D.c.doc_id, D.c.title, D.c.published, D.c.text)
            .join(D, D.c.id == E.c.document_id).where(E.c.story_id == story_id).order_by(E.c.id))
        mentions = [_mention(row) for row in rows]
    return {"story": {k: v for k, v in story._mapping.items() if not k.endswith(("_key",))},
            "mentions": mentions}


def _mention(row) -> dict:
    sentence = row.text[row.start : row.end]  # whole: a cut sentence may drop who or where
    return {"event": row.id, "doc_id": row.doc_id, "local_id": row.local_id, "title": row.title,
            "published": row.published, "date": row.date, "trigger": row.trigger,
            "status": row.status, "sentence": sentence, "merge": row.merge}


F, L, P, T = schema.figures, schema.event_figures, schema.places, schema.times


def _figure_columns() -> list:
    first = case((F.c.start > SENTENCE, F.c.start - SENTENCE + 1), else_=1)
    return [F.c.kind, A.c.name, F.c.value, F.c.low, F.c.high, D.c.doc_id, D.c.published,
            F.c.start, F.c.end, F.c.id, F.c.approximate, D.c.title, F.c.who,
            P.c.name.label("place"), F.c.part_of, F.c.cumulative, F.c.period,
            func.substr(D.c.text, first, 2 * SENTENCE).label("around"), F.c.document_id,
            T.c.value.label("time")]


def claims(store: Store, *, story_id: int | None = None) -> list[Claim]:
    """Every figure of a story, with its claimant, article, title and sentence.

    A figure belongs to the stories of the event mentions that it measures; a figure that
    measures none belongs to the one story its article gives figures of that kind to, if there
    is exactly one ("des ONG ont fait état de 24 morts" in an article whose killing story holds
    the prosecutor's 25).
    """
    stmt = (select(E.c.story_id, S.c.type, *_figure_columns())
            .join(L, L.c.event_id == E.c.id).join(F, F.c.id == L.c.figure_id)
            .join(S, S.c.id == E.c.story_id).join(D, D.c.id == F.c.document_id)
            .outerjoin(A, A.c.id == F.c.source_id).outerjoin(P, P.c.id == F.c.place_id)
            .outerjoin(T, T.c.id == F.c.time_id)
            .order_by(E.c.story_id, F.c.kind, D.c.published, F.c.id))
    if story_id is not None:
        stmt = stmt.where(E.c.story_id == story_id)
    with store.reading() as conn:
        rows = conn.execute(stmt).all()
        docs = None if story_id is None else {row.document_id for row in rows}
        homes = _homes(conn, docs) if docs is not None else _homes_of(rows)
        loose = conn.execute(_loose(docs)).all()
    # A figure linked to two mentions of one story is still one claim.
    unique = {(row.story_id, row.id): _claim(row.story_id, row.type, row) for row in rows}
    for row in loose:
        home = homes.get((row.document_id, row.kind), set())
        if len(home) == 1:
            (story, type_), = home
            if story_id is None or story == story_id:
                unique[(story, row.id)] = _claim(story, type_, row)
    return sorted(unique.values(),
                  key=lambda c: (c.story, c.kind, c.published or "", c.doc_id, c.start))


Homes = dict[tuple[int, str], set[tuple[int, str]]]


def _homes_of(rows) -> Homes:
    """(document, kind) -> the (story, type) its linked figures of that kind belong to."""
    homes: Homes = defaultdict(set)
    for row in rows:
        homes[(row.document_id, row.kind)].add((row.story_id, row.type))
    return homes


def _homes(conn, docs: set[int]) -> Homes:
    """`_homes_of` for the linked figures of some documents, all their stories included."""
    found = conn.execute(
        select(F.c.document_id, F.c.kind, E.c.story_id, S.c.type).distinct()
        .join(L, L.c.figure_id == F.c.id).join(E, E.c.id == L.c.event_id)
        .join(S, S.c.id == E.c.story_id).where(F.c.document_id.in_(docs))).all()
    return _homes_of(found)


def _loose(docs: set[int] | None):
    """Figures that measure no event, of these documents (None: of any document that has
    figures measuring one)."""
    linked = select(L.c.figure_id).where(L.c.figure_id == F.c.id).exists()
    stmt = (select(*_figure_columns()).join(D, D.c.id == F.c.document_id)
            .outerjoin(A, A.c.id == F.c.source_id).outerjoin(P, P.c.id == F.c.place_id)
            .outerjoin(T, T.c.id == F.c.time_id).where(~linked))
    if docs is not None:
        return stmt.where(F.c.document_id.in_(docs))
    other = F.alias("measuring")
    return stmt.where(select(L.c.figure_id).join(other, other.c.id == L.c.figure_id)
                      .where(other.c.document_id == F.c.document_id).exists())


def _count(value: float | None) -> int | float | None:
    """A count as an integer ("8", not "8.0"); a fraction stays one."""
    return int(value) if value is not None and float(value).is_integer() else value


def _figure_text(value, low, high, approximate: bool) -> str:
    """The value with the bounds the text gives it: "57", "≥ 17000", "≤ 300", "20–30", "≈ 100"."""
    if value is None:
        return "?"
    if low is not None and high is not None and low != high:
        return f"{low}–{high}"
    if low is not None:
        return f"≥ {value}"
    if high is not None:
        return f"≤ {value}"
    return f"≈ {value}" if approximate else f"{value}"


def _sentence(around: str | None, start: int, end: int) -> str:
    """The sentence holding text[start:end], from the window `around` that SQL cut for it."""
    if not around:
        return ""
    offset = max(start - SENTENCE, 0)
    lo, hi = start - offset, end - offset
    begins = [i + len(m) for m in STOPS if (i := around.rfind(m, 0, lo)) >= 0]
    ends = [i + 1 for m in STOPS if (i := around.find(m, hi)) >= 0]
    return around[max(begins, default=0):min(ends, default=len(around))].strip()


def _claim(story: int, type_: str, row) -> Claim:
    value, low, high = _count(row.value), _count(row.low), _count(row.high)
    return Claim(story, type_, row.kind, row.name or f"{row.doc_id} (unattributed)",
                 value, low, high, row.doc_id, row.published, row.start, row.end,
                 _figure_text(value, low, high, bool(row.approximate)), row.title,
                 _sentence(row.around, row.start, row.end), row.who, row.place, row.part_of,
                 bool(row.cumulative), row.period, row.time)


def disputes(store: Store, *, story_id: int | None = None) -> list[Claim]:
    """Claims of one story that disagree: like set against like.

    Two claims disagree when they count the same thing in the same scope: one story, one kind,
    neither a subset of another figure (`part_of`), both one event's toll or both totals over
    the same period (`cumulative`), places that do not tell them apart, values that differ yet
    stay within `MAX_DISPUTE_RATIO` of each other, not two different populations ("civils",
    "soldats"; "personnes" or "morts" name none); and they come from different claimants, or
    from one claimant in two articles (a revision). Inside one article an unattributed figure
    (the article's own) disputes nothing, nor do two claims dated differently. Every claim of a
    story and kind that takes part in a disagreement is returned, grouped together.
    """
    groups: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for claim in claims(store, story_id=story_id):
        if claim.part_of is None:
            groups[(claim.story, claim.kind)].append(claim)
    disputed = []
    for group in groups.values():
        involved: set[int] = set()
        for i, one in enumerate(group):
            for j in range(i + 1, len(group)):
                if _disagree(one, group[j]):
                    involved |= {i, j}
        disputed += [claim for i, claim in enumerate(group) if i in involved]
    return disputed


def _unattributed(claim: Claim) -> bool:
    return claim.claimant == f"{claim.doc_id} (unattributed)"


def _disagree(one: Claim, other: Claim) -> bool:
    """Two claims that give different values for the same count (see `disputes`)."""
    if one.value == other.value or not comparable(one.value, other.value):
        return False
    if (one.cumulative, _folded(one.period)) != (other.cumulative, _folded(other.period)):
        return False
    if one.place and other.place and _folded(one.place) != _folded(other.place):
        return False
    generic = _generic_who()
    mine, theirs = population(one.who, generic), population(other.who, generic)
    if mine and theirs and mine != theirs:
        return False  # "248 civils" and "16 soldats" count different people
    if one.doc_id == other.doc_id:
        # Inside one article, as inside one record: claims dated differently are two counts
        # ("l'AAPP a rapporté samedi 82 morts", "l'armée a recensé vendredi 248 décès").
        return one.claimant != other.claimant and not (
            _unattributed(one) or _unattributed(other)) and (
            one.time is None or other.time is None or one.time == other.time)
    return True


@lru_cache(maxsize=1)
def _generic_who() -> frozenset[str]:
    """Words naming no population in particular (figures lexicon `generic_who`)."""
    return frozenset(str(w).lower() for w in load_figures_data().get("generic_who") or ())


def _folded(text: str | None) -> str:
    return " ".join((text or "").lower().split())
