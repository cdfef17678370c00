"""Fixtures of the dashboard's browser tests (the root conftest's Chromium page and sample
store; here the page watched for console errors and outside requests, and the corpus store)."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


@pytest.fixture
def watched(browser_page, dashboard_url):
    """The dashboard over the sample articles in Chromium, recording console errors, failed
    requests and every URL asked for."""
    from vigie.web import queries
    from vigie.web.screenshots import Watched

    queries.clear_cache()
    return Watched(browser_page, dashboard_url)


@pytest.fixture(scope="session")
def corpus_url(tmp_path_factory, nlp):
    """The development corpus (../shared/corpus) served over a fresh store; skips when absent."""
    if not (CORPUS / "inputs.jsonl").exists():
        pytest.skip(f"corpus tests skipped: no development corpus at {CORPUS}")
    from vigie.web.screenshots import build_store, serving

    url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}"
    build_store(CORPUS, url, nlp=nlp)
    with serving(url) as base:
        yield base
