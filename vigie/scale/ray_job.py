"""Extraction as a Ray Data job: read articles, run vigie in actors that load the model once,
write one Parquet row per record.

Runs on a local Ray instance (`ray.init()`) or on a cluster (`RAY_ADDRESS=ray://head:10001`);
input and output may be local paths or object-store URIs that pyarrow understands (s3://, gs://).
See docs/scale.md.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa

from vigie.record import DocumentRecord

LOGGER = logging.getLogger(__name__)
COMPONENTS = ("actors", "places", "times", "quotes", "figures", "events")
# CPU share of a read task: reads are I/O, and must not wait behind the extraction actors that
# hold whole CPUs (on a 2-CPU instance with 2 actors, a full-CPU read task never gets scheduled).
READ_CPUS = 0.1
# CPU share each extraction actor asks for: a little under one, so that N actors on N CPUs still
# leave room for the read tasks (Ray Data starts the actor pool before the reads finish).
ACTOR_CPUS = 0.9
# Articles per batch sent to one actor: large enough to amortise nlp.pipe's batching,
# small enough to keep every actor busy on a 1 000-article corpus.
BATCH_SIZE = 64


RECORD_SCHEMA = pa.schema(
    [("doc_id", pa.string()), ("lang", pa.string()), ("title", pa.string()),
     ("published", pa.string()), ("published_inferred", pa.bool_()), ("url", pa.string()),
     ("text", pa.string()), ("meta", pa.string())]
    + [(c, pa.string()) for c in COMPONENTS]
)

# What an extraction actor returns: the records' columns and `error`, set (and only `doc_id`
# with it) for an article that failed; `run` writes the records and reports the failures.
RESULT_SCHEMA = RECORD_SCHEMA.append(pa.field("error", pa.string()))


def record_row(record: DocumentRecord) -> dict:
    """One flat Parquet row: metadata columns and one JSON column per component."""
    data = record.model_dump(mode="json")
    row = {k: data[k] for k in ("doc_id", "lang", "title", "published", "published_inferred",
                                "url", "text")}
    row["meta"] = json.dumps(data["meta"], ensure_ascii=False)
    row.update({c: json.dumps(data[c], ensure_ascii=False) for c in COMPONENTS})
    return row


def row_record(row: dict) -> DocumentRecord:
    """The record a Parquet row holds (inverse of record_row)."""
    data = {k: row[k] for k in ("doc_id", "lang", "title", "published", "published_inferred",
                                "url", "text")}
    data["meta"] = json.loads(row["meta"])
    data.update({c: json.loads(row[c]) for c in COMPONENTS})
    return DocumentRecord.model_validate(data)


class Extractor:
    """A Ray actor's callable: loads the pipeline once, extracts a batch of articles."""

    def __init__(self, model: str = "fr_core_news_md"):
        from vigie.pipeline import load

        self.nlp = load(model)

    def __call__(self, batch: pa.Table) -> pa.Table:
        """The batch's records; an article that fails gives a row with only `doc_id` and
        `error` (its coded reason), and costs no other article its record (issue 24)."""
        from vigie.errors import InputError
        from vigie.pipeline import Failed, extract_each

        given = _normalise(batch).to_pylist()
        items = [{"text": r["text"], "id": r["id"], "title": r["title"],
                  "published": r["published"] or None} for r in given if r["error"] is None]
        results = iter(extract_each(items, nlp=self.nlp))
        rows = []
        for row in given:  # in order: a file the reader refused keeps its place and its reason
            result = Failed(row["id"], InputError(row["error"])) if row["error"] else next(results)
            if isinstance(result, Failed):
                rows.append({"doc_id": row["id"] or result.source, "error": result.reason})
            else:
                rows.append(record_row(result))
        return pa.Table.from_pylist(rows, schema=RESULT_SCHEMA)


