"""Quotes: direct and reported statements, with their speakers."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)


@dataclass
class QuoteHit:
    text: str
    start: int
    end: int
    direct: bool
    speaker: int | None = None  # index in doc._.vigie_actors
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


def find_quotes(doc: Doc) -> list[QuoteHit]:
    """Statements in the doc (filled in by the Quotes work)."""
    return []


class QuotesComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.vigie_quotes = find_quotes(doc)
        return doc


@Language.factory(
    "vigie_quotes",
    requires=["doc._.vigie_actors"],
    assigns=["doc._.vigie_quotes"],
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
