"""Figures: numbers that count people and violence, and who claims them (docs/figures.md)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from vigie.french.modifiers import Modifiers, load_modifiers
from vigie.french.numbers import Quantity, find_quantities
from vigie.stages.common import guarded, text_of
from vigie.stages.figures.counts import count_noun_anchor, count_noun_kind
from vigie.stages.figures.kind import (
    _anchor,
    counted_noun,
    is_unit,
    kind_and_who,
    population_after,
)
from vigie.stages.figures.lexicon import FigureLexicon, load_figures_lexicon, words_of
from vigie.stages.figures.links import (
    claim_source,
    is_subset,
    mark_disputes,
    marker_source,
    paragraph_part,
    quote_speaker,
    root_claim,
    sentence_time,
)
from vigie.stages.figures.lists import (
    counts_one,
    elliptic_noun,
    link_before,
    may_count_one,
    one_more,
    previous_in_sentence,
)
from vigie.stages.figures.scope import cumulative_period, periods
from vigie.stages.figures.subsets import link_subsets, merge_repeats
from vigie.stages.figures.title import add_title_evidence, title_figures
from vigie.stages.figures.where import nearest_place

LOGGER = logging.getLogger(__name__)
_MISPRINT = re.compile(r"\d\.\d{4,}")


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
    cumulative: bool = False  # a total over a period ("depuis 2015"), not one event's toll
    period: str | None = None  # the period's words ("depuis le début de la guerre")
    title_span: list[int] | None = None  # [start, end] of the same figure in the title


def _in_time(doc: Doc, qty: Quantity) -> bool:
    """The number is part of a date, a year or a time of day the Times stage found."""
    return any(t.start < qty.end and qty.start < t.end for t in doc._.vigie_times or [])


def _excluded(span: Span, lex: FigureLexicon) -> bool:
    """An identifier ("article 49"), a measure ("12 ans"), a change ("augmenté de 83 000") or a
    misprint ("104.0000": a dot before four digits is no French thousands group)."""
    if _MISPRINT.search(span.text):
        return True
    words = words_of(span.doc)
    before = words[span.start - 1] if span.start > 0 else ""
    change = span.start > 1 and before in ("de", "d'") and words[span.start - 2] in (
        lex.before_change)
    return before in lex.before_negative or change or is_unit(span, lex)


def _hit(qty: Quantity, kind: str, who: str | None) -> FigureHit:
    return FigureHit(kind=kind, value=qty.value, start=qty.start, end=qty.end, low=qty.low,
                     high=qty.high, approximate=qty.approximate, who=who)


def _read(doc: Doc, qty: Quantity, lex: FigureLexicon, mods: Modifiers, hits: list[FigureHit],
          last_end: int, next_start: int | None) -> FigureHit | None:
    """The figure a number expression gives, or None when it counts nothing vigie keeps."""
    if qty.article and not may_count_one(text_of(doc), qty.end, lex):
        return None  # most "un"/"une" are articles: decided on the next word, before any parse
    span = doc.char_span(qty.start, qty.end, alignment_mode="expand")
    if span is None or _in_time(doc, qty) or _excluded(span, lex):
        return None
    prev = previous_in_sentence(span, hits, last_end)
    if qty.article and not counts_one(span, lex, prev, next_start):
        return None
    if qty.article and one_more(span, lex):  # "un troisième": one more of the same people
        return _linked(doc, span, _hit(qty, _one_more_kind(span, lex, prev), prev.who), lex,
                       mods) if prev is not None else None
    found = kind_and_who(span, lex, subset=is_subset(span.sent, span.start, lex))
    found = found or count_noun_kind(span, lex)
    listed = prev is not None and link_before(span) and elliptic_noun(span, lex)
    if listed and (found is None or found[1] is None):
        # "120 morts à Alep et 45 à Homs", "248 décès parmi les civils et 16 parmi les soldats"
        found = (found[0] if found else prev.kind,
                 population_after(doc, span.end, lex) or prev.who)
    if found is None:
        return None
    return _linked(doc, span, _hit(qty, *found), lex, mods)


def _one_more_kind(span: Span, lex: FigureLexicon, prev: FigureHit | None) -> str:
    """ "et un troisième a été grièvement blessé": the ordinal's own predicate, else the list's."""
    found = kind_and_who(span.doc[span.start:span.end + 1], lex)
    return found[0] if found and found[0] != "other" else (prev.kind if prev else "other")


def _bound_after(span: Span, hit: FigureHit, lex: FigureLexicon, mods: Modifiers) -> None:
    """ "Deux personnes au moins ont été blessées": a bound after the counted noun."""
    noun = counted_noun(span, lex)
    if noun is None:
        return
    words = words_of(span.doc)
    for phrase in mods.after_by_first.get(words[noun.i + 1] if noun.i + 1 < len(words) else "",
                                          ()):
        if tuple(words[noun.i + 1:noun.i + 1 + len(phrase)]) == phrase:
            hit.approximate = True
            if phrase in mods.lower:
                hit.low = hit.value
            return


def _linked(doc: Doc, span: Span, hit: FigureHit, lex: FigureLexicon,
            mods: Modifiers) -> FigureHit:
    """Fill the figure's bound, source, place and time from its sentence."""
    _bound_after(span, hit, lex, mods)
    sent = span.sent
    anchor = count_noun_anchor(span, lex) or _anchor(span, counted_noun(span, lex))
    # A claim verb above the figure names its claimant, even inside a quote ("X a dénoncé le
    # massacre de « 30 civils »"); then the quote's speaker; then "selon X" in the sentence.
    line = paragraph_part(sent, span)  # the parser may run a sentence over a line break
    hit.source = claim_source(anchor, lex, line)
    if hit.source is None:
        hit.source = quote_speaker(doc, hit.start)
    if hit.source is None:
        hit.source = marker_source(line, span.start, lex)
    if hit.source is None:
        hit.source = root_claim(line, anchor, lex)
    hit.place = nearest_place(doc, sent, hit.start, hit.source, lex)
    hit.time = sentence_time(doc, sent)
    return hit


