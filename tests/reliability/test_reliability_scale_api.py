"""The Ray job's extractor and POST /api/extract share the isolation (no Ray, no model)."""

from __future__ import annotations

import pyarrow as pa
import pytest
from conftest import BOOM, WEB_TOKEN

from vigie.scale.ray_job import Extractor, row_record

pytestmark = pytest.mark.issue(24)
GOOD = "Selon la police, 12 civils ont été tués mardi à Alep."


def test_reliability_ray_extractor_gives_failed_articles_their_own_row(fragile_nlp):
    extractor = Extractor.__new__(Extractor)  # the model an actor loads: the fragile pipeline
    extractor.nlp = fragile_nlp
    batch = pa.table({"id": ["a", "b", "c", "d"], "text": [GOOD, f"{GOOD} {BOOM}", GOOD, GOOD],
                      "title": [None, None, None, None],
                      "published": [None, None, "hier", None]})
    rows = extractor(batch).to_pylist()
    assert [(r["doc_id"], (r["error"] or "")[:6]) for r in rows] == [
        ("a", ""), ("b", "[V030]"), ("c", "[V015]"), ("d", "")]
    assert row_record({k: v for k, v in rows[3].items() if k != "error"}).text == GOOD


def test_reliability_ray_text_files_refused_by_the_reader_are_failed_rows(fragile_nlp):
    from vigie.scale.ray_job import _parse_text_files

    files = pa.table({"path": ["/in/a.txt", "/in/b.txt"], "bytes": [GOOD.encode(), b""]})
    parsed = _parse_text_files(files)
    extractor = Extractor.__new__(Extractor)
    extractor.nlp = fragile_nlp
    rows = extractor(parsed).to_pylist()
    assert [(r["doc_id"], r["error"]) for r in rows] == [
        ("a", None), ("/in/b.txt", "[V001] file is empty")]


def test_reliability_api_extract_unreadable_article_is_a_400(web_client, fragile_nlp):
    web_client.app.state.nlp = fragile_nlp
    auth = {"Authorization": f"Bearer {WEB_TOKEN}"}
    response = web_client.post("/api/extract", headers=auth,
                               json={"text": GOOD, "published": "2016-02-30"})
    assert response.status_code == 422  # the schema's pattern holds calendar days only
    assert response.json()["errors"][0]["loc"] == ["body", "published"]
    response = web_client.post("/api/extract", headers=auth,
                               json={"text": GOOD, "published": "2016-02-29"})
    assert response.status_code == 200 and response.json()["published"] == "2016-02-29"
    body = '{"text": "Le pr\\u00e9fet \\ud800 a parl\\u00e9."}'  # JSON's escape of a lone surrogate
    response = web_client.post("/api/extract", content=body,
                               headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 422  # refused by the request's validation, not a 500
    good = web_client.post("/api/extract", headers=auth, json={"text": GOOD})
    assert good.status_code == 200 and good.json()["text"] == GOOD
