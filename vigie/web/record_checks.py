"""Checks on a record sent to POST /api/documents, beyond its JSON Schema: offsets inside the
text and numbers the database can hold. A record from `vigie extract` always passes."""

from __future__ import annotations

import math

from vigie.record import DocumentRecord

# SQLite and PostgreSQL integers are 64-bit signed.
MAX_INT = 2**63 - 1
# Larger counts are not figures of any real event; floats beyond would lose integer precision.
MAX_VALUE = 1e15


def check_record(record: DocumentRecord) -> None:
    """Raise ValueError naming the first item that points outside the text or overflows, or
    the field `vigie ingest --records` would refuse (a lone surrogate, metadata nested too deep,
    a publication date that is no date: a 500 before, issue 24).

    Args:
        record: the record to store.

    Raises:
        ValueError: with the item id and the problem.
    """
    from vigie.errors import InputError
    from vigie.readers.checks import check_record_fields

    try:
        check_record_fields(record)
    except InputError as exc:
        raise ValueError(str(exc)) from None
    size = len(record.text)
    for kind in ("times", "quotes", "figures", "events"):
        for item in getattr(record, kind):
            _span(item.id, item.start, item.end, size)
    for item in (*record.actors, *record.places, *record.events):
        for start, end in item.mentions:
            _span(item.id, start, end, size)
    for place in record.places:
        if place.geonameid is not None and not 0 <= place.geonameid <= MAX_INT:
            raise ValueError(f"{place.id}: geonameid out of range")
        _number(place.id, place.lat, 90)
        _number(place.id, place.lon, 180)
    for figure in record.figures:
        for value in (figure.value, figure.low, figure.high):
            _number(figure.id, value, MAX_VALUE)


def _span(item_id: str, start: int, end: int, size: int) -> None:
    if not 0 <= start <= end <= size:
        raise ValueError(f"{item_id}: span [{start}, {end}) is outside the text ({size} chars)")


def _number(item_id: str, value: float | None, bound: float) -> None:
    if value is not None and not (math.isfinite(value) and abs(value) <= bound):
        raise ValueError(f"{item_id}: {value} is out of range")
