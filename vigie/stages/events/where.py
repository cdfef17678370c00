"""Where an event happened: the place the parse links to its trigger, else its clause's, else the
story's.

A locative phrase ("à Alep", "dans la province d'Idlib", "près de Beni") hanging on the trigger,
on the verb carrying it, or on a clause above it places the event; failing that the best place
of its clause (places.event_place); failing that the story's place: the dateline, else the first
place named with a locative in the title or lede. See docs/events.md, "Place and time".
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Token

from vigie.stages.common import text_of
from vigie.stages.events.when import clause_chain
from vigie.stages.places.component import event_place
from vigie.stages.places.mentions import words
from vigie.stages.tokens import tree_of

LOGGER = logging.getLogger(__name__)


# Heads climbed from the trigger looking for a locative: the trigger, its carrying verb and the
# clause above ("ont été tuées dans un raid sur Douma" is 1, "a annoncé ... à Goma" 2-3).
MAX_PLACE_CLIMB = 3
# Relations through which a place phrase hangs on a word.
PLACE_DEPS = {"obl", "obl:mod", "obl:arg", "nmod"}
# Cases that make a phrase an origin, an author or a possessor, not a location.
NOT_WHERE = {"de", "du", "des", "d'", "par", "vers", "depuis", "contre", "avec", "entre", "pour"}
# The lede: where the story's place is looked for when no dateline names it (characters; a
# title plus a first paragraph of agency copy).
LEDE_CHARS = 400
OWN_DEPTH = 1  # a place on the trigger or its carrying verb is the event's own (merge keeps apart)
STORY_LEVELS = {"city", "area", "region"}  # a country is too coarse to place the story's events
_STORY_KEY = ("vigie", "story_place")  # user_data: (the places list, its story place)


def _place_in(places, start: int, end: int) -> int | None:
    for i, place in enumerate(places):
        if any(s < end and start < e for s, e in place.mentions):
            return i
    return None


def _locative(token: Token, places) -> int | None:
    """A place in a locative phrase hanging on `token` (not "de X", "vers X", "contre X")."""
    doc = token.doc
    tree = tree_of(doc)
    dep, case = tree.deps, tree.cases
    for c in tree.children(token.i):
        if dep[c] not in PLACE_DEPS or case[c] in NOT_WHERE:
            continue
        if dep[c] == "nmod" and case[c] is None:
            continue
        child = doc[c]
        right = _phrase_end(doc, child)
        found = _place_in(places, child.left_edge.idx, right.idx + len(right))
        if found is not None:
            return found
    return None


def _phrase_end(doc: Doc, head: Token) -> Token:
    """The last word of the phrase headed by `head`, before any clause inside it: in "en réponse
    à la guerre menée en Ukraine" the place is the war's, not the response's."""
    deps = tree_of(doc).deps
    right = head.right_edge.i
    for i in range(head.i + 1, right + 1):
        if deps[i].startswith("acl"):
            return doc[max(head.i, doc[i].left_edge.i - 1)]
    return doc[right]


def linked_place(places: list, trigger: Token) -> tuple[int | None, int]:
    """A place the parse attaches to the trigger or the clauses above it.

    Args:
        places: doc._.vigie_places.
        trigger: the trigger's head token.

    Returns:
        (index in `places` of the nearest locative phrase's place or None, the number of heads
        climbed to find it).
    """
    for depth, token in enumerate(clause_chain(trigger, MAX_PLACE_CLIMB)):
        found = _locative(token, places)
        if found is not None:
            return found, depth
    return None, 0


def story_place(doc: Doc, places: list) -> int | None:
    """The story's place: the first fine place named with a locative in the title or lede
    ("dans la région de Mopti"), else the dateline's (where the reporter files from), else None.

    Computed once per places list: every event without a place of its own asks for it."""
    cached = doc.user_data.get(_STORY_KEY)
    if cached is None or cached[0] is not places:
        cached = doc.user_data[_STORY_KEY] = (places, _story_place(doc, places))
    return cached[1]


def _story_place(doc: Doc, places: list) -> int | None:
    w = words()
    found: dict[bool, tuple[int, int]] = {}
    for i, place in enumerate(places):
        if place.level not in STORY_LEVELS:
            continue
        preps = place.preps or [None] * len(place.mentions)
        for (s, _), prep in zip(place.mentions, preps, strict=False):
            kind = prep in w.locatives and prep not in w.away
            if s >= LEDE_CHARS or not (kind or _dateline(doc, s)):
                continue
            if (s, i) < found.get(kind, (s + 1, i)):
                found[kind] = (s, i)
    best = found.get(True) or found.get(False)
    return None if best is None else best[1]


def _dateline(doc: Doc, start: int) -> bool:
    """A place in capitals opening a paragraph ("GOMA (Reuters) -")."""
    line = text_of(doc).rfind("\n", 0, start) + 1
    return not text_of(doc)[line:start].strip() and text_of(doc)[start:start + 2].isupper()


def event_where(doc: Doc, places: list, trigger: Token, start: int,
                end: int) -> tuple[int | None, bool]:
    """(index in doc._.vigie_places, whether the place hangs on the trigger itself).

    Args:
        doc: a Doc the Places stage has run on.
        places: its doc._.vigie_places.
        trigger: the trigger's head token.
        start: first character of the event's clause.
        end: end (exclusive) of the clause.
    """
    own, depth = linked_place(places, trigger)
    if own is not None:
        return own, depth <= OWN_DEPTH
    clause = event_place(doc, start, end)
    if clause is not None:
        return clause, False
    return story_place(doc, places), False
