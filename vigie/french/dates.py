"""Calendar arithmetic for French time expressions: periods, shifts, weekday and year choice.

Directions say where an expression without a year or week points, from the reference date:
``past`` (the last such day, the reference day included), ``future`` (the next, the reference
day included), ``nearest`` (whichever is closer; ties go to the future), ``next`` (strictly
after the reference day, as in "mercredi prochain") and ``strict_past`` (strictly before, as in
"le 14 novembre dernier").
"""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

LOGGER = logging.getLogger(__name__)

PAST, FUTURE, NEAREST, NEXT = "past", "future", "nearest", "next"
# Strictly before the reference day, as in "le 14 novembre dernier".
STRICT_PAST = "strict_past"


@dataclass(frozen=True)
class Period:
    """A resolved time: first and last day (inclusive) and the precision to print it at."""

    start: date
    end: date
    precision: str  # day | week | month | year | part-of-day | time | season | quarter

    def value(self) -> str:
        """ISO value of the start at this precision."""
        return iso(self.start, self.precision)

    def end_value(self) -> str | None:
        """ISO value of the end when the period spans more than one unit of its precision."""
        last = iso(self.end, self.precision)
        return None if last == self.value() else last


def iso(day: date, precision: str) -> str:
    """ISO 8601 text of `day` at `precision` (2016-02-11, 2016-W06, 2016-02, 2016)."""
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if precision in ("month", "quarter"):
        return f"{day.year}-{day.month:02d}"
    if precision == "year":
        return str(day.year)
    return day.isoformat()


def parse_iso(value: str | None) -> date | None:
    """The date of an ISO date or date-time string, None when it is not one."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    """Last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def whole(day: date, precision: str) -> Period:
    """The whole week, month or year containing `day` (the day itself for day-like precisions)."""
    if precision == "week":
        start = day - timedelta(days=day.weekday())
        return Period(start, start + timedelta(days=6), "week")
    if precision == "month":
        return Period(day.replace(day=1), month_end(day.year, day.month), "month")
    if precision == "quarter":
        first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return Period(first, month_end(first.year, first.month + 2), "quarter")
    if precision == "year":
        return Period(date(day.year, 1, 1), date(day.year, 12, 31), "year")
    return Period(day, day, precision)


def shift(day: date, unit: str, count: int) -> date:
    """`day` moved by `count` units (day, week, month, quarter, year)."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    if unit == "quarter":
        return day + relativedelta(months=3 * count)
    return day + relativedelta(**{f"{unit}s": count})


def weekday_near(ref: date, weekday: int, direction: str) -> date:
    """The day with ISO weekday `weekday` (Monday 0) nearest `ref` in `direction`."""
    ahead = (weekday - ref.weekday()) % 7
    if direction == NEXT:
        return ref + timedelta(days=ahead or 7)
    back = (ref.weekday() - weekday) % 7
    if direction == PAST:
        return ref - timedelta(days=back)
    if direction == FUTURE or ahead <= back:
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def year_for(ref: date, month: int, day: int, direction: str) -> int:
    """Year of a day-and-month without year: the reference year, moved back or on by the tense.

    Past tense and a date after the reference -> previous year; future tense and a date before
    the reference -> next year; otherwise (present, no verb) the reference year. `strict_past`
    and `next` also move the reference day itself ("le 14 novembre dernier" on 14 November).
    """
    candidate = _safe_date(ref.year, month, day)
    if (direction == PAST and candidate > ref) or (direction == STRICT_PAST and candidate >= ref):
        return ref.year - 1
    if (direction == FUTURE and candidate < ref) or (direction == NEXT and candidate <= ref):
        return ref.year + 1
    return ref.year


def _safe_date(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def make_date(year: int, month: int, day: int) -> date | None:
    """A valid date, or None ("31 février")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_day_month(ref: date, weekday: int, day: int, month: int | None) -> date | None:
    """The date nearest `ref` whose day of month is `day`, in `month` if given, on `weekday`.

    "jeudi 11 février" fixes the year; "jeudi 15" fixes the month. Searched up to
    WEEKDAY_SEARCH_YEARS either side; ties go to the future.
    """
    found = []
    for offset in range(-12 * WEEKDAY_SEARCH_YEARS, 12 * WEEKDAY_SEARCH_YEARS + 1):
        first = date(ref.year, ref.month, 1) + relativedelta(months=offset)
        if month is not None and first.month != month:
            continue
        candidate = make_date(first.year, first.month, day)
        if candidate and candidate.weekday() == weekday:
            found.append(candidate)
    return min(found, key=lambda d: (abs((d - ref).days), d < ref), default=None)


# Weekday + day-of-month repeats every 5-11 years for a given month; 7 years reaches one
# either side.
WEEKDAY_SEARCH_YEARS = 7


def expand_year(two_digits: int, ref: date) -> int:
    """A two-digit year in the century that puts it closest to (and not far after) the reference."""
    year = 2000 + two_digits
    return year if year <= ref.year + TWO_DIGIT_FUTURE_YEARS else year - 100


# "31/10/74" is 1974, "20/02/14" 2014: two-digit years up to 20 years after the reference are read
# in the 2000s (calibrated on Duckling's cases and news usage).
TWO_DIGIT_FUTURE_YEARS = 20
