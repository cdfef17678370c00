"""Resolvers: one per grammar rule, from a Mention's groups to a Period against a reference date.

A resolver returns a Period, None (a time expression that cannot be dated: no reference date)
or REJECT (the match is not a time expression after all: "31 février", "17 2").
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from vigie.french.dates import (
    FUTURE,
    NEXT,
    PAST,
    STRICT_PAST,
    Period,
    expand_year,
    make_date,
    month_end,
    shift,
    weekday_day_month,
    weekday_near,
    whole,
    year_for,
)
from vigie.stages.times.lexicon import fold, time_words

LOGGER = logging.getLogger(__name__)

REJECT = object()

# "ces derniers jours" / "ces dernières semaines" without a count: read as three units
# (a middle reading of "a few"; no gold evidence either way).
RECENT_COUNT = 3

_W = time_words


def _num(text: str) -> int:
    return _W().number(text)


def _year(g: dict, key: str, ref: date | None) -> int | None:
    if key not in g:
        return None
    year = int(g[key])
    return expand_year(year, ref or date.today()) if year < 100 else year


def _dm(ref: date | None, day: int, month: int, year: int | None, direction: str) -> date | None:
    if not 1 <= day <= 31 or not 1 <= month <= 12:
        return None
    if year is None:
        if ref is None:
            return None
        year = year_for(ref, month, day, direction)
    return make_date(year, month, day)


def _day_period(day: date | None, precision: str = "day"):
    return REJECT if day is None else Period(day, day, precision)


def _mod_direction(g, direction: str) -> str:
    """"dernier(s)" and "prochain(s)" after a date override the tense: strictly before, after."""
    mod = fold(g.get("mod", ""))
    if mod.startswith(("dernier", "passé")):
        return STRICT_PAST
    return NEXT if mod.startswith("prochain") else direction


def range_dm(g, ref, direction):
    direction = _mod_direction(g, direction)
    w = _W()
    # The second day's groups are d/m/y (with wd) so that weekday agreement reads them too.
    m2, d1, d2 = w.month(g["m"]), _num(g["d1"]), _num(g["d"])
    m1 = w.month(g["m1"]) if "m1" in g else m2
    y2 = _year(g, "y", ref) or _year(g, "y1", ref)
    end = _dm(ref, d2, m2, y2, direction)
    if end is None:
        return None if ref is None and y2 is None else REJECT
    y1 = _year(g, "y1", ref) or (end.year - 1 if m1 > m2 else end.year)
    start = make_date(y1, m1, d1)
    return Period(start, end, "day") if start and start <= end else REJECT


def range_d(g, ref, direction):
    if ref is None:
        return None
    start = make_date(ref.year, ref.month, _num(g["d1"]))
    end = make_date(ref.year, ref.month, _num(g["d2"]))
    return Period(start, end, "day") if start and end and start < end else REJECT


def range_wd(g, ref, direction):
    if ref is None:
        return None
    w = _W()
    start = weekday_near(ref, w.weekdays[fold(g["wd1"])], direction)
    gap = (w.weekdays[fold(g["wd2"])] - start.weekday()) % 7
    return Period(start, start + timedelta(days=gap), "day")


def _month_of(g, ref, direction) -> tuple[int, int] | None:
    """(year, month) from a month word and optional year, or from "mois prochain"/"ce mois"."""
    if "m" in g:
        month = _W().month(g["m"])
        year = _year(g, "y", ref)
        if year is None and ref is not None:
            year = year_for(ref, month, 15, direction)
        return (year, month) if year else None
    if ref is None:
        return None
    rel = fold(g["rel"])
    step = 1 if ("prochain" in rel or "suivant" in rel) else -1 if "dernier" in rel else 0
    first = shift(ref.replace(day=1), "month", step)
    return first.year, first.month


def nth(g, ref, direction):
    ym = _month_of(g, ref, direction)
    if ym is None:
        return None
    year, month = ym
    o, what = _num(g["o"]), fold(g["what"])
    if what == "jour":
        day = month_end(year, month) if o == -1 else make_date(year, month, o)
        return _day_period(day)
    if what == "quinzaine":
        start = date(year, month, 1 if o == 1 else 15)
        return Period(start, date(year, month, 14) if o == 1 else month_end(year, month), "day")
    if what == "semaine":
        return _nth_week(year, month, o)
    return _day_period(_nth_weekday(year, month, _W().weekdays[what], o))


def _nth_weekday(year: int, month: int, weekday: int, o: int) -> date | None:
    if o == -1:
        last = month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (o - 1))
    return day if day.month == month else None


def _nth_week(year: int, month: int, o: int):
    """The o-th (or last) full Monday-to-Sunday week inside the month."""
    monday = _nth_weekday(year, month, 0, 1 if o == -1 else o)
    if o == -1:
        last = month_end(year, month)
        monday = last - timedelta(days=(last.weekday() + 1) % 7 + 6)
    return REJECT if monday is None else Period(monday, monday + timedelta(days=6), "week")


def quarter(g, ref, direction):
    o, year = _num(g["o"]), _year(g, "y", ref)
    if not (o == -1 or 1 <= o <= 4):
        return REJECT
    if year is None and o == -1:
        return None if ref is None else whole(shift(ref, "quarter", -1), "quarter")
    year = year or (ref.year if ref else None)
    if year is None:
        return None
    first = date(year, 3 * ((4 if o == -1 else o) - 1) + 1, 1)
    return whole(first, "quarter")


def week_of(g, ref, direction):
    """"la semaine du 7 octobre": its ISO week; a week named by its Sunday starts that Sunday,
    so it is mostly the following ISO week ("la semaine du 6 octobre" 2013)."""
    day = _dm(ref, _num(g["d"]), _W().month(g["m"]), _year(g, "y", ref), direction)
    if day is None:
        return None if ref is None else REJECT
    return whole(day + timedelta(days=1) if day.weekday() == 6 else day, "week")


def day(g, ref, direction):
    """Weekday and/or day-month: "jeudi soir", "mardi 05 septembre", "1er février 2016"."""
    w = _W()
    if "d2" in g:
        year = _year(g, "y2", ref)
        found = _dm(ref, _num(g["d2"]), w.month(g["m2"]), year, _mod_direction(g, direction))
        return None if found is None and ref is None and year is None else _day_period(found)
    weekday = w.weekdays[fold(g["wd"])]
    if "d" in g:
        return _weekday_date(g, weekday, ref, direction)
    if ref is None:
        return None
    return _day_period(_weekday_mod(weekday, fold(g.get("mod", "")), ref, direction))


def _weekday_date(g, weekday: int, ref: date | None, direction: str):
    w = _W()
    day_num, month = _num(g["d"]), w.month(g["m"]) if "m" in g else None
    year = _year(g, "y", ref)
    if year is not None and month is not None:
        return _day_period(make_date(year, month, day_num))
    if ref is None:
        return None
    found = weekday_day_month(ref, weekday, day_num, month)
    if found is None and month is not None:  # the weekday disagrees: trust the date
        found = _dm(ref, day_num, month, None, direction)
    return _day_period(found)


def _weekday_mod(weekday: int, mod: str, ref: date, direction: str) -> date:
    """A weekday with its modifier ("dernier", "prochain", "en huit", "la semaine prochaine")."""
    monday = ref - timedelta(days=ref.weekday())
    if mod in ("dernier", "passé"):
        return weekday_near(ref - timedelta(days=1), weekday, PAST)
    if mod == "prochain":
        return weekday_near(ref, weekday, NEXT)
    if mod.startswith("en "):
        days = 14 if mod[3:] in ("quinze", "15") else 7
        return weekday_near(ref + timedelta(days=days), weekday, FUTURE)
    if mod == "cette semaine":
        return monday + timedelta(days=weekday)
    if "dernière" in mod or "passée" in mod:
        return monday - timedelta(days=7 - weekday)
    if mod:  # suivant, d'après, (de) la semaine prochaine / suivante / d'après
        return monday + timedelta(days=7 + weekday)
    return weekday_near(ref, weekday, direction)


def numeric(g, ref, direction):
    """11/02/2016, 11.02.2016, 2016-02-11, 17/02."""
    for suffix in ("", "2", "3"):
        if "d" + suffix in g:
            d, m = int(g["d" + suffix]), int(g["m" + suffix])
            year = _year(g, "y" + suffix, ref)
            found = _dm(ref, d, m, year, direction)
            return None if found is None and ref is None and year is None else _day_period(found)
    return REJECT


def spaced(g, ref, direction):
    """"le 17 02", "20 02 2014": digits apart are a date only with "le" or a year."""
    if "le" not in g and "y" not in g:
        return REJECT
    if int(g["m"]) > 12:
        return REJECT
    return numeric(g, ref, direction)


def ord_wd(g, ref, direction):
    """"le onzième samedi (de grève)": that weekday, by the tense ("le dernier samedi":
    strictly before)."""
    if ref is None:
        return None
    weekday = _W().weekdays[fold(g["wd"])]
    if _num(g["o"]) == -1:
        return _day_period(weekday_near(ref - timedelta(days=1), weekday, PAST))
    return _day_period(weekday_near(ref, weekday, direction))


def day_only(g, ref, direction):
    """"Le 16, ...": the 16th of the reference's month or the one before or after, in the
    direction of the tense (nearest: the closest). The stage re-reads it against the day the
    story last named ("Le 14 mars, ... Le 16, ...")."""
    if ref is None:
        return None
    number = _num(g["dn"])
    first = ref.replace(day=1)
    found = [d for step in (-1, 0, 1) if (d := _in_month(shift(first, "month", step), number))]
    if direction == PAST:
        found = [d for d in found if d <= ref]
    elif direction in (FUTURE, NEXT):
        found = [d for d in found if d >= ref]
    best = min(found, key=lambda d: (abs((d - ref).days), d < ref), default=None)
    return _day_period(best)


def _in_month(first: date, number: int) -> date | None:
    return make_date(first.year, first.month, number)
