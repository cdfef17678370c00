"""Figures: numbers that count people and violence, and who claims them."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)


@dataclass
class FigureHit:
    kind: str
    value: float | int | None
    start: int
    end: int
    low: float | int | None = None
    high: float | int | None = None
    approximate: bool = False
    who: str | None = None
    part_of: int | None = None  # index in doc._.vigie_figures
    source: int | None = None  # index in doc._.vigie_actors
    place: int | None = None  # index in doc._.vigie_places
    time: int | None = None  # index in doc._.vigie_times
    disputes: list[int] = field(default_factory=list)  # indices in doc._.vigie_figures


def find_figures(doc: Doc) -> list[FigureHit]:
    """Figures in the doc (filled in by the Figures work)."""
    return []


class FiguresComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.vigie_figures = find_figures(doc)
        return doc


@Language.factory(
    "vigie_figures",
    requires=["doc._.vigie_actors", "doc._.vigie_places", "doc._.vigie_times", "doc._.vigie_quotes"],
    assigns=["doc._.vigie_figures"],
)
def make_figures(nlp: Language, name: str) -> FiguresComponent:
    return FiguresComponent(nlp, name)
