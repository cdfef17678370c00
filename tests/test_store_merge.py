"""Cross-article merging of event mentions into story events."""

from __future__ import annotations

import pytest

from vigie.store.report import explain

RUSSIA = ("Russie", "state", "RUS")
ARMY = ("armée russe", "group", "RUS")
REBELS = ("rebelles du M23", "group", "COD")


@pytest.mark.parametrize(
    "second, merged",
    [
        ({}, True),  # same type, place, actor, day
        ({"published": "2024-03-04"}, True),  # two days later: inside the window
        ({"published": "2024-03-05"}, False),  # three days later: outside
        ({"place": "Binnish"}, True),  # about 8 km away
        ({"place": "Hama"}, False),  # about 90 km away
        ({"type": "PROTEST"}, False),  # another type
        ({"source": ARMY}, True),  # a state and an actor of that state
        ({"source": REBELS, "place": None}, False),  # conflicting actors
        ({"place": None}, True),  # place unknown, same actor
        ({"place": None, "source": ("témoins", "population", None)}, False),  # no anchor
    ],
)
def test_store_merge_rules(store, report_record, second, merged):
    store.add_record(report_record("r1", "2024-03-02", source=RUSSIA))
    args = {"published": "2024-03-02", "source": RUSSIA} | second
    store.add_record(report_record("r2", args.pop("published"), **args))
    assert store.count("stories") == (1 if merged else 2)


def test_store_merge_uses_event_time_over_publication(store, report_record):
    store.add_record(report_record("r1", "2024-03-02"))
    store.add_record(report_record("r2", "2024-03-20", when="2024-03-01"))
    assert store.count("stories") == 1


def test_store_merge_fills_what_story_lacked(store, report_record):
    story = store.add_record(report_record("r1", "2024-03-02", place=None, mode=None))
    store.add_record(report_record("r2", "2024-03-03", place="Idleb"))
    data = explain(store, 1)
    assert story == 1
    assert data["story"]["place"] == "Idleb"
    assert data["story"]["mode"] == "aerial"
    assert data["story"]["mentions"] == 2


def test_store_explain_says_why(store, report_record):
    store.add_record(report_record("r1", "2024-03-02"))
    store.add_record(report_record("r2", "2024-03-03", place="Binnish"))
    first, second = explain(store, 1)["mentions"]
    assert (first["doc_id"], first["merge"]["rule"]) == ("r1", "new")
    assert second["doc_id"] == "r2"
    assert second["merge"]["rule"] == "merged"
    assert second["merge"]["days_apart"] == 1
    assert second["merge"]["source"] == "same actor 'Russie'"
    assert second["merge"]["place"] == "'Binnish' and 'Idleb' are 7.9 km apart (limit 50)"
    assert second["sentence"].startswith("Selon des témoins, une frappe a visé Binnish")
