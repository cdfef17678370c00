"""Which place mentions are not places, and which name an actor too.

Not places: a seat of power or a common noun the NER tags LOC ("l'État", "la Mission"), a
lower-case name after a head word ("la Préfecture de police"), a code ("M23"), a name on a line
in capitals (a heading), an organisation, armed group or person of the knowledge base that no
sizeable place bears. Acting: a state or a capital that is the subject of a verb ("la Russie a
annoncé"), follows an agentive noun ("la réponse de Washington") or is the Actors stage's
mention. A state or capital that is an actor but not the agent (« des sanctions contre la
Russie ») keeps its place record (issue 19); the agent, which speaks for a government, and an
actor that is no place are dropped.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from vigie.french.normalize import fold
from vigie.knowledge.gazetteer import ALTERNATE, Candidate
from vigie.knowledge.models import KnowledgeBase
from vigie.stages.common import text_of
from vigie.stages.places.mentions import STRONG_LOCATIVES, Mention, Words, keys_of

# The NER's dependency labels of an acting subject (metonymy: "la Russie a annoncé").
_SUBJECTS = {"nsubj"}
# A town this big keeps a name the knowledge base also gives an actor ("Hama" the city, not a
# group); smaller namesakes of an armed group or a person are the actor.
SIZEABLE = 100_000
# Kinds of knowledge-base entries whose names are not places.
_ACTOR_KINDS = ("person", "organization", "group")
# An actor mention ending so before a place name has the place as its complement.
_OF_END = re.compile(r"(?:\b(?:de|du|des|d['’])\s*(?:(?:la|le|les|l['’])\s*)?|[\s,(]"
                     r"(?:à|au|aux|en|dans)\s+(?:(?:la|le|les|l['’])\s*)?)$", re.I)


def not_a_place(doc: Doc, m: Mention, w: Words, kb: KnowledgeBase,
                cands: list[Candidate]) -> bool:
    """Whether a mention names something that is not a place here."""
    if m.force in ("border", "road"):
        return False
    folded = fold(m.name)
    if folded in w.not_places or folded in w.directions or not m.name[:1].isupper():
        return True
    if any(ch.isdigit() for ch in m.name) and not cands:
        return True
    if m.source != "dateline" and _in_heading(doc, m):
        return True
    return m.prep not in STRONG_LOCATIVES and _actor_name(m.name, kb, cands)


def _in_heading(doc: Doc, m: Mention) -> bool:
    """A mention on a line with no lower-case letter: a heading in capitals."""
    text = text_of(doc)
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    line = text[start:end if end >= 0 else len(text)]
    return not any(ch.islower() for ch in line)


def _actor_name(name: str, kb: KnowledgeBase, cands: list[Candidate]) -> bool:
    """A name the knowledge base gives a person, organisation or group, and no sizeable place."""
    if not any(e.kind in _ACTOR_KINDS for e in kb.lookup(name)):
        return False
    return not any(c.quality > ALTERNATE and (c.level in ("country", "region")
                                              or c.population >= SIZEABLE) for c in cands)


def acting(doc: Doc, m: Mention, w: Words, kb: KnowledgeBase,
           cands: list[Candidate]) -> bool | None:
    """Whether the mention names an actor: False (a place only), True (a state or capital in an
    actor's role that is not the agent, « des sanctions contre la Russie »: kept as a place too),
    None (dropped: the agent, « la Russie a annoncé », « la réponse de Washington », or an
    actor that is no place)."""
    if m.prep in STRONG_LOCATIVES or m.force is not None or m.source == "placed":
        return False  # "à Bruxelles", "le quartier X", "X, dans la province de Y" are places
        # whatever the other stages said
    # a state, a territory or region that governs itself (« des secours pour La Réunion »), or
    # a capital the knowledge base gives a government
    state = any(c.level in ("country", "region") and c.quality > ALTERNATE for c in cands) or (
        kb.metonym(m.name) is not None)
    if (state and _agent(doc, m, w)) or _in_actor_name(doc, m):
        return None
    if not _actor_mention(doc, m):
        return False
    return True if state else None


def _agent(doc: Doc, m: Mention, w: Words) -> bool:
    """A state or capital named as the agent: subject of a verb, « par X », « la réponse de X »."""
    if m.prep in w.locatives or m.source != "ner":
        return False
    tok, keys = doc[m.token], keys_of(doc)
    j = m.token - 1
    if j >= 0 and keys[j] in ("la", "le", "l'"):
        j -= 1
    if j >= 0 and keys[j] == "par":
        return True
    if j >= 1 and keys[j] in ("de", "d'") and keys[j - 1] in w.agentive:
        return True
    return tok.dep_ in _SUBJECTS and tok.head.pos_ in ("VERB", "AUX")


def _in_actor_name(doc: Doc, m: Mention) -> bool:
    """The place name is a word of an actor's name ("Boko Haram", "Radio France"), not its
    complement ("l'armée de la RDC", "les habitants de l'île de la Réunion")."""
    text = text_of(doc)
    for actor in doc._.vigie_actors or []:
        for s, e in actor.mentions:
            if s < m.start and m.end <= e and not _OF_END.search(text[s:m.start]):
                return True
    return False


def _actor_mention(doc: Doc, m: Mention) -> bool:
    """An Actors mention overlaps the place's without being a longer name around it: "Moscou"
    as the Russian state; "les habitants de l'île de la Réunion" stays a place."""
    spans = [span for actor in doc._.vigie_actors or [] for span in actor.mentions]
    return any(s < m.end and m.start < e
               and not (s <= m.start and m.end <= e and e - s > m.end - m.start)
               for s, e in spans)
