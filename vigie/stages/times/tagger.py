"""Tag and resolve French time expressions in a text: the grammar plus the resolvers.

Pure text in, TimeExpr out; the spaCy stage (vigie/stages/times.py) adds the verb tense.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from vigie.french.dates import NEAREST, Period
from vigie.stages.times import relative
from vigie.stages.times import resolve as absolute
from vigie.stages.times.grammar import Mention, scan
from vigie.stages.times.lexicon import fold
from vigie.stages.times.resolve import REJECT

LOGGER = logging.getLogger(__name__)

RESOLVERS = {
    "range_dm": absolute.range_dm, "range_d": absolute.range_d, "range_wd": absolute.range_wd,
    "range_y": absolute.range_y, "nth": absolute.nth, "quarter": absolute.quarter,
    "week_of": absolute.week_of, "day": absolute.day, "numeric": absolute.numeric,
    "spaced": absolute.spaced, "vague": relative.vague, "vague_rel": relative.vague_rel,
    "relday": relative.relday, "this_pod": relative.this_day, "pod": relative.this_day,
    "clock": relative.this_day, "relperiod": relative.relperiod, "offset": relative.offset,
    "later": relative.later, "lastn": relative.lastn, "nextn": relative.lastn,
    "season": relative.season, "holiday": relative.holiday, "month": relative.month,
    "year": relative.year, "bare_year": relative.year,
}

# Rules whose day is the day of the nearest earlier expression in the same sentence
# ("samedi ... dans la soirée"), or the reference day when there is none.
_FOLLOWERS = {"pod", "clock"}
_MODIFIERS = {"début": "start", "le début": "start", "mi": "mid", "milieu": "mid",
              "fin": "end", "la fin": "end"}
_SINCE = ("depuis", "dès", "à compter", "à partir")
# Words after a bare year that keep it a date ("en 2015 et", "1999, ..."): anything else that
# is a lower-case word makes it a count ("2015 soldats").
_YEAR_FOLLOWERS = {"et", "à", "au", "a", "est", "était", "ont", "où", "puis", "lors", "quand",
                   "déjà", "avait", "avaient", "ou", "par", "dans", "en", "sous", "selon"}
_QUANTITY_BEFORE = re.compile(
    r"(?:plus|moins|près|environ|quelque|quelques|les|des|sur|de|et|à)\s*$", re.IGNORECASE)


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
        if mention.rule == "bare_year" and not _year_is_date(text, mention):
            continue
        direction = direction_at(mention.start, mention.end) if direction_at else NEAREST
        expr = resolve(text, mention, ref, direction)
        if expr is not None:
            found.append(expr)
    _follow(text, found)
    return found


def resolve(text: str, mention: Mention, ref: date | None, direction: str) -> TimeExpr | None:
    """One mention resolved to a TimeExpr (None when it turns out not to be a time)."""
    groups = dict(mention.groups, _text=text[mention.start:mention.end])
    period = RESOLVERS[mention.rule](groups, ref, direction)
    if period is REJECT:
        return None
    expr = TimeExpr(mention.start, mention.end, mention.rule, period)
    _describe(expr, groups)
    return expr


def _describe(expr: TimeExpr, g: dict) -> None:
    expr.modifier = _MODIFIERS.get(fold(g.get("mod", "")))
    expr.part_of_day = fold(g["pod"]) if "pod" in g else None
    if "hh" in g:
        expr.clock = f"{int(g['hh']):02d}:{int(g.get('mm') or 0):02d}"
    pre = fold(g.get("pre", "") or g.get("_text", "").split(" ")[0])
    if expr.period and expr.period.end_value():
        expr.kind = "range"
    elif pre.startswith(_SINCE):
        expr.kind = "since"
    elif pre.startswith("jusqu"):
        expr.kind = "until"
    if g.get("anchor"):
        expr.kind = "anchored"


def _year_is_date(text: str, mention: Mention) -> bool:
    after = re.match(r"\s*([^\W\d]+)", text[mention.end:mention.end + 30])
    if after and after.group(1).islower() and after.group(1).lower() not in _YEAR_FOLLOWERS:
        return False
    return not _QUANTITY_BEFORE.search(text[max(0, mention.start - 12):mention.start])


def _follow(text: str, found: list[TimeExpr]) -> None:
    for i, expr in enumerate(found):
        if expr.rule not in _FOLLOWERS or expr.period is None:
            continue
        for prev in reversed(found[:i]):
            if re.search(r"[.!?]\s", text[prev.end:expr.start]):
                break
            if prev.period and prev.period.precision == "day" and prev.rule not in _FOLLOWERS:
                expr.period = Period(prev.period.start, prev.period.start, "day")
                break
