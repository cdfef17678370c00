"""Regular expressions of the dates the API accepts, exact to the day, so that the OpenAPI schema
says what the server does: a date the schema allows is one the server takes (2016-02-30 and
0065-11-13 matched the old patterns and were refused; issue 24, schemathesis)."""

from __future__ import annotations

import calendar
import datetime as dt

from vigie.dates import FIRST_YEAR

# Month and day of every month but February's 29th.
_MONTH_DAY = (r"((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)"
              r"|02-(0[1-9]|1[0-9]|2[0-8]))")
_MONTH = r"(0[1-9]|1[0-2])"
# Any year Python's dates hold (0001-9999), and the leap ones among them.
_ANY_YEAR = r"(000[1-9]|00[1-9][0-9]|0[1-9][0-9][0-9]|[1-9][0-9]{3})"
_ANY_LEAP = r"([0-9][0-9](0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"


def _years(first: int, last: int) -> str:
    """The years from `first` to `last`, a decade at a time where it can."""
    parts, year = [], first
    while year <= last:
        if year % 10 == 0 and year + 9 <= last:
            parts.append(f"{year // 10}[0-9]")
            year += 10
        else:
            parts.append(str(year))
            year += 1
    return "(" + "|".join(parts) + ")"


def query_date() -> str:
    """A `since`/`until` filter: a year, a month or a calendar day."""
    return (rf"^({_ANY_YEAR}(-{_MONTH})?|{_ANY_YEAR}-{_MONTH_DAY}|{_ANY_LEAP}-02-29)$")


def publication_date() -> str:
    """A publication date: a calendar day of a plausible year (vigie.dates), as of today."""
    last = dt.date.today().year + 1
    leap = "|".join(str(y) for y in range(FIRST_YEAR, last + 1) if calendar.isleap(y))
    return rf"^({_years(FIRST_YEAR, last)}-{_MONTH_DAY}|({leap})-02-29)$"
