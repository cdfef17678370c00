"""Figures the title gives: read from its words alone (no parse), they are the same facts as the
body's figures of the same kind and value, which take the title as a second piece of evidence
("au moins 12 morts" in the title makes the body's "12 morts" a lower bound)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from vigie.french.modifiers import Modifiers
from vigie.french.numbers import find_quantities
from vigie.stages.figures.lexicon import FigureLexicon, phrase_end

LOGGER = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*['’]?|\d+|\S")
_OF = frozenset({"de", "d'"})
# Words between a nominal and its number in a title ("la mort de plus de 92 soldats").
_BOUND_WORDS = frozenset({"de", "d'", "des", "du", "au", "moins", "plus", "près", "environ",
                          "quelque", "presque"})


@dataclass(frozen=True)
class TitleFigure:
    kind: str
    value: int | float
    start: int  # offsets into the title
    end: int
    approximate: bool
    low: int | float | None
    high: int | float | None


def _words(title: str) -> tuple[list[str], list[int]]:
    matches = list(_WORD.finditer(title))
    return ([m.group().lower().replace("’", "'") for m in matches], [m.start() for m in matches])


def _kind_after(words: list[str], i: int, lex: FigureLexicon) -> str | None:
    """The kind of the words after a title's number: "morts", "gardes à vue", "civils tués",
    "personnes sans foyer"."""
    if i < len(words) and words[i] in _OF:
        i += 1
    while i < len(words) and words[i] in lex.fillers:
        i += 1
    if i >= len(words):
        return None
    end = phrase_end(words, i, len(words), lex.phrases_by_first)
    if end is not None:
        return lex.phrases[tuple(words[i:end])]
    word = words[i]
    if word in lex.nouns:
        return lex.nouns[word]
    if word not in lex.people and word not in lex.base:
        return None
    nxt = i + 1
    while nxt < len(words) and words[nxt] in lex.fillers:
        nxt += 1
    index = lex.after_phrases_by_first
    after = phrase_end(words, nxt, len(words), index) if nxt < len(words) else None
    if after is not None:
        return lex.after_phrases[tuple(words[nxt:after])]
    if nxt < len(words) and words[nxt] in lex.participles:
        return lex.participles[words[nxt]]
    return None


def _nominal_before(words: list[str], i: int, lex: FigureLexicon) -> str | None:
    """ "la mort de 92 soldats": the event noun before the title's number."""
    j = i - 1
    while j >= 0 and words[j] in _BOUND_WORDS:
        j -= 1
    return lex.nominals.get(words[j]) if j >= 0 and j < i - 1 else None


def title_figures(title: str | None, lex: FigureLexicon, mods: Modifiers) -> list[TitleFigure]:
    """The figures of a title whose kind its words say.

    Args:
        title: the article's title, or None.
        lex: the figures lexicon.
        mods: the approximation and bound words.

    Returns:
        Figures with offsets into the title.
    """
    if not title:
        return []
    words, starts = _words(title)
    found = []
    for qty in find_quantities(title, mods):
        first = next((k for k, s in enumerate(starts) if s >= qty.start), len(starts))
        after = next((k for k, s in enumerate(starts) if s >= qty.end), len(starts))
        kind = _kind_after(words, after, lex)
        nominal = _nominal_before(words, first, lex)
        kind = nominal if nominal and kind in (None, "troops") else kind
        if kind is not None:
            found.append(TitleFigure(kind, qty.value, qty.start, qty.end, qty.approximate,
                                     qty.low, qty.high))
    return found


def add_title_evidence(hits: list, figures: list[TitleFigure]) -> None:
    """Each title figure joins the first body figure of the same kind and value: the body figure
    keeps its offsets, records the title's, and takes the title's bound when it has none."""
    for fig in figures:
        hit = next((h for h in hits if (h.kind, h.value) == (fig.kind, fig.value)
                    and h.title_span is None), None)
        if hit is None:
            continue
        hit.title_span = [fig.start, fig.end]
        if fig.approximate and not hit.approximate:
            hit.approximate, hit.low, hit.high = True, fig.low, fig.high
