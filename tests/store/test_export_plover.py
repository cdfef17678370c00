"""PLOVER JSONL as the manual names its fields, checked on short reports written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from vigie.record import DocumentRecord
from vigie.store.export import export_to
from vigie.store.export.plover import PloverExport, plover_records

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "vigie/store/data/plover.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
CODEBOOK = "PLOVER (openeventdata/PLOVER 5e0c24f, February 2024)"


def validate(record: dict) -> None:
    """The record fits the manual's table, and every other field is vigie's own."""
    jsonschema.Draft202012Validator(SCHEMA).validate(record)
    extra = set(record) - set(SCHEMA["properties"])
    assert all(key.startswith("vigie_") for key in extra), extra


@pytest.fixture
def filled(store, report_record):
    target = ("civils", "population", "SYR")
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH", target=target))
    store.add_record(report_record("r2", "2024-03-03", killed=14, claimant="Casques blancs"))
    store.add_record(report_record("r3", "2024-03-09", type="CONSULT", mode=None, place="Goma"))
    return store


def test_export_plover_record_fields(filled):
    first, second = (json.loads(line) for line in export_to(filled, "plover", None).text
                     .splitlines())
    validate(first)
    validate(second)
    assert (first["id"], first["date"], first["enddate"], first["vigie_date_precision"]) == (
        "vigie-1", "2024-03-02", None, "published")
    assert (first["event"], first["mode"], first["quad_code"], first["dead"]) == (
        ["ASSAULT"], ["aerial"], 4, 9)
    assert first["actor"] == [{"code": "RUS", "sector": None, "entity_text": "Russie",
                               "identifier_id": "Q159", "identifier_text": "Russia"}]
    assert first["recipient"] == [{"code": "SYR", "sector": None, "entity_text": "civils",
                                   "identifier_id": None, "identifier_text": None}]
    assert [r["doc_id"] for r in first["vigie_reports"]] == ["r1", "r2"]
    assert (second["quad_code"], second["recipient"], second["dead"]) == (1, [], None)


def test_export_plover_location_text_and_citation(filled):
    first = next(plover_records(filled))
    assert first["event_loc"] == {
        "extracted_place": "Idleb", "resolved_place": "Idleb", "geonameid": None, "lat": 35.93,
        "lon": 36.63, "city": "Idleb", "district": None, "province": None, "country": "Syria",
        "country_code": "SYR", "resolution": 4, "feature_class": "P", "feature_code": None}
    assert first["text_info"] == {"sequence": 1, "start": 0, "end": 63}
    assert first["cite_info"] == {
        "corpus": None, "citation": "r1", "url": None, "title": None, "language": "fr",
        "publication": None, "coder": "vigie 0.1.0", "codebook": CODEBOOK, "version": "0.1.0"}
    assert first["event_text"][0] == (
        "Selon OSDH, une frappe a visé Idleb hier, faisant 9 morts. (r1)")


def _month_record() -> DocumentRecord:
    text = "Intro. En mars 2015, des frappes russes ont tué 30 personnes à Alep, dont 12 enfants."
    at = text.index
    return DocumentRecord(
        doc_id="m1", published="2015-06-01", text=text, url="https://www.example.org/a/1",
        meta={"publisher": "Agence X"},
        actors=[{"id": "a1", "name": "Russie", "kind": "state", "country": "RUS",
                 "mentions": [[at("russes"), at("russes") + 6]]},
                {"id": "a2", "name": "Agence X", "kind": "organization", "sector": "MED"}],
        places=[{"id": "p1", "name": "Alep", "canonical": "Aleppo", "country": "SYR",
                 "lat": 36.2, "lon": 37.16, "geonameid": 170063, "level": "city"}],
        times=[{"id": "t1", "text": "En mars 2015", "start": 7, "end": 19, "value": "2015-03",
                "precision": "month"}],
        figures=[{"id": "f1", "kind": "killed", "value": 30, "start": at("30"),
                  "end": at("30") + 2},
                 {"id": "f2", "kind": "killed", "value": 12, "part_of": "f1", "start": at("12"),
                  "end": at("12") + 2}],
        events=[{"id": "e1", "type": "ASSAULT", "mode": "aerial", "source": "a1", "place": "p1",
                 "time": "t1", "figures": ["f1", "f2"], "trigger": "frappes", "start": 7,
                 "end": len(text)},
                {"id": "e2", "type": "ACCUSE", "source": "a2", "trigger": "accuse", "start": 7,
                 "end": len(text)}])


def test_export_plover_month_date_subset_and_media_sector(store):
    store.add_record(_month_record())
    report = PloverExport()
    first, second = list(plover_records(store, report=report))
    validate(first)
    assert (first["date"], first["enddate"], first["vigie_date_precision"]) == (
        "2015-03-01", "2015-03-31", "month")
    assert first["dead"] == 30  # "dont 12 enfants" is a subset, not a lower count
    assert first["actor"][0]["entity_text"] == "russes"
    assert first["event_loc"]["province"] == "Alep"
    assert (first["text_info"]["sequence"], first["cite_info"]["publication"]) == (2, "Agence X")
    assert second["actor"][0] == {  # vigie's MED (media) is PLOVER's JRN
        "code": None, "sector": "JRN", "entity_text": "Agence X", "identifier_id": None,
        "identifier_text": None}
    assert (report.written, report.left_out) == (2, {})
