"""Every error of the command line is one line on stderr, never a traceback (issue 22)."""

from __future__ import annotations

import importlib

import pytest
from typer.testing import CliRunner

from vigie import __version__
from vigie.cli import app

pytestmark = pytest.mark.issue(22)
runner = CliRunner()


def _one_error_line(result) -> str:
    assert "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ")
    return line


def test_cli_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"vigie {__version__}\n"


@pytest.mark.parametrize("args", [
    ["query", "--near", "foo", "--radius", "5"],
    ["query", "--near", "95,10", "--radius", "5"],
    ["query", "--limit", "0"],
    ["query", "--sinse", "2016"],
    ["query", "--radius", "30"],
    ["extract"],
    ["explain", "douze"],
    ["nope"],
])
def test_cli_usage_errors_are_one_line_exit_2(args, tmp_path):
    result = runner.invoke(app, [*args, "--db", f"sqlite:///{tmp_path / 'x.db'}"]
                           if args[0] in ("query", "explain") else args)
    assert result.exit_code == 2
    assert "--help" in _one_error_line(result)


def test_cli_mistyped_sqlite_path_creates_nothing(tmp_path):
    missing = tmp_path / "typo" / "vigei.db"
    for args in (["query"], ["disputes"], ["explain", "1"], ["export", "plover"]):
        result = runner.invoke(app, [*args, "--db", f"sqlite:///{missing}"])
        assert result.exit_code == 1, args
        assert "[V054]" in _one_error_line(result) and "vigie ingest" in result.stderr
    assert not missing.parent.exists()


def test_cli_store_down_is_one_line():
    # Nothing listens on port 1: the connection is refused at once, as with a server down.
    result = runner.invoke(app, ["query", "--db", "postgresql://vigie:secret@127.0.0.1:1/vigie"])
    assert result.exit_code == 1
    line = _one_error_line(result)
    assert "[V055] postgresql://vigie:***@127.0.0.1:1/vigie:" in line and "secret" not in line


def test_cli_not_a_store_is_one_line(tmp_path):
    (tmp_path / "notes.db").write_text("pas une base\n" * 100, encoding="utf-8")
    (tmp_path / "empty.db").touch()
    for name, code in (("notes.db", "[V055]"), ("empty.db", "[V054]")):
        result = runner.invoke(app, ["query", "--db", f"sqlite:///{tmp_path / name}"])
        assert result.exit_code == 1 and code in _one_error_line(result)


def test_cli_unexpected_error_is_one_line(store, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(importlib.import_module("vigie.store.query"), "query", broken)
    result = runner.invoke(app, ["query", "--db", store.url])
    assert result.exit_code == 1
    assert "unexpected RuntimeError: boom" in _one_error_line(result)


def test_cli_missing_story_is_one_line(store):
    result = runner.invoke(app, ["explain", "12", "--db", store.url])
    assert result.exit_code == 1
    assert _one_error_line(result) == "error: vigie explain: [V051] no story event 12"
