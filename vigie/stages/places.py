"""Places: place mentions geocoded against the packaged gazetteer."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)


@dataclass
class PlaceHit:
    name: str
    canonical: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    level: str = "other"  # city | region | country | border | area | other
    mentions: list[tuple[int, int]] = field(default_factory=list)


def find_places(doc: Doc) -> list[PlaceHit]:
    """Places named in the doc (NER LOC/GPE that are not actors)."""
    hits: dict[str, PlaceHit] = {}
    for ent in doc.ents:
        if ent.label_ not in ("LOC", "GPE"):
            continue
        hit = hits.setdefault(ent.text, PlaceHit(name=ent.text))
        hit.mentions.append((ent.start_char, ent.end_char))
    return list(hits.values())


def event_place(doc: Doc, start: int, end: int) -> int | None:
    """Index in doc._.vigie_places of the place where the event in text[start:end] happened."""
    for i, place in enumerate(doc._.vigie_places or []):
        if any(start <= s < end for s, _ in place.mentions):
            return i
    return None


class PlacesComponent:
    def __init__(self, nlp: Language, name: str, *, kb_files: list[str]):
        self.name = name
        self.kb_files = kb_files

    def __call__(self, doc: Doc) -> Doc:
        doc._.vigie_places = find_places(doc)
        return doc


@Language.factory(
    "vigie_places",
    requires=["doc.ents", "doc._.vigie_actors"],
    assigns=["doc._.vigie_places"],
    default_config={"kb_files": []},
)
def make_places(nlp: Language, name: str, kb_files: list[str]) -> PlacesComponent:
    return PlacesComponent(nlp, name, kb_files=kb_files)
