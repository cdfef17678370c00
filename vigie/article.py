"""The article: what readers produce and the pipeline consumes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from vigie.errors import Errors, InputError

# The fields of a JSONL/JSON input line (docs/cli.md); any other key is kept in `meta`.
FIELDS = ("id", "title", "text", "published", "url", "lang")


@dataclass
class Article:
    """One article to extract.

    Args:
        text: the body; every offset of its record points into it.
        id: the record's `doc_id` (derived from the content hash when None).
        title: the headline, kept apart from the text.
        published: publication date, ISO 8601 or jj/mm/aaaa (stored as YYYY-MM-DD).
        url, lang, meta: copied into the record.
        source: where it was read from (path and line), for messages.

    Raises:
        InputError: when `text` is not a string (V013) or `published` is not a date (V015).
    """

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    lang: str = "fr"
    meta: dict = field(default_factory=dict)
    source: str | None = None  # the path (and line) it was read from, for messages

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InputError(Errors.E013.format(what="text", expected="a str",
                                                got=type(self.text).__name__))
        if self.published:
            from vigie.dates import parse_date

            self.published = parse_date(self.published)

    @property
    def doc_id(self) -> str:
        """The given id, or one derived from the content hash."""
        return self.id or "sha1-" + content_hash(self.text)[:12]

    @classmethod
    def from_dict(cls, data: dict, *, source: str | None = None) -> Article:
        """An article from a dict with the fields of a JSONL input line.

        Args:
            data: `text` (required), `id`, `title`, `published`, `url`, `lang`; other keys go to
                `meta`.
            source: where it was read from, for messages.

        Raises:
            InputError: when `text` is missing or not a string, or `published` is not a date.
        """
        if not isinstance(data.get("text"), str):
            raise InputError(Errors.E013.format(what="the 'text' field", expected="a str",
                                                got=type(data.get("text")).__name__))
        ident = data.get("id")
        return cls(text=data["text"], id=None if ident is None else str(ident),
                   title=data.get("title"), published=data.get("published") or None,
                   url=data.get("url"), lang=data.get("lang") or "fr",
                   meta={k: v for k, v in data.items() if k not in FIELDS}, source=source)


def content_hash(text: str) -> str:
    """SHA-1 of the text, the identity of an article's content."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
