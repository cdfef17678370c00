"""Ingest: end to end through extract_many, records input, bad inputs, resume after SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from vigie.cli import app
from vigie.settings import Settings
from vigie.store import ingest

ARTICLES = 80
# Two articles per transaction: the store must always hold whole batches.
BATCH = 2


def _write_articles(directory, count):
    directory.mkdir()
    for i in range(count):
        text = (f"Le {i % 28 + 1} mars 2024, des manifestants se sont rassemblés à Lyon "
                f"pour réclamer la libération de {i + 3} militants, selon la préfecture.")
        (directory / f"a{i:03d}.txt").write_text(text, encoding="utf-8")


def test_store_ingest_real_files_end_to_end(store, nlp, tmp_path):
    _write_articles(tmp_path / "in", 3)
    summary = ingest([tmp_path / "in"], store, nlp=nlp, published="2024-03-05")
    assert (summary.added, summary.duplicates, summary.failed) == (3, 0, [])
    again = ingest([tmp_path / "in"], store, nlp=nlp)
    assert (again.added, again.duplicates) == (0, 3)
    assert store.count("documents") == 3


def test_store_ingest_records_and_bad_inputs(store, report_record, tmp_path):
    good = report_record("r1", "2024-03-02", killed=9, claimant="OSDH").to_json()
    (tmp_path / "in.jsonl").write_text(good + "\n{\"doc_id\": 1}\n" + good + "\n")
    summary = ingest([tmp_path / "in.jsonl", tmp_path / "missing.jsonl"], store, records=True)
    assert (summary.added, summary.duplicates) == (1, 1)
    assert [source for source, _ in summary.failed] == [
        f"{tmp_path / 'in.jsonl'}:2", str(tmp_path / "missing.jsonl")]
    assert summary.failed[1][1].startswith("[V006]")


def test_store_ingest_cli_reports_and_summarises(report_record, tmp_path):
    (tmp_path / "in.jsonl").write_text(report_record("r1", "2024-03-02").to_json() + "\n")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "in.jsonl"), str(tmp_path / "no"),
                                      "--records", "--db", db])
    assert result.exit_code == 1  # any input failed (issue 22)
    assert "added 1, duplicates skipped 0, failed 1" in result.stdout
    assert f"error: {tmp_path / 'no'}: [V006]" in result.stderr
    shown = CliRunner().invoke(app, ["query", "--db", db, "--format", "jsonl"])
    assert '"place": "Idleb"' in shown.stdout


def _count(path) -> int:
    with sqlite3.connect(path) as conn:
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:  # tables not created yet
            return 0


@pytest.mark.slow
def test_store_ingest_resumes_after_sigkill(nlp, tmp_path):
    _write_articles(tmp_path / "in", ARTICLES)
    path = tmp_path / "kill.db"
    command = [sys.executable, "-m", "vigie.cli", "ingest", str(tmp_path / "in"),
               "--db", f"sqlite:///{path}", "--batch-size", str(BATCH)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline and _count(path) == 0:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored = _count(path)
    assert 0 < stored < ARTICLES and stored % BATCH == 0
    from vigie.store import Store

    with Store(f"sqlite:///{path}") as store:
        summary = ingest([tmp_path / "in"], store, nlp=nlp, settings=Settings(batch_size=BATCH))
        assert (summary.added, summary.duplicates) == (ARTICLES - stored, stored)
        assert store.count("documents") == ARTICLES
