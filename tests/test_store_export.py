"""Exports parsed back: PLOVER JSONL, ACLED CSV, Parquet of all tables, query outputs."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from vigie.store import Filters, query
from vigie.store.export import ACLED_COLUMNS, export, write_rows


@pytest.fixture
def filled(store, report_record):
    target = ("civils", "population", "SYR")
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH", target=target))
    store.add_record(report_record("r2", "2024-03-03", killed=14, claimant="Casques blancs"))
    store.add_record(report_record("r3", "2024-03-09", type="CONSULT", mode=None, place="Goma"))
    return store


def test_store_export_plover_fields(filled):
    records = [json.loads(line) for line in export(filled, "plover", None).splitlines()]
    first = records[0]
    assert [r["id"] for r in records] == ["vigie-1", "vigie-2"]
    assert (first["date"], first["event"], first["mode"], first["quad_code"]) == (
        "2024-03-02", ["ASSAULT"], ["aerial"], 4)
    assert first["source"] == [{"code": "RUS", "sector": None, "actor_text": "Russie",
                                "identifer_id": None}]
    assert first["recipient"][0]["actor_text"] == "civils"
    assert first["event_loc"] == {"geonameid": None, "name": "Idleb", "latitude": 35.93,
                                  "longitude": 36.63, "country code": "SY", "cc3": "SYR"}
    assert [r["doc_id"] for r in first["reports"]] == ["r1", "r2"]
    assert records[1]["quad_code"] == 1 and records[1]["recipient"] == []


def test_store_export_acled_csv(filled):
    rows = list(csv.DictReader(io.StringIO(export(filled, "acled", None))))
    assert list(rows[0]) == ACLED_COLUMNS
    assert len(rows) == 1  # CONSULT is not an ACLED event
    row = rows[0]
    assert (row["event_date"], row["event_type"], row["sub_event_type"]) == (
        "2024-03-02", "Explosions/Remote violence", "Air/drone strike")
    assert (row["actor1"], row["actor2"], row["country"], row["location"]) == (
        "Russie", "civils", "Syrian Arab Republic", "Idleb")
    assert (row["geo_precision"], row["time_precision"], row["fatalities"]) == ("1", "2", "9")
    assert row["source"] == "r1; r2"


def test_store_export_parquet_tables(filled, tmp_path):
    export(filled, "parquet", tmp_path / "pq")
    stories = pq.read_table(tmp_path / "pq" / "stories.parquet").to_pylist()
    documents = pq.read_table(tmp_path / "pq" / "documents.parquet").to_pylist()
    assert sorted(p.name for p in (tmp_path / "pq").iterdir())[:2] == [
        "actors.parquet", "documents.parquet"]
    assert [(s["id"], s["type"], s["mentions"]) for s in stories] == [
        (1, "ASSAULT", 2), (2, "CONSULT", 1)]
    assert [d["doc_id"] for d in documents] == ["r1", "r2", "r3"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_store_query_output_formats(filled, tmp_path, fmt):
    rows = query(filled, Filters())
    out = tmp_path / f"rows.{fmt}"
    write_rows(rows, fmt, out)
    if fmt == "jsonl":
        back = [json.loads(line) for line in out.read_text().splitlines()]
    elif fmt == "csv":
        back = list(csv.DictReader(out.open()))
    else:
        back = pq.read_table(out).to_pylist()
    assert [str(r["id"]) for r in back] == ["2", "1"]
    assert [str(r["fatalities"]) for r in back] == ["None" if fmt != "csv" else "", "9"]
