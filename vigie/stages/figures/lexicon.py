"""The Figures stage's lexicon, loaded once from knowledge/data/lexicons/figures.yaml."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from vigie.french.modifiers import (
    FIGURES_FILE,
    Phrase,
    PhraseIndex,
    index_phrases,
    load_figures_data,
)
from vigie.stages.common import lowers_of, per_doc

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class FigureLexicon:
    """Indexes over the figures file: word or phrase -> kind, and the word sets the finder tests."""

    nouns: dict[str, str] = field(hash=False)  # counted noun -> kind
    phrases: dict[Phrase, str] = field(hash=False)  # several words -> kind, longest first
    verbs: dict[str, str] = field(hash=False)  # verb lemma -> kind
    verb_phrases: dict[str, dict[str, str]] = field(hash=False)  # lemma -> dependent lemma -> kind
    participles: dict[str, str] = field(hash=False)  # form -> kind
    base: dict[str, str] = field(hash=False)  # noun -> kind, unless a verb says otherwise
    nominals: dict[str, str] = field(default_factory=dict, hash=False)  # "mort" (de N) -> kind
    # participles of several words after the counted noun ("sans abri") -> kind
    after_phrases: dict[Phrase, str] = field(default_factory=dict, hash=False)
    combined: dict[str, str] = field(default_factory=dict, hash=False)  # a kind -> combined kind
    count_noun_kinds: dict[str, str] = field(default_factory=dict, hash=False)
    people: frozenset[str] = frozenset()
    residents: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    before_negative: frozenset[str] = frozenset()
    fillers: frozenset[str] = frozenset()
    source_markers: tuple[Phrase, ...] = ()
    claim_verbs: dict[str, tuple[Phrase, ...]] = field(default_factory=dict, hash=False)
    subset_markers: tuple[Phrase, ...] = ()
    subset_heads: tuple[Phrase, ...] = ()
    subset_elliptic_after: frozenset[str] = frozenset()
    ordinal_ones: frozenset[str] = frozenset()
    before_change: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()
    source_holders: frozenset[str] = frozenset()
    settlements: frozenset[str] = frozenset()
    population_markers: frozenset[str] = frozenset()
    generic_who: frozenset[str] = frozenset()
    cumulative_markers: tuple[Phrase, ...] = ()
    phrases_by_first: PhraseIndex = field(init=False, hash=False)
    after_phrases_by_first: PhraseIndex = field(init=False, hash=False)
    cumulative_markers_by_first: PhraseIndex = field(init=False, hash=False)
    source_markers_by_first: PhraseIndex = field(init=False, hash=False)
    subset_markers_by_first: PhraseIndex = field(init=False, hash=False)
    subset_heads_by_first: PhraseIndex = field(init=False, hash=False)

    def __post_init__(self) -> None:
        for name in ("phrases", "source_markers", "subset_markers", "subset_heads",
                     "after_phrases", "cumulative_markers"):
            object.__setattr__(self, f"{name}_by_first", index_phrases(
                sorted(getattr(self, name), key=len, reverse=True)))


def _phrase(text: str) -> Phrase:
    return tuple(text.lower().replace("’", "'").replace("'", "' ").split())


_WORDS_KEY = ("vigie", "figure_words")


def words_of(doc) -> list[str]:
    """Every token's lower form with a straight apostrophe, as lexicon phrases spell words
    (built once per Doc)."""
    return per_doc(doc, _WORDS_KEY, lambda d: [w.replace("’", "'") for w in lowers_of(d)])


def phrase_end(words: list[str], i: int, stop: int, index: PhraseIndex) -> int | None:
    """End index of the longest indexed phrase starting at words[i] and ending by `stop`."""
    for phrase in index.get(words[i], ()):
        end = i + len(phrase)
        if end <= stop and tuple(words[i:end]) == phrase:
            return end
    return None


def _by_length(items) -> tuple[Phrase, ...]:
    return tuple(sorted({_phrase(i) for i in items or []}, key=len, reverse=True))


def _claims(items) -> dict[str, tuple[Phrase, ...]]:
    """Claim verbs by first word: "faire état" -> {"faire": (("état",),)}."""
    claims: dict[str, set[Phrase]] = {}
    for item in items or []:
        first, *rest = _phrase(item)
        claims.setdefault(first, set()).add(tuple(rest))
    return {k: tuple(v) for k, v in claims.items()}


def _kind_tables(kinds: dict) -> dict[str, dict]:
    tables: dict[str, dict] = {"nouns": {}, "phrases": {}, "verbs": {}, "verb_phrases": {},
                               "participles": {}, "base": {}, "nominals": {}, "after_phrases": {}}
    for kind, spec in kinds.items():
        nouns = "base" if spec.get("base") else "nouns"
        for word in spec.get("nouns") or []:
            tables[nouns][word.lower()] = kind
        for text in spec.get("phrases") or []:
            tables["phrases"][_phrase(text)] = kind
        for lemma in spec.get("verbs") or []:
            words = _phrase(lemma)
            if len(words) == 1:
                tables["verbs"].setdefault(words[0], kind)
            else:  # "trouver la mort": trouver with a dependent "mort"
                head = max(words[1:], key=len)  # the dependent's content word: "garde", "mort"
                tables["verb_phrases"].setdefault(words[0], {})[head] = kind
        for form in spec.get("participles") or []:
            words = _phrase(form)
            if len(words) == 1:
                tables["participles"].setdefault(words[0], kind)
            else:  # "sans abri", "en état critique": matched word by word after the noun
                tables["after_phrases"].setdefault(words, kind)
        for noun in spec.get("nominals") or []:
            tables["nominals"].setdefault(noun.lower(), kind)
    tables["phrases"] = dict(sorted(tables["phrases"].items(), key=lambda kv: -len(kv[0])))
    return tables


def build_lexicon(data: dict) -> FigureLexicon:
    """Index the parsed YAML of a figures lexicon."""
    words = {name: frozenset(str(w).lower() for w in data.get(name) or [])
             for name in ("people", "residents", "units", "before_negative", "fillers",
                          "subset_elliptic_after", "ordinal_ones", "before_change", "count_nouns",
                          "source_holders", "settlements", "population_markers",
                          "generic_who")}
    combined = {part: whole for whole, parts in (data.get("combined") or {}).items()
                for part in parts or []}
    return FigureLexicon(
        **_kind_tables(data.get("kinds") or {}), **words, combined=combined,
        count_noun_kinds={str(k).lower(): v
                          for k, v in (data.get("count_noun_kinds") or {}).items()},
        cumulative_markers=_by_length(data.get("cumulative_markers")),
        source_markers=_by_length(data.get("source_markers")),
        claim_verbs=_claims(data.get("claim_verbs")),
        subset_markers=_by_length(data.get("subset_markers")),
        subset_heads=_by_length(data.get("subset_heads")),
    )


def load_figures_lexicon(path: str | Path = FIGURES_FILE,
                         kb_files: tuple[str, ...] = ()) -> FigureLexicon:
    """Load and index the figures lexicon (cached: read once per process and set of files).

    Args:
        path: the lexicon file.
        kb_files: user knowledge-base files whose `lexicons: figures:` sections merge over it.

    Returns:
        The indexed lexicon.
    """
    return _load(str(path), tuple(kb_files))


@lru_cache(maxsize=4)
def _load(path: str, kb_files: tuple[str, ...]) -> FigureLexicon:
    lexicon = build_lexicon(load_figures_data(path, kb_files))
    LOGGER.debug("figures lexicon: %d nouns, %d verbs", len(lexicon.nouns), len(lexicon.verbs))
    return lexicon
