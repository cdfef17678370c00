"""Times: French temporal expressions, normalised against the publication date."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from vigie.stages.common import article_of

LOGGER = logging.getLogger(__name__)


@dataclass
class TimeHit:
    text: str
    start: int
    end: int
    value: str | None = None
    end_value: str | None = None
    precision: str | None = None  # day | week | month | year | part-of-day | ...


def find_times(doc: Doc, published: str | None) -> list[TimeHit]:
    """Temporal expressions in the doc (filled in by the Times work)."""
    return []


def event_time(doc: Doc, start: int, end: int) -> int | None:
    """Index in doc._.vigie_times of the time of the event in text[start:end]."""
    for i, time in enumerate(doc._.vigie_times or []):
        if start <= time.start < end:
            return i
    return None


class TimesComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        article = article_of(doc)
        doc._.vigie_times = find_times(doc, article.get("published"))
        return doc


@Language.factory("vigie_times", assigns=["doc._.vigie_times"])
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent(nlp, name)
