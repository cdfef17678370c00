"""Two `vigie ingest` at once on one new store, RUNS times (issue 24's "Done when").

Each run starts two `vigie ingest` of the same articles on a new store at the same moment, then
compares the store with the one a single ingest makes: every table, row by row (timestamps left
out). A run passes when both commands exit 0, say no error, and the store is that store.

Usage: python bench/concurrent_ingest.py [--runs 10] [--articles 60] [--batch-size 4]
                                         [--pg postgresql://...]
(with --pg, each run's store is a new schema of that database, dropped afterwards).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import synthetic  # noqa: E402

from vigie.store import Store, schema  # noqa: E402

VIGIE = Path(sys.executable).parent / "vigie"
TIMESTAMPS = {"added_at", "created_at"}


def checksums(url: str) -> dict[str, tuple[int, str]]:
    """(rows, sha1 of the rows in key order) of every table, timestamps left out."""
    sums = {}
    with Store(url, create=False) as store, store.reading() as conn:
        for table in schema.TABLES:
            columns = [c for c in table.columns if c.name not in TIMESTAMPS]
            rows = conn.execute(table.select().with_only_columns(*columns)
                                .order_by(*table.primary_key.columns)).all()
            digest = hashlib.sha1(repr([tuple(r) for r in rows]).encode()).hexdigest()[:12]
            sums[table.name] = (len(rows), digest)
    return sums


def ingest(inputs: Path, url: str, batch_size: int) -> subprocess.Popen:
    return subprocess.Popen([str(VIGIE), "ingest", str(inputs), "--db", url,
                             "--batch-size", str(batch_size)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def said(process: subprocess.Popen) -> tuple[int, str, list[str]]:
    out, err = process.communicate(timeout=1200)
    errors = [line for line in err.splitlines() if line.startswith(("error", "Traceback"))]
    return process.returncode, out.strip().splitlines()[0] if out.strip() else "", errors


class Stores:
    """New stores: SQLite files in a folder, or schemas of one PostgreSQL database."""

    def __init__(self, folder: Path, pg: str | None):
        self.folder, self.pg, self.schemas = folder, pg, []

    def new(self, name: str) -> str:
        if not self.pg:
            return f"sqlite:///{self.folder / name}.db"
        import sqlalchemy

        schema_name = f"vigie_bench_{name}_{uuid.uuid4().hex[:6]}"
        engine = sqlalchemy.create_engine(self.pg.replace("postgresql://", "postgresql+psycopg://"))
        with engine.begin() as conn:
            conn.execute(sqlalchemy.schema.CreateSchema(schema_name))
        engine.dispose()
        self.schemas.append(schema_name)
        return self.pg + ("&" if "?" in self.pg else "?") + f"options=-csearch_path%3D{schema_name}"

    def drop(self) -> None:
        if not self.pg:
            return
        import sqlalchemy

        engine = sqlalchemy.create_engine(self.pg.replace("postgresql://", "postgresql+psycopg://"))
        with engine.begin() as conn:
            for name in self.schemas:
                conn.execute(sqlalchemy.schema.DropSchema(name, cascade=True))
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--batch-size", type=int, default=4,
                        help="articles per transaction: small, so that the two interleave")
    parser.add_argument("--pg", help="a PostgreSQL database URL (else SQLite files)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "articles.jsonl"
        inputs.write_text("".join(
            json.dumps({"id": f"a{i}", "text": text, "published": f"2024-03-{1 + i % 28:02d}"},
                       ensure_ascii=False) + "\n"
            for i, text in enumerate(synthetic(args.articles))), encoding="utf-8")
        stores = Stores(Path(tmp), args.pg)
        try:
            reference = stores.new("alone")
            status, summary, errors = said(ingest(inputs, reference, args.batch_size))
            print(f"one ingest: exit {status}, {summary}" + (f", {errors}" if errors else ""))
            expected = checksums(reference)
            print("reference store: " + ", ".join(f"{t} {n}" for t, (n, _) in expected.items()))
            passed = 0
            for run in range(1, args.runs + 1):
                url, started = stores.new(f"both{run}"), time.perf_counter()
                both = [ingest(inputs, url, args.batch_size), ingest(inputs, url, args.batch_size)]
                results = [said(p) for p in both]
                same = checksums(url) == expected
                ok = same and all(status == 0 and not errors for status, _, errors in results)
                passed += ok
                print(f"run {run:2d}: exits {[r[0] for r in results]}, "
                      f"{' | '.join(r[1].split(' (')[0] for r in results)}, "
                      f"errors {sum(len(r[2]) for r in results)}, "
                      f"store {'= reference' if same else 'DIFFERS'} "
                      f"({time.perf_counter() - started:.0f} s)"
                      + "".join(f"\n    {line}" for r in results for line in r[2][:3]), flush=True)
        finally:
            stores.drop()
    print(f"{passed} of {args.runs} runs: both ingests exit 0, no error, the reference store")
    return 0 if passed == args.runs else 1


if __name__ == "__main__":
    sys.exit(main())
