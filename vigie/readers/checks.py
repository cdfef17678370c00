"""What an article may hold, checked where it enters vigie (the readers and the Python API), so
that a bad one is refused with its reason before it can cost the articles read with it.

A field of the wrong type, a lone surrogate (JSON's "\\ud800": not Unicode, it cannot be written as
UTF-8 to a file or a store) or metadata nested hundreds deep used to fail a whole batch at
extraction or at writing, with no file named (issue 24).
"""

from __future__ import annotations

import re

from vigie.article import Article
from vigie.errors import Errors, InputError

# Metadata is a few fields copied from the input (agency, section, tags): 64 levels is far past
# any real one, and far below the 254 at which the record's JSON serializer gives up.
MAX_META_DEPTH = 64
_SURROGATE = re.compile("[\ud800-\udfff]")
# The optional string fields of an input line, and the type each must have.
_STRINGS = ("title", "published", "url", "lang")


def check_fields(data: dict) -> None:
    """The types of an input line's fields: `id` a string or a number, the others strings.

    Raises:
        InputError: V013, naming the field, its type and what it should be.
    """
    ident = data.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, str | int | float)):
        raise InputError(Errors.E013.format(what="the 'id' field", expected="a string or a number",
                                            got=type(ident).__name__))
    for name in _STRINGS:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(Errors.E013.format(what=f"the {name!r} field", expected="a str",
                                                got=type(value).__name__))


def check_article(article: Article) -> Article:
    """The article itself, when it can be extracted and written: typed fields, Unicode text,
    metadata of bounded depth.

    Raises:
        InputError: V013 (a field of the wrong type), V017 (a lone surrogate), V018 (metadata
            nested too deep).
    """
    check_fields({"id": article.id, **{name: getattr(article, name) for name in _STRINGS}})
    for name in ("text", "id", *_STRINGS):
        _unicode(getattr(article, name), f"the {name!r} field")
    if not isinstance(article.meta, dict):
        raise InputError(Errors.E013.format(what="meta", expected="a dict",
                                            got=type(article.meta).__name__))
    _walk(article.meta)
    return article


def _unicode(value, what: str) -> None:
    if isinstance(value, str) and (found := _SURROGATE.search(value)):
        raise InputError(Errors.E017.format(what=what, code=ord(found.group()), at=found.start()))


def check_record_fields(record) -> None:
    """A document record given to vigie (`ingest --records`, POST /api/documents) as an
    article is checked, and every other string of it Unicode (names, words, triggers).

    Raises:
        InputError: V013, V015 (`published` no date), V017, V018.
    """
    check_article(Article(text=record.text, id=record.doc_id, title=record.title,
                          published=record.published, url=record.url, lang=record.lang,
                          meta=record.meta))
    _walk(record.model_dump(exclude={"meta"}), "record")


def _walk(meta: dict, what: str = "metadata") -> None:
    """Every key and value of the metadata (or of `what`), without recursion (its depth is what
    is checked)."""
    stack = [(meta, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_META_DEPTH:
            raise InputError(Errors.E018.format(what=f"the {what}", limit=MAX_META_DEPTH))
        if isinstance(value, dict):
            for key, item in value.items():
                _unicode(key, f"a {what} key")
                stack.append((item, depth + 1))
        elif isinstance(value, list | tuple):
            stack.extend((item, depth + 1) for item in value)
        else:
            _unicode(value, f"a {what} value")
