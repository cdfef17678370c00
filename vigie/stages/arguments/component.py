"""The vigie_arguments component: sets the argument lexicon on each Doc, after the actors.

Frames are computed on demand, once per predicate and Doc (`frames.frame_of`), by the stages that
need them: quotes, figures and events.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vigie.stages.actors.lexicon import lexicon
from vigie.stages.arguments.frames import set_words
from vigie.stages.arguments.lexicon import argument_words
from vigie.stages.arguments.newcomers import set_actors_lexicon


class ArgumentsComponent:
    def __init__(self, nlp: Language, name: str, *, kb_files: list[str]):
        self.name = name
        self.words = argument_words(tuple(kb_files))
        self.actors_lexicon = lexicon(nlp, tuple(kb_files))

    def __call__(self, doc: Doc) -> Doc:
        set_words(doc, self.words)
        set_actors_lexicon(doc, self.actors_lexicon)
        return doc


@Language.factory(
    "vigie_arguments",
    requires=["doc._.vigie_actors"],
    assigns=[],
    default_config={"kb_files": []},
)
def make_arguments(nlp: Language, name: str, kb_files: list[str]) -> ArgumentsComponent:
    return ArgumentsComponent(nlp, name, kb_files=kb_files)
