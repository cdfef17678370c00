"""The confidence filter (issue 18): `vigie query --min-confidence`, the API's min_confidence and
the dashboard's select read the events' calibrated confidence."""

from __future__ import annotations

import pytest
from conftest import WEB_TOKEN, _web_records
from typer.testing import CliRunner

from vigie.cli import app
from vigie.store import Filters, Store, query


@pytest.fixture
def store(tmp_path):
    # One strike told twice: a report the model trusts (0.85) and one it doubts (0.3); an AID
    # event of another story at 0.5.
    first, second = _web_records()
    first.events[0].confidence = 0.85
    second.events[0].confidence = 0.3
    second.events.append(second.events[0].model_copy(update={
        "id": "e2", "type": "AID", "confidence": 0.5, "place": None, "figures": []}))
    with Store(f"sqlite:///{tmp_path / 'c.db'}") as fresh:
        fresh.add_records([first, second])
        yield fresh


@pytest.mark.issue(18)
@pytest.mark.parametrize("least, types", [(None, ["AID", "ASSAULT"]), (0.4, ["AID", "ASSAULT"]),
                                          (0.6, ["ASSAULT"]), (0.9, [])])
def test_store_confidence_filter_keeps_stories_with_a_trusted_report(store, least, types):
    rows = query(store, Filters(min_confidence=least))
    assert sorted(r["type"] for r in rows) == types


@pytest.mark.issue(18)
def test_store_confidence_filter_in_cli_and_api(store):
    result = CliRunner().invoke(app, ["query", "--db", store.url, "--min-confidence", "0.6",
                                      "--format", "csv"])
    assert result.exit_code == 0
    assert [line.split(",")[2] for line in result.stdout.splitlines()[1:]] == ["ASSAULT"]
    bad = CliRunner().invoke(app, ["query", "--db", store.url, "--min-confidence", "1.5"])
    assert bad.exit_code == 2

    from fastapi.testclient import TestClient

    from vigie.web.app import create_app
    from vigie.web.settings import WebSettings

    web = create_app(WebSettings(db=store.url, token=WEB_TOKEN), store=store)
    with TestClient(web, base_url="http://127.0.0.1") as client:
        body = client.get("/api/events/table", params={"min_confidence": 0.6}).json()
        assert [row["type"] for row in body["items"]] == ["ASSAULT"]
        assert client.get("/api/events/table", params={"min_confidence": 2}).status_code == 422
