"""vigie query: every filter."""

from __future__ import annotations

import pytest

from vigie.store import Filters, query

REBELS = ("rebelles", "group", "SYR")


@pytest.fixture
def filled(store, report_record):
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    store.add_record(report_record("r2", "2024-03-10", place="Hama", source=REBELS,
                                   status="claimed"))
    store.add_record(report_record("r3", "2024-04-01", type="PROTEST", mode=None, place="Goma",
                                   source=("manifestants", "population", "COD")))
    return store


@pytest.mark.parametrize(
    "filters, expected",
    [
        (Filters(), [3, 2, 1]),
        (Filters(limit=1), [3]),
        (Filters(type="assault"), [2, 1]),
        (Filters(actor="russie"), [1]),
        (Filters(country="COD"), [3]),
        (Filters(place="Hama"), [2]),
        (Filters(place="Binnish", radius_km=20), [1]),  # not in the store: the gazetteer's
        (Filters(place="Idleb", radius_km=20), [1]),
        (Filters(place="Idleb", radius_km=120), [2, 1]),
        (Filters(near=(-1.7, 29.2), radius_km=10), [3]),
        (Filters(since="2024-03-05", until="2024-03-31"), [2]),
        (Filters(status="claimed"), [2]),
        (Filters(claimant="OSDH"), [1]),
        (Filters(text="Goma"), [3]),
        (Filters(text="OSDH", type="PROTEST"), []),
    ],
)
def test_store_query_filters(filled, filters, expected):
    assert [r["id"] for r in query(filled, filters)] == expected


def test_store_query_row_shape(filled):
    row = query(filled, Filters(claimant="OSDH"))[0]
    assert {k: row[k] for k in ("date", "type", "mode", "source", "place", "country",
                                 "statuses", "articles", "fatalities")} == {
        "date": "2024-03-02", "type": "ASSAULT", "mode": "aerial", "source": "Russie",
        "place": "Idleb", "country": "SYR", "statuses": "reported", "articles": 1,
        "fatalities": 9}
