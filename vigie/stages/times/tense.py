"""Which way a time expression points, from the verb that governs it (docs/times.md, Direction).

Tokens are compared by index (`token.i`), never with `is`: spaCy builds a new Token object at each
access, so identity never holds (issue 26: an infinitive root recursed forever).
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Token

from vigie.french.dates import FUTURE, NEAREST, PAST
from vigie.stages.times.lexicon import TimeWords, time_words

LOGGER = logging.getLogger(__name__)

# How many syntactic heads to climb from a time expression to its governing verb.
MAX_HEAD_STEPS = 4
# How many verbs up a chain of infinitives and participles may pass their tense on.
MAX_VERB_STEPS = 6
_AUX_DEPS = ("aux", "aux:tense", "aux:pass")
_VERBS = ("VERB", "AUX")


def tense_direction(doc: Doc, start: int, end: int) -> str:
    """past, future or nearest, from the verb that governs the expression at text[start:end].

    A deadline ("jusqu'au 15 octobre") under a past verb is not past: "il a donné jusqu'au 15
    octobre" sets a date that may still be ahead, so it takes the nearest.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return NEAREST
    if span.text.lower().startswith("depuis"):
        return PAST  # "depuis le 1er mai": a start already reached, whatever the verb
    verb = _governing_verb(_root(span))
    direction = NEAREST if verb is None else verb_direction(verb)
    if direction == PAST and span.text.lower().startswith("jusqu"):
        return NEAREST
    return direction


def _root(span) -> Token:
    """The span's head word: its first token attached outside it, punctuation last ("dimanche à
    10 h." where the parser made "h." a sentence of its own)."""
    tops = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    return next((t for t in tops if t.pos_ != "PUNCT"), span.root)


def _governing_verb(token: Token) -> Token | None:
    for _ in range(MAX_HEAD_STEPS):
        if token.pos_ in _VERBS and token.dep_ not in _AUX_DEPS:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return token if token.pos_ in _VERBS else None


def verb_direction(verb: Token, steps: int = MAX_VERB_STEPS) -> str:
    """Direction a verb's tense implies.

    past: passé composé, imparfait, passé simple, plus-que-parfait, a participle alone; future:
    futur, conditionnel, "va" + infinitive, a planning verb in the present passive or as a bare
    participle ("est prévue le 12 mars", "prévu le 5 mai"); être + participle is past otherwise
    ("sont rentrées", "est tombé"), future with a future auxiliary; an infinitive takes the tense
    of the verb it depends on, or the future under a verb that looks ahead ("ont appelé à
    bloquer les routes samedi").
    """
    words = time_words()
    auxes = [c for c in verb.children if c.dep_ in _AUX_DEPS]
    for aux in auxes:
        tense, mood = aux.morph.get("Tense"), aux.morph.get("Mood")
        if "Fut" in tense or ("Pres" in tense and aux.lemma_ == "aller"):
            return FUTURE
        if "Cnd" in mood:
            return PAST  # conditionnel passé: "aurait attaqué"
    form = verb.morph.get("VerbForm")
    if "Part" in form and "Pres" not in verb.morph.get("Tense"):  # "jetant" is a present
        return _participle_direction(verb, auxes, words, steps)
    if form == ["Inf"] and verb.head.i != verb.i:
        return _infinitive_direction(verb, words, steps)
    return _finite_direction(verb)


def _participle_direction(verb: Token, auxes: list[Token], words: TimeWords, steps: int) -> str:
    if any(aux.dep_ != "aux:pass" for aux in auxes):
        return PAST  # "a attaqué", "avait été tué"
    planned = verb.lemma_.lower() in words.planning_verbs
    passive = [aux for aux in auxes if aux.dep_ == "aux:pass"]
    if not passive:  # a bare participle: "prévu le 5 mai", "tués mardi"
        if verb.dep_ == "xcomp" and verb.head.i != verb.i and steps > 0:
            return verb_direction(verb.head, steps - 1)  # "resteront fermés jusqu'au 20 janvier"
        if not planned:
            return PAST
        # "le vote, prévu le 5 mai, a été reporté": planned in the past, the date either side
        above = _governing_verb(verb.head) if verb.dep_.startswith("acl") else None
        past = above is not None and steps > 0 and verb_direction(above, steps - 1) == PAST
        return NEAREST if past else FUTURE
    aux = passive[0]
    if aux.morph.get("VerbForm") == ["Inf"]:  # "doit être signé": the verb above decides
        return _infinitive_direction(verb, words, steps)
    direction = _finite_direction(aux)
    if direction == NEAREST:
        # "est prévue le 12 mars" is future; otherwise être + participle in the present is most
        # often a passé composé the parser reads as a passive ("sont rentrées à Noël").
        return FUTURE if planned else PAST
    return direction


def _infinitive_direction(verb: Token, words: TimeWords, steps: int) -> str:
    head = verb.head
    if head.pos_ not in _VERBS or steps <= 0:
        return NEAREST
    lemma, tense = head.lemma_.lower(), head.morph.get("Tense")
    if lemma in words.prospective_verbs or ("Pres" in tense and lemma in words.present_prospective):
        return FUTURE  # "ont appelé à bloquer les routes samedi", "doit être signé mercredi"
    if lemma == "aller" and "Pres" in tense:
        return FUTURE
    return verb_direction(head, steps - 1)


def _finite_direction(verb: Token) -> str:
    tense, mood = verb.morph.get("Tense"), verb.morph.get("Mood")
    if "Fut" in tense or "Cnd" in mood:
        return FUTURE
    if "Past" in tense or "Imp" in tense:
        return PAST
    return NEAREST
