"""No stage fails on any article we have (issue 26): a warning in a record is a bug to fix.

The development corpus and WiNER-fr are read from ../shared at run time (skipped when absent);
the project's gold set and the samples are in the repository.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, SAMPLES, SHARED
from vigie.article import Article
from vigie.pipeline import extract_many
from vigie.readers import read_paths

DEV_CORPUS = SHARED / "corpus" / "inputs.jsonl"
WINER = SHARED / "corpus-winer" / "2016"


def _warnings(nlp, paths) -> list[str]:
    articles = [a for a in read_paths(paths) if isinstance(a, Article)]
    assert articles, f"nothing read from {paths}"
    return [f"{r.doc_id}: {w.stage} {w.error}: {w.message}"
            for r in extract_many(articles, nlp=nlp) for w in r.warnings]


@pytest.mark.slow
@pytest.mark.issue(26)
def test_record_warnings_none_on_gold_set_and_samples(nlp):
    assert _warnings(nlp, [ROOT / "tests" / "gold" / "articles", SAMPLES]) == []


@pytest.mark.slow
@pytest.mark.issue(26)
@pytest.mark.skipif(not DEV_CORPUS.exists(), reason="development corpus not present")
def test_record_warnings_none_on_dev_corpus(nlp):
    assert _warnings(nlp, [DEV_CORPUS]) == []


@pytest.mark.slow
@pytest.mark.issue(26)
@pytest.mark.skipif(not WINER.exists(), reason="WiNER-fr not present at ../shared/corpus-winer")
def test_record_warnings_none_on_winer(nlp):
    assert _warnings(nlp, [WINER]) == []
