"""The OpenAPI schema is valid and property-based requests never get a 500 nor an answer the
schema does not describe: status, content type, headers, body (schemathesis)."""

from __future__ import annotations

import logging
import time

import schemathesis
from conftest import WEB_TOKEN
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from vigie.record import DocumentRecord
from vigie.web import extracting

LOGGER = logging.getLogger(__name__)
# Examples per operation: 18 operations x 50 take about 20 s when nothing fails.
EXAMPLES = 50
# Every check but positive_data_acceptance: a record's spans must lie inside its text, which no
# JSON Schema can say (issue 24).
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance, negative_data_rejection]
# The server answers loopback host names only (schemathesis's client says "testserver").
LOOPBACK = {"Host": "127.0.0.1"}


def _stub_extract(article, _nlp, _time_limit=None):
    """Extraction without a model: the schema test is about the API, not the pipeline."""
    return DocumentRecord(doc_id=article.doc_id or "stub", text=article.text)


def test_web_openapi_lists_every_resource(web_client):
    paths = web_client.get("/openapi.json").json()["paths"]
    assert sorted(paths) == [
        "/api/actors", "/api/disputes", "/api/documents", "/api/documents/{document_id}",
        "/api/events", "/api/events/documents", "/api/events/network", "/api/events/points",
        "/api/events/summary", "/api/events/table", "/api/events/{story_id}", "/api/extract",
        "/api/figures", "/api/meta", "/api/places", "/api/quotes", "/api/search"]


def _fuzz(operation) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def check(case):
        case.call_and_validate(headers={"Authorization": f"Bearer {WEB_TOKEN}", **LOOPBACK},
                               checks=CHECKS)

    check()


def test_web_no_server_error(web_client, monkeypatch):
    web_client.app.state.nlp = object()  # never loaded: extraction is stubbed
    monkeypatch.setattr(extracting, "extract_article", _stub_extract)
    api = schemathesis.openapi.from_asgi("/openapi.json", web_client.app, headers=LOOPBACK)
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) == 18
    for operation in operations:
        started = time.perf_counter()
        _fuzz(operation)
        LOGGER.info("%s %s: %.1f s", operation.method, operation.path,
                    time.perf_counter() - started)
