"""The API as a hostile client finds it: security headers on every answer, other Host names
refused, no CORS unless asked, a schema that says which operations need the token, date filters
that are calendar days, extractions stopped at the time limit or when the client leaves."""

from __future__ import annotations

import base64
import hashlib
import multiprocessing
import re
import socket
import threading
import time

import pytest
import spacy
import uvicorn
from conftest import WEB_TOKEN
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from vigie.dates import parse_date
from vigie.web.app import create_app
from vigie.web.routers.common import DATE, PUBLISHED, calendar_day
from vigie.web.settings import WebSettings

pytestmark = pytest.mark.issue(24)
ENDLESS = "SANSFIN"
AUTH = {"Authorization": f"Bearer {WEB_TOKEN}"}
# Seconds within which a stopped extraction must be gone.
GONE_WITHIN = 10


@pytest.fixture(scope="module")
def endless_nlp():
    """A blank French pipeline whose one stage never ends on ENDLESS."""
    if "test_api_endless" not in Language.factories:
        @Language.component("test_api_endless")
        def endless(doc):
            while ENDLESS in doc.text:
                pass
            return doc

    nlp = spacy.blank("fr")
    nlp.add_pipe("test_api_endless")
    return nlp


def _client(store, **settings) -> TestClient:
    app = create_app(WebSettings(db=store.url, **settings), store=store)
    return TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1")


@pytest.mark.parametrize("path", ["/api/documents", "/", "/api/documents/999", "/nothing"])
def test_reliability_api_security_headers(web_client, path):
    response = web_client.get(path)
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "frame-ancestors 'none'" in policy


def test_reliability_api_docs_page_allows_its_one_inline_script(web_client):
    response = web_client.get("/docs")
    [script] = re.findall(r"<script>(.*?)</script>", response.text, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}';" in response.headers["content-security-policy"]


def test_reliability_api_body_over_the_limit_has_the_headers_too(web_client):
    response = web_client.post("/api/extract", headers=AUTH, content=b"x" * 30_000)
    assert response.status_code == 413 and response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("host, status", [
    ("127.0.0.1:8000", 200), ("localhost", 200), ("[::1]:8000", 200), ("127.0.0.2", 200),
    ("evil.example", 400), ("evil.example:8000", 400), ("localhost.evil.example", 400), ("", 400),
])
def test_reliability_api_answers_loopback_host_names_only(web_client, host, status):
    response = web_client.get("/api/meta", headers={"Host": host})
    assert response.status_code == status
    if status == 400:
        assert response.json()["error"].startswith(f"host {host!r} is not this server's")
        assert response.headers["x-frame-options"] == "DENY"


def test_reliability_api_allowed_host_names(store):
    with _client(store, allowed_hosts=("vigie.example",)) as client:
        assert client.get("/api/meta", headers={"Host": "vigie.example:443"}).status_code == 200
        assert client.get("/api/meta", headers={"Host": "other.example"}).status_code == 400
    with _client(store, allowed_hosts=("*",)) as client:
        assert client.get("/api/meta", headers={"Host": "other.example"}).status_code == 200


def test_reliability_api_no_cors_unless_asked(web_client, store):
    origin = {"Origin": "http://other.example"}
    response = web_client.get("/api/meta", headers=origin)
    assert response.status_code == 200 and "access-control-allow-origin" not in response.headers
    with _client(store, cors_origins=("http://other.example",)) as client:
        preflight = client.options("/api/meta", headers={
            **origin, "Access-Control-Request-Method": "GET"})
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "http://other.example"
        refused = client.get("/api/meta", headers={"Origin": "http://third.example"})
        assert "access-control-allow-origin" not in refused.headers


def _security(client) -> dict[str, object]:
    paths = client.get("/openapi.json").json()["paths"]
    return {f"{method.upper()} {path}": operation.get("security")
            for path, operations in paths.items() for method, operation in operations.items()}


def test_reliability_api_schema_says_what_needs_the_token(web_client, store):
    bearer = [{"HTTPBearer": []}]
    said = _security(web_client)  # loopback, a token: reads open, extraction and writes closed
    assert said["GET /api/events"] is None and said["GET /api/documents/{document_id}"] is None
    assert said["POST /api/extract"] == bearer and said["POST /api/documents"] == bearer
    with _client(store, token="t", open_reads=False) as client:
        said = _security(client)
        assert said["GET /api/events"] == bearer
        assert client.get("/api/events").status_code == 401
    with _client(store) as client:  # no token: extraction open, writes disabled (no token helps)
        said = _security(client)
        assert said["POST /api/extract"] is None and said["POST /api/documents"] is None
        assert client.post("/api/documents", json={"article": {"text": "x"}}).status_code == 403
        assert "writes are disabled" in client.get("/openapi.json").json()["info"]["description"]


@pytest.mark.parametrize("value, status", [
    ("2016-02-29", 200), ("2016-02", 200), ("2016", 200), ("2016-02-30", 422),
    ("2015-02-29", 422), ("2016-13", 422), ("2016-00-10", 422), ("2016-04-31", 422),
])
def test_reliability_api_date_filters_are_calendar_days(web_client, value, status):
    for path in ("/api/documents", "/api/events"):
        response = web_client.get(path, params={"since": value})
        assert response.status_code == status, path
    if status == 422:
        assert response.json()["errors"][0]["loc"] == ["query", "since"]


