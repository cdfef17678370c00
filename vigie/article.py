"""The article: what readers produce and the pipeline consumes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass
class Article:
    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    lang: str = "fr"
    meta: dict = field(default_factory=dict)
    source: str | None = None  # the path (and line) it was read from, for messages

    @property
    def doc_id(self) -> str:
        """The given id, or one derived from the content hash."""
        return self.id or "sha1-" + content_hash(self.text)[:12]


def content_hash(text: str) -> str:
    """SHA-1 of the text, the identity of an article's content."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
