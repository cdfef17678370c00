"""A memoised front for the model's French lemmatizer: the same lemmas, looked up once per form.

spaCy's FrenchLemmatizer builds a Token and calls Python rules for every token of every doc; its
lemma depends only on the token's form and part of speech (see FrenchLemmatizer.rule_lemmatize), so
vigie keeps one (orth, pos) -> lemma table per process and reads and writes lemmas as arrays.

A form the table has not seen yet goes through `FrenchRules`, the same rules on the same tables,
except that the word lists of `lemma_index` (up to 66 000 words for verbs) are sets: spaCy tests
`form in index` on the lists, about a millisecond a test, and real articles bring new forms by the
hundred (docs/speed.md).
"""

from __future__ import annotations

from spacy.attrs import LEMMA, ORTH, POS
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.language import Language
from spacy.tokens import Doc

# The parts of speech FrenchLemmatizer.rule_lemmatize runs its rules for; the others are looked up.
_RULE_POS = ("noun", "verb", "adj", "adp", "adv", "aux", "cconj", "det", "pron", "punct", "sconj")


class FrenchRules:
    """FrenchLemmatizer.rule_lemmatize on a (form, POS) pair, with the word lists as sets."""

    def __init__(self, base: FrenchLemmatizer):
        lookups = base.lookups
        self.has_rules = "lemma_rules" in lookups
        index, exc, rules = (lookups.get_table(name, {}) for name in
                             ("lemma_index", "lemma_exc", "lemma_rules"))
        self.lookup = lookups.get_table("lemma_lookup", {})
        self.index = {pos: frozenset(index.get(pos, {})) for pos in _RULE_POS}
        self.exceptions = {pos: exc.get(pos, {}) for pos in _RULE_POS}
        self.rules = {pos: rules.get(pos, []) for pos in _RULE_POS}

    def lemma(self, text: str, pos: str) -> str:
        """The first of the forms rule_lemmatize gives the token `text` tagged `pos`."""
        univ_pos = pos.lower()
        if univ_pos in ("", "eol", "space"):
            return text.lower()
        if not self.has_rules or univ_pos not in _RULE_POS:
            found = self.lookup.get(text, text)  # FrenchLemmatizer.lookup_lemmatize
            return found if isinstance(found, str) else found[0]
        index, string = self.index[univ_pos], text.lower()
        if string in index:
            return string
        forms = list(self.exceptions[univ_pos].get(string, []))
        oov_forms = []
        if not forms:
            for old, new in self.rules[univ_pos]:
                if string.endswith(old):
                    form = string[: len(string) - len(old)] + new
                    if not form:
                        pass
                    elif form in index or not form.isalpha():
                        forms.append(form)
                    else:
                        oov_forms.append(form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            # spaCy indexes the lookup's value (a str) as it does its default (a list): kept as is
            forms.append(self.lookup.get(string, [string])[0])
        return forms[0]


class CachedLemmatizer:
    """Wraps the model's lemmatizer (`base`); gives exactly its lemmas."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.base = None  # the model's lemmatizer, set by vigie.pipeline.load
        self.rules: FrenchRules | None = None  # set with `base` when it is spaCy's French one
        self.table: dict[tuple[int, int], int] = {}

    def set_base(self, base) -> None:
        """Front the model's lemmatizer `base`."""
        self.base = base
        same_code = type(base).rule_lemmatize is FrenchLemmatizer.rule_lemmatize
        self.rules = FrenchRules(base) if same_code else None

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
                lemma = table[(orth, pos)] = strings.add(self._lemma(doc, i))
            array[i, 2] = lemma
        doc.from_array([LEMMA], array[:, 2:3])
        return doc

    def _lemma(self, doc: Doc, i: int) -> str:
        """The lemma of token i, new to the table."""
        if self.rules is None:
            return self.base.lemmatize(doc[i])[0]
        token = doc[i]
        return self.rules.lemma(token.text, token.pos_)


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
    cached.set_base(base)
