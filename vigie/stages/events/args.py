"""Arguments of an event trigger from the dependency parse: source, target and place tokens.

Verbal triggers take their subject (or the agent of a passive) as source and their object (or
"contre X", "visant X") as target; nominal triggers take "de X" / "par X" as source and
"contre X" as
target, and otherwise the subject of the verb that carries them ("mener une offensive").
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Token

from vigie.knowledge import load_kb
from vigie.stages.actors.lookup import actor_at
from vigie.stages.events.lexicon import Lexicon
from vigie.stages.tokens import morph_of, tree_of

LOGGER = logging.getLogger(__name__)


TARGET_CASES = {"contre", "sur", "envers", "visant", "vers"}
SOURCE_CASES = {"de", "du", "des", "d'", "par"}
PARTNER_CASES = {"avec", "entre"}  # CONSULT: "s'entretenir avec X"
ADDRESSEE_CASES = {"à", "aux", "au"}  # statements: "demander aux Russes"
# Types whose target is the one addressed ("demander à X", "livrer des armes à X"), not the object.
STATEMENTS = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AID"}
NO_OBJECT_TARGET = {"MOBILIZE", "PROTEST", "AGREE", "CONCEDE"}  # their object is what, not whom
CLIMB = {"xcomp", "advcl", "ccomp", "acl", "obj", "obl:arg", "conj", "nmod", "obl"}
# Verbs whose victim a nominal trigger in "dans X" strikes ("tués dans une attaque").
HARM_VERBS = {"tuer", "blesser", "toucher", "frapper", "viser", "cibler", "atteindre"}
PATIENT_CASES = {"dans", "lors"}
SUFFER_VERBS = {"subir", "essuyer", "encaisser"}  # "X a subi des frappes": X is the target
_STATES_KEY = ("vigie", "event_states")
# Clauses between a trigger and the subject it inherits; set on the sample's "n'avoir pas
# l'intention de cesser ses raids" (4 steps), deeper is rarely the same actor.
MAX_CLIMB = 5


def _case(token: Token) -> str | None:
    """The lower form of the token's first "case" or "mark" child ("contre" X), or None."""
    return tree_of(token.doc).cases[token.i]