def _mark_cumulative(doc: Doc, hits: list[FigureHit], lex: FigureLexicon) -> None:
    """Totals over a period ("depuis 2015") are cumulative, and so are their parts."""
    by_sent: dict[int, list[tuple[int, int]]] = {}
    times = doc._.vigie_times or []
    for hit in hits:
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span.sent.start not in by_sent:
            by_sent[span.sent.start] = periods(span.sent, lex)
        period = cumulative_period(span, lex, by_sent[span.sent.start])
        if period is None:
            continue
        begin, end = doc[period[0]].idx, doc[period[1] - 1].idx + len(doc[period[1] - 1])
        hit.cumulative, hit.period = True, text_of(doc)[begin:end]
        hit.time = next((k for k, t in enumerate(times) if begin <= t.start < end), hit.time)
    for hit in hits:
        if hit.part_of is not None and hits[hit.part_of].cumulative:
            hit.cumulative, hit.period = True, hits[hit.part_of].period


def _sentence_key(doc: Doc, hit: FigureHit) -> int:
    """Where the figure's sentence starts, a line break counting as a sentence end (the parser
    sometimes runs a sentence over a paragraph break)."""
    sent = doc.char_span(hit.start, hit.end, alignment_mode="expand").sent
    return max(sent.start_char, text_of(doc).rfind("\n", 0, hit.start) + 1)


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
    mods = modifiers or load_modifiers()
    quantities = find_quantities(text_of(doc), mods, articles=True)
    starts = [q.start for q in quantities if not q.article]
    hits: list[FigureHit] = []
    last_end, following = -1, 0
    for qty in quantities:
        while following < len(starts) and starts[following] <= qty.start:
            following += 1
        next_start = starts[following] if following < len(starts) else None
        hit = _read(doc, qty, lex, mods, hits, last_end, next_start)
        if hit is not None:
            hits.append(hit)
        if hit is not None or not (qty.article or _in_time(doc, qty)):
            last_end = qty.end  # a year between two counts does not break their list
    link_subsets(doc, hits, lex)
    _mark_cumulative(doc, hits, lex)
    hits = merge_repeats(hits, [_sentence_key(doc, h) for h in hits])
    add_title_evidence(hits, title_figures((doc._.vigie_article or {}).get("title"), lex, mods))
    mark_disputes(hits, lex)
    return hits


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
