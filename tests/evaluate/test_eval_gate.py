"""The CI regression gate on the project's own gold set (tests/gold)."""

import json
from pathlib import Path

import pytest

from vigie.errors import VigieError
from vigie.evaluate import gate

ROOT = Path(__file__).resolve().parents[2]

GOLD = ROOT / "tests" / "gold" / "gold"
FLOORS = ROOT / "tests" / "eval_floors.json"


@pytest.mark.slow
def test_eval_gate_no_component_below_its_floor(nlp):
    measured, failures = gate.run_gate(GOLD, FLOORS, nlp=nlp)
    assert failures == [], f"F1 below pinned floors: {failures} (measured {measured})"


def test_eval_gate_floors_match_the_gold_set():
    pinned = gate.load_floors(FLOORS)["gold_sha256"]
    assert pinned == gate.gold_hash(GOLD), (
        "gold set changed: re-pin with `vigie eval-gate --update`")


def test_eval_gate_floors_are_measured_values_minus_margin():
    data = gate.load_floors(FLOORS)
    for name, floor in data["floors"].items():
        assert floor <= data["measured"][name], name


def test_eval_gate_check_flags_a_drop():
    assert gate.check({"quotes": 0.50}, {"quotes": 0.60}) == ["quotes: 0.5000 < floor 0.6000"]
    assert gate.check({"quotes": 0.598}, {"quotes": 0.60}) == []


def test_eval_gate_update_refuses_to_lower_without_flag(tmp_path):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"floors": {"quotes": 0.7}}), encoding="utf-8")
    with pytest.raises(VigieError, match="V055"):
        gate.update(path, GOLD, {"quotes": 0.5}, allow_regression=False)
    data = gate.update(path, GOLD, {"quotes": 0.5}, allow_regression=True)
    assert data["floors"]["quotes"] == 0.47


def test_eval_gate_update_raises_floors(tmp_path):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"floors": {"quotes": 0.4}}), encoding="utf-8")
    data = gate.update(path, GOLD, {"quotes": 0.9}, allow_regression=False)
    assert data["floors"]["quotes"] == 0.87
