"""HTML pages: main text, title and date extracted with trafilatura."""

from __future__ import annotations

from collections.abc import Iterator

import trafilatura

from vigie.article import Article
from vigie.errors import Errors, InputError


def parse(content: str, source: str) -> Iterator[Article]:
    """The page's main text as one article."""
    doc = trafilatura.bare_extraction(content, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:
        raise InputError(Errors.E010)
    yield Article(
        text=text,
        title=getattr(doc, "title", None),
        published=getattr(doc, "date", None),
        url=getattr(doc, "url", None),
    )
