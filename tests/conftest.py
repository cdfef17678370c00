"""Shared fixtures: one vigie pipeline per test process, French vocab, sample paths."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import vigie

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "vigie" / "samples"
SHARED = ROOT.parent / "shared"
PUBLISHED = "2016-02-11"


@pytest.fixture(scope="session")
def nlp():
    """vigie's full pipeline on fr_core_news_md, loaded once per test process."""
    return vigie.load()


@pytest.fixture(scope="session")
def fr_vocab():
    return spacy.blank("fr").vocab


@pytest.fixture(scope="session")
def sample_text() -> str:
    return (SAMPLES / "alep-2016-02.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_record(nlp, sample_text):
    """The sample article's record, with no publication date given."""
    return vigie.extract(sample_text, doc_id="alep-2016-02", nlp=nlp)


@pytest.fixture
def extract(nlp):
    """extract(text, published=...) with the shared pipeline."""

    def run(text: str, published: str | None = PUBLISHED, **kwargs):
        return vigie.extract(text, published=published, nlp=nlp, **kwargs)

    return run
