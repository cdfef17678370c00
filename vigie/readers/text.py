"""Plain text: the first line is the title when a blank line follows it."""

from __future__ import annotations

from collections.abc import Iterator

from vigie.article import Article

# A title is a short line; longer first lines are the text's first paragraph.
MAX_TITLE_CHARS = 300


def parse(content: str, source: str) -> Iterator[Article]:
    """One article; `text` is what follows the title and its blank line."""
    lines = content.split("\n", 2)
    if (len(lines) == 3 and lines[0].strip() and not lines[1].strip()
            and len(lines[0]) <= MAX_TITLE_CHARS):
        yield Article(text=lines[2].strip("\n"), title=lines[0].strip())
    else:
        yield Article(text=content.strip("\n"))
