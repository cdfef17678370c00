"""The argument layer's answer for acts (event triggers): who does and who undergoes them.

Verbal triggers take their subject (or the agent of a passive) as source and their object (or
"contre X", "visant X") as target; nominal triggers take "de X" / "par X" as source and
"contre X" as target, and otherwise the subject of the verb that carries them ("mener une
offensive"); "entre X et Y" gives both parties. Quotes, figures and events all read who acts
from this layer (clauses.py, frames.py, participants.py); this module is its part for acts.
"""

from __future__ import annotations

import logging
from typing import Protocol

from spacy.tokens import Token

from vigie.knowledge import load_kb
from vigie.stages.arguments.clauses import (
    agent_of,
    antecedent,
    bare_participle,
    case_of,
    child,
    children,
    kids,
    lost_subject,
    misread_subject,
    passive,
    passive_agent,
    patient_of,
    pronoun_antecedent,
    subject_of,
)
from vigie.stages.arguments.frames import words_of
from vigie.stages.arguments.participants import actor_of, state_of
from vigie.stages.tokens import morph_of, tree_of

LOGGER = logging.getLogger(__name__)


class Lexicon(Protocol):
    """The trigger lexicon's words the layer reads (the Events stage's lexicon has them)."""

    support_verbs: frozenset[str]  # "mener une offensive": the subject acts
    patient_nouns: frozenset[str]  # "le massacre de X": X undergoes
    harm_nouns: frozenset[str]  # "la mort de X lors d'une attaque": X is the victim
    decision_verbs: frozenset[str]  # "a décrété un couvre-feu": the subject decides


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
SETTING_CASES = {"lors", "pendant", "durant"}  # "lors d'une attaque, X a lancé": X's act
TARGET_VERBS = {"viser", "toucher", "cibler", "frapper", "tuer"}  # "des frappes ont visé X"
SUFFER_VERBS = {"subir", "essuyer", "encaisser"}  # "X a subi des frappes": X is the target
REPORTED_ACTS = {"ASSAULT"}  # "X a annoncé une attaque" reports it; X did not attack
# Nouns whose "de <act>" makes their subject the act's target ("être la cible d'un attentat").
PATIENT_HEADS = {"cible", "objet", "victime"}
OF_CASES = {"de", "du", "des", "d'", "d’"}
SUBJECT_PRONOUNS = {"il", "ils", "elle", "elles"}
NUMBER_NOUNS = {"million", "milliard", "millier"}
# Clauses between a trigger and the subject it inherits; set on the sample's "n'avoir pas
# l'intention de cesser ses raids" (4 steps), deeper is rarely the same actor.
MAX_CLIMB = 5


def struck(root: Token) -> Token | None:
    """The victim of a nominal trigger that is the agent or setting of a passive verb.

    "X a été blessé par un tir" and "X ont été tués dans une attaque": X is the target.
    """
    verb = root.head
    if verb.i == root.i or verb.pos_ not in ("VERB", "AUX") or not passive(verb):
        return None
    if root.dep_ == "obl:agent" or (
        root.dep_ in ("obl", "obl:mod") and case_of(root) in PATIENT_CASES
        and verb.lemma_ in HARM_VERBS
    ):
        return patient_of(verb)
    return None


def harmed(root: Token, lex: Lexicon) -> Token | None:
    """The victim named by a noun of harm the act happens with: "la mort de 92 militaires
    (intervenue) lors d'une attaque", "le décès de deux civils dans l'explosion"."""
    verb = setting_verb(root)
    if verb is None and root.dep_ in ("nmod", "obl", "obl:mod") and case_of(root) in PATIENT_CASES:
        verb = root.head
    if verb is None:
        return None
    # the noun itself, or the subject or object of the verb the act is the setting of
    # ("la mort de X intervenue lors de", "a déploré la mort de X lors de")
    nouns = (verb,) if verb.pos_ == "NOUN" else (subject_of(verb), child(verb, {"obj"}))
    for noun in nouns:
        if noun is not None and noun.lemma_ in lex.harm_nouns:
            return _first(children(noun, {"nmod"}, OF_CASES))
    return None


def sufferer(root: Token) -> Token | None:
    """The one who undergoes the trigger: the subject of a verb of undergoing ("X a subi des
    frappes") or of a patient head noun ("X a été la cible d'un attentat", "X a fait l'objet
    d'une attaque", "X est victime d'un enlèvement")."""
    if root.dep_ == "obj" and root.head.lemma_ in SUFFER_VERBS:
        return subject_of(root.head)
    head = root.head
    if root.dep_ not in ("nmod", "obl:arg") or case_of(root) not in OF_CASES:
        return None
    if head.lemma_ == "faire" and any(_patient_head(o) for o in children(head, {"obj"})):
        return subject_of(head)  # "X a fait l'objet d'une attaque", the act on the verb
    if _patient_head(head):
        if head.dep_ == "obj" and head.head.pos_ in ("VERB", "AUX"):
            return subject_of(head.head)  # "faire l'objet de"
        # "être la cible de": the copula's subject (parsed as a passive's after "été")
        return subject_of(head) or child(head, {"nsubj:pass"})
    return None


