"""The cue lexicon of the Quotes stage, loaded once from knowledge/data/lexicons/cues.yaml and
the users' files."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.attrs import POS
from spacy.symbols import VERB
from spacy.tokens import Doc

from vigie.knowledge import overlay
from vigie.knowledge.base import DATA
from vigie.stages.common import lowers_of

LOGGER = logging.getLogger(__name__)
CUES_FILE = DATA / "lexicons" / "cues.yaml"

# Endings generated for a regular -er verb: present 3sg/3pl, participle, passé simple,
# imparfait, future, present participle.
_ER_ENDINGS = ("e", "ent", "é", "a", "ait", "aient", "era", "ant")


@dataclass(frozen=True)
class CueLexicon:
    """Indexes over the cue file: form -> lemma, and the word sets the finders test."""

    lemmas: frozenset[str]
    forms: dict[str, str] = field(hash=False)
    continuations: tuple[tuple[str, ...], ...]
    attributions: dict[str, str] = field(hash=False)
    speaker_nouns: frozenset[str] = frozenset()
    title_nouns: frozenset[str] = frozenset()
    generic_roles: frozenset[str] = frozenset()
    skip_after_cue: frozenset[str] = frozenset()
    count_words: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    anaphors: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)

    def lemma_of(self, token) -> str | None:
        """The cue lemma a token spells (by form, or by the tagger's verb lemma), or None."""
        lemma = self.forms.get(token.lower_)
        if lemma is None and token.pos_ == "VERB" and token.lemma_.lower() in self.lemmas:
            lemma = token.lemma_.lower()
        return lemma

    def cues_of(self, doc: Doc) -> list[str | None]:
        """Every token's cue lemma (as `lemma_of`), for a whole Doc at once: by form, then the
        tagger's lemma of the verbs only."""
        cues = [self.forms.get(word) for word in lowers_of(doc)]
        for i in numpy.flatnonzero(doc.to_array(POS) == VERB).tolist():
            if cues[i] is None:
                lemma = doc[i].lemma_.lower()
                cues[i] = lemma if lemma in self.lemmas else None
        return cues


def _bare(lemma: str) -> str:
    """Drop the reflexive pronoun of "s'inquiéter"."""
    return lemma[2:] if lemma.startswith("s'") else lemma


def _forms(item: dict) -> dict[str, str]:
    lemma = _bare(item["lemma"])
    forms = {lemma: lemma}
    if "forms" in item:
        forms.update({f.lower(): lemma for f in item["forms"]})
    elif lemma.endswith("er"):
        stem = lemma[:-2]
        # "juger" keeps its e before a/ait ("jugea"); the generated "jugea" is right as stem+e+a.
        soft = stem + "e" if stem.endswith("g") else stem
        for ending in _ER_ENDINGS:
            forms[(soft if ending[0] in "ao" else stem) + ending] = lemma
    return forms


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace("'", "' ").replace("’", "' ").split())


def _anaphors(data: dict) -> dict[str, tuple[str, ...]]:
    """Noun -> the actor kinds it may stand for."""
    kinds = {"person": ("person",), "organization": ("organization", "group", "state")}
    return {noun: kinds.get(kind, (kind,)) for kind, nouns in data.items() for noun in nouns}


def build_lexicon(data: dict) -> CueLexicon:
    """Index the parsed cue file."""
    forms: dict[str, str] = {}
    for item in data.get("verbs") or []:
        forms.update(_forms(item))
    return CueLexicon(
        lemmas=frozenset(forms.values()),
        forms=forms,
        continuations=tuple(_phrase(p) for p in data.get("continuations") or []),
        attributions={k.replace("’", "'"): v for k, v in (data.get("attributions") or {}).items()},
        speaker_nouns=frozenset(data.get("speaker_nouns") or []),
        title_nouns=frozenset(data.get("title_nouns") or []),
        generic_roles=frozenset(data.get("generic_roles") or []),
        skip_after_cue=frozenset(data.get("skip_after_cue") or []),
        count_words=frozenset(data.get("count_words") or []),
        units=frozenset(data.get("units") or []),
        anaphors=_anaphors(data.get("anaphors") or {}),
    )


def load_cues(path: str | Path = CUES_FILE, kb_files: tuple[str, ...] = ()) -> CueLexicon:
    """Load and index the cue lexicon (cached: read once per process and set of files).

    Args:
        path: the lexicon file.
        kb_files: user knowledge-base files whose `lexicons: cues:` sections merge over it.

    Returns:
        The indexed lexicon.
    """
    return _load(str(path), tuple(kb_files))


@lru_cache(maxsize=4)
def _load(path: str, kb_files: tuple[str, ...]) -> CueLexicon:
    data = overlay.read("cues", kb_files, path)
    lexicon = build_lexicon(data)
    LOGGER.debug("cue lexicon: %d lemmas, %d forms", len(lexicon.lemmas), len(lexicon.forms))
    return lexicon
