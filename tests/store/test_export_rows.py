"""Query rows written as JSONL, CSV and Parquet (`vigie query --format`)."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from vigie.store import Filters, query
from vigie.store.export import write_rows


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_rows_query_output_formats(store, report_record, tmp_path, fmt):
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    store.add_record(report_record("r3", "2024-03-09", type="CONSULT", mode=None, place="Goma"))
    out = tmp_path / f"rows.{fmt}"
    write_rows(query(store, Filters()), fmt, out)
    if fmt == "jsonl":
        back = [json.loads(line) for line in out.read_text().splitlines()]
    elif fmt == "csv":
        back = list(csv.DictReader(out.open()))
    else:
        back = pq.read_table(out).to_pylist()
    assert [str(r["id"]) for r in back] == ["2", "1"]
    assert [str(r["fatalities"]) for r in back] == ["None" if fmt != "csv" else "", "9"]
