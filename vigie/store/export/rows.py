"""Rows of a query or a report as JSONL, CSV or Parquet (`vigie query`, `vigie disputes`)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def write_rows(rows: list[dict], fmt: str, out: Path | None) -> str | None:
    """Write rows as jsonl, csv or parquet to `out`; jsonl/csv are returned as text without out."""
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet needs an output file")
        pq.write_table(pa.Table.from_pylist(rows), out)
        return None
    text = jsonl(rows) if fmt == "jsonl" else csv_text(rows, list(rows[0]) if rows else [])
    if out is None:
        return text
    out.write_text(text, encoding="utf-8")
    return None


def jsonl(rows: Iterable[dict]) -> str:
    """One JSON object per line (UTF-8 kept, dates as ISO text)."""
    return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)


def csv_text(rows: Iterable[dict], columns: list[str]) -> str:
    """CSV with a header line; None is an empty cell."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
