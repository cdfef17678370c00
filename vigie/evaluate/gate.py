"""The regression gate: F1 floors per component, pinned in JSON with the gold set's SHA-256.

`make test` fails when a component's F1 on the project's own gold set drops below its floor.
Floors are raised with `vigie eval-gate --update`; lowering one needs `--allow-regression`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from vigie.errors import VigieError
from vigie.evaluate.runner import evaluate
from vigie.evaluate.scorer import COMPONENTS, Report

# Floors sit this far below the measured F1, so that a refactor that moves one item passes.
MARGIN = 0.03
# Differences smaller than this are noise (float rounding in the stored JSON).
EPSILON = 0.005


def gold_hash(gold_dir: Path) -> str:
    """SHA-256 over the gold records and their articles, in name order."""
    digest = hashlib.sha256()
    root = Path(gold_dir).parent
    for path in sorted([*root.glob("gold/*.json"), *root.glob("articles/*.txt")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def measure(report: Report) -> dict[str, float]:
    """The gated figures: F1 per component and publication-date accuracy."""
    figures = {c: round(report.prf[c].fscore, 4) for c in COMPONENTS}
    figures["published"] = round(report.published.value or 0.0, 4)
    return figures


def check(measured: dict[str, float], floors: dict[str, float]) -> list[str]:
    """One line for each figure below its floor."""
    return [f"{name}: {measured.get(name, 0.0):.4f} < floor {floor:.4f}"
            for name, floor in floors.items() if measured.get(name, 0.0) < floor - EPSILON]


def load_floors(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def update(
    path: Path, gold_dir: Path, measured: dict[str, float], *, allow_regression: bool
) -> dict:
    """Pin new floors (measured minus MARGIN); refuse to lower one unless allowed.

    Raises:
        VigieError: a floor would go down and `allow_regression` is False.
    """
    old = load_floors(path)["floors"] if Path(path).exists() else {}
    new = {name: max(0.0, round(value - MARGIN, 4)) for name, value in measured.items()}
    lowered = [f"{n}: {old[n]} -> {v}" for n, v in new.items() if n in old and v < old[n] - EPSILON]
    if lowered and not allow_regression:
        raise VigieError("[V055] floors would go down (" + "; ".join(lowered)
                         + "); pass --allow-regression to accept")
    if not allow_regression:
        new = {n: max(v, old.get(n, 0.0)) for n, v in new.items()}
    data = {"gold_sha256": gold_hash(gold_dir), "margin": MARGIN, "floors": new,
            "measured": measured}
    Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return data


def run_gate(gold_dir: Path, floors_path: Path, *, nlp=None) -> tuple[dict[str, float], list[str]]:
    """Measure on the gold set and compare with the pinned floors."""
    measured = measure(evaluate(gold_dir, nlp=nlp))
    return measured, check(measured, load_floors(floors_path)["floors"])
