"""Publication date inferred from the text: dateline, latest explicit date, weekday agreement."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from vigie.french.dates import FUTURE, PAST, make_date
from vigie.stages.times.grammar import _pieces, scan
from vigie.stages.times.lexicon import TimeWords, fold, time_words
from vigie.stages.times.tagger import resolve

LOGGER = logging.getLogger(__name__)

# A dateline sits in the first lines of a wire story ("BEYROUTH, 23 octobre (Reuters) -").
DATELINE_WINDOW = 600
# Explicit dates that may bound the publication date: day-precision absolute rules only.
_ABSOLUTE = {"day", "numeric", "spaced", "range_dm"}


def _dateline() -> re.Pattern:
    return _dateline_of(time_words())


@lru_cache(maxsize=4)
def _dateline_of(w: TimeWords) -> re.Pattern:
    """The dateline pattern of a lexicon (the active one may have the users' agencies)."""
    p = _pieces(w)
    agencies = w.alt(w.data["agencies"])
    return re.compile(
        rf"(?:^|\n)\s*[A-ZÀ-Ý][A-ZÀ-Ý'’. -]+(?:\s*\([^)\n]{{0,40}}\))?,\s*(?:{p['WD']}\s+)?"
        rf"(?P<d>{p['D']})\s+(?P<m>{p['M']})(?:\s+(?P<y>{p['Y']}))?\s*\(\s*{agencies}[^)\n]{{0,30}}\)",
        re.IGNORECASE)


def infer_published(
    text: str, direction_at: Callable[[int, int], str] | None = None
) -> date | None:
    """The publication date the text supports, or None.

    A dateline wins; otherwise the latest explicit date not in a future-tense clause. Dates
    without a year take the latest explicit year of the text, or the year in which their
    weekday agrees ("jeudi 11 février").

    Args:
        text: the article text.
        direction_at: (start, end) -> past | future | nearest, from the verb tense.

    Returns:
        The inferred date, or None when nothing in the text supports one.
    """
    dates = _explicit_dates(text, direction_at)
    line = _dateline().search(text[:DATELINE_WINDOW])
    if line:
        found = _dateline_date(line, dates + _years(text), text)
        if found:
            return found
    return max(dates, default=None)


def _dateline_date(line: re.Match, dates: list[date], text: str) -> date | None:
    w = time_words()
    day, month = w.number(line["d"]), w.month(line["m"])
    if line["y"]:
        return make_date(int(line["y"]), month, day)
    years = [d.year for d in dates]
    if years:
        return make_date(max(years), month, day)
    return _lead_agreement(text[line.end(): line.end() + DATELINE_WINDOW], month, day)


def _lead_agreement(lead: str, month: int, day: int) -> date | None:
    """The dated day of a yearless dateline ("NIAMEY, 27 juillet (Reuters) -") whose weekday
    agrees with the first weekday the lead names.

    A wire lead dates its news on the dateline's day or the day before ("a annoncé jeudi", "tard
    mercredi soir"): the latest year up to today where the dateline falls on that weekday or the
    day after it.
    """
    w = time_words()
    named = next((m.groups["wd"] for m in scan(lead) if "wd" in m.groups), None)
    if named is None:
        return None
    weekday, today = w.weekdays[fold(named)], date.today()
    for year in range(today.year, today.year - AGREEMENT_YEARS, -1):
        found = make_date(year, month, day)
        if found and found <= today and (found.weekday() - weekday) % 7 in LEAD_LAG_DAYS:
            return found
    return None


def _years(text: str) -> list[date]:
    """1 January of every year the text names as a date ("en 2015")."""
    return [date(int(m.groups["y"]), 1, 1) for m in scan(text) if m.rule in ("year", "month")
            and "y" in m.groups]


def _explicit_dates(text: str, direction_at) -> list[date]:
    mentions = [m for m in scan(text) if m.rule in _ABSOLUTE and not _weekday_only(m)]
    if direction_at:  # "ce mercredi 7 janvier" is this week's, whatever the tense
        mentions = [m for m in mentions if m.groups.get("pre", "").lower() in ("ce", "cette")
                    or direction_at(m.start, m.end) != FUTURE]
    full = [e.period.end for e in (resolve(text, m, None, PAST) for m in mentions)
            if e and e.period]
    # Dates without a year take the latest full date's year ("4 et 11 février" after "1er février
    # 2016"); a bare "en 2022" says nothing about the year of "26 janvier".
    named = max((d.year for d in _years(text)), default=None)
    year = max((d.year for d in full), default=None) or _agreeing_year(mentions, named)
    if year is None:
        return full
    ref = date(year, 12, 31)
    dated = [resolve(text, m, ref, PAST) for m in mentions]
    return [e.period.end for e in dated if e and e.period]


def _weekday_only(mention) -> bool:
    g = mention.groups
    return not any(k in g for k in ("d", "d1", "d2", "d3"))


def _agreeing_year(mentions, named: int | None) -> int | None:
    """The year in which a "jeudi 11 février" falls on its weekday.

    The first such year from the latest year the text names (an article postdates the years it
    names); with no year named, the latest one up to today (live news).
    """
    w = time_words()
    today = date.today()
    years = (range(named, today.year + 1) if named
             else range(today.year, today.year - AGREEMENT_YEARS, -1))
    for m in mentions:
        g = m.groups
        if {"wd", "d", "m"} <= g.keys():  # "jeudi 11 février", "jeudi 18/08"
            month = int(g["m"]) if g["m"].isdigit() else w.month(g["m"])
            weekday, day = w.weekdays[fold(g["wd"])], w.number(g["d"])
            for year in years if 1 <= month <= 12 else ():
                found = make_date(year, month, day)
                if found and found.weekday() == weekday and found <= today:
                    return year
    return None


# How far back weekday agreement looks for a year (a weekday/day pair recurs within 11 years).
AGREEMENT_YEARS = 12
# Days between the weekday a wire lead names and its dateline: the same day or the day before.
LEAD_LAG_DAYS = (0, 1)
