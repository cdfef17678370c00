"""The README answers a newcomer's questions (issue 22); tests/test_docs.py keeps docs/cli.md."""

from __future__ import annotations

from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.issue(22)
@pytest.mark.parametrize("section, words", [
    ("## Input formats", ["`published`", "jj/mm/aaaa", "`.jsonl`", "`.html`", "`.rss`"]),
    ("## Story events", ["2 days", "50 km", "vigie explain"]),
    ("## Code lists", ["`status`", "`sector`", "`precision`", "`level`"]),
    ("## The dashboard", ["timeline", "map", "network"]),
    ("## Exports", ["PLOVER manual", "5e0c24f", "ACLED", "2023 codebook"]),
])
def test_cli_readme_has_the_newcomer_sections(section, words):
    text = README.read_text(encoding="utf-8")
    assert section in text
    body = text.split(section, 1)[1].split("\n## ", 1)[0]
    for word in words:
        assert word in body, (section, word)
