"""Token attributes the Events stage reads by index, built once per Doc (docs/speed.md).

A `Token`, a `Span`, `token.sent` and `token.morph` each build Python objects on every access;
the stage asks for the same lemmas, sentences and features many times per trigger. These tables
live in doc.user_data, like common.lowers_of, and hold only plain strings and integers.
"""

from __future__ import annotations

from functools import lru_cache

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


def _tree(doc: Doc) -> tuple[list[str], list[str | None]]:
    """(deps, cases): every token's dep_, and the lower form of its first "case" or "mark" child
    (None when it has none)."""
    tree = doc.user_data.get(_TREE_KEY)
    if tree is None:
        strings, lowers = doc.vocab.strings, lowers_of(doc)
        deps = [strings[dep] for dep in doc.to_array(DEP).tolist()]
        offsets = doc.to_array(HEAD).astype("int64").tolist()  # head index - token index
        cases: list[str | None] = [None] * len(deps)
        for i, offset in enumerate(offsets):
            if offset and cases[i + offset] is None and deps[i] in ("case", "mark"):
                cases[i + offset] = lowers[i]
        tree = doc.user_data[_TREE_KEY] = (deps, cases)
    return tree


def deps_of(doc: Doc) -> list[str]:
    """Every token's `dep_`."""
    return _tree(doc)[0]


def cases_of(doc: Doc) -> list[str | None]:
    """Every token's case marker: the lower form of its first "case" or "mark" child, or None."""
    return _tree(doc)[1]
