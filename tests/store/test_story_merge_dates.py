"""Story merging reads each date with its precision: a report's publication date stands for the
days before it (issue 18, item 6: copies of one dispatch merge)."""

from __future__ import annotations

import pytest

from vigie.store.merge import dates_apart
from vigie.store.report import explain


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "a, b, apart",
    [
        (("2024-03-02", "day"), ("2024-03-05", "published"), 1),  # the report lags its event
        (("2024-03-04", "day"), ("2024-03-05", "published"), 0),
        (("2024-03-02", "published"), ("2024-03-05", "published"), 3),  # both lag alike
        (("2024-03", "month"), ("2024-03-20", "day"), 0),  # a month is any of its days
        (("2024-02", "month"), ("2024-03-03", "day"), 3),  # 29 February to 3 March
        ((None, None), ("2024-03-03", "day"), None),
    ],
)
def test_story_merge_dates_apart(a, b, apart):
    assert dates_apart(a, b) == apart


@pytest.mark.issue(18)
def test_story_merge_copy_without_its_day_joins_the_story(store, report_record):
    store.add_record(report_record("r1", "2024-03-03", when="2024-03-02"))
    store.add_record(report_record("r2", "2024-03-05"))  # the same dispatch, "lundi" cut
    assert store.count("stories") == 1


@pytest.mark.issue(18)
def test_story_merge_report_date_gives_way_to_the_event_date(store, report_record):
    store.add_record(report_record("r1", "2024-03-05"))
    store.add_record(report_record("r2", "2024-03-06", when="2024-03-03"))
    story = explain(store, 1)["story"]
    assert (story["date"], story["precision"], story["mentions"]) == ("2024-03-03", "day", 2)
