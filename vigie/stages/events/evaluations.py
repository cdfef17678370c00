"""Evaluations that are accusations: « une décision inacceptable », « X a qualifié l'attaque de
lâche », « c'est irresponsable », dit Y.

An evaluative adjective (the triggers.yaml entries marked `evaluation`) is an ACCUSE event of
whoever says it about whoever did what it judges: its source is the speaker (the quote it is
in, "Pour X, ...", or the subject of the verb of judgement it completes: "X a jugé la décision
inacceptable"); its target is the actor behind the judged noun ("la décision de Moscou":
Moscou) or the judged actor itself. An evaluation nobody says is the writer's: no event.
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from vigie.stages.arguments.clauses import antecedent, subject_of
from vigie.stages.arguments.participants import actor_of
from vigie.stages.events.lexicon import Lexicon

LOGGER = logging.getLogger(__name__)

MAX_JUDGE_CLIMB = 3  # heads from the adjective to the verb of judgement ("a jugé ... inacceptable")
NOMINAL = ("NOUN", "PROPN", "PRON")


def judged(adjective: Token) -> Token | None:
    """The word the adjective judges: the noun it qualifies ("une décision inacceptable"), the
    subject of "être" ("la décision est inacceptable"), or the object of a verb of judgement
    ("juger la décision inacceptable", "qualifier l'attaque de lâche")."""
    if adjective.dep_ == "amod" and adjective.head.pos_ in NOMINAL:
        return adjective.head
    subject = subject_of(adjective)
    if subject is not None:
        return antecedent(subject)
    head = adjective.head
    if head.pos_ == "VERB":
        return next((c for c in head.children if c.dep_ == "obj"), None)
    return None


def judge(adjective: Token, judging: frozenset[str]) -> Token | None:
    """The subject of the verb of judgement or of saying above the adjective, or None."""
    token = adjective
    for _ in range(MAX_JUDGE_CLIMB):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.lemma_ in judging:
            return subject_of(token)
    return None


def evaluation_args(adjective: Token, lex: Lexicon,
                    speaker: int | None) -> tuple[int, int | None] | None:
    """(source, target) actor indices of an evaluation, or None when nobody says it.

    Args:
        adjective: the evaluative adjective.
        lex: the lexicon (holder nouns; the `saying` and `judging` classes).
        speaker: the speaker of the quote or attribution the adjective is in, or None.
    """
    doc = adjective.doc
    judging = lex.classes.get("judging", frozenset()) | lex.classes.get("saying", frozenset())
    who = judge(adjective, judging)
    source = actor_of(doc, who, lex.holder_nouns) if who is not None else speaker
    if source is None:
        return None
    noun = judged(adjective)
    holders = lex.holder_nouns | ({noun.lemma_} if noun is not None else set())
    target = actor_of(doc, noun, frozenset(holders)) if noun is not None else None
    return source, (None if target == source else target)
