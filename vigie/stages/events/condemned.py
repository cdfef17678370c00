"""Whom a condemnation targets: the author of the act it condemns.

"L'ONU condamne la tentative de coup d'État" accuses the putschists, "le gouvernement a condamné
cette attaque" the attackers, "a dénoncé l'attentat commis par X" X. The act is a trigger in the
statement's object phrase; its author is the source of the event that act was merged into, or,
for a definite act noun that tells an earlier act again ("cette attaque"), of the latest event of
its type told before.
"""

from __future__ import annotations

from spacy.tokens import Token

from vigie.stages.arguments.acts import OF_CASES
from vigie.stages.arguments.clauses import case_of

CONDEMNING = {"ACCUSE"}
DEPTH = 2  # "la tentative de coup d'État": the act may be the object's "de X"
ANY = {"tout", "toute", "aucun", "aucune", "chaque", "quelque"}  # a kind of act, not one told


def condemned_act(target: Token | None, roots: dict[int, str]) -> tuple[int, str] | None:
    """(character offset, type) of the act trigger heading the statement's object phrase, or
    reached through its "de X" complements."""
    current = target
    for _ in range(DEPTH):
        if current is None or any(c.dep_ == "det" and c.lemma_.lower() in ANY
                                  for c in current.children):
            return None  # "condamne toute attaque contre les civils": no act told
        if current.i in roots:
            return current.idx, roots[current.i]
        current = next((c for c in current.children
                        if c.dep_ == "nmod" and case_of(c) in OF_CASES), None)
    return None


def _author(events: list, condemning, offset: int, etype: str, before: int):
    """The source of the event holding the act's mention, else of the latest earlier event of
    its type."""
    for event in events:
        if event is not condemning and any(s <= offset < e for s, e in event.mentions):
            return event.source
    told = [e for e in events if e.type == etype and e.trigger_start is not None
            and e.trigger_start < before and e.source is not None]
    return told[-1].source if told else None


def blame_authors(events: list) -> None:
    """Set the target of each condemnation to the author of the act it condemns, when known:
    in place of none, of the state where the act happened ("condamne le coup d'État au Gabon")
    or of its victims ("la répression des manifestants par la police")."""
    for event in events:
        if event.type not in CONDEMNING or event.condemned is None:
            continue
        offset, etype = event.condemned
        author = _author(events, event, offset, etype, event.trigger_start or 0)
        if author is not None and author != event.source:
            event.target = author