def _actor_in(doc: Doc, start: int, end: int) -> int | None:
    return actor_at(doc, start, end)


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("le régime qui ..." -> régime)."""
    if "Rel" in morph_of(token.doc, token.i, "PronType") and token.head.dep_.startswith("acl"):
        return token.head.head
    return token


def actor_of(doc: Doc, token: Token | None, holders: frozenset[str] = frozenset()) -> int | None:
    """The actor a noun phrase headed by `token` names (its head, then its "de X"/flat parts).

    Args:
        doc: the Doc, with doc._.vigie_actors set.
        token: the head of the argument phrase, or None.
        holders: nouns whose "de X" names the actor ("les forces de X"); others keep to their words.

    Returns:
        Index in doc._.vigie_actors, or None.
    """
    if token is None:
        return None
    token = _antecedent(token)
    start, end = token.idx, token.idx + len(token)
    found = _actor_in(doc, start, end)
    if found is not None:
        return found
    left = token.left_edge.idx
    found = _actor_in(doc, left, end) if left < start else None
    if found is not None:
        return found
    found = _state_of(doc, token)
    if found is not None:
        return found
    deps = {"flat:name", "appos"}
    if token.lemma_ in holders:
        deps |= {"nmod", "amod"}
    for c in _kids(doc, token.i, deps):
        if c > token.i:
            child = doc[c]
            right = child.right_edge
            found = _actor_in(doc, child.left_edge.idx, right.idx + len(right))
            if found is not None:
                return found
    return None


def _state_of(doc: Doc, token: Token) -> int | None:
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


def _passive(verb: Token) -> bool:
    """A passive verb ("a été blessé") or a past participle qualifying a noun ("civils tués")."""
    doc = verb.doc
    if "Pass" in morph_of(doc, verb.i, "Voice") or _kids(doc, verb.i, {"aux:pass"}):
        return True
    return _bare_participle(verb)


def _bare_participle(verb: Token) -> bool:
    """A past participle hanging on a noun without auxiliary: "des civils *tués*"."""
    doc = verb.doc
    return (
        verb.dep_ == "acl" and "Past" in morph_of(doc, verb.i, "Tense")
        and "Part" in morph_of(doc, verb.i, "VerbForm")
        and not _kids(doc, verb.i, {"aux", "aux:tense", "aux:pass"})
    )


def patient_of(verb: Token) -> Token | None:
    """Who undergoes a passive verb: its passive subject, the noun its participle qualifies, or
    the subject of the verb it completes ("X affirme avoir été blessé": X)."""
    found = _child(verb, {"nsubj:pass"})
    if found is None and verb.dep_ == "acl":
        found = verb.head
    if found is None and verb.dep_ == "xcomp":
        found = subject_of(verb.head)
    return found


def struck(root: Token) -> Token | None:
    """The victim of a nominal trigger that is the agent or setting of a passive verb.

    "X a été blessé par un tir" and "X ont été tués dans une attaque": X is the target.
    """
    verb = root.head
    if verb is root or verb.pos_ not in ("VERB", "AUX") or not _passive(verb):
        return None
    if root.dep_ == "obl:agent" or (
        root.dep_ in ("obl", "obl:mod") and _case(root) in PATIENT_CASES
        and verb.lemma_ in HARM_VERBS
    ):
        return patient_of(verb)
    return None


def sufferer(root: Token) -> Token | None:
    """The subject of a verb of undergoing carrying the trigger ("X a subi des frappes": X)."""
    if root.dep_ == "obj" and root.head.lemma_ in SUFFER_VERBS:
        return subject_of(root.head)
    return None


def _kids(doc: Doc, i: int, deps: set[str], cases: set[str] | None = None) -> list[int]:
    """Indices of token i's children by relation, and by case marker when `cases` is given."""
    tree = tree_of(doc)
    return [
        c for c in tree.children(i)
        if tree.deps[c] in deps and (cases is None or tree.cases[c] in cases)
    ]


def _children(token: Token, deps: set[str], cases: set[str] | None = None) -> list[Token]:
    """The token's children by relation, and by case marker when `cases` is given."""
    doc = token.doc
    return [doc[c] for c in _kids(doc, token.i, deps, cases)]


def _child(token: Token, deps: set[str], cases: set[str] | None = None) -> Token | None:
    """The token's first child by relation (and case marker), or None."""
    kids = _kids(token.doc, token.i, deps, cases)
    return token.doc[kids[0]] if kids else None


def _first(tokens: list[Token]) -> Token | None:
    return tokens[0] if tokens else None


def verb_args(root: Token, etype: str) -> tuple[Token | None, Token | None]:
    """(source, target) tokens of a verbal trigger."""
    source = subject_of(root) or _child(root, {"obl:agent"})
    if source is None:
        source = _child(root, {"obl", "obl:mod"}, {"par"})
    if etype in STATEMENTS:
        target = _child(root, {"obl:arg", "iobj", "obl"}, ADDRESSEE_CASES)
        target = target or _child(root, {"obj", "nsubj:pass"})
    elif etype == "CONSULT":
        target = _child(root, {"obl:arg", "obl", "obl:mod"}, PARTNER_CASES)
        target = target or _child(root, {"obj"})
    else:
        deps = {"nsubj:pass"} if etype in NO_OBJECT_TARGET else {"obj", "nsubj:pass"}
        target = _child(root, deps)
        target = target or _child(root, {"obl:arg", "obl", "obl:mod"}, TARGET_CASES)
    if target is None and _bare_participle(root):
        target = root.head  # "trois journaux accusés de ...", "des civils tués"
    return source, target


def _span_child(span, deps: set[str], cases: set[str]) -> Token | None:
    """The first child of a token of `span`, outside it, by relation and case marker."""
    for t in range(span.start, span.end):
        for c in _kids(span.doc, t, deps, cases):
            if not span.start <= c < span.end:
                return span.doc[c]
    return None


