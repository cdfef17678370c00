"""From an argument phrase to an actor: its head, its left part, a country adjective, its
"de X"/flat parts; a document or a spokesperson stands for the body it comes from."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from vigie.knowledge import load_kb
from vigie.stages.actors.lookup import actor_at
from vigie.stages.arguments.clauses import antecedent, case_of, kids

_STATES_KEY = ("vigie", "event_states")
OF_CASES = {"de", "du", "des", "d'", "d’"}
MAX_EPITHETS = 3  # adjectives between a descriptive noun and the name it introduces
MAX_ROLE_WORDS = 8  # "secrétaire général de l'Organisation des Nations unies"
ROLE_WORD_POS = {"NOUN", "PROPN", "ADJ", "ADP", "DET"}
ROLE_TITLES = {"général", "colonel", "m.", "mme", "dr", "capitaine", "commandant", "lieutenant"}


def actor_of(doc: Doc, token: Token | None, holders: frozenset[str] = frozenset()) -> int | None:
    """The actor a noun phrase headed by `token` names (its head, then its "de X"/flat parts).

    Args:
        doc: the Doc, with doc._.vigie_actors set.
        token: the head of the argument phrase, or None.
        holders: nouns whose "de X" names the actor ("les forces de X", "un communiqué de X");
            others keep to their own words.

    Returns:
        Index in doc._.vigie_actors, or None.
    """
    if token is None:
        return None
    token = antecedent(token)
    start, end = token.idx, token.idx + len(token)
    found = actor_at(doc, start, end)
    if found is not None:
        return found
    left = token.left_edge.idx
    found = actor_at(doc, left, end) if left < start else None
    if found is not None:
        return found
    found = state_of(doc, token)
    if found is not None:
        return found
    deps = {"flat:name", "appos"}
    if token.lemma_ in holders:
        deps |= {"nmod", "amod"}
    found = named_after(doc, token)
    if found is None:
        found = apposed_person(doc, token)
    if found is not None:
        return found
    for c in kids(doc, token.i, deps | {"amod"}):
        if doc[c].dep_ == "nmod" and case_of(doc[c]) not in OF_CASES | {None}:
            continue  # "les forces de X" names X; "l'attaque contre X" does not
        if c > token.i and (doc[c].dep_ != "amod" or "amod" in deps or doc[c].pos_ == "PROPN"):
            child = doc[c]
            right = child.right_edge
            found = actor_at(doc, child.left_edge.idx, right.idx + len(right))
            if found is not None:
                return found
    return None


def named_after(doc: Doc, token: Token) -> int | None:
    """The actor whose name follows a descriptive noun and its adjectives ("la secte islamiste
    Boko Haram", "le groupe Wagner"): an apposition the parser may have hung elsewhere."""
    if token.pos_ != "NOUN":
        return None
    i = token.i + 1
    while i < len(doc) and doc[i].pos_ == "ADJ" and i - token.i <= MAX_EPITHETS:
        i += 1
    if i >= len(doc) or doc[i].pos_ not in ("PROPN", "X", "NUM"):  # "M23" reads as a number
        return None
    return actor_at(doc, doc[i].idx, doc[i].idx + len(doc[i]))


def apposed_person(doc: Doc, token: Token) -> int | None:
    """The person a role phrase is set beside ("le secrétaire général de l'ONU, Antonio
    Guterres, ...", "le porte-parole de l'armée, le général X"): the person actor whose mention
    follows the phrase's comma, however the parser attached it."""
    if token.pos_ != "NOUN":
        return None
    i = token.i + 1
    while i < len(doc) and i - token.i <= MAX_ROLE_WORDS and doc[i].pos_ in ROLE_WORD_POS:
        i += 1
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    while i < len(doc) and (doc[i].pos_ == "DET" or doc[i].lower_ in ROLE_TITLES):
        i += 1  # "le général X", "M. X"
    if i >= len(doc):
        return None
    found = actor_at(doc, doc[i].idx, doc[i].idx + len(doc[i]))
    actors = doc._.vigie_actors or []
    return found if found is not None and actors[found].kind == "person" else None


def members_of(token: Token) -> Token | None:
    """The people a noun that is no actor holds: "un camp *de personnes déplacées*", "un convoi
    de soldats", "un groupe de manifestants" (its "de X" complement, without determiner)."""
    if token.pos_ != "NOUN":
        return None
    for c in kids(token.doc, token.i, {"nmod"}, OF_CASES):
        member = token.doc[c]
        if member.i > token.i and member.pos_ == "NOUN":
            return member
    return None


def state_of(doc: Doc, token: Token) -> int | None:
    """The state actor a country adjective or name stands for ("une attaque *russe*": Russia).

    Only a country already coded as a state actor in the doc counts: the word alone does not say
    which of the state's organs acted.
    """
    if token.pos_ not in ("ADJ", "PROPN"):
        return None
    states = doc.user_data.get(_STATES_KEY)
    if states is None:
        states = {}
        for i, actor in enumerate(doc._.vigie_actors or []):
            if actor.kind == "state" and actor.country:
                states.setdefault(actor.country, i)
        doc.user_data[_STATES_KEY] = states
    if not states:
        return None
    kb = load_kb()
    if kb.metonym(token.text) is not None:
        return None  # a seat of power or a capital may also be a town elsewhere ("Douma")
    country = kb.country_by_name(token.text)
    return states.get(country.iso3) if country is not None else None
