"""Figures that are parts of another (part_of) and figures said twice (one fact)."""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Span

from vigie.stages.figures.lexicon import FigureLexicon
from vigie.stages.figures.links import heading_noun, is_subset

LOGGER = logging.getLogger(__name__)


def link_subsets(doc: Doc, hits: list, lex: FigureLexicon) -> None:
    """ "500 morts, dont une centaine de civils": the subset points at the whole, takes its kind.

    Args:
        doc: the doc.
        hits: the figures in text order (changed in place).
        lex: the figures lexicon.
    """
    for i, hit in enumerate(hits):
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if i == 0 or not is_subset(span.sent, span.start, lex):
            continue
        whole = _whole_before(hits, i, span.sent)
        if whole is not None:
            hit.part_of = whole
            if hit.kind == "other":
                hit.kind = hits[whole].kind
            if hit.source is None:  # "65 gardes à vue, dont 23 ..., a annoncé le parquet"
                hit.source = hits[whole].source
    _link_headings(doc, hits, lex)
    _link_breakdowns(doc, hits)


def _same_noun(who: str | None, noun: str) -> bool:
    head = (who or "").split(" ")[0].lower()
    return bool(head) and head.rstrip("s") == noun.rstrip("s")


def _link_headings(doc: Doc, hits: list, lex: FigureLexicon) -> None:
    """ "60 majeurs et 5 mineurs ... Parmi les majeurs, 31 ont été déférés": 31 is part of 60."""
    for i, hit in enumerate(hits):
        if hit.part_of is not None:
            continue
        noun = heading_noun(doc.char_span(hit.start, hit.end, alignment_mode="expand"), lex)
        whole = next((j for j in range(i - 1, -1, -1) if hits[j].start < hit.start
                      and _same_noun(hits[j].who, noun) and (hits[j].value or 0) > (
                          hit.value or 0)), None) if noun else None
        if whole is not None:
            hit.part_of = whole
            if hit.kind == "other":
                hit.kind = hits[whole].kind


def _link_breakdowns(doc: Doc, hits: list) -> None:
    """ "65 gardes à vue. Dans le détail, 60 majeurs et 5 mineurs ...": figures of one kind in a
    sentence that add up to an earlier figure of that kind are its parts."""
    by_sent: dict[int, list[int]] = {}
    for i, hit in enumerate(hits):
        if hit.part_of is None:
            span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            by_sent.setdefault(span.sent.start_char, []).append(i)
    for start, group in by_sent.items():
        for kind in {hits[i].kind for i in group}:
            parts = [i for i in group if hits[i].kind == kind]
            total = sum(hits[i].value or 0 for i in parts)
            whole = next((j for j in range(parts[0] - 1, -1, -1) if hits[j].start < start
                          and hits[j].kind == kind and hits[j].value == total), None)
            if len(parts) > 1 and whole is not None:
                for i in parts:
                    hits[i].part_of = whole


def _whole_before(hits: list, i: int, sent: Span) -> int | None:
    """The nearest earlier figure of the sentence that can hold figure i: not itself a part, at
    least as large, of its kind (or counting people of no kind yet: "35 personnes, dont trois
    sont décédées")."""
    for j in range(i - 1, -1, -1):
        other = hits[j]
        if other.start < sent.start_char:
            return None
        if other.part_of is None and (other.value or 0) >= (hits[i].value or 0) and (
                hits[i].kind in (other.kind, "other") or other.kind == "other"):
            return j
    return None


def _same_fact(one, other) -> bool:
    """The same figure said again (lead then quote, a second witness): same kind, value and
    scope, and no place and claimant that both tell them apart."""
    return ((one.kind, one.value, one.cumulative) == (other.kind, other.value, other.cumulative)
            and (one.place is None or other.place is None or one.place == other.place
                 or one.source is None or other.source is None or one.source == other.source))


def merge_repeats(hits: list, sentences: list[int]) -> list:
    """Keep the first mention of each figure; it takes the source, place, time the others give.
    Two figures of one sentence are two facts ("3 morts à Alep et 3 à Homs").

    Args:
        hits: the figures in text order.
        sentences: the start of each figure's sentence.

    Returns:
        The figures left, `part_of` re-indexed.
    """
    kept: list = []
    kept_sentences: list[set[int]] = []
    index: dict[int, int] = {}
    for i, hit in enumerate(hits):
        first = next((k for k, other in enumerate(kept) if _same_fact(other, hit)
                      and sentences[i] not in kept_sentences[k]), None)
        if first is None:
            index[i] = len(kept)
            kept.append(hit)
            kept_sentences.append({sentences[i]})
            continue
        index[i] = first
        kept_sentences[first].add(sentences[i])
        for name in ("source", "place", "time", "part_of", "period"):
            if getattr(kept[first], name) is None:
                setattr(kept[first], name, getattr(hit, name))
    for i, hit in enumerate(kept):
        if hit.part_of is not None:
            hit.part_of = index[hit.part_of]
            if hit.part_of == i:  # the whole and its part said to be the same figure
                hit.part_of = None
    return kept
