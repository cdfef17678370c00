"""The docs stay honest: settings, commands and the README quick start."""

from pathlib import Path

from vigie.cli_docs import cli_reference
from vigie.settings import HELP, Settings

ROOT = Path(__file__).resolve().parent.parent


def test_docs_every_setting_is_documented():
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert set(HELP) == set(Settings.__dataclass_fields__)
    for name in HELP:
        assert f"`{name}`" in text, name


def test_docs_cli_reference_is_current():
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == cli_reference(), "regenerate: python -m vigie.cli_docs > docs/cli.md"


def test_docs_readme_quick_start_is_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make run", "make test"]
