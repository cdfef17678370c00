"""Parquet for analysis: six typed files, no internal columns, read by pyarrow and pandas."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from vigie.store.export import export_parquet, export_to
from vigie.store.export.parquet import SCHEMAS

TABLES = ["events", "reports", "actors", "figures", "quotes", "documents"]


@pytest.fixture
def tables(store, report_record, tmp_path) -> dict[str, pa.Table]:
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    store.add_record(report_record("r2", "2024-03-03", killed=14, claimant="Casques blancs"))
    store.add_record(report_record("r3", "2024-03-09", type="CONSULT", mode=None, place="Goma"))
    paths = export_parquet(store, tmp_path / "pq")
    assert [p.name for p in paths] == [f"{t}.parquet" for t in TABLES]
    return {p.stem: pq.read_table(p) for p in paths}


def test_export_parquet_typed_columns(tables):
    for name, table in tables.items():
        assert table.schema == SCHEMAS[name], name
    events = tables["events"].schema
    assert [str(events.field(c).type) for c in ("date", "lat", "mentions", "fatalities",
                                                "created_at")] == [
        "date32[day]", "double", "int32", "int64", "timestamp[us, tz=UTC]"]
    assert str(tables["reports"].schema.field("context").type) == "list<element: string>"
    internal = {"name_key", "day", "source_key", "target_key", "content_hash", "merge"}
    assert not internal & {c for t in tables.values() for c in t.column_names}


def test_export_parquet_values(tables):
    events = tables["events"].to_pylist()
    assert [(e["id"], e["type"], e["date"], e["mentions"], e["fatalities"]) for e in events] == [
        (1, "ASSAULT", dt.date(2024, 3, 2), 2, 9), (2, "CONSULT", dt.date(2024, 3, 9), 1, None)]
    reports = tables["reports"].to_pylist()
    assert [(r["event_id"], r["doc_id"], r["merge_rule"]) for r in reports] == [
        (1, "r1", "new"), (1, "r2", "merged"), (2, "r3", "new")]
    figures = tables["figures"].to_pylist()
    assert [(f["doc_id"], f["kind"], f["value"], f["report_ids"]) for f in figures] == [
        ("r1", "killed", 9.0, [1]), ("r2", "killed", 14.0, [2])]
    assert tables["documents"].column("published").to_pylist() == [
        dt.date(2024, 3, 2), dt.date(2024, 3, 3), dt.date(2024, 3, 9)]


def test_export_parquet_reads_in_pandas(store, report_record, tmp_path):
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    done = export_to(store, "parquet", tmp_path / "pq")
    assert done.lines() == [f"wrote 6 Parquet files to {tmp_path / 'pq'}: events (1 rows), "
                            "reports (1 rows), actors (2 rows), figures (1 rows), quotes (0 rows),"
                            " documents (1 rows)"]
    frame = pd.read_parquet(tmp_path / "pq" / "events.parquet", dtype_backend="pyarrow")
    assert [str(frame[c].dtype) for c in ("date", "lat", "fatalities", "mentions")] == [
        "date32[day][pyarrow]", "double[pyarrow]", "int64[pyarrow]", "int32[pyarrow]"]
    actors = pd.read_parquet(tmp_path / "pq" / "actors.parquet")
    assert list(actors["name"]) == ["Russie", "OSDH"]
    assert list(actors["mentions"][0]) == []