def test_reliability_api_extraction_stops_at_the_time_limit(store, endless_nlp):
    with _client(store, token=WEB_TOKEN, time_limit=1) as client:
        client.app.state.nlp = endless_nlp
        started = time.monotonic()
        response = client.post("/api/extract", headers=AUTH, json={"text": f"Un texte {ENDLESS}"})
        assert time.monotonic() - started < GONE_WITHIN
        assert (response.status_code, response.json()["error"]) == (
            400, "[V031] the extraction took over 1 s on the article: refused (the time limit, "
                 "--time-limit)")
        stored = client.post("/api/documents", headers=AUTH,
                             json={"article": {"text": f"Un autre texte {ENDLESS}"}})
        assert stored.status_code == 400 and store.count("documents") == 0
        good = client.post("/api/extract", headers=AUTH, json={"text": "Un texte."})
        assert good.status_code == 200 and good.json()["text"] == "Un texte."
        assert client.app.state.extraction_children == set()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_reliability_api_extraction_stops_when_the_client_leaves(store, endless_nlp):
    app = create_app(WebSettings(db=store.url, time_limit=600), store=store)
    app.state.nlp = endless_nlp
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        body = ('{"text": "Un texte %s"}' % ENDLESS).encode()
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                           b"application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            deadline = time.monotonic() + GONE_WITHIN
            while not app.state.extraction_children and time.monotonic() < deadline:
                time.sleep(0.05)
            [child] = app.state.extraction_children
            assert child.is_alive()
            # The child, forked from this process, holds this socket too: close() alone would
            # send nothing, as it would from a client process of its own.
            client.shutdown(socket.SHUT_RDWR)
        # the client has left: its extraction is killed, not run to its end (600 s)
        deadline = time.monotonic() + GONE_WITHIN
        while child in multiprocessing.active_children() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not child.is_alive() and app.state.extraction_children == set()
    finally:
        server.should_exit = True
        thread.join(timeout=GONE_WITHIN)


def _deep(levels: int):
    value = 1
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize("record, code", [
    pytest.param('{"doc_id": "x", "text": "Le pr\\ud800fet"}', "[V017] the 'text' field",
                 id="surrogate-text"),
    pytest.param('{"doc_id": "\\udc80", "text": "Le texte"}', "[V017] the 'id' field",
                 id="surrogate-id"),
    pytest.param('{"doc_id": "x", "text": "Le texte", "actors": [{"id": "a1", "name": '
                 '"\\ud83d", "kind": "person"}]}', "[V017] a record value", id="surrogate-name"),
    pytest.param('{"doc_id": "x", "text": "Le texte", "meta": {"a": %s}}' % _deep(900),
                 "[V018] the metadata", id="meta-900-deep"),
    pytest.param('{"doc_id": "x", "text": "Le texte", "published": "2016-02-30"}',
                 "published: String should match pattern", id="published"),
])
def test_reliability_api_records_are_checked_as_ingest_checks_them(web_client, record, code):
    before = web_client.get("/api/documents").json()["items"]
    response = web_client.post("/api/documents", content=('{"record": %s}' % record).encode(),
                               headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422  # a 500 before (issue 24)
    said = [(e["loc"], e["msg"]) for e in response.json()["errors"]]
    assert (["body", "RecordBody", "record"], f"Value error, {code}") in [
        (loc, msg[:len(code) + 13]) for loc, msg in said]
    assert web_client.get("/api/documents").json()["items"] == before


@pytest.mark.parametrize("method, path, allowed", [
    ("OPTIONS", "/api/documents", "GET, POST"), ("DELETE", "/api/documents/1", "GET"),
    ("PUT", "/api/extract", "POST"),
])
def test_reliability_api_405_names_every_method_of_the_path(web_client, method, path, allowed):
    response = web_client.request(method, path)
    assert (response.status_code, response.headers["allow"]) == (405, allowed)


def test_reliability_api_record_is_read_strictly(web_client):
    record = {"doc_id": "x", "text": "Le texte", "actors": [
        {"id": "a1", "name": "n", "kind": "person", "mentions": [[0, False]]}]}
    response = web_client.post("/api/documents", headers=AUTH, json={"record": record})
    assert response.status_code == 422  # stored before: false read as the integer 0
    assert web_client.post("/api/documents", headers=AUTH, json={}).status_code == 422
    both = {"record": {**record, "actors": []}, "article": {"text": "Le texte"}}
    assert web_client.post("/api/documents", headers=AUTH, json=both).status_code == 422


@pytest.mark.parametrize("value, query, published", [
    ("2016-02-29", True, True), ("2000-02-29", True, True), ("1600-02-29", True, True),
    ("1900-02-29", False, False), ("2015-02-29", False, False), ("2016-02-30", False, False),
    ("2016-04-31", False, False), ("0065-11-13", True, False), ("0000-01-01", False, False),
    ("2016", True, False), ("2016-02", True, False), ("0000", False, False),
    ("201\u0666-02-01", False, False),  # an Arabic-Indic digit: Python's \d, not JSON Schema's
])
def test_reliability_api_date_patterns_are_exact(value, query, published):
    assert bool(re.fullmatch(DATE, value)) is query
    assert bool(re.fullmatch(PUBLISHED, value)) is published


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_reliability_api_every_date_the_schema_allows_is_taken(data):
    assert calendar_day(data.draw(st.from_regex(DATE, fullmatch=True))) is not None
    assert parse_date(data.draw(st.from_regex(PUBLISHED, fullmatch=True)))
