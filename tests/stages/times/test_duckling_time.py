"""Duckling's French time corpus as a check (read at run time from ../shared/peer-suites/).

Duckling's intervals end exclusively, vigie's inclusively; week values are Mondays in Duckling,
ISO weeks in vigie: both are compared after conversion. Cases where vigie's documented news
convention differs (docs/times.md) are listed in DIVERGENT with the reason.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tests.conftest import SHARED
from vigie.stages.times.tagger import tag_times

CORPUS = SHARED / "peer-suites" / "duckling-fr-time.jsonl"

NEAREST_WEEKDAY = ("a weekday with no tense resolves to the nearest such day (ties: today), "
                   "not the next")
SAME_YEAR = "a day-month with no tense and no year stays in the reference year"
VAGUE = "vague part of a period: the whole period at its precision, modifier start/mid/end apart"
BARE_NUMBER = "bare day numbers and spaced digits without 'le' or a year are numbers in news text"
DIVERGENT = {
    **dict.fromkeys(["lundi", "lun.", "ce lundi", "mardi", "samedi", "dimanche", "jeudi 15"],
                    NEAREST_WEEKDAY),
    **dict.fromkeys(["jour de l'an", "nouvel an", "premier janvier"], SAME_YEAR),
    **dict.fromkeys(["17 02", "17 2", "31 10", "en semaine"], BARE_NUMBER),
    "le 2": "a day number alone is the nearest such day (2 February), not the next (2 March)",
    **dict.fromkeys([
        "en début de semaine", "au début de la semaine", "en milieu de semaine",
        "au milieu de la semaine", "en fin de semaine", "à la fin de la semaine", "fin mars",
        "fin du mois de mars", "début avril", "début du mois d'avril", "mi-décembre",
        "en fin de mois", "à la fin du mois", "en fin d'année", "à la fin de l'année",
        "en début d'année", "au début de l'année", "au début du mois", "en début de mois"], VAGUE),
}
_GRAIN = {"season": "day", "quarter": "month"}


def _cases() -> list[dict]:
    if not CORPUS.exists():
        return []
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]


def _at(day: date, grain: str) -> str:
    by_grain = {"month": f"{day.year}-{day.month:02d}", "year": str(day.year)}
    return by_grain.get(grain, day.isoformat())


def duckling_view(case: dict) -> tuple | None:
    """vigie's reading of the case, in Duckling's terms (value, exclusive end, grain)."""
    text, grain = case["text"], case["grain"]
    found = tag_times(text, date.fromisoformat(case["reference"][:10]))
    if len(found) != 1 or (found[0].start, found[0].end) != (0, len(text)) or not found[0].period:
        return None
    period = found[0].period
    end = _at(period.end + timedelta(days=1), grain) if period.end_value() else None
    return _at(period.start, grain), end, _GRAIN.get(period.precision, period.precision)


@pytest.mark.skipif(not CORPUS.exists(), reason="Duckling corpus not present")
@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["text"])
def test_duckling_time_case(case):
    expected = (case["value"], case.get("end_value"), case["grain"])
    if case["text"] in DIVERGENT:
        assert duckling_view(case) != expected, "now agrees: drop it from DIVERGENT"
    else:
        assert duckling_view(case) == expected


@pytest.mark.skipif(not CORPUS.exists(), reason="Duckling corpus not present")
def test_duckling_time_pass_rate():
    cases = _cases()
    passed = sum(duckling_view(c) == (c["value"], c.get("end_value"), c["grain"]) for c in cases)
    assert passed == len(cases) - sum(c["text"] in DIVERGENT for c in cases)
