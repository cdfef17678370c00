"""Option values checked at the edge: a value vigie cannot use is a usage error (exit 2, one
line), never a filter silently dropped (issue 22)."""

from __future__ import annotations

import typer

from vigie.errors import VigieError


def published(value: str | None) -> str | None:
    """A publication date: YYYY-MM-DD (ISO 8601) or jj/mm/aaaa, as YYYY-MM-DD."""
    return _date(value, partial=False)


def date_bound(value: str | None) -> str | None:
    """A --since/--until date: also a month (YYYY-MM) or a year (YYYY)."""
    return _date(value, partial=True)


def _date(value: str | None, *, partial: bool) -> str | None:
    from vigie.dates import parse_date

    if value is None:
        return None
    try:
        return parse_date(value, partial=partial)
    except VigieError as exc:
        raise typer.BadParameter(str(exc)) from None


def country(value: str | None) -> str | None:
    """A country as ISO alpha-3 or alpha-2 code, French or English name: its alpha-3 code."""
    from vigie.store.lookup import country_code

    if value is None:
        return None
    code = country_code(value)
    if code is None:
        raise typer.BadParameter(f"unknown country {value!r}: give an ISO code (SYR, SY) or a "
                                 "French or English name (Syrie, Syria)")
    return code


def lat_lon(value: str | None) -> tuple[float, float] | None:
    """`LAT,LON` in decimal degrees."""
    if value is None:
        return None
    try:
        lat, lon = (float(part) for part in value.split(","))
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not LAT,LON (e.g. 36.2,37.16)") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise typer.BadParameter(f"{value!r} is off the globe: latitude -90..90, longitude "
                                 "-180..180")
    return lat, lon


def status(value: str | None) -> str | None:
    """A mention status of the record (reported, claimed, denied...)."""
    from typing import get_args

    from vigie.record import Status

    if value is None:
        return None
    known = get_args(Status)
    if value.lower() not in known:
        raise typer.BadParameter(f"unknown status {value!r}: one of {', '.join(known)}")
    return value.lower()
