"""JSON Lines and JSON: fields id, title, text, published, url, lang; others kept as metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator

from vigie.article import Article
from vigie.errors import Errors, InputError
from vigie.readers.checks import check_fields

FIELDS = ("id", "title", "text", "published", "url", "lang")


def parse_lines(content: str, source: str) -> Iterator:
    """One article per non-blank line; a bad line is rejected, the others still read."""
    from vigie.readers import Rejected

    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _article(_loads(line, number), where, number)
        except InputError as exc:
            yield Rejected(where, str(exc))


def parse_json(content: str, source: str) -> Iterator:
    """One object, or a list of objects; a bad object is rejected, the others still read."""
    from vigie.readers import Rejected

    data = _loads(content, None)
    for number, item in enumerate(data if isinstance(data, list) else [data], start=1):
        where = f"{source}:{number}"
        try:
            yield _article(item, where, number)
        except InputError as exc:
            yield Rejected(where, str(exc))


def _loads(content: str, line: int | None):
    """The JSON value; malformed or too deeply nested JSON is an InputError (V005)."""
    try:
        return json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError(Errors.E005.format(line=line or exc.lineno, reason=exc.msg)) from None
    except RecursionError:  # thousands of nested brackets: Python's reader gives up
        raise InputError(Errors.E005.format(line=line or 1, reason="nested too deeply")) from None


def _article(item, where: str, number: int) -> Article:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise InputError(Errors.E008.format(line=number))
    check_fields(item)
    meta = {k: v for k, v in item.items() if k not in FIELDS}
    ident = item.get("id")
    return Article(
        text=item["text"],
        id=str(ident) if ident is not None else None,
        title=item.get("title"),
        published=item.get("published") or None,
        url=item.get("url"),
        lang=item.get("lang") or "fr",
        meta=meta,
        source=where,
    )
