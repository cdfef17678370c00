"""Actors: people, organisations, states, groups and populations, with country and sector."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)


@dataclass
class ActorHit:
    name: str
    kind: str  # person | organization | state | group | population
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    kb_id: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


def find_actors(doc: Doc) -> list[ActorHit]:
    """One entry per real-world actor named in the doc, with all its mentions."""
    hits: dict[str, ActorHit] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PER", "ORG"):
            continue
        kind = "person" if ent.label_ == "PER" else "organization"
        hit = hits.setdefault(ent.text, ActorHit(name=ent.text, kind=kind))
        hit.mentions.append((ent.start_char, ent.end_char))
    return list(hits.values())


class ActorsComponent:
    def __init__(self, nlp: Language, name: str, *, kb_files: list[str]):
        self.name = name
        self.kb_files = kb_files

    def __call__(self, doc: Doc) -> Doc:
        doc._.vigie_actors = find_actors(doc)
        return doc


@Language.factory(
    "vigie_actors",
    requires=["doc.ents"],
    assigns=["doc._.vigie_actors"],
    default_config={"kb_files": []},
)
def make_actors(nlp: Language, name: str, kb_files: list[str]) -> ActorsComponent:
    return ActorsComponent(nlp, name, kb_files=kb_files)
