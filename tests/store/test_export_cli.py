"""`vigie export`: the files, and a summary on stderr of what was written and left out."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from vigie.cli import app

runner = CliRunner()


def _filled(store, report_record) -> str:
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    store.add_record(report_record("r2", "2024-03-09", type="ACCUSE", mode=None, place="Goma"))
    return store.url


def test_export_cli_acled_file_and_summary(store, report_record, tmp_path):
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "acled", "--db", _filled(store, report_record),
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"wrote 1 ACLED rows to {out}",
                                          "left out 1 of 2 story events: 1 verbal"]
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("SYR1,2024-03-02,2024,2,")


def test_export_cli_plover_to_stdout(store, report_record):
    result = runner.invoke(app, ["export", "plover", "--db", _filled(store, report_record)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [
        "vigie-1", "vigie-2"]
    assert result.stderr.splitlines() == ["wrote 2 PLOVER records to standard output"]
