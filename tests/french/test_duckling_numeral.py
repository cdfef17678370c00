"""Duckling's French numeral corpus (../shared/peer-suites) against vigie.french.numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vigie.french.numbers import find_quantities, parse_number

PEER = Path(__file__).resolve().parents[3] / "shared" / "peer-suites"
CORPUS = PEER / "duckling-fr-numeral.jsonl"


def _cases() -> list[dict]:
    if not CORPUS.exists():
        return []
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]


CASES = _cases()
pytestmark = pytest.mark.skipif(not CASES, reason=f"no Duckling numeral corpus at {CORPUS}")


@pytest.mark.parametrize("case", CASES, ids=[c["text"] for c in CASES])
def test_duckling_numeral_value(case):
    assert parse_number(case["text"]) == case["value"]


@pytest.mark.parametrize("case", [c for c in CASES if c["value"] > 1 and not c["text"].startswith(
    ("-", "moins"))], ids=lambda c: c["text"])
def test_duckling_numeral_found_in_text(case):
    """In running text the scanner reads the whole numeral (signs aside: counts are positive)."""
    text = f"Il y avait {case['text']} personnes."
    found = find_quantities(text)
    assert [(text[q.start:q.end], q.value) for q in found] == [(case["text"], case["value"])]