def read_articles(source: str):
    """A Ray Dataset of articles (id, title, published, text) from JSONL, Parquet or text files."""
    import ray.data

    suffix = Path(source.rstrip("/")).suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        ds = ray.data.read_json(source, lines=True, num_cpus=READ_CPUS)
    elif suffix == ".parquet" or (Path(source).is_dir() and any(Path(source).glob("*.parquet"))):
        ds = ray.data.read_parquet(source, num_cpus=READ_CPUS)
    else:
        ds = ray.data.read_binary_files(source, file_extensions=["txt"], include_paths=True,
                                        num_cpus=READ_CPUS)
        ds = ds.map_batches(_parse_text_files, batch_format="pyarrow", num_cpus=READ_CPUS)
    return ds


def _parse_text_files(table: pa.Table) -> pa.Table:
    """Text files read exactly as `vigie extract` reads them (decoding, title line)."""
    from vigie.readers import Rejected, Warned, read_bytes

    rows = []
    for path, data in zip(table["path"].to_pylist(), table["bytes"].to_pylist(), strict=True):
        for item in read_bytes(path, data, ".txt", max_bytes=len(data) + 1):
            if isinstance(item, Warned):
                LOGGER.warning("%s: %s", item.source, item.reason)
            elif isinstance(item, Rejected):  # reported by `run` with the failed extractions
                rows.append({"id": item.source, "error": item.reason})
            else:
                rows.append({"id": Path(path).stem, "title": item.title, "text": item.text})
    return pa.Table.from_pylist(rows, schema=pa.schema([("id", pa.string()), ("title", pa.string()),
                                                         ("text", pa.string()),
                                                         ("error", pa.string())]))


def _normalise(table: pa.Table) -> pa.Table:
    n = table.num_rows
    columns = {}
    for name in ("id", "title", "published"):
        values = table[name].to_pylist() if name in table.column_names else [None] * n
        columns[name] = [None if v is None else str(v) for v in values]
    columns["text"] = table["text"].to_pylist()
    columns["error"] = table["error"].to_pylist() if "error" in table.column_names else [None] * n
    return pa.table(columns)


def run(source: str, output: str, *, model: str = "fr_core_news_md", actors: int = 2,
        batch_size: int = BATCH_SIZE, db: str | None = None,
        report: Callable[[str, str], None] | None = None) -> int:
    """Extract every article under `source` and write records as Parquet under `output`.

    Args:
        source: JSONL/Parquet file or folder, or a folder of .txt files (path or URI).
        output: folder (path or URI) for the Parquet files.
        model: spaCy model package each actor loads.
        actors: number of extraction actors (one model each).
        batch_size: articles per batch.
        db: also add the records to this store (URL), as `vigie ingest --records` would.
        report: called as report(doc_id, reason) for each article that failed (default: logged).

    Returns:
        The number of records written.
    """
    from ray.data import ActorPoolStrategy
    from ray.data.expressions import col

    results = read_articles(source).map_batches(
        Extractor, fn_constructor_kwargs={"model": model}, batch_size=batch_size,
        compute=ActorPoolStrategy(size=actors), num_cpus=ACTOR_CPUS, batch_format="pyarrow",
    ).materialize()
    for failed in results.filter(expr=col("error").is_not_null()).take_all():
        (report or _log_failure)(failed["doc_id"], failed["error"])
    ds = results.filter(expr=col("error").is_null()).drop_columns(["error"]).materialize()
    ds.write_parquet(output)
    if db is not None:
        store_records(ds, db, batch_size)
    return ds.count()


def _log_failure(doc_id: str, reason: str) -> None:
    LOGGER.error("%s: %s", doc_id, reason)


def store_records(ds, db: str, batch_size: int = BATCH_SIZE) -> int:
    """Add the job's records to the store at `db` from the driver, one transaction per batch.

    Returns:
        How many records were new to the store (the others were stored already).
    """
    from vigie.store import Store

    added = 0
    with Store(db) as store:
        for table in ds.iter_batches(batch_size=batch_size, batch_format="pyarrow"):
            ids = store.add_records(row_record(row) for row in table.to_pylist())
            added += sum(1 for i in ids if i is not None)
    LOGGER.info("stored %d new records in %s", added, db)
    return added
