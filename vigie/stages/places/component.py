"""Places: place mentions geocoded against the packaged gazetteer (offline).

Mentions come from the NER and from patterns it misses (mentions.py). Names that are not places
here (an armed group, a title, a heading, a common noun) are dropped (filters.py); each other
mention is resolved among its gazetteer candidates (resolve.py) by the words around it, by what
the text says about where it lies (relations.py), by the countries the story names and by
population. A state or a capital that acts ("la Russie a annoncé") keeps its place record, its
acting mentions marked so that events are not placed there. See docs/places.md.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from vigie.french.normalize import fold
from vigie.knowledge.base import load_kb
from vigie.knowledge.gazetteer import ALTERNATE, Candidate, Gazetteer, gazetteer
from vigie.knowledge.models import KnowledgeBase
from vigie.stages.common import guarded, text_of
from vigie.stages.places import resolve as rs
from vigie.stages.places.filters import acting, not_a_place
from vigie.stages.places.mentions import Mention, Words, find_mentions, words
from vigie.stages.places.relations import find_relations, placed_names

LOGGER = logging.getLogger(__name__)

# event_place: the finer the place, the likelier it is where the event happened.
LEVEL_RANK = {"city": 5, "area": 4, "region": 3, "border": 2, "country": 1, "other": 0}
# A locative lifts a place by one and a half levels: "à Genève" beats a bare "Alep" in the same
# clause, but "Alep en Syrie" stays Alep (city 5 vs country 1 + 1.5).
LOCATIVE_BONUS = 1.5
# Levels a mention's place takes from the words around it.
_AREA_FORCES = ("facility", "quarter", "feature")
# The level of a place the gazetteer does not know, from the word before it ("le village de X").
# A road has no point: level other, so that « près de l'A7 à Valence » is placed at Valence.
_UNKNOWN_LEVEL = {"city": "city", "region": "region", "facility": "area", "quarter": "area"}


@dataclass
class PlaceHit:
    name: str
    canonical: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    level: str = "other"  # city | region | country | border | area | other
    mentions: list[tuple[int, int]] = field(default_factory=list)
    preps: list[str | None] = field(default_factory=list)  # the preposition before each mention
    acting: list[bool] = field(default_factory=list)  # each mention names an actor too


@dataclass
class _Resolved:
    """A mention, its candidates and what the stage made of it."""

    mention: Mention
    cands: list[Candidate]
    acting: bool
    chosen: Candidate | None = None
    country: str | None = None  # known from a relation when no candidate fits
    town: Candidate | None = None  # the town a quarter or facility lies in
    stand_in: Candidate | None = None  # the place whose point an unknown place takes
    name_start: int = 0  # where the name starts (after "province de", "l'hôpital de")
    generic: bool = False  # « une mosquée de Kaboul »: any facility of the town, not a named one
    dropped: bool = False  # a name the NER did not take for a place that lies nowhere it says


def _hit(r: _Resolved, text: str, gaz: Gazetteer) -> PlaceHit:
    """The place a resolved mention stands for (before merging mentions)."""
    m, cand = r.mention, r.chosen
    name = text[m.start:m.end]
    if m.force == "border":
        country = gaz.country(m.iso3) if m.iso3 else None
        canonical = f"frontière ({country.canonical})" if country else None
        return PlaceHit(name=name, canonical=canonical, country=m.iso3, level="border")
    if m.force == "feature":
        return PlaceHit(name=name, country=cand.country if cand else None, level="area")
    if cand is None and r.town is not None:
        return PlaceHit(name=name, country=r.town.country, lat=r.town.lat, lon=r.town.lon,
                        level="area")
    if cand is None and r.stand_in is not None:  # an approximate point: no canonical name
        return PlaceHit(name=name, country=r.stand_in.country, lat=r.stand_in.lat,
                        lon=r.stand_in.lon, level=_UNKNOWN_LEVEL.get(m.force, "city"))
    if cand is None:
        return PlaceHit(name=name, country=r.country, level=_UNKNOWN_LEVEL.get(m.force, "other"))
    hit = PlaceHit(name=name, canonical=cand.canonical, country=cand.country, lat=cand.lat,
                   lon=cand.lon, geonameid=cand.geonameid, level=cand.level)
    if m.force == "region" and cand.level == "city":
        hit.level, hit.geonameid = "region", None  # located at its capital, the best we have
    elif m.force in _AREA_FORCES and cand.level == "city":
        hit.level, hit.geonameid = "area", None  # a quarter, located at its town
    return hit


def _merge(hits: list[tuple[_Resolved, PlaceHit]]) -> list[PlaceHit]:
    """One PlaceHit per distinct place, with all its mentions in text order."""
    places: dict[tuple, PlaceHit] = {}
    for r, hit in sorted(hits, key=lambda item: item[0].mention.start):
        m = r.mention
        known = hit.canonical is not None
        k = (hit.canonical, hit.country, hit.level, hit.lat) if known else (fold(hit.name),)
        if hit.level == "area":
            k = (*k, fold(hit.name))
        place = places.setdefault(k, hit)
        if (m.start, m.end) not in place.mentions:
            place.mentions.append((m.start, m.end))
            place.preps.append(m.prep)
            place.acting.append(r.acting)
    return list(places.values())


def _dateline_country(resolved: list[_Resolved]) -> str | None:
    for r in resolved:
        if r.mention.source == "dateline" and r.chosen is not None:
            return r.chosen.country
    return None


def _choose_all(resolved: list[_Resolved], context: dict[str, float], text: str) -> None:
    """Choose every mention's place: mentions after the places they are said to lie in or near
    (right to left), each with the story's countries and its other places as anchors."""
    relations = find_relations(text, [r.mention for r in resolved])
    anchors = [r.chosen for r in resolved if rs.located(r.chosen) and r.chosen.level != "country"]
    for i in reversed(range(len(resolved))):
        r = resolved[i]
        cands = rs.plausible(rs.framed(r.mention, r.cands), context)
        others = [a for a in anchors if a is not r.chosen]
        rel = relations.get(i)
        if rel is not None and rel.kind == "at" and r.mention.force not in rs.IN_TOWN:
            rel = None  # « à Kharkiv, à Ivano-Frankivsk » is a list, not a place in another
        if r.mention.source == "placed" and rel is None:
            r.dropped = True
            continue
        if rel is not None:
            target = resolved[rel.target]
            near = target.chosen or target.town
            if r.mention.force in rs.IN_TOWN:
                near = _town_in(target, context) or near  # « le quartier X, à Gaza »: the city
            cands = rs.fit(rel, near, cands)
            if r.mention.source == "placed" and (not cands or near is None):
                r.dropped = True  # « Ali Darassa, au Tchad »: a person, as the NER said
                continue
            if not cands and near is not None:
                r.country = near.country
                if rel.kind in ("in", "at") and r.mention.force in rs.IN_TOWN and near.level in (
                        "city", "area"):
                    r.town = near
                elif rs.stands_in(rel, near, r.mention.force):
                    r.stand_in = near  # « Wendou, dans la province du Séno »: at the region
        elif r.mention.force == "road":
            r.country = rs.main_country(context)  # « l'A16 »: a road of the story's country
        elif rs.in_town(r.mention):
            town = rs.town_of(i, [(x.mention, x.chosen) for x in resolved])
            cands = rs.near_town(cands, town)
            if not cands:
                r.town = town
        r.chosen = rs.choose(cands, context, others)
        if r.generic and r.chosen is not None and r.chosen.level == "city":
            _to_name(r.mention, r.name_start)  # « une mosquée de Kaboul » is a mention of Kaboul


