"""Figures: numbers that count people and violence, and who claims them (docs/figures.md)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from vigie.french.numbers import Modifiers, Quantity, find_quantities, load_modifiers
from vigie.stages.common import guarded, text_of
from vigie.stages.figures.kind import _anchor, counted_noun, is_unit, kind_and_who
from vigie.stages.figures.lexicon import FigureLexicon, load_figures_lexicon, words_of
from vigie.stages.figures.links import (
    claim_source,
    heading_noun,
    is_subset,
    mark_disputes,
    marker_source,
    nearest_place,
    quote_speaker,
    sentence_time,
)

LOGGER = logging.getLogger(__name__)


@dataclass
class FigureHit:
    kind: str
    value: float | int | None
    start: int
    end: int
    low: float | int | None = None
    high: float | int | None = None
    approximate: bool = False
    who: str | None = None
    part_of: int | None = None  # index in doc._.vigie_figures
    source: int | None = None  # index in doc._.vigie_actors
    place: int | None = None  # index in doc._.vigie_places
    time: int | None = None  # index in doc._.vigie_times
    disputes: list[int] = field(default_factory=list)  # indices in doc._.vigie_figures


def _in_time(doc: Doc, qty: Quantity) -> bool:
    """The number is part of a date, a year or a time of day the Times stage found."""
    return any(t.start < qty.end and qty.start < t.end for t in doc._.vigie_times or [])


def _excluded(span: Span, lex: FigureLexicon) -> bool:
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in lex.before_negative or is_unit(span, lex)


def _figure(doc: Doc, qty: Quantity, lex: FigureLexicon) -> FigureHit | None:
    """The figure a number expression gives, or None when it counts nothing vigie keeps."""
    span = doc.char_span(qty.start, qty.end, alignment_mode="expand")
    if span is None or _in_time(doc, qty) or _excluded(span, lex):
        return None
    found = kind_and_who(span, lex)
    if found is None:
        return None
    hit = FigureHit(kind=found[0], value=qty.value, start=qty.start, end=qty.end, low=qty.low,
                    high=qty.high, approximate=qty.approximate, who=found[1])
    _link(doc, span, hit, lex)
    return hit


def _link(doc: Doc, span: Span, hit: FigureHit, lex: FigureLexicon) -> None:
    """Fill the figure's source, place and time from its sentence."""
    sent = span.sent
    anchor = _anchor(span, counted_noun(span, lex))
    hit.source = quote_speaker(doc, hit.start)
    if hit.source is None:  # a claim verb above the figure is closer than a "selon" elsewhere
        hit.source = claim_source(anchor, lex)
    if hit.source is None:
        hit.source = marker_source(sent, span.start, lex)
    hit.place = nearest_place(doc, sent, hit.start, hit.source, lex)
    hit.time = sentence_time(doc, sent)


def _elliptic_part(doc: Doc, qty: Quantity, lex: FigureLexicon,
                   hits: list[FigureHit]) -> FigureHit | None:
    """ "24 blessés, dont 5 côté policiers", "dont un millier à Paris": a number after "dont"
    with no noun of its own counts the people of the figure before it."""
    span = doc.char_span(qty.start, qty.end, alignment_mode="expand")
    if span is None or not hits or span.end >= len(doc) or _in_time(doc, qty) or _excluded(
            span, lex) or not is_subset(span.sent, span.start, lex):
        return None
    if words_of(doc)[span.end] not in lex.subset_elliptic_after:
        return None
    whole = next((h for h in reversed(hits) if h.start >= span.sent.start_char
                  and h.part_of is None and (h.value or 0) >= (qty.value or 0)), None)
    if whole is None:
        return None
    hit = FigureHit(kind=whole.kind, value=qty.value, start=qty.start, end=qty.end, low=qty.low,
                    high=qty.high, approximate=qty.approximate, who=whole.who)
    _link(doc, span, hit, lex)
    return hit


