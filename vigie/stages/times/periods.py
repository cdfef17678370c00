"""Resolvers for spans of time: month ranges, first/last units of a period, decades, week-ends,
movable feasts, two-digit years, and the quarter or month that reported figures cover."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from dateutil.easter import easter

from vigie.french.dates import FUTURE, NEXT, PAST, Period, expand_year, shift, whole, year_for
from vigie.stages.times.lexicon import fold, time_words
from vigie.stages.times.resolve import REJECT, _year

LOGGER = logging.getLogger(__name__)

_W = time_words
_SATURDAY = 5


def range_y(g, ref, direction):
    """"de 2011 à 2014", "la période 1975-1985", "1975-85"."""
    y1 = int(g["y1"])
    if "yy2" in g:
        y2 = y1 // 100 * 100 + int(g["yy2"])
    else:
        y2 = int(g["y2"])
    return Period(date(y1, 1, 1), date(y2, 12, 31), "year") if y1 < y2 <= y1 + 100 else REJECT


def range_m(g, ref, direction):
    """"mars-avril", "de juin à septembre 2015": the first month to the last, whole."""
    w = _W()
    m1, m2 = w.month(g["m1"]), w.month(g["m"])
    year = _year(g, "y", ref)
    if year is None:
        if ref is None:
            return None
        year = year_for(ref, m2, 15, direction)
    start = date(year if m1 <= m2 else year - 1, m1, 1)
    return Period(start, whole(date(year, m2, 1), "month").end, "month")


def firstn(g, ref, direction):
    """"les quatre premiers mois de l'année", "les dix derniers jours de mars": units counted from
    the start (or back from the end) of the year or month named."""
    container = _container(g, ref, direction)
    if container is None:
        return None
    unit, count = _W().units[fold(g["u"])], _W().number(g["n"])
    if fold(g["dir"]).startswith("premi"):
        first = whole(container.start, unit)
        last = whole(shift(container.start, unit, count - 1), unit)
    else:
        last = whole(container.end, unit)
        first = whole(shift(container.end, unit, 1 - count), unit)
    if last.end > container.end or first.start < container.start:
        return REJECT  # "les 14 premiers mois de l'année"
    return Period(first.start, last.end, "month" if unit == "quarter" else unit)


def _container(g, ref, direction) -> Period | None:
    """The year or month that firstn counts within ("de l'année" is the reference year)."""
    month_word = g.get("m") or g.get("m2") or g.get("m3")
    year = next((int(g[k]) for k in ("y", "y2", "y3", "y4") if k in g), None)
    if month_word:
        number = _W().month(month_word)
        if year is None:
            if ref is None:
                return None
            year = year_for(ref, number, 15, direction)
        return whole(date(year, number, 1), "month")
    if "du mois" in fold(g["_text"]):
        return None if ref is None else whole(ref, "month")
    if year is None and ref is None:
        return None
    return whole(date(year or ref.year, 1, 1), "year")


def decade(g, ref, direction):
    """"les années 1990", "dans les années 80" (two digits: the 1900s)."""
    number = int(g["dec"])
    first = number if number >= 100 else 1900 + number
    return Period(date(first, 1, 1), date(first + 9, 12, 31), "year")


def weekend(g, ref, direction):
    """"ce week-end", "le week-end dernier": Saturday and Sunday."""
    if ref is None:
        return None
    mod = fold(g.get("mod") or g.get("mod1") or "")
    this = ref + timedelta(days=_SATURDAY - ref.weekday())  # the Saturday of the reference's week
    in_it = ref.weekday() >= _SATURDAY
    if mod in ("dernier", "passé"):
        saturday = this - timedelta(days=7)
    elif mod == "prochain":
        saturday = this + timedelta(days=7) if in_it else this
    elif in_it or direction in (FUTURE, NEXT):
        saturday = this  # "ce week-end" said on a Saturday or a Sunday: this one
    elif direction == PAST or ref.weekday() <= 1:
        saturday = this - timedelta(days=7)  # nearest: Monday and Tuesday look back
    else:
        saturday = this
    return Period(saturday, saturday + timedelta(days=1), "day")


def feast(g, ref, direction):
    """"Pâques", "la Pentecôte 2015", "lundi de Pâques": days from Easter Sunday."""
    offsets = {fold(k): v for k, v in _W().data["movable_feasts"].items()}
    offset = offsets[fold(g["f"])]
    year = _year(g, "y", ref)
    if year is None:
        if ref is None:
            return None
        year = _feast_year(ref, offset, direction)
    day = easter(year) + timedelta(days=offset)
    return Period(day, day, "day")


def _feast_year(ref: date, offset: int, direction: str) -> int:
    this = easter(ref.year) + timedelta(days=offset)
    if direction == PAST and this > ref:
        return ref.year - 1
    if direction in (FUTURE, NEXT) and this < ref:
        return ref.year + 1
    return ref.year


def year2(g, ref, direction):
    """"en 95", "depuis 12": a two-digit year after a preposition of years."""
    year = expand_year(int(g["yy"]), ref or date.today())
    return whole(date(year, 1, 1), "year")


def unit_anaphor(g, ref, direction):
    """"sur le trimestre", "au cours du mois": the latest whole quarter (month) before the
    reference, the one whose figures a report gives."""
    if ref is None:
        return None
    unit = "quarter" if fold(g["ua"]) == "trimestre" else "month"
    return whole(shift(ref, unit, -1), unit)
