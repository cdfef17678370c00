"""Narrative anchoring: expressions dated by the day the story last named, not the publication.

"Jeudi, des tirs ont éclaté. Vers 1 h 20, ..." : the clock time is Thursday's. A part of day or
a clock time takes the day the text last named (in its sentence, or before it within the days
the story covers), else the reference day; an anaphoric day ("le lendemain", "la veille", "le
même jour", "deux jours plus tard", "Le 16,") counts from the day last named. A bare weekday
that an explicit date of the text names ("lundi 9 mai", then "lundi") is that date, when it is
within a week of the reference and the tense allows it. A month or a date without its year
takes the year that frames its sentence ("En 2022, ... de juin à octobre").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date

from vigie.french.dates import FUTURE, PAST, Period
from vigie.stages.times.lexicon import fold, time_words
from vigie.stages.times.relative import is_anaphoric

LOGGER = logging.getLogger(__name__)

# Rules whose day is the day last named ("dans la soirée", "vers 23 h 30", "à minuit").
FOLLOWERS = frozenset({"pod", "clock", "clock_range", "clock_bare", "clock_word"})
# Rules that count from the day last named, re-resolved against it.
_ANAPHORS = frozenset({"later", "day_only"})
# Kinds that bound a period rather than name the story's day ("depuis le 3 janvier").
_NOT_NAMED = frozenset({"since", "until", "anchored"})
# The days a news story covers, either side of the reference: a bare weekday repeats an explicit
# date of the text only within them, and a part of day in a later sentence attaches only to a
# day named within them. Calibrated on the development corpus: the dates a story compares with
# (a march eight days earlier) fall outside, the story's own days inside.
STORY_DAYS = 7
_SENTENCE_END = re.compile(r"[.!?]\s")
# "En 2022, une sécheresse avait duré de juin à octobre": the months are 2022's. Years after these
# words frame the rest of their sentence; "depuis 2011" or "la loi de 2020" do not.
_FRAMING = frozenset({"en", "courant", "au cours de", "pendant", "durant", "l'an", "l'année"})
_YEARLESS = frozenset({"month", "range_m", "vague", "range_dm", "day", "season", "holiday",
                       "feast", "nth", "week_of", "numeric"})
_YEARS = frozenset({"y", "y1", "y2", "y3", "yy", "yy2"})
# After a relative day word: "de", "du", "des", "d'": it counts from an event.
_OF = re.compile(r"\s+(?:de|du|des|d['’])\s*(?!\d)", re.IGNORECASE)


def anchor(text: str, found: list, ref: date | None, resolve_at: Callable) -> None:
    """Re-date `found` (TimeExpr, in text order) by the days the story names, in place.

    Args:
        text: the text the expressions are in.
        found: the resolved expressions, in text order.
        ref: the reference (publication) date, or None.
        resolve_at: (expr, reference day, direction) -> the expression resolved again.
    """
    explicit = [e.period.start for e in found if _explicit_day(e)]
    last = recent = None  # the last day named (expression), and the last one near `ref`
    frame = None  # the last "en 2022" of the text: a year that frames its sentence
    for i, expr in enumerate(found):
        if frame is not None and _yearless(expr) and not _SENTENCE_END.search(
                text, frame.end, expr.start):
            again = resolve_at(expr, date(frame.period.start.year, 12, 31), PAST)
            if again is not None:
                found[i] = expr = again
        if expr.rule == "year" and fold(expr.mention.groups["pre"]) in _FRAMING:
            frame = expr
        if expr.rule in FOLLOWERS:
            day = _day_for(text, expr, last, recent)
            if day is not None:
                expr.period = Period(day, day, "day")
            continue
        if _anaphoric(expr):
            if _of_an_event(text, expr):
                expr.period = None  # "au lendemain du sommet": the day of an event not dated
            elif last is not None:
                again = resolve_at(expr, last.period.end, expr.direction)
                if again is not None:
                    found[i] = expr = again
        elif ref is not None and _bare_weekday(expr):
            same = _same_weekday(expr, explicit, ref)
            if same is not None:
                expr.period = Period(same, same, "day")
        if expr.period and expr.period.precision == "day" and expr.kind not in _NOT_NAMED:
            last = expr
            if ref is None or abs((expr.period.end - ref).days) <= STORY_DAYS:
                recent = expr


def _day_for(text: str, expr, last, recent) -> date | None:
    """The day of a follower: the last day named in its sentence, else the last one named near
    the reference (a day named long before, "le 1er janvier" in February, is background)."""
    if last is not None and not _SENTENCE_END.search(text, last.end, expr.start):
        return last.period.end
    return recent.period.end if recent is not None else None


def _yearless(expr) -> bool:
    """A month or a day of a month without its year ("de juin à octobre", "le 3 mars")."""
    groups = expr.mention.groups if expr.mention else {}
    if _YEARS & groups.keys() or expr.rule not in _YEARLESS:
        return False
    return expr.rule != "day" or "m2" in groups or "m" in groups


def _anaphoric(expr) -> bool:
    if expr.rule in _ANAPHORS:
        return True
    groups = expr.mention.groups if expr.mention else {}
    return expr.rule == "relday" and "d" not in groups and is_anaphoric(groups["rel"])


def _of_an_event(text: str, expr) -> bool:
    """"au lendemain du sommet", "la veille de son départ": counted from an event, not a day."""
    return expr.rule == "relday" and bool(_OF.match(text, expr.end))


def _explicit_day(expr) -> bool:
    groups = expr.mention.groups if expr.mention else {}
    return (expr.rule in ("day", "numeric") and expr.period is not None
            and expr.period.precision == "day" and any(k in groups for k in ("d", "d2", "d3")))


def _bare_weekday(expr) -> bool:
    groups = expr.mention.groups if expr.mention else {}
    return expr.rule == "day" and "wd" in groups and not ({"d", "mod"} & groups.keys())


def _same_weekday(expr, explicit: list[date], ref: date) -> date | None:
    """The explicit date of the text on the weekday, near `ref`, that the tense allows."""
    weekday = time_words().weekdays[fold(expr.mention.groups["wd"])]
    same = [d for d in explicit if d.weekday() == weekday and abs((d - ref).days) <= STORY_DAYS
            and not (expr.direction == PAST and d > ref)
            and not (expr.direction == FUTURE and d < ref)]
    return same[0] if same else None

