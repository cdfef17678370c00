"""One frame per predicate and Doc: the actors that do and undergo it, asked by three stages."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from vigie.stages.arguments.clauses import agent_of, passive, patient_of
from vigie.stages.arguments.lexicon import ArgumentWords, argument_words
from vigie.stages.arguments.participants import actor_of

_FRAMES_KEY = ("vigie", "frames")
_WORDS_KEY = ("vigie", "argument_words")


@dataclass(frozen=True)
class Frame:
    """A predicate's arguments: token indices of their phrase heads and the actors they name."""

    agent_token: int | None = None
    patient_token: int | None = None
    agent: int | None = None  # index in doc._.vigie_actors
    patient: int | None = None


def set_words(doc: Doc, words: ArgumentWords) -> None:
    """The lexicon the Doc's frames are read with (set by the vigie_arguments component)."""
    doc.user_data[_WORDS_KEY] = words


def words_of(doc: Doc) -> ArgumentWords:
    return doc.user_data.get(_WORDS_KEY) or argument_words()


def frame_of(doc: Doc, verb: Token) -> Frame:
    """The frame of a verbal predicate (computed once per Doc and token).

    The agent's phrase is mapped to an actor with the document nouns as holders, so that "un
    communiqué de l'armée" names the army.
    """
    frames = doc.user_data.setdefault(_FRAMES_KEY, {})
    frame = frames.get(verb.i)
    if frame is None:
        words = words_of(doc)
        agent = agent_of(verb, words.object_control)
        patient = patient_of(verb) if passive(verb) else None
        frame = frames[verb.i] = Frame(
            agent.i if agent is not None else None,
            patient.i if patient is not None else None,
            actor_of(doc, agent, words.document_nouns),
            actor_of(doc, patient),
        )
    return frame


def agent_actor(doc: Doc, verb: Token) -> int | None:
    """The actor that does what `verb` says, or None."""
    return frame_of(doc, verb).agent
