"""POST /api/extract and POST /api/documents with the real pipeline."""

from __future__ import annotations

import pytest
from conftest import WEB_TOKEN

pytestmark = pytest.mark.slow
AUTH = {"Authorization": f"Bearer {WEB_TOKEN}"}
TEXT = ("Jeudi, des manifestants ont défilé à Lyon contre la réforme. "
        "La police a interpellé 14 personnes, selon la préfecture.")


@pytest.fixture
def model_client(web_client, nlp):
    web_client.app.state.nlp = nlp  # the session's pipeline: no second load
    return web_client


def test_web_extract_returns_record(model_client):
    response = model_client.post("/api/extract", headers=AUTH, json={
        "text": TEXT, "doc_id": "lyon", "published": "2023-06-30"})
    record = response.json()
    assert response.status_code == 200
    assert model_client.post("/api/extract", json={"text": TEXT}).status_code == 401
    assert (record["doc_id"], record["published"], record["text"]) == ("lyon", "2023-06-30", TEXT)
    lyon = next(p for p in record["places"] if p["name"] == "Lyon")
    assert (lyon["country"], lyon["mentions"]) == ("FRA", [[37, 41]])
    assert [(f["value"], f["start"], f["end"]) for f in record["figures"]][:1] == [(14, 84, 86)]


def test_web_ingest_article_then_read_it(model_client):
    added = model_client.post("/api/documents", headers=AUTH,
                              json={"article": {"text": TEXT, "doc_id": "lyon"}}).json()
    body = model_client.get(f"/api/documents/{added['id']}").json()
    assert (added["duplicate"], body["record"]["doc_id"]) == (False, "lyon")
    assert body["record"]["text"] == TEXT
