"""RSS and Atom feed files: each item an article, its date as `published`."""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser
import trafilatura

from vigie.article import Article
from vigie.errors import Errors, InputError


def parse(content: str, source: str) -> Iterator[Article]:
    """One article per feed item with a text (content, else summary), HTML stripped."""
    feed = feedparser.parse(content)
    if not feed.entries:
        if feed.bozo:
            raise InputError(Errors.E009.format(fmt="feed", reason=feed.bozo_exception))
        raise InputError(Errors.E011)
    for number, entry in enumerate(feed.entries, start=1):
        body = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
        text = _strip_html(body)
        yield Article(
            text=text,
            id=entry.get("id") or entry.get("link"),
            title=entry.get("title"),
            published=_date(entry),
            url=entry.get("link"),
            source=f"{source}:{number}",
        )


def _strip_html(body: str) -> str:
    if "<" not in body:
        return body.strip()
    text = trafilatura.extract(f"<html><body><article>{body}</article></body></html>")
    return (text or "").strip()


def _date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
