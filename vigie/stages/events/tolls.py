"""What figures say about an event's arguments: a count over a period sums many events, and a
statement about "ce chiffre" is about the one who gave it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from vigie.stages.arguments.frames import words_of

DEMONSTRATIVES = {"ce", "cet", "cette", "ces"}


def counted_by(doc: Doc, figures: list, noun: Token) -> int | None:
    """The one who gave the count a demonstrative figure noun takes up ("ce chiffre", "ce
    bilan"): the claimant of the last figure before it, as an index in doc._.vigie_actors."""
    demonstrative = any(c.lower_ in DEMONSTRATIVES for c in noun.children if c.dep_ == "det")
    if noun.lemma_.lower() not in words_of(doc).figure_nouns or not demonstrative:
        return None
    before = [f for f in figures if f.start < noun.idx and f.source is not None]
    return before[-1].source if before else None


def cumulative(figures: list, target: Token) -> bool:
    """Whether a cumulative figure counts the target phrase ("17 000 civils ont été tués depuis
    2015", "depuis 2015, les rebelles ont tué plus de 3 000 civils"): the clause sums many
    events, it is none of them."""
    first, last = target.left_edge.idx, target.right_edge.idx + len(target.right_edge)
    return any(f.cumulative and first <= f.start < last for f in figures)