def noun_args(span, etype: str, lex: Lexicon) -> tuple[Token | None, Token | None]:
    """(source, target) tokens of a nominal trigger ("l'offensive des forces X contre Y")."""
    root = span.root
    of = _span_child(span, {"nmod"}, SOURCE_CASES - {"par"})
    source = _span_child(span, {"nmod"}, {"par"})
    patient = root.lemma_ in lex.patient_nouns
    if not patient:
        source = source or of
    if source is None and root.dep_.startswith("nsubj") and root.head.lemma_ in lex.support_verbs:
        source = _child(root.head, {"obl:agent"})  # "un massacre commis par X"
    if source is None and not patient:
        adjectives = _children(root, {"amod"})  # "une attaque russe"
        source = _first([a for a in adjectives if _state_of(root.doc, a) is not None])
    cases = PARTNER_CASES if etype == "CONSULT" else TARGET_CASES
    if etype in STATEMENTS:
        cases = cases | ADDRESSEE_CASES
    target = _span_child(span, {"nmod"}, cases) or (of if patient else None)
    if target is None:
        for acl in _children(root, {"acl"}):
            if acl.lemma_ == "viser":
                target = _child(acl, {"obj"})
    if root.dep_ in ("nmod", "obl:mod", "obl", "obl:arg") and target is None:
        # "Lavrov, dans un entretien avec Kerry": the partner hangs on the carrying phrase
        target = _child(root.head, {"nmod", "obl", "obl:mod", "obl:arg"}, cases)
    return source, target


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, also when the parser hung it on the auxiliary."""
    doc = verb.doc
    tree = tree_of(doc)
    auxes = [c for c in tree.children(verb.i) if tree.deps[c].startswith("aux")]
    for holder in (verb.i, *auxes):
        subject = _kids(doc, holder, {"nsubj"})
        if subject:
            return doc[subject[0]]
    return None


def _addressee(verb: Token, below: Token) -> Token | None:
    """The one asked or accused ("demander à X de", "accuser X de"), other than `below`."""
    found = _child(verb, {"obl:arg", "iobj", "obl"}, ADDRESSEE_CASES)
    if found is None:
        found = _first([c for c in _children(verb, {"obj"}) if c is not below])
    return found


def _nominal_start(token: Token, lex: Lexicon) -> Token | None:
    """Where a nominal trigger's inherited subject is looked for: its carrying verb, if any."""
    if token.head.lemma_ in SUFFER_VERBS:
        return None  # its subject is the victim (see sufferer)
    if token.dep_ in ("obj", "obl:arg", "nsubj:pass") and token.head.lemma_ in lex.support_verbs:
        return token
    doc = token.doc
    if any("Yes" in morph_of(doc, c, "Poss") for c in tree_of(doc).children(token.i)):
        return token  # "ses raids"
    return None


def controller(token: Token, lex: Lexicon, requesters: frozenset[str]) -> Token | None:
    """The subject a trigger without one inherits from the clauses above it.

    Object control for requests ("demander aux Russes de stopper": the Russians), subject control
    otherwise ("la Russie a annoncé avoir effectué": Russia); a relative clause gives its
    antecedent.
    A nominal trigger inherits only through a support verb ("mener une offensive") or a possessive.
    """
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "nmod" and token.head.pos_ in ("NOUN", "PROPN"):
            # "le chef de la diplomatie, dans un entretien avec ..."; "une offre de cessez-le-feu"
            head = token.head
            if actor_of(token.doc, head) is not None:
                return head
            return controller(head, lex, requesters)
        if _nominal_start(token, lex) is None:
            return None
    elif _bare_participle(token):
        return None  # "des civils tués": the noun is the victim; the author is not above
    current = token
    for _ in range(MAX_CLIMB):
        if current.dep_ not in CLIMB and not current.dep_.startswith("acl"):
            return None
        if current.dep_ == "acl:relcl":
            return current.head
        parent = current.head
        if parent is current:
            return None
        if current.pos_ == "VERB" and parent.lemma_ in requesters:
            addressee = _addressee(parent, current)
            if addressee is not None:
                return addressee
        subject = subject_of(parent)
        if subject is not None:
            return subject
        current = parent
    return None
