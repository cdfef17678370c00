"""Entity repair: fix the base model's span errors before the stages read doc.ents."""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)


def repair_entities(doc: Doc) -> Doc:
    """Return the doc with its entity spans repaired (filled in by the Actors work)."""
    return doc


class EntitiesComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return repair_entities(doc)


@Language.factory("vigie_entities", requires=["doc.ents"], assigns=["doc.ents"])
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent(nlp, name)
