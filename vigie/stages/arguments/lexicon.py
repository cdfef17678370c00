"""The argument layer's words (knowledge/data/lexicons/arguments.yaml, users' sections merged)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from vigie.knowledge import overlay


@dataclass(frozen=True)
class ArgumentWords:
    object_control: frozenset[str]  # "accuser X de": X acts below
    claim_verbs: frozenset[str]  # "revendiquer": its agent did the earlier act
    blame_verbs: frozenset[str]  # "attribuer à Y": Y did it
    act_nouns: frozenset[str]  # "l'attentat", taken up by a later claim
    natural_forces: frozenset[str]  # "le cyclone Freddy": never an actor
    document_nouns: frozenset[str]  # "un communiqué de X": X speaks
    unaccusatives: frozenset[str]  # "ils sont descendus": être of the past, not a passive
    figure_nouns: frozenset[str]  # "ce chiffre est contesté": about who gave the count
    collective_nouns: frozenset[str] = frozenset()  # "un groupe de soldats": the soldiers
    amount_nouns: frozenset[str] = frozenset()  # "une aide de 50 millions": how much, not whose


@lru_cache(maxsize=8)
def argument_words(kb_files: tuple[str, ...] = ()) -> ArgumentWords:
    """The argument lexicon with the users' files merged over it (cached per set of files)."""
    data = overlay.read("arguments", kb_files)
    return ArgumentWords(
        object_control=frozenset(data.get("object_control") or ()),
        claim_verbs=frozenset(data.get("claim_verbs") or ()),
        blame_verbs=frozenset(data.get("blame_verbs") or ()),
        act_nouns=frozenset(data.get("act_nouns") or ()),
        natural_forces=frozenset(data.get("natural_forces") or ()),
        document_nouns=frozenset(data.get("document_nouns") or ()),
        unaccusatives=frozenset(data.get("unaccusatives") or ()),
        figure_nouns=frozenset(data.get("figure_nouns") or ()),
        collective_nouns=frozenset(data.get("collective_nouns") or ()),
        amount_nouns=frozenset(data.get("amount_nouns") or ()),
    )
