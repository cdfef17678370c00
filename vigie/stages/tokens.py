"""Token attributes the Events (and Quotes) stages read by index, built once per Doc (see
docs/speed.md).

A `Token`, a `Span`, `token.sent` and `token.morph` each build Python objects on every access;
the Events stage asks for the same lemmas, sentences and features many times per trigger. These
tables live in doc.user_data, like common.lowers_of, so the first stage to need one builds it.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS
from spacy.tokens import Doc

from vigie.stages.common import lowers_of, per_doc

_LEMMAS_KEY = ("vigie", "lemmas")
_SENTENCES_KEY = ("vigie", "sentences")
_MORPHS_KEY = ("vigie", "morphs")
_TREE_KEY = ("vigie", "tree")
_POS_KEY = ("vigie", "pos")

# Hash -> string of the columns read here, shared by all Docs (the hash of a string is the same
# in every Vocab): a dict lookup costs less than the StringStore's, and a corpus holds a few
# thousand lemmas and a few dozen tags.
_NAMES: dict[int, str] = {}
_LOWER_NAMES: dict[int, str] = {}


def _column(doc: Doc, attr: int, lower: bool = False) -> list[str]:
    """Every token's string for a hash attribute (LEMMA, POS, DEP, MORPH), lower-cased if asked."""
    known = _LOWER_NAMES if lower else _NAMES
    ids = doc.to_array(attr).tolist()
    for h in set(ids).difference(known):
        name = doc.vocab.strings[h]
        known[h] = name.lower() if lower else name
    return [known[h] for h in ids]


def lemmas_of(doc: Doc) -> list[str]:
    """Every token's `lemma_.lower()`."""
    return per_doc(doc, _LEMMAS_KEY, lambda d: _column(d, LEMMA, lower=True))


def pos_of(doc: Doc) -> list[str]:
    """Every token's `pos_`."""
    return per_doc(doc, _POS_KEY, lambda d: _column(d, POS))


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
    """"Mood=Ind|PronType=Int,Rel" -> {"Mood": ("Ind",), "PronType": ("Int", "Rel")}."""
    fields = (item.split("=", 1) for item in morph.split("|") if "=" in item)
    return {field: tuple(values.split(",")) for field, values in fields}


def morph_of(doc: Doc, i: int, field: str) -> tuple[str, ...]:
    """The values of one feature of token i, as `token.morph.get(field)`."""
    morphs = per_doc(doc, _MORPHS_KEY, lambda d: _column(d, MORPH))
    return _features(morphs[i]).get(field, ())


class Tree:
    """One Doc's dependency tree as lists read by index: every token's dep_, its case marker (the
    lower form of its first "case" or "mark" child, or None) and its children."""

    __slots__ = ("deps", "cases", "_order", "_starts")

    def __init__(self, doc: Doc):
        lowers = lowers_of(doc)
        self.deps = _column(doc, DEP)
        index = numpy.arange(len(self.deps))
        heads = index + doc.to_array(HEAD).astype("int64")
        # Token indices sorted by head (a root, its own head, by -1: no one's child), and where
        # each head's run starts: children without building a list per token (lists by the
        # thousand set off garbage collections).
        parents = numpy.where(heads == index, -1, heads)
        order = numpy.argsort(parents, kind="stable")
        self._starts = numpy.searchsorted(parents[order], numpy.arange(len(heads) + 1)).tolist()
        self._order = order.tolist()
        self.cases: list[str | None] = [None] * len(self.deps)
        markers = [i for i, dep in enumerate(self.deps) if dep == "case" or dep == "mark"]
        for i, head in zip(markers, parents[markers].tolist(), strict=True):
            if head >= 0 and self.cases[head] is None:
                self.cases[head] = lowers[i]

    def children(self, i: int) -> list[int]:
        """Token i's children (`token.children`), in text order."""
        return self._order[self._starts[i]:self._starts[i + 1]]


def tree_of(doc: Doc) -> Tree:
    """The Doc's dependency tree as lists (built once per Doc)."""
    return per_doc(doc, _TREE_KEY, Tree)
