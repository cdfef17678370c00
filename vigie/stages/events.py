"""Events: PLOVER event coding with actors, place, time, figures and status."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)


@dataclass
class EventHit:
    type: str
    trigger: str
    start: int  # the sentence or clause that carries the event
    end: int
    mode: str | None = None
    source: int | None = None  # index in doc._.vigie_actors
    target: int | None = None
    place: int | None = None  # index in doc._.vigie_places
    time: int | None = None  # index in doc._.vigie_times
    figures: list[int] = field(default_factory=list)  # indices in doc._.vigie_figures
    status: str = "reported"
    claimed_by: int | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    confidence: float | None = None
    context: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


def find_events(doc: Doc) -> list[EventHit]:
    """Events in the doc (filled in by the Events work)."""
    return []


class EventsComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.vigie_events = find_events(doc)
        return doc


@Language.factory(
    "vigie_events",
    requires=[
        "doc._.vigie_actors",
        "doc._.vigie_places",
        "doc._.vigie_times",
        "doc._.vigie_quotes",
        "doc._.vigie_figures",
    ],
    assigns=["doc._.vigie_events"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
