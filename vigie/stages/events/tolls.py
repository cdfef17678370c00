"""What figures say about an event's arguments: a count over a period or over acts told in the
plural sums many events, and a statement about "ce chiffre" is about the one who gave it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from vigie.stages.arguments.frames import words_of

DEMONSTRATIVES = {"ce", "cet", "cette", "ces"}
SETTINGS = {"dans", "lors"}  # "péri dans des attaques": where people died


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


def aggregate(root: Token, figures: list, places: list, hit, times: list) -> bool:
    """Whether a trigger names many acts that a count sums: a plural act noun with an
    indefinite article that is where people died, with no time in the clause and no place
    finer than a country ("plus de 17 000 civils ont péri dans des attaques djihadistes au
    Burkina Faso"; not "dix soldats ont été tués lundi dans des attaques")."""
    if root.pos_ != "NOUN" or "Plur" not in root.morph.get("Number"):
        return False
    if not any(c.dep_ == "det" and "Ind" in c.morph.get("Definite") for c in root.children):
        return False
    if hit.place is not None and places[hit.place].level != "country":
        return False
    cases = {c.lower_ for c in root.children if c.dep_ == "case"}
    if not cases & SETTINGS or root.head.pos_ != "VERB":
        return False  # "ont péri dans des attaques", not "tués par des tirs"
    first, last = hit.start, hit.end  # the clause, cut at line ends
    if any(first <= t.start < last for t in times):
        return False  # "lundi", valued or not
    return any(first <= f.start < last and f.value is not None for f in figures)