def _patient_head(token: Token) -> bool:
    """"cible", "objet", "victime" (also plural; the lemmatizer may read "victimes" as a verb)."""
    return token.lower_.rstrip("s") in PATIENT_HEADS


def _first(tokens: list[Token]) -> Token | None:
    return tokens[0] if tokens else None


def verb_args(root: Token, etype: str) -> tuple[Token | None, Token | None]:
    """(source, target) tokens of a verbal trigger."""
    words = words_of(root.doc)
    moved = _moved(root)
    source = subject_of(root) or moved or child(root, {"obl:agent"})
    if source is None:
        source = child(root, {"obl", "obl:mod"}, {"par"})
    if source is None:
        source = agent_of(root, words.object_control) or lost_subject(root)
    if etype in STATEMENTS:
        target = child(root, {"obl:arg", "iobj", "obl"}, ADDRESSEE_CASES)
        given = child(root, {"obj"}) if etype == "AID" else None
        if target is None and given is not None:  # "distribuer des vivres aux déplacés"
            target = child(given, {"nmod"}, ADDRESSEE_CASES)
            target = None if target is not None and _town(target) else target
        target = target or child(root, {"obj", "nsubj:pass"}) or _bare_object(root)
    elif etype == "CONSULT":
        target = child(root, {"obl:arg", "obl", "obl:mod"}, PARTNER_CASES)
        target = target or child(root, {"obj"})
    else:
        deps = {"nsubj:pass"} if etype in NO_OBJECT_TARGET else {"obj", "nsubj:pass"}
        target = child(root, deps - ({"nsubj:pass"} if moved is not None else set()))
        target = target or child(root, {"obl:arg", "obl", "obl:mod"}, TARGET_CASES)
    if target is None and bare_participle(root):
        target = root.head  # "trois journaux accusés de ...", "des civils tués"
    return source, target


def _moved(verb: Token) -> Token | None:
    """The subject of a verb whose past takes "être" ("ils sont descendus dans la rue"), which
    the parser reads as a passive's subject."""
    if verb.lemma_ not in words_of(verb.doc).unaccusatives:
        return misread_subject(verb)  # "ils ont mis en garde": active, whatever the parse
    return child(verb, {"nsubj:pass"})


def _bare_object(verb: Token) -> Token | None:
    """A determined noun after the verb with no preposition, which the parser took for an
    adjunct ("a rejeté ce bilan" as obl:mod); never a time ("a annoncé mardi")."""
    times = verb.doc._.vigie_times or []
    for c in children(verb, {"obl", "obl:mod"}):
        if (c.i > verb.i and c.pos_ == "NOUN" and case_of(c) is None
                and any(d.dep_ == "det" for d in c.children)
                and not any(t.start <= c.idx < t.end for t in times)):
            return c
    return None


def _span_child(span, deps: set[str], cases: set[str]) -> Token | None:
    """The first child of a token of `span`, outside it, by relation and case marker."""
    for t in range(span.start, span.end):
        for c in kids(span.doc, t, deps, cases):
            if not span.start <= c < span.end:
                return span.doc[c]
    return None


def _demonym(token: Token) -> bool:
    """A country's adjective ("russe", "américaines"), not a seat of power's."""
    kb = load_kb()
    return kb.metonym(token.text) is None and kb.country_by_name(token.text) is not None


