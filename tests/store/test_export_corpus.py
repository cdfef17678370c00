"""The three exports on the development corpus ingested (../shared/corpus/inputs.jsonl).

Skipped when the corpus is absent. The corpus is read at run time and never copied here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pandas as pd
import pyarrow.parquet as pq
import pytest
from sqlalchemy import select

from tests.conftest import SHARED
from vigie.store import schema
from vigie.store import schema as schema_module
from vigie.store.export import ACLED_COLUMNS, export_to
from vigie.store.export.tables import acled_tables, plover_tables

INPUTS = SHARED / "corpus" / "inputs.jsonl"
SCHEMA = json.loads((Path(schema_module.__file__).parent / "data" / "plover.schema.json")
                    .read_text(encoding="utf-8"))
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not INPUTS.exists(), reason=f"no development corpus at {INPUTS}")]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp):
    """A store of the 20 corpus articles, and its stories' types."""
    from vigie.store import Store, ingest

    with Store(f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}") as store:
        assert ingest([INPUTS], store, nlp=nlp).added == 20
        with store.reading() as conn:
            types = [r.type for r in conn.execute(select(schema.stories.c.type))]
        yield store, types


def test_export_corpus_plover_lines_validate(corpus):
    store, types = corpus
    done = export_to(store, "plover", None)
    records = [json.loads(line) for line in done.text.splitlines()]
    assert (len(records), done.left_out) == (len(types), {})
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for record in records:
        validator.validate(record)
        assert all(k in SCHEMA["properties"] or k.startswith("vigie_") for k in record)
        dt.date.fromisoformat(record["date"])
    assert sorted(r["event"][0] for r in records) == sorted(types)


def test_export_corpus_acled_rows(corpus):
    store, types = corpus
    done = export_to(store, "acled", None)
    rows = list(csv.DictReader(io.StringIO(done.text)))
    assert done.text.splitlines()[0] == ",".join(ACLED_COLUMNS)
    assert len(rows) + sum(done.left_out.values()) == len(types)
    quads = plover_tables()["quad_code"]
    verbal = [t for t in types if quads[t] in (1, 3) and t not in acled_tables()["plover"]]
    assert done.left_out.get("verbal", 0) == len(verbal)
    subs = acled_tables()["sub_event_types"]
    for row in rows:
        assert subs[row["sub_event_type"]] == [row["event_type"], row["disorder_type"]]
        assert dt.date.fromisoformat(row["event_date"]).year == int(row["year"])
        assert row["time_precision"] in ("1", "2", "3") and row["geo_precision"] in ("1", "2", "3")
        assert row["country"] and row["iso"] and row["region"]


def test_export_corpus_parquet_types(corpus, tmp_path):
    store, types = corpus
    export_to(store, "parquet", tmp_path)
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.num_rows == len(types)
    assert str(events.schema.field("date").type) == "date32[day]"
    published = {json.loads(line)["id"]: json.loads(line)["published"]
                 for line in INPUTS.read_text(encoding="utf-8").splitlines()}
    documents = pd.read_parquet(tmp_path / "documents.parquet", dtype_backend="pyarrow")
    assert str(documents["published"].dtype) == "date32[day][pyarrow]"
    assert {d: p.isoformat() for d, p in zip(documents["doc_id"], documents["published"],
                                             strict=True)} == published
    reports = pd.read_parquet(tmp_path / "reports.parquet", dtype_backend="pyarrow")
    assert str(reports["context"].dtype) == "list<element: string>[pyarrow]"
    assert reports["event_id"].isin(events.column("id").to_pylist()).all()