def _town_in(r: _Resolved, context: dict[str, float]) -> Candidate | None:
    """The town a mention names, for a quarter said to lie in it: its place if a town, else
    its town ("le quartier X" of a city), else its best town candidate ("Gaza")."""
    if r.town is not None:
        return r.town
    if r.chosen is not None and r.chosen.level in ("city", "area"):
        return r.chosen
    if r.mention.force is not None or r.chosen is None:
        return None  # « la province du Séno » is no town
    towns = [c for c in r.cands if c.level == "city" and c.quality >= ALTERNATE
             and c.country == r.chosen.country]
    return rs.choose(rs.plausible(towns, context), context)


def find_places(doc: Doc, gaz: Gazetteer | None = None, kb: KnowledgeBase | None = None
                ) -> list[PlaceHit]:
    """One PlaceHit per distinct place named in the doc, geocoded.

    Args:
        doc: a Doc that went through NER, entity repair and the Actors stage.
        gaz: the gazetteer (the process-wide one when None).
        kb: the knowledge base (the packaged one when None).

    Returns:
        Places in order of first mention.
    """
    gaz, kb, w = gaz or gazetteer(), kb or load_kb(), words()
    resolved = []
    mentions = find_mentions(doc, gaz)
    mentions = sorted(mentions + placed_names(doc, mentions, gaz), key=lambda m: (m.start, m.end))
    for m in mentions:
        cands = _lookup(gaz, m, text_of(doc))
        _unframe(doc, m, cands)
        if not_a_place(doc, m, w, kb, cands):
            continue
        acts = acting(doc, m, w, kb, cands)
        if acts is None:
            continue  # an actor that is not a place (a person, an armed group)
        if cands or m.force is not None or m.source == "ner":
            resolved.append(_Resolved(m, cands, acts, name_start=doc[m.token].idx,
                                      generic=_generic(doc, m)))
    return _resolve(doc, resolved, gaz)


