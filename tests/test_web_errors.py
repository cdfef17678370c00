"""One error shape for every error, tokens for writes, body limits, safe binding."""

from __future__ import annotations

import pytest
from conftest import WEB_TOKEN
from typer.testing import CliRunner

from vigie.web.server import ServeError, web_settings
from vigie.web.settings import is_loopback

RECORD = {"record": {"doc_id": "x", "text": "Une phrase."}}


def _boom():
    raise RuntimeError("boom")


@pytest.mark.parametrize("method, path, kwargs, status", [
    ("get", "/api/documents/999", {}, 404),
    ("get", "/api/events/999", {}, 404),
    ("get", "/api/nowhere", {}, 404),
    ("get", "/api/documents", {"params": {"limit": 0}}, 422),
    ("get", "/api/events", {"params": {"since": "hier"}}, 422),
    ("post", "/api/documents", {"json": RECORD}, 401),
    ("post", "/api/documents", {"json": RECORD, "headers": {"Authorization": "Bearer no"}}, 403),
    ("post", "/api/documents", {"content": b"{" + b" " * 30_000 + b"}",
                                "headers": {"Authorization": f"Bearer {WEB_TOKEN}"}}, 413),
    ("get", "/api/boom", {}, 500),
])
def test_web_error_shape(web_client, method, path, kwargs, status):
    web_client.app.add_api_route("/api/boom", _boom)
    response = getattr(web_client, method)(path, **kwargs)
    body = response.json()
    assert response.status_code == status
    assert set(body) == {"ok", "error", "errors", "status"}
    assert (body["ok"], body["status"]) == (False, status)
    assert isinstance(body["error"], str) and body["error"]


def test_web_validation_errors_say_where(web_client):
    body = web_client.get("/api/documents", params={"limit": 10_000}).json()
    errors = [(e["loc"], e["type"]) for e in body["errors"]]
    assert errors == [(["query", "limit"], "less_than_equal")]


def test_web_streamed_body_over_limit(web_client):
    chunks = (b"x" * 5_000 for _ in range(10))
    response = web_client.post("/api/documents", content=chunks,
                               headers={"Authorization": f"Bearer {WEB_TOKEN}"})
    assert (response.status_code, response.json()["status"]) == (413, 413)


def test_web_ingest_needs_exactly_one_input(web_client):
    response = web_client.post("/api/documents", json={}, headers={
        "Authorization": f"Bearer {WEB_TOKEN}"})
    assert response.status_code == 422


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True),
    ("::1", True),
    ("localhost", True),
    ("0.0.0.0", False),
    ("192.168.1.10", False),
])
def test_web_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_web_serve_refuses_public_address_without_token():
    with pytest.raises(ServeError, match="V060"):
        web_settings(db="sqlite://", host="0.0.0.0", model="m", max_body=10, token=None,
                     public_reads=False)
    closed = web_settings(db="sqlite://", host="0.0.0.0", model="m", max_body=10, token="t",
                          public_reads=False)
    assert (closed.open_reads, closed.token) == (False, "t")


def test_web_serve_command_exits_on_public_address(monkeypatch):
    from vigie.cli import app

    monkeypatch.delenv("VIGIE_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--db", "sqlite://"])
    assert result.exit_code == 2
    assert "V060" in result.output


def test_web_closed_reads_need_token(web_client):
    from dataclasses import replace

    web_client.app.state.settings = replace(web_client.app.state.settings, open_reads=False)
    assert web_client.get("/api/documents").status_code == 401
    assert web_client.get("/api/documents", headers={
        "Authorization": f"Bearer {WEB_TOKEN}"}).status_code == 200
