"""Exports: PLOVER JSONL, ACLED-style CSV, Parquet for analysis, and query rows as files.

docs/exports.md describes every field and the mapping tables (vigie/store/data/).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from vigie.store.export.acled import ACLED_COLUMNS, AcledExport, acled_rows
from vigie.store.export.parquet import export_parquet
from vigie.store.export.plover import PloverExport, plover_records
from vigie.store.export.rows import csv_text, jsonl, write_rows
from vigie.store.store import Store

__all__ = ["ACLED_COLUMNS", "Exported", "acled_rows", "export", "export_parquet", "export_to",
           "plover_records", "write_rows"]
LOGGER = logging.getLogger(__name__)
FORMATS = ("plover", "acled", "parquet")
DEFAULT_PARQUET_DIR = Path("vigie-parquet")


@dataclass
class Exported:
    """What an export wrote: the format, its rows, its files, and what it left out (by reason)."""

    fmt: str
    rows: int = 0
    paths: list[Path] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)
    text: str | None = None  # the file's content when no output path was given

    def lines(self) -> list[str]:
        """The summary the CLI prints: what was written where, and what was left out."""
        if self.fmt == "parquet":
            tables = ", ".join(f"{p.stem} ({pq.read_metadata(p).num_rows} rows)"
                               for p in self.paths)
            where = self.paths[0].parent if self.paths else ""
            return [f"wrote {len(self.paths)} Parquet files to {where}: {tables}"]
        what = "PLOVER records" if self.fmt == "plover" else "ACLED rows"
        where = ", ".join(str(p) for p in self.paths) or "standard output"
        lines = [f"wrote {self.rows} {what} to {where}"]
        total = sum(self.left_out.values())
        if total:
            reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.left_out.items()))
            lines.append(f"left out {total} of {total + self.rows} story events: {reasons}")
        return lines


def export_to(store: Store, fmt: str, out: Path | None) -> Exported:
    """Export the whole store as PLOVER JSONL, ACLED CSV (a file) or Parquet (a directory).

    Args:
        store: the store to export.
        fmt: `plover`, `acled` or `parquet`.
        out: the file (the directory for parquet, default `vigie-parquet`); None for plover and
            acled keeps the text in `Exported.text`.

    Returns:
        What was written and what was left out.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    if fmt == "parquet":
        paths = export_parquet(store, out or DEFAULT_PARQUET_DIR)
        return Exported(fmt, rows=len(paths), paths=paths)
    if fmt == "plover":
        report = PloverExport()
        text = jsonl(plover_records(store, report=report))
    else:
        report = AcledExport()
        text = csv_text(acled_rows(store, report=report), ACLED_COLUMNS)
    done = Exported(fmt, rows=report.written, left_out=report.left_out)
    if out is None:
        done.text = text
    else:
        out.write_text(text, encoding="utf-8")
        done.paths = [out]
    return done


def export(store: Store, fmt: str, out: Path | None) -> str | None:
    """`export_to`, returning the text when `out` is None (plover, acled)."""
    return export_to(store, fmt, out).text
