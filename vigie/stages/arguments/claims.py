"""Who claimed, or is blamed for, an act named earlier: "Un engin a détruit un convoi. L'attaque
a été revendiquée par X."; "X a revendiqué l'attentat"; "une série d'attentats attribués à Y"."""

from __future__ import annotations

from spacy.tokens import Token

from vigie.stages.arguments.clauses import (
    ADDRESSEE_CASES,
    antecedent,
    child,
    children,
    passive,
    passive_agent,
    subject_of,
)
from vigie.stages.arguments.lexicon import ArgumentWords
from vigie.stages.tokens import lemmas_of, pos_of, sentence_of

# Sentences after the act's own where its claim is looked for (a claim follows its act closely in
# news prose; further on, "l'attaque" is more often another one).
CLAIM_REACH = 2


def _claimant(verb: Token, words: ArgumentWords) -> Token | None:
    if verb.lemma_ in words.blame_verbs:  # "attribué à Y": Y did it
        return child(verb, {"obl:arg", "obl", "obl:mod", "iobj"}, ADDRESSEE_CASES)
    if passive(verb):
        return passive_agent(verb)
    return subject_of(verb)


def _takes_up(verb: Token, act: Token, words: ArgumentWords) -> bool:
    """Whether a claim verb's object is the act: its own word, an act noun, or a pronoun."""
    patient = child(verb, {"obj"}) or child(verb, {"nsubj:pass"})
    if patient is None:
        return False
    lemma = patient.lemma_.lower()
    return lemma == act.lemma_.lower() or lemma in words.act_nouns or patient.pos_ == "PRON"


def responsible(act: Token, words: ArgumentWords) -> Token | None:
    """The head of the phrase that claimed or is blamed for `act` (a trigger's root), or None.

    The act's own participle comes first ("l'attaque revendiquée par X"), then a claim verb in
    its sentence or the next ones whose object takes the act up.
    """
    verbs = words.claim_verbs | words.blame_verbs
    if act.dep_ == "obj" and act.head.lemma_ in words.claim_verbs:
        found = _claimant(act.head, words)  # "X a revendiqué l'attentat", "qui justifie le putsch"
        if found is not None:
            return antecedent(found)
    # "attentats attribués à Y", also on the head of "une série d'attentats attribués à Y"
    holders = [act, act.head] if act.dep_ == "nmod" else [act]
    for participle in (p for h in holders for p in children(h, {"acl"})):
        if participle.lemma_ in verbs:
            found = _claimant(participle, words)
            if found is not None:
                return found
    doc = act.doc
    lemmas, pos = lemmas_of(doc), pos_of(doc)
    end = sentence_of(doc, act.i)[1]
    for _ in range(CLAIM_REACH):
        if end < len(doc):
            end = sentence_of(doc, end)[1]
    for i in range(act.i + 1, end):
        if lemmas[i] in verbs and pos[i] == "VERB" and _takes_up(doc[i], act, words):
            found = _claimant(doc[i], words)
            if found is not None:
                return found
    return None
