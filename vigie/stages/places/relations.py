"""What the text says about where one place lies against another.

"Boma, dans la province du Lac", "Tripoli, au Liban", "Goma (Nord-Kivu)": the first place is in
the second; "l'hôpital Nasser, à Khan Younès" too, for a part of a town ("à Kharkiv, à Lviv" is a
list). "Douma, située à 15 km au nord-est de la capitale, Damas", "Bokolobo, à plus de
400 km de Bangui", "Beni, près de Butembo": the first lies near the second, within about the
distance said. Resolution (resolve.py) keeps the first place's candidates that fit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from vigie.knowledge.gazetteer import Gazetteer
from vigie.stages.common import text_of
from vigie.stages.places.mentions import PLACE_LABELS, Mention, Words, prep_before, words

# The words between two mentions read as a relation are at most this long (characters).
MAX_GAP = 90


@dataclass(frozen=True)
class Relation:
    """Mention `source` lies in (kind "in") or near (kind "near") mention `target`."""

    source: int
    target: int
    kind: str  # in | at (« X, à Y »: in Y for a part of a town, else a list) | near
    km: float | None = None  # the distance said ("à 30 km de"), None for "près de"
    more: bool = False  # "à plus de 400 km": the distance is a lower bound
    direction: bool = False  # "au nord de Y": only a direction


_ART = r"(?:(?:la|le|les|l['’])\s*)?"
_OF = r"(?:de|du|des|d['’])\s*"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    w = words()
    dirs = "|".join(sorted((re.escape(d).replace("\\-", "[- ]") for d in w.directions),
                           key=len, reverse=True))
    part = rf"(?:(?:{dirs})\s+{_OF}{_ART})?"
    inside = re.compile(
        rf"\s*(?:\(\s*|,\s*(?:(?:qui\s+est\s+)?situ[ée]e?s?\s+|localit[ée]s?\s+)?"
        rf"(?:dans\s+{_ART}{part}|(?:en|au|aux)\s+{_ART}))", re.I)
    at = re.compile(rf"\s*,\s*à\s+{_ART}", re.I)
    distance = re.compile(
        rf"\s*,?\s*(?:(?:qui\s+est\s+)?situ[ée]e?s?\s+)?[àa]\s+(?P<more>(?:plus|moins)\s+d['e’]\s*)?"
        rf"(?:environ\s+|quelque\s+|près\s+de\s+)?(?P<n>\d+(?:[.,]\d+)?|[a-zé]+(?:\s+[a-zé]+)?)"
        rf"\s*(?:de\s+)?(?:km|kilom[èe]tres?)\s+(?:(?:au|à\s+l['’])\s*(?:{dirs})\s+)?{_OF}{_ART}"
        rf"(?:capitale\s*,?\s*(?:\w+\s*,?\s*)?|ville\s+{_OF}{_ART})?", re.I)
    near = re.compile(
        rf"\s*,?\s*(?:(?:qui\s+est\s+)?situ[ée]e?s?\s+)?(?:près|non\s+loin|aux\s+abords|"
        rf"à\s+proximité|à\s+la\s+périphérie|(?P<dir>au\s+(?:{dirs})))\s+{_OF}{_ART}"
        rf"(?:capitale\s*,?\s*|ville\s+{_OF}{_ART})?", re.I)
    return inside, at, distance, near


def _km(said: str, w: Words) -> float | None:
    said = said.lower().replace(",", ".")
    try:
        return float(said)
    except ValueError:
        pass
    values = [w.distances[k] for k in said.split() if k in w.distances]
    return float(max(values)) if values else None


def relation_between(gap: str, w: Words | None = None) -> tuple[str, float | None, bool,
                                                                  bool] | None:
    """The relation the words between two mentions say: ("in", None, False, False), ("near",
    km, more, direction) or None.

    >>> relation_between(", dans la "), relation_between(", à 30 km au nord de ")
    (('in', None, False, False), ('near', 30.0, False, False))
    """
    w = w or words()
    inside, at, distance, near = _patterns()
    if len(gap) > MAX_GAP:
        return None
    if inside.fullmatch(gap):
        return "in", None, False, False
    if at.fullmatch(gap):
        return "at", None, False, False
    match = distance.fullmatch(gap)
    if match:
        return "near", _km(match.group("n"), w), bool(match.group("more")), False
    match = near.fullmatch(gap)
    if match:
        return "near", None, False, bool(match.group("dir"))
    return None


def find_relations(text: str, mentions: list[Mention]) -> dict[int, Relation]:
    """Relations of each mention to the next one (mentions sorted by offset), by index."""
    found = {}
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if b.start < a.end:
            continue
        said = relation_between(text[a.end:b.start])
        if said is not None:
            found[i] = Relation(i, i + 1, *said)
    return found


def placed_names(doc: Doc, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Names the NER took for a person or a thing that the text then places: « Khan Cheikhoun,
    dans la province d'Idleb », « Bossaso, en Somalie ». A NER name of another label that the
    gazetteer holds (as spelt or transliterated), followed by where it lies or how far it is
    from the next place mention; resolution keeps it only if a candidate lies there."""
    text, w = text_of(doc), words()
    starts = sorted(m.start for m in mentions)
    found = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS or any(m.start < ent.end_char and ent.start_char < m.end
                                             for m in mentions):
            continue
        after = next((s for s in starts if s >= ent.end_char), None)
        said = None if after is None else relation_between(text[ent.end_char:after], w)
        if said is None or said[0] not in ("in", "near") or said[3]:
            continue  # a direction alone (« X, au nord de Y ») is too loose a cue
        if gaz.lookup(ent.text, spelling=True):
            found.append(Mention(ent.start_char, ent.end_char, ent.text, source="placed",
                                 token=ent.start, prep=prep_before(doc, ent.start, w)))
    return found
