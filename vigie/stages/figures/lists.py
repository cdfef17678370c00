"""Counts that borrow their noun from the count before them: elliptic lists ("120 morts à X, 45 à
Y"), subsets with no noun ("dont 14 grièvement"), comparisons ("69 000, contre 84 000 la semaine
précédente") and "un"/"une" counting one in a list ("deux CRS et un gendarme")."""

from __future__ import annotations

import logging
import re

from spacy.tokens import Span

from vigie.stages.figures.kind import counted_noun
from vigie.stages.figures.lexicon import FigureLexicon, words_of
from vigie.stages.figures.links import is_subset

LOGGER = logging.getLogger(__name__)

# Words that join the members of a list of counts ("120 morts à Alep, 45 à Homs et 12 à Hama",
# "69 000 contre 84 000").
LIST_LINKS = frozenset({",", "et", "contre", "ou", ";", "puis", "dont"})
# Words between a link and its number that belong to the number ("et plus de 104 000").
_MODIFIER_WORDS = frozenset({"plus", "moins", "de", "d'", "au", "près", "environ", "quelque",
                             "presque", "pas", "jusqu'", "à", "quasiment", "déjà", "encore"})
# Tokens between a count's noun and the next number of its list ("une femme et deux enfants").
MAX_LIST_GAP = 4
# ... and when the next count says "autres", its predicate may sit between ("un soldat a été tué
# et deux autres blessés": 5 tokens).
MAX_OTHERS_GAP = 8
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+|[,.)])")


def link_before(span: Span) -> str | None:
    """The list word right before a number, its modifiers skipped (", plus de 40" -> ",")."""
    doc, words = span.doc, words_of(span.doc)
    i = span.start - 1
    while i >= span.sent.start and words[i] in _MODIFIER_WORDS:
        i -= 1
    if i < span.sent.start:
        return None
    return words[i] if words[i] in LIST_LINKS or doc[i].lower_ in LIST_LINKS else None


def previous_in_sentence(span: Span, hits: list, last_end: int) -> object | None:
    """The figure just before this number in its sentence, when no other number sits between."""
    if not hits:
        return None
    prev = hits[-1]
    if prev.start < span.sent.start_char or prev.end != last_end:
        return None
    return prev


def elliptic_noun(span: Span, lex: FigureLexicon) -> bool:
    """The number has no counted noun of its own ("45 à Homs", "dont 5 côté policiers")."""
    doc = span.doc
    if span.end < len(doc) and words_of(doc)[span.end] in lex.subset_elliptic_after:
        return True
    if counted_noun(span, lex) is not None:
        return False
    return span.end >= len(doc) or not doc[span.end].like_num


def counts_one(span: Span, lex: FigureLexicon, prev, next_start: int | None) -> bool:
    """A lone "un"/"une" that counts one person: before a people word or an ordinal ("un
    troisième"), after a subset marker, inside a list of counts, or opening one ("une femme et
    deux enfants")."""
    doc, words = span.doc, words_of(span.doc)
    if span.end >= len(doc):
        return False
    word = words[span.end]
    if is_subset(span.sent, span.start, lex) and (
            doc[span.end].pos_ == "ADV" or word in lex.subset_elliptic_after):
        return True  # "dont un grièvement", "dont une à Paris"
    if word not in lex.people and word not in lex.base and word not in lex.nouns and (
            word not in lex.ordinal_ones):
        return False
    if is_subset(span.sent, span.start, lex) or (prev is not None and link_before(span)):
        return True
    if next_start is None or word in lex.ordinal_ones:
        return False
    follow = doc.char_span(next_start, next_start + 1, alignment_mode="expand")
    if follow is None or follow.start >= span.sent.end or not any(
            words[i] in ("et", ",") for i in range(span.end + 1, follow.start)):
        return False
    others = follow.end < len(doc) and words[follow.end] == "autres"
    # "une femme et deux enfants"; "un soldat a été tué et deux autres blessés"
    return follow.start - span.end <= (MAX_OTHERS_GAP if others else MAX_LIST_GAP)


def may_count_one(text: str, end: int, lex: FigureLexicon) -> bool:
    """Whether the word after a lone "un"/"une" (ending at `end`) may make it a count: a people
    word, an ordinal, a word a noun-less count is followed by, or an adverb ("un grièvement")."""
    match = _NEXT_WORD.match(text, end)
    if match is None:
        return False
    word = match.group(1).lower().replace("’", "'")
    return (word in lex.people or word in lex.base or word in lex.nouns or word in lex.ordinal_ones
            or word in lex.subset_elliptic_after or word.endswith("ment"))


def one_more(span: Span, lex: FigureLexicon) -> bool:
    """ "un troisième", "une autre": one more of the people counted before."""
    words = words_of(span.doc)
    return span.end < len(words) and words[span.end] in lex.ordinal_ones
