"""Which way a time points, from the verb that governs it (hand-built parses, no model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from vigie.french.dates import FUTURE, NEAREST, PAST
from vigie.stages.times.tense import tense_direction


def _doc(vocab, rows: list[tuple[str, str, str, int, str, str]]) -> Doc:
    """A parsed Doc from rows of (word, pos, dep, head index, lemma, morph)."""
    words, pos, deps, heads, lemmas, morphs = map(list, zip(*rows, strict=True))
    return Doc(vocab, words=words, pos=pos, deps=deps, heads=heads, lemmas=lemmas, morphs=morphs)


@pytest.mark.issue(26)
def test_time_tense_infinitive_root_does_not_recurse(fr_vocab):
    # "Négocier jeudi." : the root is an infinitive, its own head.
    doc = _doc(fr_vocab, [("Négocier", "VERB", "ROOT", 0, "négocier", "VerbForm=Inf"),
                          ("jeudi", "NOUN", "obl:mod", 0, "jeudi", ""),
                          (".", "PUNCT", "punct", 0, ".", "")])
    assert tense_direction(doc, 9, 14) == NEAREST


PRES = "Mood=Ind|Tense=Pres|VerbForm=Fin"
PART = "Tense=Past|VerbForm=Part"


def _mardi(head: int) -> tuple:
    return ("mardi", "NOUN", "obl:mod", head, "mardi", "")


PARSES = {
    # "Le vote est prévu mardi." (present passive of a planning verb)
    "planned_passive": [("vote", "NOUN", "nsubj:pass", 2, "vote", ""),
                        ("est", "AUX", "aux:pass", 2, "être", PRES),
                        ("prévu", "VERB", "ROOT", 2, "prévoir", PART), _mardi(2)],
    # "Le vote, prévu mardi, ..." (a bare participle of a planning verb)
    "planned_bare": [("vote", "NOUN", "ROOT", 0, "vote", ""),
                     ("prévu", "VERB", "acl", 0, "prévoir", PART), _mardi(1)],
    # "Le convoi est arrivé mardi." (être + participle: the parser may call it a passive)
    "etre_participle": [("convoi", "NOUN", "nsubj:pass", 2, "convoi", ""),
                        ("est", "AUX", "aux:pass", 2, "être", PRES),
                        ("arrivé", "VERB", "ROOT", 2, "arriver", PART), _mardi(2)],
    # "Les civils tués mardi" (a bare participle: the past)
    "bare_participle": [("civils", "NOUN", "ROOT", 0, "civil", ""),
                        ("tués", "VERB", "acl", 0, "tuer", PART), _mardi(1)],
    # "Il a été tué mardi." (passé composé of the passive)
    "past_passive": [("a", "AUX", "aux:tense", 2, "avoir", PRES),
                     ("été", "AUX", "aux:pass", 2, "être", PART),
                     ("tué", "VERB", "ROOT", 2, "tuer", PART), _mardi(2)],
    # "Ils ont appelé à bloquer mardi." (an infinitive under a verb that looks ahead)
    "called_for": [("ont", "AUX", "aux:tense", 1, "avoir", PRES),
                   ("appelé", "VERB", "ROOT", 1, "appeler", PART),
                   ("bloquer", "VERB", "xcomp", 1, "bloquer", "VerbForm=Inf"),
                   _mardi(2)],
    # "Ils doivent être reçus mardi." (a passive infinitive under present "devoir")
    "must_be": [("doivent", "VERB", "ROOT", 0, "devoir", PRES),
                ("être", "AUX", "aux:pass", 2, "être", "VerbForm=Inf"),
                ("reçus", "VERB", "xcomp", 0, "recevoir", PART), _mardi(2)],
}


@pytest.mark.issue(26)
@pytest.mark.parametrize("parse, direction", [
    ("planned_passive", FUTURE), ("planned_bare", FUTURE), ("etre_participle", PAST),
    ("bare_participle", PAST), ("past_passive", PAST), ("called_for", FUTURE),
    ("must_be", FUTURE),
])
def test_time_tense_passives_participles_and_prospects(fr_vocab, parse, direction):
    doc = _doc(fr_vocab, PARSES[parse])
    start = doc.text.index("mardi")
    assert tense_direction(doc, start, start + 5) == direction


@pytest.mark.issue(26)
def test_time_tense_deadline_under_past_verb_is_not_past(fr_vocab):
    # "Il a donné jusqu'à mardi."
    doc = _doc(fr_vocab, [("Il", "PRON", "nsubj", 2, "il", ""),
                          ("a", "AUX", "aux:tense", 2, "avoir", PRES),
                          ("donné", "VERB", "ROOT", 2, "donner", PART),
                          ("jusqu'à", "ADP", "case", 4, "jusque", ""),
                          ("mardi", "NOUN", "obl:mod", 2, "mardi", "")])
    start = doc.text.index("jusqu'à")
    assert tense_direction(doc, start, len(doc.text)) == NEAREST
    assert tense_direction(doc, doc.text.index("mardi"), len(doc.text)) == PAST


@pytest.mark.issue(26)
@pytest.mark.parametrize("sentence, published, text, value", [
    ("La réunion est prévue mardi à Genève.", "2016-02-11", "mardi", "2016-02-16"),
    ("Le vote, prévu le 5 mai, se tiendra à Paris.", "2016-05-10", "le 5 mai", "2017-05-05"),
    ("Le vote, prévu le 5 mai, a été reporté.", "2016-05-10", "le 5 mai", "2016-05-05"),
    ("Les agriculteurs ont appelé à bloquer les routes samedi.", "2016-02-11", "samedi",
     "2016-02-13"),
    ("Le gouvernement leur a donné jusqu'à vendredi pour quitter la ville.", "2016-02-09",
     "jusqu'à vendredi", "2016-02-12"),
    ("Le décret doit encore être signé mercredi.", "2016-02-11", "mercredi", "2016-02-17"),
    ("Négocier jeudi à Genève, voilà le plan.", "2016-02-11", "jeudi", "2016-02-11"),
])
def test_time_tense_in_the_pipeline(extract, sentence, published, text, value):
    record = extract(sentence, published=published)
    assert [(t.text, t.value) for t in record.times] == [(text, value)]
    assert record.warnings == []
