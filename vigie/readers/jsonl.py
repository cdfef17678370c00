"""JSON Lines and JSON: fields id, title, text, published, url, lang; others kept as metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator

from vigie.article import Article
from vigie.errors import Errors, InputError

FIELDS = ("id", "title", "text", "published", "url", "lang")


def parse_lines(content: str, source: str) -> Iterator:
    """One article per non-blank line; a bad line is rejected, the others still read."""
    from vigie.readers import Rejected

    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _article(json.loads(line), where, number)
        except json.JSONDecodeError as exc:
            yield Rejected(source, Errors.E005.format(line=number, reason=exc.msg))
        except InputError as exc:
            yield Rejected(source, str(exc))


def parse_json(content: str, source: str) -> Iterator[Article]:
    """One object, or a list of objects."""
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError(Errors.E005.format(line=exc.lineno, reason=exc.msg)) from None
    for number, item in enumerate(data if isinstance(data, list) else [data], start=1):
        yield _article(item, f"{source}:{number}", number)


def _article(item, where: str, number: int) -> Article:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise InputError(Errors.E008.format(line=number))
    meta = {k: v for k, v in item.items() if k not in FIELDS}
    ident = item.get("id")
    return Article(
        text=item["text"],
        id=str(ident) if ident is not None else None,
        title=item.get("title"),
        published=_iso(item.get("published")),
        url=item.get("url"),
        lang=item.get("lang") or "fr",
        meta=meta,
        source=where,
    )


def _iso(value) -> str | None:
    if not value:
        return None
    return str(value)[:10]
