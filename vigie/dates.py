"""Dates that people give vigie: command-line options, input fields, API arguments.

Strict on purpose: ISO 8601 (`2016-02-11`; a date-time keeps its date) or the French `jj/mm/aaaa`
(`11/02/2016`, day first). Anything else is refused with a reason, never ignored: a publication
date vigie cannot read silently turns off the resolution of « mardi » and « hier » (issue 22).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from vigie.errors import Errors, InputError

_FRENCH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
# A publication date is in this year or after (the first French gazette, 1631, is after it)
# and at most a year ahead (a time zone, a dateline written ahead): `0001-01-01` or `9999-12-31`
# is a placeholder, and dating an article by it would date every « mardi » in it wrong.
FIRST_YEAR = 1600
_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")


def parse_date(value: str | dt.date, *, partial: bool = False) -> str:
    """The ISO form of a date given as ISO 8601 or as the French jj/mm/aaaa.

    Args:
        value: `2016-02-11`, `2016-02-11T10:30:00+01:00`, `11/02/2016` or a `datetime.date`.
        partial: also accept a year (`2016`) or a month (`2016-02`), returned as given.

    Returns:
        `YYYY-MM-DD` (or `YYYY` / `YYYY-MM` when partial).

    Raises:
        InputError: when the value is not such a date (V015).
    """
    if isinstance(value, dt.datetime):
        return _plausible(value.date(), value, partial)
    if isinstance(value, dt.date):
        return _plausible(value, value, partial)
    text = value.strip() if isinstance(value, str) else ""
    try:
        if match := _FRENCH.fullmatch(text):
            day, month, year = map(int, match.groups())
            return _plausible(dt.date(year, month, day), value, partial)
        if partial and (match := _YEAR_MONTH.fullmatch(text)):
            if match.group(2) and not 1 <= int(match.group(2)) <= 12:
                raise ValueError(text)
            return text
        return _plausible(dt.datetime.fromisoformat(text).date(), value, partial)
    except ValueError:
        pass
    forms = "YYYY-MM-DD, YYYY-MM, YYYY" if partial else "YYYY-MM-DD"
    raise InputError(Errors.E015.format(value=value, forms=forms))


def _plausible(day: dt.date, value, partial: bool) -> str:
    """The day in ISO form; a publication date (not partial: not a query bound) must be in a
    plausible year."""
    last = dt.date.today().year + 1
    if not partial and not FIRST_YEAR <= day.year <= last:
        raise InputError(Errors.E015_YEAR.format(value=str(value), first=FIRST_YEAR, last=last))
    return day.isoformat()


def period_end(value: str) -> str:
    """The last day of the period an ISO date names: `2016` -> `2016-12-31`, `2016-02` ->
    `2016-02-29`, a day -> itself."""
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value
