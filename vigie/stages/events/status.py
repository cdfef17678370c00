"""Status and modality of an event: reported, claimed, proposed, demanded, denied, planned,
threatened, hypothetical.

Two sources: the words the trigger is embedded under (a host statement such as "réclamer", a status
head such as "annoncer avoir", "proposer", "avoir l'intention de"), then the trigger's own clause
(negation, conditional, future).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Span, Token

from vigie.stages.common import lowers_of
from vigie.stages.events.lexicon import Lexicon, Match
from vigie.stages.tokens import morph_of, tree_of

LOGGER = logging.getLogger(__name__)

EMBED = {"obj", "xcomp", "ccomp", "obl:arg", "acl", "nmod", "nsubj:pass"}
MAX_DEPTH = 4  # clauses walked up from a trigger; beyond that the framing rarely scopes over it
NEGATORS = {"pas", "jamais", "aucun", "aucune", "nullement", "guère", "plus"}
TEMPORAL = {"avant", "après", "lors", "pendant", "depuis", "durant", "dès"}
CARRIERS = {"obj", "obl:arg", "nsubj", "nsubj:pass"}  # a nominal trigger's carrying verb
CONDITIONS = {"si", "s'"}  # "si elles ont été enlevées", "s'ils attaquent"


@dataclass
class Framing:
    """What frames a trigger: its status, and the host event or status head that gives it."""

    status: str = "reported"
    host: Match | None = None
    head: Token | None = None


def _embeds(token: Token) -> bool:
    doc = token.doc
    tree, lowers = tree_of(doc), lowers_of(doc)
    dep, kids = tree.deps, tree.children(token.i)
    if any(dep[c] in ("case", "mark") and lowers[c] in TEMPORAL for c in kids):
        return False  # "a annoncé, avant une rencontre, ...": the meeting is not what is announced
    if dep[token.i] in EMBED:
        return True
    # a gerund ("en procédant à des raids") belongs to the statement it modifies
    return dep[token.i] == "advcl" and any(lowers[c] == "en" for c in kids)


def framing(match: Match, lex: Lexicon, hosts: dict[int, Match]) -> Framing:
    """Walk up from the trigger to the first host statement, status head or stop verb.

    Args:
        match: the trigger.
        lex: the lexicon.
        hosts: trigger root index -> Match, for the triggers that are host statements.

    Returns:
        The framing; status "reported" when nothing frames the trigger.
    """
    current = match.root
    for _ in range(MAX_DEPTH):
        while current.dep_ == "conj" and current.head.i != current.i:
            current = current.head  # "appeler à la retenue et au dialogue": both are asked for
        if not _embeds(current) or current.head.i == current.i:
            break
        parent = current.head
        lemma = parent.lemma_.lower()
        if lemma in lex.stop_verbs:
            break  # "cesser ses raids": the raids are going on
        if parent.i in hosts:
            host = hosts[parent.i]
            return Framing(lex.hosts[host.entry.host]["status"], host, parent)
        if lemma in lex.status_heads:
            return Framing(lex.status_heads[lemma], None, parent)
        current = parent
    return Framing()


def carrier(root: Token) -> Token:
    """The verb that carries a nominal trigger ("mène une offensive" -> mène), or the trigger."""
    if root.pos_ in ("VERB", "AUX"):
        return root
    if root.dep_ in CARRIERS and root.head.pos_ in ("VERB", "AUX"):
        return root.head
    return root


def _negated(verb: Token, span: Span) -> bool:
    doc = verb.doc
    tree, lowers = tree_of(doc), lowers_of(doc)
    for c in tree.children(verb.i):
        if span.start <= c < span.end:
            continue
        if lowers[c] in NEGATORS or (lowers[c] in ("ne", "n'") and tree.deps[c] == "advmod"):
            return True
    return False


def _auxes(verb: Token) -> list[int]:
    """The verb's index and its auxiliaries'."""
    tree = tree_of(verb.doc)
    return [verb.i, *(c for c in tree.children(verb.i) if tree.deps[c].startswith("aux"))]


def _conditioned(verb: Token) -> bool:
    """Whether the clause is a condition or an open question ("si elles ont été enlevées"), or
    depends on one ("s'ils attaquent, l'armée ripostera")."""
    doc = verb.doc
    tree, lowers = tree_of(doc), lowers_of(doc)
    current = verb
    for _ in range(MAX_DEPTH):
        kids = tree.children(current.i)
        if any(tree.deps[c] == "mark" and lowers[c] in CONDITIONS for c in kids):
            return True
        if any(tree.deps[c] == "advcl" and _marked_if(tree, lowers, c) for c in kids):
            return True
        if tree.deps[current.i] != "conj" or current.head.i == current.i:
            return False
        current = current.head  # "si elles ont été tuées, enlevées ou ..."
    return False


def _marked_if(tree, lowers, i: int) -> bool:
    return any(tree.deps[c] == "mark" and lowers[c] in CONDITIONS for c in tree.children(i))


def clause_status(match: Match) -> str | None:
    """Status from the trigger's own clause: denied, hypothetical, claimed, planned, or None.

    A condition or an open question ("si") is hypothetical; the conditional without one is the
    journalists' conditional, which reports an unconfirmed claim ("les rebelles auraient tué
    dix soldats"): claimed.
    """
    verb = carrier(match.root)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if _negated(verb, match.span):
        return "denied"
    if _conditioned(verb):
        return "hypothetical"
    doc, auxes = verb.doc, _auxes(verb)
    moods = {m for t in auxes for m in morph_of(doc, t, "Mood")}
    tenses = {m for t in auxes for m in morph_of(doc, t, "Tense")}
    if "Cnd" in moods:
        return "claimed"
    if "Fut" in tenses:
        return "planned"
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "aller":
        return "planned"
    return None
