"""Calibration of event confidence: among events scored at least c, how many are right?

An event is right when a gold event of the same type takes it with its source and target (the
"events (with arguments)" matching of `vigie eval`; a gold argument left null accepts any).
Prints the table of confidence bins (count, share right) over the gold sets given, by default
the development corpus (../shared/corpus, read at run time, never copied) and the project's own
gold set. `--dump FILE` writes one JSON line per predicted event (its features and label), the
data the constants of vigie/stages/events/confidence.py were set on.

    .venv/bin/python bench/calibrate_events.py
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vigie.article import Article  # noqa: E402
from vigie.evaluate.gold import load_gold  # noqa: E402
from vigie.evaluate.scorer import Report, _args_match, _Doc, _pair  # noqa: E402
from vigie.pipeline import load, make_doc  # noqa: E402
from vigie.readers import read_paths  # noqa: E402
from vigie.record import from_doc  # noqa: E402
from vigie.stages.events.confidence import WEIGHTS, features  # noqa: E402

BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)
CORPUS = ROOT.parent / "shared" / "corpus"
SETS = [(CORPUS / "gold", CORPUS / "inputs.jsonl"),
        (ROOT / "tests" / "gold" / "gold", ROOT / "tests" / "gold" / "articles")]
L2 = 1.0  # the penalty of the fit: 8 weights on about 130 events


def labelled(docs, gold: dict) -> list[dict]:
    """One row per predicted event: its confidence, its features and whether it is right."""
    rows = []
    for doc in docs:
        record = from_doc(doc)
        golds = gold[record.doc_id].get("events") or []
        scored = _Doc(record)
        preds = scored.data["events"]
        pairs = _pair(Report(), "events_args", preds, golds,
                      partial(_right, scored), record.doc_id, str)
        right = {p["id"] for p, _ in pairs}
        actors = doc._.vigie_actors or []
        for pred, hit in zip(preds, doc._.vigie_events, strict=True):
            rows.append({"doc": record.doc_id, "id": pred["id"], "type": pred["type"],
                         "confidence": pred["confidence"], "right": pred["id"] in right,
                         "features": features(hit, actors)})
    return rows


def _right(scored: _Doc, pred: dict, gold: dict) -> float:
    return float(pred["type"] == gold["type"] and _args_match(scored, pred, gold))


def table(rows: list[dict], key: str = "confidence") -> list[tuple[str, int, float | None]]:
    """(bin, count, share right) for each confidence bin, and for "≥ 0.8"."""
    out = []
    for low, high in zip(BINS, BINS[1:], strict=False):
        got = [r["right"] for r in rows if low <= r[key] < high]
        out.append((f"[{low:.1f}, {min(high, 1.0):.1f}{']' if high > 1 else ')'}", len(got),
                    sum(got) / len(got) if got else None))
    top = [r["right"] for r in rows if r[key] >= 0.8]
    out.append(("≥ 0.8", len(top), sum(top) / len(top) if top else None))
    return out


def fit(rows: list[dict], steps: int = 30000, rate: float = 0.01) -> dict[str, float]:
    """Logistic regression (gradient descent, L2 on every weight but the bias)."""
    import numpy

    names = list(WEIGHTS)
    x = numpy.array([[r["features"][n] for n in names] for r in rows])
    y = numpy.array([float(r["right"]) for r in rows])
    w, keep = numpy.zeros(len(names)), numpy.array([n != "bias" for n in names], dtype=float)
    for _ in range(steps):
        p = 1.0 / (1.0 + numpy.exp(-x @ w))
        w -= rate * (x.T @ (p - y) + L2 * keep * w)
    return {n: round(float(v), 2) for n, v in zip(names, w, strict=True)}


def _chance(weights: dict[str, float], feats: dict[str, float]) -> float:
    import math

    return 1.0 / (1.0 + math.exp(-sum(weights[n] * v for n, v in feats.items())))


def held_out(rows: list[dict]) -> list[dict]:
    """Each document's events scored by weights fitted on the other documents."""
    out = []
    for doc in sorted({r["doc"] for r in rows}):
        weights = fit([r for r in rows if r["doc"] != doc], steps=8000)
        out += [{**r, "held_out": _chance(weights, r["features"])} for r in rows if r["doc"] == doc]
    return out


def _print(title: str, rows: list[dict], key: str) -> None:
    print(f"\n{title}\n\n| confidence | events | right |\n|---|---|---|")
    for name, count, share in table(rows, key):
        print(f"| {name} | {count} | {'-' if share is None else f'{share:.0%}'} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="fit the weights and print them")
    parser.add_argument("--dump", help="write the labelled events as JSON lines")
    args = parser.parse_args(argv)
    nlp, rows = load(), []
    for gold_dir, inputs in SETS:
        if not gold_dir.exists():
            continue
        gold = load_gold(gold_dir)
        items = [a for a in read_paths([inputs]) if isinstance(a, Article) and a.doc_id in gold]
        rows += labelled(nlp.pipe(make_doc(nlp, a) for a in items), gold)
    if args.dump:
        Path(args.dump).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                           for r in rows), encoding="utf-8")
    _print(f"Calibration: {len(rows)} events, {sum(r['right'] for r in rows)} right", rows,
           "confidence")
    if args.fit:
        print(f"\nWEIGHTS = {fit(rows)}")
        _print("Held out (weights fitted without the event's document)", held_out(rows),
               "held_out")


if __name__ == "__main__":
    main()
