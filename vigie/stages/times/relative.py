"""Resolvers for relative and vague expressions ("hier", "il y a trois jours", "début février")."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from vigie.french.dates import Period, make_date, shift, whole, year_for
from vigie.stages.times.lexicon import fold, time_words
from vigie.stages.times.resolve import RECENT_COUNT, REJECT, _year

LOGGER = logging.getLogger(__name__)

_W = time_words


# "ces derniers mois" without a count: said at the grain above the unit (a few months back is
# "this year" to a reader; the count is a guess). Days and weeks keep RECENT_COUNT units.
VAGUE_GRAIN = {"month": "year"}


def _count(g) -> int:
    return _W().number(g["n"]) if "n" in g else RECENT_COUNT


def _unit(g) -> str:
    return _W().units[fold(g["u"])]


def relday(g, ref, direction):
    """"hier", "avant-hier soir", "le lendemain du 13 février"."""
    step = day_offsets()[fold(g["rel"])]
    if "d" in g:
        base = make_date(ref.year, _W().month(g["m"]), _W().number(g["d"])) if ref else None
        if base is None:
            return None
        day = base + timedelta(days=step)
        return Period(day, day, "day")
    if ref is None:
        return None
    day = ref + timedelta(days=step)
    return Period(day, day, "day")


def day_offsets() -> dict[str, int]:
    """Offsets in days of the relative ("hier") and anaphoric ("la veille") day words."""
    data = _W().data
    return {fold(k): v for k, v in [*data["relative_days"].items(),
                                    *data["anaphoric_days"].items()]}


def is_anaphoric(word: str) -> bool:
    """Whether a relative day word counts from the day the story last named ("le lendemain")."""
    return fold(word) in {fold(k) for k in _W().data["anaphoric_days"]}


def this_day(g, ref, direction):
    """"ce soir", "dans la soirée", "à 20 heures": the reference day (the stage may re-anchor)."""
    return None if ref is None else Period(ref, ref, "day")


def relperiod(g, ref, direction):
    """"la semaine dernière", "le mois prochain", "cette année"."""
    if ref is None:
        return None
    table = {fold(k): v for k, v in _W().data["relative_periods"].items()}
    unit, step = table[fold(g["rp"])]
    return whole(shift(ref, unit, step), unit)


def offset(g, ref, direction):
    """"il y a trois jours", "dans deux mois", "depuis leur lancement voici un mois"."""
    if ref is None:
        return None
    sign = 1 if fold(g["dir"]) in ("dans", "d'ici") else -1
    return _offset_period(ref, _unit(g), sign * _W().number(g["n"]))


def later(g, ref, direction):
    """"deux jours plus tard", "trois semaines auparavant"."""
    if ref is None:
        return None
    sign = 1 if fold(g["dir"]) in ("plus tard", "après") else -1
    return _offset_period(ref, _unit(g), sign * _W().number(g["n"]))


def _offset_period(ref: date, unit: str, count: int) -> Period:
    # Counts of days, weeks and months land on a day, counts of years on a month (Duckling's grain).
    day = shift(ref, unit, count)
    return whole(day, "month") if unit == "year" else Period(day, day, "day")


def lastn(g, ref, direction):
    """"les 2 derniers mois", "3 prochaines semaines", "ces derniers jours": whole units, not
    ref's."""
    if ref is None:
        return None
    unit, count = _unit(g), _count(g)
    forward = fold(g["dir"]).startswith(("prochain", "suivant"))
    first, last = (1, count) if forward else (-count, -1)
    precision = "month" if unit == "quarter" else unit
    if "n" not in g:  # "ces derniers mois": how many is not said; the grain above says it
        precision = VAGUE_GRAIN.get(unit, precision)
    return Period(whole(shift(ref, unit, first), unit).start,
                  whole(shift(ref, unit, last), unit).end, precision)


def season(g, ref, direction):
    """"au printemps 2015", "cet été", "l'hiver dernier": the season's first to last day."""
    bounds = {fold(k): v for k, v in _W().data["seasons"].items()}[fold(g["s"])]
    (m1, d1), (m2, d2) = bounds
    year = _year(g, "y", ref)
    if year is None:
        if ref is None:
            return None
        year = ref.year - 1 if m1 > m2 and ref.month <= m2 else ref.year
        year += {"dernier": -1, "prochain": 1}.get(fold(g.get("rel", "")), 0)
    return Period(date(year, m1, d1), date(year + (m1 > m2), m2, d2), "season")


def holiday(g, ref, direction):
    """"Noël", "la Toussaint 2015", "fête du travail"."""
    month, day = {fold(k): v for k, v in _W().data["holidays"].items()}[fold(g["h"])]
    year = _year(g, "y", ref) or (year_for(ref, month, day, direction) if ref else None)
    return None if year is None else Period(date(year, month, day), date(year, month, day), "day")


def month(g, ref, direction):
    """"en mars", "novembre 2011", "au mois de mai", "en mars dernier" (the last March before
    this month), "en mars prochain" (the first after it)."""
    number = _W().month(g["m"])
    year = _year(g, "y", ref)
    if year is None and ref is not None:
        mod = fold(g.get("mod", ""))
        if mod in ("dernier", "passé"):
            year = ref.year - 1 if number >= ref.month else ref.year
        elif mod == "prochain":
            year = ref.year + 1 if number <= ref.month else ref.year
        else:
            year = year_for(ref, number, 15, direction)
    return None if year is None else whole(date(year, number, 1), "month")


def vague(g, ref, direction):
    """"début février", "mi-mars", "fin 2015": the whole month or year (modifier kept apart)."""
    if "y2" in g:
        return whole(date(int(g["y2"]), 1, 1), "year")
    return month(g, ref, direction)


def vague_rel(g, ref, direction):
    """"en fin de semaine", "au début du mois": the whole current week, month or year."""
    if ref is None:
        return None
    unit = {"semaine": "week", "mois": "month"}.get(fold(g["u"]), "year")
    return whole(ref, unit)


def year(g, ref, direction):
    """"en 2015", "depuis 2011", "1999"."""
    return whole(date(int(g["y"]), 1, 1), "year")


def rejected(g, ref, direction):
    """A match that is never a time by itself."""
    return REJECT
