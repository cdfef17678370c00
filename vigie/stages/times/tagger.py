"""Tag and resolve French time expressions in a text: the grammar plus the resolvers.

Pure text in, TimeExpr out; the spaCy stage (component.py) adds the verb tense.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from vigie.french.dates import NEAREST, Period
from vigie.stages.times import periods, relative
from vigie.stages.times import resolve as absolute
from vigie.stages.times.grammar import Mention, scan
from vigie.stages.times.lexicon import fold, time_words
from vigie.stages.times.narrative import anchor
from vigie.stages.times.resolve import REJECT

LOGGER = logging.getLogger(__name__)

RESOLVERS = {
    "range_dm": absolute.range_dm, "range_d": absolute.range_d, "range_wd": absolute.range_wd,
    "range_y": periods.range_y, "nth": absolute.nth, "quarter": absolute.quarter,
    "week_of": absolute.week_of, "day": absolute.day, "numeric": absolute.numeric,
    "spaced": absolute.spaced, "vague": relative.vague, "vague_rel": relative.vague_rel,
    "relday": relative.relday, "this_pod": relative.this_day, "pod": relative.this_day,
    "clock": relative.this_day, "relperiod": relative.relperiod, "offset": relative.offset,
    "later": relative.later, "lastn": relative.lastn, "nextn": relative.lastn,
    "season": relative.season, "holiday": relative.holiday, "month": relative.month,
    "year": relative.year, "bare_year": relative.year,
    "range_y_bare": periods.range_y, "range_m": periods.range_m, "ord_wd": absolute.ord_wd,
    "day_only": absolute.day_only, "clock_range": relative.this_day,
    "clock_bare": relative.this_day, "clock_word": relative.this_day,
    "unit_anaphor": periods.unit_anaphor, "firstn": periods.firstn, "feast": periods.feast,
    "weekend": periods.weekend, "decade": periods.decade, "year2": periods.year2,
}

_MODIFIERS = {"début": "start", "le début": "start", "mi": "mid", "milieu": "mid",
              "fin": "end", "la fin": "end"}
_SINCE = ("depuis", "dès", "à compter", "à partir")
_UNTIL = ("jusqu", "d'ici")
# Clock words and the minutes after them ("vers midi et demie").
_CLOCK_WORDS = {"midi": 12, "minuit": 0}
_HALVES = {"et demie": 30, "et quart": 15}
# Words after a bare year that keep it a date ("en 2015 et", "1999, ..."): anything else that
# is a lower-case word makes it a count ("2015 soldats").
_YEAR_FOLLOWERS = {"et", "à", "au", "a", "est", "était", "ont", "où", "puis", "lors", "quand",
                   "déjà", "avait", "avaient", "ou", "par", "dans", "en", "sous", "selon"}
_QUANTITY_BEFORE = re.compile(
    r"(?:plus|moins|près|environ|quelque|quelques|les|des|sur|et|à)\s*$", re.IGNORECASE)
# "de 1999": the word before "de" says whether the number is a year ("le séisme de 1999") or a
# count ("plus de 2000", "un bilan de 1999"; lexicon quantity_words).
_WORD_BEFORE_DE = re.compile(r"([\w'’-]+)\s+d(?:e\s+|['’]\s*)$", re.IGNORECASE)
# Before "1 h 30" with no preposition, a duration ("pendant 1 h 30", "en 2 h 15"), not a clock.
_DURATION_BEFORE = re.compile(
    r"(?:pendant|durant|en|de|d['’]|bout\s+de|dans|sous|chaque|toutes\s+les|plus|moins|"
    r"près|et|à)\s*$", re.IGNORECASE)
_DURATION_AFTER = re.compile(r"\s*(?:de|d['’])\s", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([\w'’-]+)\s*$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:»\"\n])\s*$")
# Capitals and digits glued after a number: part of a name ("la planète naine 2014 UZ224").
_CODE_AFTER = re.compile(r"\s*[A-Z]{1,4}\d")
# A month written with a capital after a capitalised word names something ("la Brigade du 4
# Avril", "la Place du 14 Juillet"); French writes the months of dates in lower case.
_MONTH_GROUPS = ("m", "m2", "m1")


@dataclass
class TimeExpr:
    """A resolved time expression (offsets into the text)."""

    start: int
    end: int
    rule: str
    period: Period | None
    modifier: str | None = None  # start | mid | end of the period ("début février")
    part_of_day: str | None = None  # "soir", "matinée"
    clock: str | None = None  # "20:00"
    kind: str = "date"  # date | range | since | until | anchored
    mention: Mention | None = field(default=None, repr=False)  # what the grammar matched
    direction: str = NEAREST  # the tense direction it was resolved in


def tag_times(text: str, ref: date | None,
              direction_at: Callable[[int, int], str] | None = None) -> list[TimeExpr]:
    """Every time expression in `text`, resolved against the reference date `ref`.

    Args:
        text: the text to read.
        ref: the publication date (None: only absolute expressions get a value).
        direction_at: (start, end) -> past | future | nearest, from the governing verb's tense;
            nearest everywhere when None.

    Returns:
        The expressions in text order.
    """
    found = []
    for mention in scan(text):
        if not _kept(text, mention):
            continue
        direction = direction_at(mention.start, mention.end) if direction_at else NEAREST
        expr = resolve(text, mention, ref, direction)
        if expr is not None:
            found.append(expr)
    anchor(text, found, ref, lambda expr, day, way: resolve(text, expr.mention, day, way))
    return found


def resolve(text: str, mention: Mention, ref: date | None, direction: str) -> TimeExpr | None:
    """One mention resolved to a TimeExpr (None when it turns out not to be a time)."""
    groups = dict(mention.groups, _text=text[mention.start:mention.end])
    period = RESOLVERS[mention.rule](groups, ref, direction)
    if period is REJECT:
        return None
    expr = TimeExpr(mention.start, mention.end, mention.rule, period, mention=mention,
                    direction=direction)
    _describe(expr, groups)
    return expr


def _describe(expr: TimeExpr, g: dict) -> None:
    expr.modifier = _MODIFIERS.get(fold(g.get("mod", "")))
    expr.part_of_day = fold(g["pod"]) if "pod" in g else None
    if "hh" in g:
        expr.clock = f"{int(g['hh']):02d}:{int(g.get('mm') or 0):02d}"
    elif "cw" in g:
        minutes = _HALVES.get(fold(g.get("half", "")), int(g.get("mm") or 0))
        expr.clock = f"{_CLOCK_WORDS[fold(g['cw'])]:02d}:{minutes:02d}"
    pre = fold(g.get("pre", "") or g.get("_text", "").split(" ")[0])
    if expr.period and expr.period.end_value():
        expr.kind = "range"
    elif pre.startswith(_SINCE):
        expr.kind = "since"
    elif pre.startswith(_UNTIL):
        expr.kind = "until"
    if g.get("anchor"):
        expr.kind = "anchored"


def _kept(text: str, mention: Mention) -> bool:
    """Whether a match is a time in its context (a year, not a count; a clock, not a duration;
    a date, not a name)."""
    if mention.rule in ("bare_year", "year2"):
        return _year_is_date(text, mention)
    if mention.rule == "clock_bare":
        return not (_DURATION_BEFORE.search(text[max(0, mention.start - 16):mention.start])
                    or _DURATION_AFTER.match(text, mention.end))
    return not _in_a_name(text, mention)


def _year_is_date(text: str, mention: Mention) -> bool:
    after = re.match(r"\s*([^\W\d]+)", text[mention.end:mention.end + 30])
    if after and after.group(1).islower() and after.group(1).lower() not in _YEAR_FOLLOWERS:
        return False
    if _CODE_AFTER.match(text, mention.end):
        return False  # "2014 UZ224": a designation, not a year
    before = text[max(0, mention.start - 40):mention.start]
    word = _WORD_BEFORE_DE.search(before)
    if word:
        quantity = {fold(w) for w in time_words().data["quantity_words"]}
        return not (fold(word.group(1)) in quantity or word.group(1)[0].isdigit())
    return not _QUANTITY_BEFORE.search(before[-12:])


def _in_a_name(text: str, mention: Mention) -> bool:
    month = next((mention.groups[k] for k in _MONTH_GROUPS if k in mention.groups), None)
    dated = {"y", "y1", "y2"} & mention.groups.keys()  # "11 Septembre 2001" is a date
    if not month or not month.istitle() or len(month) < 3 or dated:
        return False
    # "la Brigade du 4 Avril": after a capitalised word inside a sentence ("a commencé le 3
    # Juin" is a date written carelessly)
    word = _WORD_BEFORE.search(text, 0, mention.start)
    return bool(word) and word.group(1)[0].isupper() and not _SENTENCE_START.search(
        text, 0, word.start(1))