def noun_args(span, etype: str, lex: Lexicon) -> tuple[Token | None, Token | None]:
    """(source, target) tokens of a nominal trigger ("l'offensive des forces X contre Y")."""
    root = span.root
    of = _span_child(span, {"nmod"}, SOURCE_CASES - {"par"})
    if of is not None and _amount(of):
        of = None  # "une aide de 50 millions d'euros": how much
    source = _span_child(span, {"nmod"}, {"par"})
    if source is None and of is not None:  # "la répression des manifestants par la police"
        source = child(of, {"nmod"}, {"par"})  # the parser hangs "par X" on the nearest noun
    patient = root.lemma_ in lex.patient_nouns
    if not patient:
        source = source or of
    if source is None and root.dep_.startswith("nsubj") and root.head.lemma_ in lex.support_verbs:
        source = child(root.head, {"obl:agent"})  # "un massacre commis par X"
    if source is None and not patient:
        adjectives = children(root, {"amod"})  # "une attaque russe"
        source = _first([a for a in adjectives if state_of(root.doc, a) is not None])
        source = source or _first([a for a in adjectives if _demonym(a)])
    cases = PARTNER_CASES if etype == "CONSULT" else TARGET_CASES
    if etype in STATEMENTS:
        cases = cases | ADDRESSEE_CASES
    target = _span_child(span, {"nmod"}, cases) or (of if patient else None)
    for acl in children(root, {"acl"}):
        if source is None and passive(acl):  # "les bombardements menés par X"
            source = passive_agent(acl)
        if target is None and acl.lemma_ == "viser":
            target = child(acl, {"obj"})
        if target is None:  # "l'offensive lancée par X contre Y"
            target = child(acl, {"obl", "obl:mod", "obl:arg"}, cases)
    if root.dep_ in ("nmod", "obl:mod", "obl", "obl:arg") and target is None:
        # "Lavrov, dans un entretien avec Kerry": the partner hangs on the carrying phrase
        target = child(root.head, {"nmod", "obl", "obl:mod", "obl:arg"}, cases)
    between = _span_child(span, {"nmod"}, {"entre"})
    other = _second(between) if between is not None else None
    if other is not None and source is None and target in (None, between) and (
            etype not in ("PROTEST",)):  # "heurts entre la police et des manifestants": who?
        source, target = between, other  # "un cessez-le-feu entre Israël et le Hamas"
    return source, target


def _town(token: Token) -> bool:
    """Whether the token names a place below a country ("soigner des blessés à Gaza": where,
    not to whom; "des armes à l'Ukraine": a country is a recipient)."""
    for place in token.doc._.vigie_places or []:
        if place.level != "country" and any(s <= token.idx < e for s, e in place.mentions):
            return True
    return False


def _second(first: Token) -> Token | None:
    """The other party of "entre X et Y": X's conjunct, or the noun right after "et" when the
    parser made it the subject of the verb ("des affrontements entre X et Y ont fait")."""
    found = _first(children(first, {"conj"}))
    if found is not None:
        return found
    doc, end = first.doc, first.right_edge.i + 1
    if end < len(doc) and doc[end].lower_ == "et":
        for token in doc[end + 1: end + 4]:
            if token.pos_ in ("NOUN", "PROPN"):
                return token
            if token.pos_ not in ("DET", "ADJ"):
                break
    return None


def _addressee(verb: Token, below: Token) -> Token | None:
    """The one asked or accused ("demander à X de", "accuser X de"), other than `below`."""
    found = child(verb, {"obl:arg", "iobj", "obl"}, ADDRESSEE_CASES)
    if found is None:
        found = _first([c for c in children(verb, {"obj"}) if c.i != below.i])
    return found


def _nominal_start(token: Token, lex: Lexicon) -> Token | None:
    """Where a nominal trigger's inherited subject is looked for: its carrying verb, if any."""
    if token.head.lemma_ in SUFFER_VERBS:
        return None  # its subject is the victim (see sufferer)
    if token.dep_ in ("obj", "obl:arg", "nsubj:pass") and token.head.lemma_ in lex.support_verbs:
        return token
    setting = setting_verb(token)
    if setting is not None and setting.lemma_ in lex.support_verbs:
        return setting  # "Lors d'une attaque contre X, Y a lancé des drones": Y attacks
    doc = token.doc
    if any("Yes" in morph_of(doc, c, "Poss") for c in tree_of(doc).children(token.i)):
        return token  # "ses raids"
    return None


def setting_verb(token: Token) -> Token | None:
    """The verb a nominal trigger is the setting of ("lors d'une attaque", "au cours de
    l'offensive", "pendant les raids"), also when the parser hangs it on "lors"."""
    head = token.head
    if head.lower_ in SETTING_CASES and head.dep_ in ("advmod", "case"):
        return head.head  # "Lors d'une attaque": parsed as an argument of the adverb
    if token.dep_ in ("obl", "obl:mod") and case_of(token) in SETTING_CASES:
        return head
    return None


