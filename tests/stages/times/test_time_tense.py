"""Which way a time points, from the verb that governs it (hand-built parses, no model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from vigie.french.dates import NEAREST
from vigie.stages.times.component import tense_direction


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
