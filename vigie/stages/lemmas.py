"""A memoised front for the model's French lemmatizer: the same lemmas, looked up once per form.

spaCy's FrenchLemmatizer builds a Token and calls Python rules for every token of every doc; its
lemma depends only on the token's form and part of speech (see FrenchLemmatizer.rule_lemmatize), so
vigie keeps one (orth, pos) -> lemma table per process and reads and writes lemmas as arrays.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc


class CachedLemmatizer:
    """Wraps the model's lemmatizer (`base`); gives exactly its lemmas."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.base = None  # the model's lemmatizer, set by vigie.pipeline.load
        self.table: dict[tuple[int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.base is None or not len(doc):
            return doc
        array = doc.to_array([ORTH, POS, LEMMA])
        strings, table = doc.vocab.strings, self.table
        for i, (orth, pos, lemma) in enumerate(array.tolist()):
            if lemma:  # set upstream (attribute_ruler): the model's lemmatizer keeps it too
                continue
            lemma = table.get((orth, pos))
            if lemma is None:
                lemma = table[(orth, pos)] = strings.add(self.base.lemmatize(doc[i])[0])
            array[i, 2] = lemma
        doc.from_array([LEMMA], array[:, 2:3])
        return doc


@Language.factory("vigie_lemmatizer", assigns=["token.lemma"])
def make_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp, name)


def speed_up_lemmatizer(nlp: Language) -> None:
    """Put the memoised lemmatizer in place of the model's own, keeping its name and position."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    base = nlp.get_pipe("lemmatizer")
    if base.mode != "rule" or base.overwrite:
        return
    cached = nlp.replace_pipe("lemmatizer", "vigie_lemmatizer")
    cached.base = base
