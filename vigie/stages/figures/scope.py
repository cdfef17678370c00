"""Cumulative totals: a count over a period ("depuis 2015", "depuis le début de la guerre") is of
another scope than one event's toll, and is never set against it (docs/figures.md)."""

from __future__ import annotations

import logging
from datetime import date

from spacy.tokens import Doc, Span

from vigie.french.dates import parse_iso
from vigie.stages.common import text_of
from vigie.stages.figures.lexicon import FigureLexicon, phrase_end, words_of

LOGGER = logging.getLogger(__name__)

# How far (tokens) a period may stand from the count it scopes ("qui a fait depuis son
# insurrection en 2009, près de 36 000 morts": 8); further words belong to other clauses.
CUMULATIVE_WINDOW = 12
# Longest period phrase kept ("depuis la prise du pouvoir par les militaires": 7 words).
MAX_PERIOD_WORDS = 8
# A period that starts this many days or fewer before publication is the event's own time ("12
# morts depuis lundi", "depuis le 26 janvier" in a two-week offensive), not a cumulative scope.
MIN_CUMULATIVE_DAYS = 31
_STOPS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "«", "»", '"', "et", "mais", "où"})
# Words that open the count after a period ("depuis 2009 près de 36 000 morts").
_BOUNDS = frozenset({"près", "plus", "environ", "quelque", "presque", "au", "pas"})
_BREAKS = frozenset({";", ":", "«", "»", "mais", "tandis", "alors", "lorsque", "quand", "que",
                     "qu'", "qui", "dont"})


def _period_end(doc: Doc, start: int, stop: int, years: set[int]) -> int:
    """End of the period phrase opened at token `start` ("depuis le début de la guerre"): at a
    stop word, a verb, or a number that is no date of the period (`years`: tokens of times)."""
    end = start + 1
    while end < stop and end - start < MAX_PERIOD_WORDS and doc[end].lower_ not in _STOPS and (
            doc[end].pos_ not in ("VERB", "AUX") or end == start + 1) and (
            doc[end].lower_ not in _BOUNDS) and not (doc[end].like_num and end not in years):
        end += 1
    return end


def _starts_at(value: str | None) -> date | None:
    """First day of an ISO date, month or year ("2015", "2023-01", "2023-01-26")."""
    if not value:
        return None
    head = value[:10]
    if len(head) == 4 and head.isdigit():
        return date(int(head), 1, 1)
    if len(head) == 7 and head[:4].isdigit() and head[5:7].isdigit():
        return date(int(head[:4]), int(head[5:7]), 1)
    return parse_iso(head)


def _recent(doc: Doc, begin: int, end: int) -> bool:
    """The period's time starts within MIN_CUMULATIVE_DAYS of publication (an event's time)."""
    published = parse_iso((doc._.vigie_article or {}).get("published"))
    for hit in doc._.vigie_times or []:
        if begin <= hit.start < end:
            since = _starts_at(hit.value)
            if published is not None and since is not None:
                return (published - since).days <= MIN_CUMULATIVE_DAYS
    return False


def _clause_between(doc: Doc, lo: int, hi: int, *, verbs: int) -> bool:
    """Tokens [lo, hi) stay in one clause: no conjunction or relative opens another, and at
    most `verbs` verbs (the figure's own predicate)."""
    seen = 0
    for tok in doc[lo:hi]:
        if tok.lower_ in _BREAKS or tok.like_num:
            return False
        seen += tok.pos_ == "VERB"
    return seen <= verbs


def periods(sent: Span, lex: FigureLexicon) -> list[tuple[int, int]]:
    """Token bounds of the cumulative periods of a sentence, recent ones excluded."""
    doc, words = sent.doc, words_of(sent.doc)
    lowered = text_of(doc)[sent.start_char:sent.end_char].lower()
    if not any(max(m, key=len) in lowered for m in lex.cumulative_markers):
        return []  # most sentences name no period: no token scan
    places = {s for p in doc._.vigie_places or [] for s, _ in p.mentions}
    years = {tok.i for t in doc._.vigie_times or [] if sent.start_char <= t.start < sent.end_char
             for tok in doc.char_span(t.start, t.end, alignment_mode="expand") or ()}
    found = []
    i = sent.start
    while i < sent.end:
        end = phrase_end(words, i, sent.end, lex.cumulative_markers_by_first)
        if end is None or end >= sent.end or doc[end].idx in places:
            i += 1
            continue  # "depuis Kaboul": a place, not a period
        stop = _period_end(doc, end - 1, sent.end, years)
        if not _recent(doc, doc[i].idx, doc[stop - 1].idx + len(doc[stop - 1])):
            found.append((i, stop))
        i = stop
    return found


def cumulative_period(span: Span, lex: FigureLexicon,
                      found: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The period (token bounds) that makes the count of `span` cumulative, or None.

    Args:
        span: the numeral's tokens.
        lex: the figures lexicon.
        found: `periods(span.sent, lex)`.
    """
    for start, end in found:
        # a period that opens the sentence scopes its whole clause, verb included ("Depuis
        # 2015, les rebelles ont tué plus de 3 000 civils")
        fronted = start == span.sent.start
        if end <= span.start and span.start - end <= CUMULATIVE_WINDOW and _clause_between(
                span.doc, end, span.start, verbs=1 if fronted else 0):
            return start, end  # "qui a fait depuis 2009, près de 36 000 morts"
        if start >= span.end and start - span.end <= CUMULATIVE_WINDOW and _clause_between(
                span.doc, span.end, start, verbs=1):
            return start, end  # "618 personnes avaient été tuées depuis la prise du pouvoir"
    return None
