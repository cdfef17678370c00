"""vigie ingest: its exit status, its dates and its progress bar (issue 22)."""

from __future__ import annotations

import importlib
import sqlite3

import pytest
from rich.progress import Progress
from typer.testing import CliRunner

from vigie.cli import app
from vigie.record import DocumentRecord
from vigie.store import Store, ingest

pytestmark = pytest.mark.issue(22)
runner = CliRunner()


def test_cli_ingest_exits_1_when_any_input_fails(report_record, tmp_path):
    good = [report_record(f"r{i}", "2024-03-02", when=f"le {i} mars") for i in (1, 2)]
    (tmp_path / "good.jsonl").write_text("".join(r.to_json() + "\n" for r in good))
    (tmp_path / "bad.jsonl").write_text('{"doc_id": "x"}\n{"text": 3}\n')
    inputs = [tmp_path / "good.jsonl", tmp_path / "bad.jsonl", tmp_path / "no1", tmp_path / "no2"]
    db = f"sqlite:///{tmp_path / 'in.db'}"
    result = runner.invoke(app, ["ingest", *map(str, inputs), "--records", "--db", db])
    assert result.exit_code == 1
    assert "added 2, duplicates skipped 0, failed 4" in result.stdout
    assert len([x for x in result.stderr.splitlines() if x.startswith("error: ")]) == 4


def test_cli_ingest_published_jj_mm_aaaa_is_stored_iso(report_record, tmp_path):
    record = report_record("r1", None)
    (tmp_path / "in.jsonl").write_text(record.to_json() + "\n")
    db = tmp_path / "in.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "in.jsonl"), "--records",
                                 "--published", "11/02/2016", "--db", f"sqlite:///{db}"])
    assert result.exit_code == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT published FROM documents").fetchall() == [("2016-02-11",)]


def test_cli_published_is_strict(tmp_path):
    db = tmp_path / "x.db"
    for args in (["ingest", str(tmp_path), "--db", f"sqlite:///{db}"], ["extract", str(tmp_path)]):
        result = runner.invoke(app, [*args, "--published", "11-02-2016"])
        assert result.exit_code == 2 and "[V015]" in result.stderr, args
    assert not db.exists()


def test_cli_ingest_progress_rate_is_honest():
    from vigie.store.progress import RateColumn

    now = [0.0]
    with Progress(RateColumn(), get_time=lambda: now[0], disable=True) as progress:
        task = progress.add_task("ingest", total=64)
        now[0] = 10.0  # ten seconds of extraction, then one batch of 32 records at once
        for _ in range(32):
            progress.advance(task)
        assert str(RateColumn().render(progress.tasks[0])) == "3.2 articles/s, ETA 0:00:10"


def test_cli_ingest_progress_moves_per_few_articles(tmp_path, monkeypatch):
    pipeline = importlib.import_module("vigie.pipeline")
    batches = []

    def fake_extract_each(articles, *, nlp, n_process, batch_size, time_limit):
        batches.append(batch_size)
        return (DocumentRecord(doc_id=a.doc_id, text=a.text) for a in articles)

    monkeypatch.setattr(pipeline, "extract_each", fake_extract_each)
    (tmp_path / "in.jsonl").write_text("".join(
        f'{{"id": "a{i}", "text": "Article {i} : la ville a été bombardée."}}\n'
        for i in range(10)))
    with Store(f"sqlite:///{tmp_path / 'p.db'}") as store:
        summary = ingest([tmp_path / "in.jsonl"], store, nlp=object(), progress=True)
    assert summary.added == 10
    assert batches == [4]  # records come out every 4 articles, not every 32
