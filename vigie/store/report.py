"""Reports over stories: why mentions were merged (explain) and figures in dispute (disputes)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from vigie.errors import StoreError
from vigie.store import schema
from vigie.store.store import Store

S, E, D, A = schema.stories, schema.events, schema.documents, schema.actors


@dataclass(frozen=True)
class Claim:
    """One figure for a story, as one claimant gives it in one article."""

    story: int
    type: str
    kind: str
    claimant: str
    value: float | None
    low: float | None
    high: float | None
    doc_id: str
    published: str | None
    start: int
    end: int


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


def claims(store: Store, *, story_id: int | None = None) -> list[Claim]:
    """Every figure attached to a story event, with its claimant and article."""
    F, L = schema.figures, schema.event_figures
    stmt = (select(E.c.story_id, S.c.type, F.c.kind, A.c.name, F.c.value, F.c.low, F.c.high,
                   D.c.doc_id, D.c.published, F.c.start, F.c.end, F.c.id)
            .join(L, L.c.event_id == E.c.id).join(F, F.c.id == L.c.figure_id)
            .join(S, S.c.id == E.c.story_id).join(D, D.c.id == F.c.document_id)
            .outerjoin(A, A.c.id == F.c.source_id)
            .order_by(E.c.story_id, F.c.kind, D.c.published, F.c.id))
    if story_id is not None:
        stmt = stmt.where(E.c.story_id == story_id)
    with store.reading() as conn:
        rows = conn.execute(stmt).all()
    # A figure linked to two mentions of one story is still one claim.
    unique = {(row[0], row[-1]): row for row in rows}
    return [Claim(row[0], row[1], row[2], row[3] or f"{row[7]} (unattributed)", *row[4:-1])
            for row in unique.values()]


def disputes(store: Store, *, story_id: int | None = None) -> list[Claim]:
    """Claims of stories whose figures of one kind differ between claimants.

    A (story, kind) is disputed when at least two claimants give it and their values differ;
    every claim of a disputed (story, kind) is returned, grouped together.
    """
    groups: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for claim in claims(store, story_id=story_id):
        groups[(claim.story, claim.kind)].append(claim)
    disputed = []
    for group in groups.values():
        claimants = {c.claimant for c in group}
        values = {c.value for c in group}
        if len(claimants) > 1 and len(values) > 1:
            disputed += group
    return disputed
