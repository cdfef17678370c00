"""Actors: people, organisations, states, groups and populations, with country and sector.

Mentions come from the repaired NER (vigie_entities) and from the knowledge base's name index
(accent and case tolerant); the words around them give unknown people a role, sector and country;
states count as actors only where they act. Coreference is within the document: one ActorHit
per real-world actor with all its mentions (see docs/actors.md for the policies).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vigie.stages.actors.find import find_actors
from vigie.stages.actors.lexicon import (
    lexicon,
)
from vigie.stages.common import guarded


class ActorsComponent:
    def __init__(self, nlp: Language, name: str, *, kb_files: list[str]):
        self.name = name
        self.kb_files = kb_files
        self.lex = lexicon(nlp, tuple(kb_files))

    def __call__(self, doc: Doc) -> Doc:
        doc._.vigie_actors = guarded(doc, self.name, lambda: find_actors(doc, self.lex), [])
        return doc


@Language.factory(
    "vigie_actors",
    requires=["doc.ents"],
    assigns=["doc._.vigie_actors"],
    default_config={"kb_files": []},
)
def make_actors(nlp: Language, name: str, kb_files: list[str]) -> ActorsComponent:
    return ActorsComponent(nlp, name, kb_files=kb_files)
