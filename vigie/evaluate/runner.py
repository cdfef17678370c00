"""Run the evaluation: extract (or read) records, score them against gold, sum the scores.

Shared by `vigie eval`, the CI gate (tests/test_eval_gate.py) and the benchmark.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from vigie.article import Article
from vigie.errors import VigieError
from vigie.evaluate.gold import load_gold
from vigie.evaluate.scorer import Report, score_record
from vigie.pipeline import extract_many, load
from vigie.readers import read_paths
from vigie.record import DocumentRecord

LOGGER = logging.getLogger(__name__)


def evaluate(
    gold_dir: str | Path,
    *,
    articles: str | Path | None = None,
    records: str | Path | None = None,
    model: str = "fr_core_news_md",
    nlp=None,
) -> Report:
    """Score vigie against every gold record that has an article (or a record) of the same id.

    Args:
        gold_dir: directory of gold JSON files (docs/gold-format.md).
        articles: directory of articles to extract (default: `<gold_dir>/../articles`).
        records: a JSONL file of records already extracted, instead of articles.
        model: spaCy model when extracting.
        nlp: a loaded pipeline to reuse.

    Raises:
        VigieError: no gold, or no article matches a gold id.
    """
    gold = load_gold(gold_dir)
    if records is not None:
        predicted = list(_read_records(records))
    else:
        folder = Path(articles) if articles else Path(gold_dir).parent / "articles"
        items = [a for a in read_paths([folder]) if isinstance(a, Article) and a.doc_id in gold]
        predicted = list(extract_many(items, nlp=nlp or load(model)))
    matched = [r for r in predicted if r.doc_id in gold]
    if not matched:
        raise VigieError(f"[V053] no article or record matches a gold id in {gold_dir}")
    missing = sorted(set(gold) - {r.doc_id for r in matched})
    if missing:
        LOGGER.warning("no prediction for gold records: %s", ", ".join(missing))
    return sum((score_record(r, gold[r.doc_id]) for r in matched), Report())


def _read_records(path: str | Path) -> Iterable[DocumentRecord]:
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                yield DocumentRecord.from_json(line)
            except ValueError as exc:
                raise VigieError(f"[V054] {path}: line {number}: not a record: {exc}") from None