def _link_subsets(doc: Doc, hits: list[FigureHit], lex: FigureLexicon) -> None:
    """ "500 morts, dont une centaine de civils": the subset points at the whole, takes its kind."""
    for i, hit in enumerate(hits):
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if i == 0 or not is_subset(span.sent, span.start, lex):
            continue
        whole = _whole_before(doc, hits, i, span.sent)
        if whole is not None:
            hit.part_of = whole
            if hit.kind == "other":
                hit.kind = hits[whole].kind
    _link_headings(doc, hits, lex)
    _link_breakdowns(doc, hits)


def _same_noun(who: str | None, noun: str) -> bool:
    head = (who or "").split(" ")[0].lower()
    return bool(head) and head.rstrip("s") == noun.rstrip("s")


def _link_headings(doc: Doc, hits: list[FigureHit], lex: FigureLexicon) -> None:
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


def _link_breakdowns(doc: Doc, hits: list[FigureHit]) -> None:
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


def _whole_before(doc: Doc, hits: list[FigureHit], i: int, sent: Span) -> int | None:
    for j in range(i - 1, -1, -1):
        other = hits[j]
        if other.start < sent.start_char:
            return None
        if other.part_of is None and (other.value or 0) >= (hits[i].value or 0) and (
                hits[i].kind in (other.kind, "other")):
            return j
    return None


def find_figures(doc: Doc, lex: FigureLexicon | None = None,
                 modifiers: Modifiers | None = None) -> list[FigureHit]:
    """Figures in a doc processed by the earlier vigie stages.

    Args:
        doc: the doc, with actors, places, times and quotes.
        lex: the figures lexicon (default: the packaged one).
        modifiers: its approximation and bound words (default: the packaged ones).

    Returns:
        The figures in text order; `part_of` and `disputes` are indices into this list.
    """
    lex = lex or load_figures_lexicon()
    hits = []
    for qty in find_quantities(text_of(doc), modifiers or load_modifiers()):
        hit = _figure(doc, qty, lex) or _elliptic_part(doc, qty, lex, hits)
        if hit is not None:
            hits.append(hit)
    _link_subsets(doc, hits, lex)
    hits = merge_repeats(hits)
    mark_disputes(hits)
    return hits


def _same_claim(one: FigureHit, other: FigureHit) -> bool:
    """The same figure said again (title then body): same kind and value, no other claimant."""
    return (one.kind, one.value) == (other.kind, other.value) and (
        one.source is None or other.source is None or one.source == other.source)


def merge_repeats(hits: list[FigureHit]) -> list[FigureHit]:
    """Keep the first mention of each figure; it takes the source, place, time the others give."""
    kept: list[FigureHit] = []
    index: dict[int, int] = {}
    for i, hit in enumerate(hits):
        first = next((k for k, other in enumerate(kept) if _same_claim(other, hit)), None)
        if first is None:
            index[i] = len(kept)
            kept.append(hit)
            continue
        index[i] = first
        for name in ("source", "place", "time", "part_of"):
            if getattr(kept[first], name) is None:
                setattr(kept[first], name, getattr(hit, name))
    for i, hit in enumerate(kept):
        if hit.part_of is not None:
            hit.part_of = index[hit.part_of]
            if hit.part_of == i:  # the whole and its part said to be the same figure
                hit.part_of = None
    return kept


class FiguresComponent:
    def __init__(self, nlp: Language, name: str, *, kb_files: Sequence[str] = ()):
        self.name = name
        self.kb_files = kb_files
        self.lexicon = load_figures_lexicon(kb_files=tuple(kb_files))
        self.modifiers = load_modifiers(kb_files=tuple(kb_files))

    def __call__(self, doc: Doc) -> Doc:
        doc._.vigie_figures = guarded(
            doc, self.name, lambda: find_figures(doc, self.lexicon, self.modifiers), [])
        return doc


@Language.factory(
    "vigie_figures",
    requires=["doc._.vigie_actors", "doc._.vigie_places", "doc._.vigie_times",
              "doc._.vigie_quotes"],
    assigns=["doc._.vigie_figures"],
    default_config={"kb_files": []},
)
def make_figures(nlp: Language, name: str, kb_files: list[str]) -> FiguresComponent:
    return FiguresComponent(nlp, name, kb_files=kb_files)