def controller(token: Token, lex: Lexicon, requesters: frozenset[str]) -> Token | None:
    """The subject a trigger without one inherits from the clauses above it.

    Object control for requests ("demander aux Russes de stopper": the Russians), subject control
    otherwise ("la Russie a annoncé avoir effectué": Russia); a relative clause gives its
    antecedent.
    A nominal trigger inherits only through a support verb ("mener une offensive") or a possessive.
    """
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "nmod" and case_of(token) in ADDRESSEE_CASES:
            return None  # "à coups de gaz": an instrument, not the noun's own act
        if token.dep_ == "nmod" and token.head.pos_ in ("NOUN", "PROPN"):
            # "le chef de la diplomatie, dans un entretien avec ..."; "une offre de cessez-le-feu"
            head = token.head
            if actor_of(token.doc, head) is not None:
                return head
            return controller(head, lex, requesters)
        start = _nominal_start(token, lex)
        if start is None:
            return None
        if start.i != token.i:
            return subject_of(start)
    elif bare_participle(token) or passive(token):
        return None  # "des civils tués", "devront être libérés": the subject is the patient
    current = token
    for _ in range(MAX_CLIMB):
        if current.dep_ not in CLIMB and not current.dep_.startswith("acl"):
            return None
        if current.dep_ == "acl:relcl":
            return current.head
        parent = current.head
        if parent.i == current.i:
            return None
        if current.pos_ == "VERB" and parent.lemma_ in requesters and _infinitive(current):
            addressee = _addressee(parent, current)
            if addressee is not None:
                return addressee
        subject = subject_of(parent) or _moved(parent)
        if subject is not None:
            return subject
        current = parent
    return None


def _infinitive(verb: Token) -> bool:
    """An infinitive, or a participle with an infinitive auxiliary ("d'avoir tué"): the
    complement of an object-control verb, never a finite clause beside it ("X a été arrêté, a
    déploré Y")."""
    doc = verb.doc
    return "Inf" in morph_of(doc, verb.i, "VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in morph_of(doc, c.i, "VerbForm")
        for c in verb.children)


def _quoted(token: Token) -> bool:
    """Whether the token is inside a direct quote (where "ils" is the speaker's to resolve)."""
    return any(q.direct and q.start <= token.idx < q.end for q in token.doc._.vigie_quotes or [])


def _amount(token: Token) -> bool:
    """A noun of an amount ("euros", "tonnes"), or a number noun ("millions") that counts one or
    nothing; not one that counts people ("de milliers d'opposants")."""
    amounts = words_of(token.doc).amount_nouns
    lemma = token.lemma_.lower()
    if lemma not in amounts:
        return False
    if lemma not in NUMBER_NOUNS:
        return True
    counted = _first(children(token, {"nmod"}, OF_CASES))
    return counted is None or counted.lemma_.lower() in amounts


def _personal(token: Token) -> bool:
    """A third-person subject pronoun ("il", "elles"), not a relative or a demonstrative."""
    return token.pos_ == "PRON" and token.lower_ in SUBJECT_PRONOUNS


def _decider(root: Token, lex: Lexicon) -> Token | None:
    """The decision verb whose object a nominal trigger is, also as a later conjunct ("a
    annoncé la mort de X ainsi que l'arrestation de Y", parsed as an adjunct with its "ainsi
    que")."""
    if root.pos_ != "NOUN":
        return None
    head = root.head
    if root.dep_ == "conj" and head.dep_ == "obj":
        head = head.head
    elif root.dep_ in ("obl", "obl:mod") and not any(c.dep_ == "cc" for c in root.children):
        return None
    elif root.dep_ not in ("obj", "obl", "obl:mod", "conj"):
        return None
    return head if head.lemma_ in lex.decision_verbs else None


def arg_tokens(match, lex: Lexicon, requesters: frozenset[str]) -> tuple:
    """(source, target) tokens of a trigger match, verbal or nominal."""
    root, etype = match.root, match.entry.type
    if root.pos_ in ("VERB", "AUX"):
        source, target = verb_args(root, etype)
    else:
        source, target = noun_args(match.span, etype, lex)
        if target is None and root.dep_ == "nsubj" and root.head.lemma_ in TARGET_VERBS:
            target = child(root.head, {"obj"})
        target = target or struck(root) or sufferer(root) or harmed(root, lex)
    if source is None:
        source = controller(root, lex, requesters)
    decider = _decider(root, lex)
    if source is None and decider is not None and etype not in REPORTED_ACTS:
        source = subject_of(decider) or lost_subject(decider)  # "l'Alliance a annoncé une trêve"
    if source is not None:
        source = antecedent(source)
        if _personal(source) and not _quoted(source):  # "Les rebelles ont pris la ville. Ils
            source = pronoun_antecedent(source, agent=True) or source  # ont ensuite attaqué"
    undergoer = target is not None and target == sufferer(root)
    if undergoer and source is not None and source.i in (target.i, target.head.i):
        source = None  # "X a été la cible d'un attentat": X is hit, it hits no one
    nominal = root.pos_ not in ("VERB", "AUX")
    if target is None and nominal and root.head.lemma_ in lex.support_verbs:
        target = child(root.head, {"obl:mod", "obl"}, TARGET_CASES)
    return source, target
