"""Token attributes the Events stage reads by index, built once per Doc (docs/speed.md).

A `Token`, a `Span`, `token.sent` and `token.morph` each build Python objects on every access;
the stage asks for the same lemmas, sentences and features many times per trigger. These tables
live in doc.user_data, like common.lowers_of.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import DEP, HEAD, MORPH
from spacy.tokens import Doc

from vigie.stages.common import lowers_of

_LEMMAS_KEY = ("vigie", "lemmas")
_SENTENCES_KEY = ("vigie", "sentences")
_MORPHS_KEY = ("vigie", "morphs")
_TREE_KEY = ("vigie", "tree")


def lemmas_of(doc: Doc) -> list[str]:
    """Every token's `lemma_.lower()`."""
    lemmas = doc.user_data.get(_LEMMAS_KEY)
    if lemmas is None:
        lemmas = doc.user_data[_LEMMAS_KEY] = [t.lemma_.lower() for t in doc]
    return lemmas


def sentence_of(doc: Doc, i: int) -> tuple[int, int, int, int]:
    """(start, end, start_char, end_char) of the sentence holding token i (as `token.sent`)."""
    table = doc.user_data.get(_SENTENCES_KEY)
    if table is None:
        bounds = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
        index = [k for k, (start, end, _, _) in enumerate(bounds) for _ in range(start, end)]
        table = doc.user_data[_SENTENCES_KEY] = (bounds, index)
    bounds, index = table
    return bounds[index[i]]


@lru_cache(maxsize=4096)
def _features(morph: str) -> dict[str, tuple[str, ...]]:
    """"Mood=Ind|PronType=Int,Rel" -> {"Mood": ["Ind"], "PronType": ["Int", "Rel"]}."""
    fields = (item.split("=", 1) for item in morph.split("|") if "=" in item)
    return {field: tuple(values.split(",")) for field, values in fields}


def morph_of(doc: Doc, i: int, field: str) -> tuple[str, ...]:
    """The values of one feature of token i, as `token.morph.get(field)`."""
    morphs = doc.user_data.get(_MORPHS_KEY)
    if morphs is None:
        strings = doc.vocab.strings
        morphs = doc.user_data[_MORPHS_KEY] = [strings[h] for h in doc.to_array(MORPH).tolist()]
    return _features(morphs[i]).get(field, ())


class Tree:
    """One Doc's dependency tree as lists read by index: every token's dep_, its case marker (the
    lower form of its first "case" or "mark" child, or None) and its children."""

    __slots__ = ("deps", "cases", "_order", "_starts")

    def __init__(self, doc: Doc):
        strings, lowers = doc.vocab.strings, lowers_of(doc)
        self.deps = [strings[dep] for dep in doc.to_array(DEP).tolist()]
        heads = numpy.arange(len(self.deps)) + doc.to_array(HEAD).astype("int64")
        # Token indices sorted by head, and where each head's run starts: children without
        # building a list per token (lists by the thousand set off garbage collections).
        order = numpy.argsort(heads, kind="stable")
        self._starts = numpy.searchsorted(heads[order], numpy.arange(len(heads) + 1)).tolist()
        self._order = order.tolist()
        self.cases: list[str | None] = [None] * len(self.deps)
        for i, head in enumerate(heads.tolist()):
            if head != i and self.cases[head] is None and self.deps[i] in ("case", "mark"):
                self.cases[head] = lowers[i]

    def children(self, i: int) -> list[int]:
        """Token i's children (`token.children`), in text order."""
        return [c for c in self._order[self._starts[i]:self._starts[i + 1]] if c != i]


def tree_of(doc: Doc) -> Tree:
    """The Doc's dependency tree as lists (built once per Doc)."""
    tree = doc.user_data.get(_TREE_KEY)
    if tree is None:
        tree = doc.user_data[_TREE_KEY] = Tree(doc)
    return tree
