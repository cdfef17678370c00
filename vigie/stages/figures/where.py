"""Where a figure holds: the place named nearest to it in its clause, else earlier in its
paragraph, else the story's place (the title's, else the first named)."""

from __future__ import annotations

import logging
import re

from spacy.tokens import Span

from vigie.stages.common import per_doc, text_of
from vigie.stages.figures.lexicon import FigureLexicon, phrase_end, words_of

LOGGER = logging.getLogger(__name__)

# Finer places first: a country or a landmark yields to a town or region of the same country
# named in the same sentence ("dans la région du Konduga, dans le Nord-Est du Nigeria").
LEVEL_RANK = {"city": 0, "region": 1, "border": 2, "area": 2, "country": 3, "other": 4}
# Levels of landmarks, roads and areas ("l'A16", "le Nord-Est"): a town or region named in the
# same sentence is where the figure holds.
LANDMARKS = frozenset({"other", "area"})
# What ends a figure's clause after it: a relative on the whole clause ("..., ce qui en fait
# l'une des pires crises en Afrique") or a semicolon.
_CLAUSE_END = re.compile(r",\s+(?:ce\s+)?qui\b|;")
_DIGITS = re.compile(r"\d")
_NAMES_KEY = ("vigie", "figure_place_names")


def _paragraph(text: str, start: int) -> tuple[int, int]:
    """Character bounds of the paragraph (line) holding `start`."""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return begin, len(text) if end < 0 else end


def _name_spans(doc) -> list[tuple[int, int]]:
    """Actor names a place is only a word of ("Myanmar Now", "Boko Haram"), once per Doc."""
    return per_doc(doc, _NAMES_KEY, _find_name_spans)


def _find_name_spans(doc) -> list[tuple[int, int]]:
    actors = doc._.vigie_actors or []
    places = {m for place in doc._.vigie_places or [] for m in place.mentions}
    spans = [m for actor in actors for m in actor.mentions if m not in places and any(
        m[0] <= s and e <= m[1] for s, e in places)]
    names = {actor.name for actor in actors}
    text = text_of(doc)
    for s, e in places:  # the same name said again where the Actors stage missed it
        spans += [(s, s + len(n)) for n in names if len(n) > e - s and text.startswith(n, s)]
    return spans


def _source_spans(doc, source: int | None) -> list[tuple[int, int]]:
    """The source's mentions and the names a place is only a word of."""
    actors = doc._.vigie_actors or []
    spans = list(actors[source].mentions) if source is not None and source < len(actors) else []
    return spans + _name_spans(doc)


