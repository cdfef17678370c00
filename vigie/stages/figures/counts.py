"""Inverted and nominal counts: the number stands apart from what it counts, which a count noun
names ("estime à 3 000 le nombre de disparus", "le nombre de manifestants à 69 000", "le bilan
s'établit à 57")."""

from __future__ import annotations

import logging

from spacy.tokens import Span, Token

from vigie.stages.figures.kind import counted_noun, kind_and_who
from vigie.stages.figures.lexicon import FigureLexicon, words_of

LOGGER = logging.getLogger(__name__)

_OF = frozenset({"de", "d'", "des", "du"})
# How far before the number a count noun may stand ("le nombre de manifestants à 69 000", "le
# bilan de l'attaque de lundi s'élève désormais à 57"); calibrated on short news sentences.
COUNT_NOUN_WINDOW = 12


def _counted_by(doc, i: int, lex: FigureLexicon) -> tuple[str, str | None] | None:
    """What the count noun at token i counts: its "de X" ("nombre de disparus"), else its own
    kind ("le bilan": the dead)."""
    words = words_of(doc)
    j = i + 1
    if j + 1 < len(doc) and words[j] in _OF:
        j += 1
        while j < len(doc) and (doc[j].pos_ == "DET" or words[j] in lex.fillers):
            j += 1
        if j < len(doc) and doc[j].is_alpha:
            found = kind_and_who(doc[j - 1:j], lex)  # read the noun as if counted right there
            if found is not None and found[1] is not None:
                return found
    kind = lex.count_noun_kinds.get(words[i])
    return (kind, None) if kind else None


def _count_noun_before(span: Span, lex: FigureLexicon) -> int | None:
    """A count noun earlier in the clause, with no other number between ("le nombre de
    manifestants à 69 000"), when the number follows "à"."""
    doc, words = span.doc, words_of(span.doc)
    i = span.start - 1
    while i >= span.sent.start and words[i] in ("plus", "moins", "de", "d'", "près", "environ"):
        i -= 1
    if i < span.sent.start or words[i] != "à":
        return None
    for k in range(i - 1, max(span.sent.start, i - COUNT_NOUN_WINDOW) - 1, -1):
        if doc[k].like_num or words[k] in (";", ":"):
            return None
        if words[k] in lex.count_nouns and doc[k].pos_ == "NOUN" and k > 0 and (
                doc[k - 1].pos_ == "DET"):
            return k
    return None


def count_noun_kind(span: Span, lex: FigureLexicon) -> tuple[str, str | None] | None:
    """What a number with no noun of its own counts, from the count noun that names it.

    Args:
        span: the numeral's tokens.
        lex: the figures lexicon.

    Returns:
        (kind, who) or None.
    """
    doc, words = span.doc, words_of(span.doc)
    if counted_noun(span, lex) is not None:
        return None
    i = span.end
    if i + 1 < span.sent.end and doc[i].pos_ == "DET" and words[i + 1] in lex.count_nouns:
        return _counted_by(doc, i + 1, lex)  # "estime à 3 000 le nombre de disparus"
    k = _count_noun_before(span, lex)
    return _counted_by(doc, k, lex) if k is not None else None


def count_noun_anchor(span: Span, lex: FigureLexicon) -> Token | None:
    """The count noun of an inverted count, for the claim verb above it."""
    doc, words = span.doc, words_of(span.doc)
    i = span.end
    if i + 1 < span.sent.end and doc[i].pos_ == "DET" and words[i + 1] in lex.count_nouns:
        return doc[i + 1]
    k = _count_noun_before(span, lex)
    return doc[k] if k is not None else None