def _resolve(doc: Doc, resolved: list[_Resolved], gaz: Gazetteer) -> list[PlaceHit]:
    text = text_of(doc)
    actors = [a.country for a in doc._.vigie_actors or [] if getattr(a, "country", None)]
    context = rs.story_context(actors, [], None)
    for r in resolved:  # a first reading, without relations nor anchors
        r.chosen = rs.choose(rs.plausible(rs.framed(r.mention, r.cands), context), context)
    unambiguous = [(r.mention, r.chosen) for r in resolved if not r.acting
                   and r.mention.source != "placed"
                   and rs.clear(rs.framed(r.mention, r.cands), context)]
    context = rs.story_context(actors, unambiguous, _dateline_country(resolved))
    _choose_all(resolved, context, text)
    return _merge([(r, _hit(r, text, gaz)) for r in resolved if not r.dropped])


def _lookup(gaz: Gazetteer, m: Mention, text: str) -> list[Candidate]:
    """The candidates of a mention's name; a quarter or facility by its whole name first
    (« la place de l'Étoile », « le camp de Zaatari »)."""
    if m.force in ("quarter", "facility"):
        whole = gaz.lookup(text[m.start:m.end])
        if whole:
            return whole
    return gaz.lookup(m.name, spelling=True)


def _generic(doc: Doc, m: Mention) -> bool:
    """A facility word of a town after an indefinite article: « une mosquée de Kaboul » says
    where, not which one (« le CHU de Montpellier » is one). An unnamed quarter stays a part of
    its town (« un quartier de Donetsk »)."""
    if m.force != "facility" or not m.linked:
        return False
    head = next((t for t in doc if t.idx == m.start), None)
    before = doc[head.i - 1] if head is not None and head.i > 0 else None
    return before is not None and "Ind" in before.morph.get("Definite")


def _to_name(m: Mention, start: int) -> None:
    m.force, m.start = None, start


def _unframe(doc: Doc, m: Mention, cands: list[Candidate]) -> None:
    """"la deuxième ville de Syrie" names Syria: a region or city word that fits no candidate
    leaves the mention to the name alone."""
    fits = {"region": ("region", "city"), "city": ("city", "area")}.get(m.force)
    if fits and cands and not any(c.level in fits for c in cands):
        m.force, m.start = None, doc[m.token].idx


def _mention_score(place: PlaceHit, prep: str | None, w: Words) -> tuple[bool, float]:
    """How likely a mention names where an event happened: not an origin or destination
    ("vers", "depuis"), then a finer place, then one introduced by a locative ("à", "dans")."""
    away = prep in w.away and prep != "en"
    locative = prep in w.locatives and not away
    return (not away, LEVEL_RANK.get(place.level, 0) + LOCATIVE_BONUS * locative)


def event_place(doc: Doc, start: int, end: int) -> int | None:
    """Index in doc._.vigie_places of the place where the event in text[start:end] happened.

    Prefers a place introduced by a locative ("à Alep", "dans la province d'Idlib", "près de
    Beni") over one that is an origin or destination ("vers la frontière turque"), then cities
    over regions over countries. A mention that names an actor ("Moscou a démenti") places no
    event.

    Args:
        doc: a Doc the Places stage has run on.
        start: first character of the event's clause.
        end: end (exclusive) of the clause.

    Returns:
        The index, or None when no place is mentioned in the clause.
    """
    w, best = words(), None
    for i, place in enumerate(doc._.vigie_places or []):
        preps = place.preps or [None] * len(place.mentions)
        acts = place.acting or [False] * len(place.mentions)
        for (s, e), prep, act in zip(place.mentions, preps, acts, strict=False):
            if start <= s and e <= end and not act:
                score = _mention_score(place, prep, w)
                if best is None or score > best[0]:
                    best = (score, i)
    return None if best is None else best[1]


class PlacesComponent:
    def __init__(self, nlp: Language, name: str, *, kb_files: list[str]):
        self.name = name
        self.kb_files = kb_files
        self.kb = load_kb(tuple(kb_files))
        self.gazetteer = gazetteer().overlay(self.kb.countries.values(), self.kb.places)

    def __call__(self, doc: Doc) -> Doc:
        doc._.vigie_places = guarded(doc, self.name,
                                     lambda: find_places(doc, self.gazetteer, self.kb), [])
        return doc


@Language.factory(
    "vigie_places",
    requires=["doc.ents", "doc._.vigie_actors"],
    assigns=["doc._.vigie_places"],
    default_config={"kb_files": []},
)
def make_places(nlp: Language, name: str, kb_files: list[str]) -> PlacesComponent:
    return PlacesComponent(nlp, name, kb_files=kb_files)