def _after_marker(doc, start: int, lex: FigureLexicon | None) -> bool:
    """The mention follows a source marker ("selon la préfecture", "d'après Paris")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if lex is None or span is None:
        return False
    i = span.start
    while i > 0 and doc[i - 1].pos_ == "DET":
        i -= 1
    words = words_of(doc)
    return any(phrase_end(words, j, i, lex.source_markers_by_first) == i
               for j in range(max(0, i - 3), i))


def _party(doc, start: int) -> bool:
    """A place named as one side of "entre X et Y" with a side that is no place ("un cessez-le-feu
    entre Israël et le Hamas"): a party, not where things happen."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    words, i = words_of(doc), span.start
    while i > 0 and doc[i - 1].pos_ == "DET":
        i -= 1
    starts = {s for place in doc._.vigie_places or [] for s, _ in place.mentions}
    if i > 0 and words[i - 1] == "entre":
        other = next((k for k in range(i + 1, min(i + 6, len(doc))) if words[k] == "et"), None)
    elif i > 0 and words[i - 1] == "et":
        other = next((k for k in range(i - 2, max(i - 7, -1), -1) if words[k] == "entre"), None)
    else:
        return False
    if other is None or other + 1 >= len(doc):
        return False
    k = other + 1
    while k < len(doc) - 1 and doc[k].pos_ == "DET":
        k += 1
    return doc[k].idx not in starts


def _level(doc, place, start: int, lex: FigureLexicon | None) -> str | None:
    """The place's level, a settlement the gazetteer does not know ("le village de Kuriga")
    counting as a town."""
    if place.level != "other" or lex is None:
        return place.level
    first = text_of(doc)[start:start + 20].split(" ", 1)[0].lower()
    return "city" if first in lex.settlements else place.level


def _mentions(doc, begin: int, end: int, skip: list[tuple[int, int]], lex=None):
    """(place index, mention start, level, country) of the place mentions in [begin, end), not in
    `skip`, after a source marker, nor a party of "entre X et Y"."""
    for i, place in enumerate(doc._.vigie_places or []):
        for s, e in place.mentions:
            if begin <= s < end and not any(a < e and s < b for a, b in skip) and (
                    not _after_marker(doc, s, lex)) and not _party(doc, s):
                yield i, s, _level(doc, place, s, lex), place.country


def _nearest(doc, found: list, start: int) -> int:
    """The nearest mention, a town or region before a landmark or road, and a country yielding
    to a finer place of its own named in the sentence, unless another number stands between
    ("100 000 personnes à travers la France, dont 8 000 à Paris": Paris is the 8 000's)."""
    best = min(found, key=lambda m: (m[2] in LANDMARKS, abs(m[1] - start)))
    rank = LEVEL_RANK.get(best[2], 4)
    finer = [m for m in found if LEVEL_RANK.get(m[2], 4) < min(rank, 3) and best[3]
             and m[3] == best[3] and not _number_between(doc, start, m[1])] if rank >= 3 else []
    return min(finer, key=lambda m: abs(m[1] - start))[0] if finer else best[0]


def _number_between(doc, start: int, at: int) -> bool:
    """Another number stands between the figure at `start` and the mention at `at`."""
    text = text_of(doc)
    lo, hi = (start, at) if start < at else (at, start)
    return _DIGITS.search(text, text.find(" ", lo, hi) + 1 if start < at else lo, hi) is not None


def nearest_place(doc, sent: Span, start: int, source: int | None = None,
                  lex: FigureLexicon | None = None) -> int | None:
    """Index of the place where the counted event happened.

    The nearest place named in the figure's clause (cut at line breaks, "ce qui", ";"), a town
    or a region before a landmark or a road ("près de l'A16 à Calais"), never the source itself
    ("selon la préfecture de police"); else the last place named earlier in the paragraph; else
    the story's main place (`main_place`).
    """
    text = text_of(doc)
    para_begin, para_end = _paragraph(text, start)
    begin, end = max(sent.start_char, para_begin), min(sent.end_char, para_end)
    cut = _CLAUSE_END.search(text, start, end)
    skip = _source_spans(doc, source)
    found = list(_mentions(doc, begin, cut.start() if cut else end, skip, lex))
    if found:
        return _nearest(doc, found, start)
    earlier = list(_mentions(doc, para_begin, begin, skip, lex))
    if earlier:
        return max(earlier, key=lambda m: m[1])[0]
    return main_place(doc, start)


def _title_place(doc, skip: list[tuple[int, int]]) -> int | None:
    """The finest place of the body that the title names ("101 gardes à vue à Paris")."""
    title = (doc._.vigie_article or {}).get("title") or ""
    text = text_of(doc)
    found = []
    for i, place in enumerate(doc._.vigie_places or []):
        names = {text[s:e] for s, e in place.mentions
                 if not any(a <= s and e <= b for a, b in skip)}
        at = [m.start() for n in names
              for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", title)]
        if at:
            found.append((LEVEL_RANK.get(place.level, 4), min(at), i))
    return min(found)[2] if found else None


def main_place(doc, start: int | None = None) -> int | None:
    """The story's place for a figure at `start` that names none: the finest place the title
    names, else the first place named before the figure, else the country of the first place
    named after it (a town named later may not be where the lead's figures hold), past an
    upper-case dateline ("PARIS (AFP) -") and never a word of an actor's name ("Boko Haram")."""
    skip = _name_spans(doc)
    places = doc._.vigie_places or []
    titled = _title_place(doc, skip)
    firsts = sorted((min(s for s, _ in p.mentions), i) for i, p in enumerate(places)
                    if p.mentions and not p.name.isupper() and not all(
                        any(a <= s and e <= b for a, b in skip) for s, e in p.mentions))
    first = firsts[0][1] if firsts else None
    if titled is None:
        if first is None or start is None or firsts[0][0] < start:
            return first
        return _country_place(places, places[first].country) or first
    if first is not None and LEVEL_RANK.get(places[titled].level, 4) >= 3 and (
            LEVEL_RANK.get(places[first].level, 4) < 3) and (
            places[first].country == places[titled].country):
        return first  # "Birmanie : ..." and the body's first place, Bago, is in Burma
    return titled


def _country_place(places: list, country: str | None) -> int | None:
    """The place record of a country, when the text names it."""
    return next((i for i, p in enumerate(places) if p.level == "country" and country
                 and p.country == country), None)
