"""Times: French temporal expressions, normalised against the publication date.

The grammar and resolvers live beside it in this package (pure text); this stage adds what
needs the parse: the tense of the verb that governs each expression (which way a bare weekday
points) and the publication date inferred when the input gives none. See docs/times.md.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from vigie.french.dates import parse_iso
from vigie.stages.common import article_of, guarded, text_of
from vigie.stages.times.lexicon import active_files, time_words
from vigie.stages.times.published import infer_published
from vigie.stages.times.tagger import TimeExpr, tag_times
from vigie.stages.times.tense import tense_direction

LOGGER = logging.getLogger(__name__)



@dataclass
class TimeHit:
    text: str
    start: int
    end: int
    value: str | None = None
    end_value: str | None = None
    precision: str | None = None  # day | week | month | year | season (grain of value)
    kind: str = "date"  # date | range | since | until | anchored
    modifier: str | None = None  # start | mid | end ("début février" -> month, start)
    part_of_day: str | None = None  # "soir" for "jeudi soir" (value stays the day)
    clock: str | None = None  # "20:00"
    tense: str | None = None  # past | future | nearest: the direction used to resolve it


def find_times(doc: Doc, published: str | None,
               tenses: dict[tuple[int, int], str] | None = None) -> list[TimeHit]:
    """Temporal expressions in the doc, resolved against `published` (ISO date or None).

    Args:
        doc: a parsed Doc.
        published: publication date; relative expressions get no value when None.
        tenses: tense directions already read from the parse, by (start, end); filled in.

    Returns:
        One TimeHit per expression, in text order.
    """
    tenses = {} if tenses is None else tenses
    directions: dict[tuple[int, int], str] = {}

    def direction_at(start: int, end: int) -> str:
        directions[start, end] = _tense(doc, tenses, start, end)
        return directions[start, end]

    exprs = tag_times(text_of(doc), parse_iso(published), direction_at)
    return [_hit(text_of(doc), e, directions.get((e.start, e.end))) for e in exprs]


def _tense(doc: Doc, tenses: dict[tuple[int, int], str], start: int, end: int) -> str:
    if (start, end) not in tenses:
        tenses[start, end] = tense_direction(doc, start, end)
    return tenses[start, end]


def _hit(text: str, expr: TimeExpr, tense: str | None) -> TimeHit:
    period = expr.period
    return TimeHit(
        text=text[expr.start:expr.end], start=expr.start, end=expr.end,
        value=period.value() if period else None,
        end_value=period.end_value() if period else None,
        precision=period.precision if period else None,
        kind=expr.kind, modifier=expr.modifier, part_of_day=expr.part_of_day,
        clock=expr.clock, tense=tense,
    )


def event_time(doc: Doc, start: int, end: int) -> int | None:
    """Index in doc._.vigie_times of the time that dates the event in text[start:end].

    The most precise expression inside the clause wins (a day over a month or a year); among
    equals, the first. None when the clause has no time expression.
    """
    best, best_rank = None, None
    for i, time in enumerate(doc._.vigie_times or []):
        if start <= time.start < end and time.value:
            rank = _PRECISION_RANK.get(time.precision or "", 9)
            if best_rank is None or rank < best_rank:
                best, best_rank = i, rank
    return best


_PRECISION_RANK = {"day": 0, "week": 1, "season": 2, "month": 3, "quarter": 3, "year": 4}


def _with_published(doc: Doc) -> list[TimeHit]:
    article = article_of(doc)
    tenses: dict[tuple[int, int], str] = {}  # both passes read the tense of the same spans
    if not article.get("published"):
        inferred = infer_published(text_of(doc), lambda s, e: _tense(doc, tenses, s, e))
        if inferred:
            article["published"] = inferred.isoformat()
            article["published_inferred"] = True
    return find_times(doc, article.get("published"), tenses)


class TimesComponent:
    def __init__(self, nlp: Language, name: str, *, kb_files: Sequence[str] = ()):
        self.name = name
        self.kb_files = tuple(kb_files)
        time_words(self.kb_files)  # read and check the users' files when the pipeline loads

    def __call__(self, doc: Doc) -> Doc:
        if not self.kb_files:
            doc._.vigie_times = guarded(doc, self.name, lambda: _with_published(doc), [])
            return doc
        with active_files(self.kb_files):  # the grammar and resolvers read the users' words
            doc._.vigie_times = guarded(doc, self.name, lambda: _with_published(doc), [])
        return doc


@Language.factory("vigie_times", assigns=["doc._.vigie_times"], default_config={"kb_files": []})
def make_times(nlp: Language, name: str, kb_files: list[str]) -> TimesComponent:
    return TimesComponent(nlp, name, kb_files=kb_files)
