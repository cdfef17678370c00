"""Places: place mentions geocoded against the packaged gazetteer (offline).

Mentions come from the NER and from patterns it misses (place_mentions.py). Each is resolved
among its gazetteer candidates by the words around it (a region word forces a region), by the
countries the article names, and by population; mentions that are actors by metonymy ("la
réponse de Washington", "la Russie a annoncé") are not places. See docs/places.md.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from vigie.french.normalize import fold
from vigie.knowledge.base import load_kb
from vigie.knowledge.gazetteer import ALTERNATE, OVER_CITY, Candidate, Gazetteer, gazetteer
from vigie.stages.common import guarded, text_of
from vigie.stages.places.mentions import (
    STRONG_LOCATIVES,
    Mention,
    Words,
    find_mentions,
    tkey,
    words,
)

LOGGER = logging.getLogger(__name__)

# A candidate in a country the article's places name gets this bonus, worth a 15-fold population
# (log10 scale): Tripoli in a Lebanon story is Tripoli, Lebanon (LBY 1.3M vs LBN 230k), but
# Genève in a story naming the United States stays in Switzerland (201k vs Geneva NY, 13k).
# Countries known only from actors count half.
CONTEXT_BONUS = 1.2
# GeoNames' main name or a French/vigie name beats an alternate name of a 100x bigger place
# (calibrated on "Hama": Ḩamāh, Syria vs an alternate name of Ōno-hara, Japan).
MAIN_BONUS = 2.0
# Regions carry no population: rank them like a city of this size.
REGION_POPULATION = 1_000_000
# The NER's dependency labels of an acting subject (metonymy: "la Russie a annoncé").
_SUBJECTS = {"nsubj"}
# event_place: the finer the place, the likelier it is where the event happened.
LEVEL_RANK = {"city": 5, "area": 4, "region": 3, "border": 2, "country": 1, "other": 0}
# A locative lifts a place by one and a half levels: "à Genève" beats a bare "Alep" in the same
# clause, but "Alep en Syrie" stays Alep (city 5 vs country 1 + 1.5).
LOCATIVE_BONUS = 1.5


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


def _actor_spans(doc: Doc) -> list[tuple[int, int]]:
    return [span for actor in doc._.vigie_actors or [] for span in actor.mentions]


def _overlaps(m: Mention, spans: list[tuple[int, int]]) -> bool:
    """An actor mention overlaps the place's without being a longer name around it: "Moscou"
    as the Russian state drops the place; "les habitants de l'île de la Réunion" keeps it."""
    return any(s < m.end and m.start < e
               and not (s <= m.start and m.end <= e and e - s > m.end - m.start)
               for s, e in spans)


def _unframe(doc: Doc, m: Mention, cands: list[Candidate]) -> None:
    """"la deuxième ville de Syrie" names Syria: a region or city word that fits no candidate
    leaves the mention to the name alone."""
    fits = {"region": ("region", "city"), "city": ("city",)}.get(m.force)
    if fits and cands and not any(c.level in fits for c in cands):
        m.force, m.start = None, doc[m.token].idx


def _not_place(m: Mention, w: Words) -> bool:
    """Seats of power and common nouns the NER tags LOC ("le Kremlin", "l'État")."""
    return fold(m.name) in w.not_places


def _acts(doc: Doc, m: Mention, w: Words, cands: list[Candidate]) -> bool:
    """A country or capital named as an actor: subject of a verb, or "la réponse de X"."""
    if m.force or m.prep in w.locatives or m.source != "ner":
        return False
    tok = doc[m.token]
    before = doc[m.token - 2] if m.token >= 2 and tkey(doc[m.token - 1]) in ("de", "d'") else None
    if before is not None and tkey(before) in w.agentive:
        return True
    is_country = any(c.level == "country" and c.quality > ALTERNATE for c in cands)
    return is_country and tok.dep_ in _SUBJECTS and tok.head.pos_ in ("VERB", "AUX")


def _score(cand: Candidate, context: dict[str, float]) -> float:
    population = REGION_POPULATION if cand.level == "region" else cand.population
    score = math.log10(population + 1)
    if cand.quality > ALTERNATE:
        score += MAIN_BONUS
    return score + CONTEXT_BONUS * context.get(cand.country, 0.0)


def _bare(cands: list[Candidate]) -> list[Candidate]:
    """Candidates of a name with no region word: a country name is the country; a city beats
    the region of the same name in its country ("Alep" is the city, "province d'Alep" the
    region)."""
    cands = [c for c in cands if c.quality >= ALTERNATE]
    countries = [c for c in cands if c.level == "country"]
    if countries:
        return countries
    over = [c for c in cands if c.quality == OVER_CITY]
    if over:
        return over
    cities = {c.country for c in cands if c.level == "city"}
    return [c for c in cands if c.level != "region" or c.country not in cities]


def _choose(m: Mention, cands: list[Candidate], context: dict[str, float]) -> Candidate | None:
    if m.force == "region":
        cands = [c for c in cands if c.level == "region"] or [c for c in cands if c.level == "city"]
    elif m.force == "city":
        cands = [c for c in cands if c.level == "city"] or _bare(cands)
    else:
        cands = _bare(cands)
    return max(cands, key=lambda c: _score(c, context), default=None)


def _context(doc: Doc, resolved: list[tuple[Mention, list[Candidate]]]) -> dict[str, float]:
    """Countries the article names, weighted: 1 for country mentions and unambiguous places,
    0.5 for countries known only from actors."""
    context = {actor.country: 0.5 for actor in doc._.vigie_actors or []
               if getattr(actor, "country", None)}
    for m, cands in resolved:
        countries = {c.country for c in _bare(cands)} if m.force != "border" else {m.iso3}
        if len(countries) == 1 and None not in countries:
            context[countries.pop()] = 1.0
    return context


def _hit(m: Mention, text: str, cand: Candidate | None, gaz: Gazetteer) -> PlaceHit:
    """The place a resolved mention stands for (before merging mentions)."""
    if m.force == "border":
        iso3 = m.iso3
        country = gaz.country(iso3) if iso3 else None
        canonical = f"frontière ({country.canonical})" if country else None
        return PlaceHit(name=text, canonical=canonical, country=iso3, level="border")
    if cand is None:
        return PlaceHit(name=text)
    hit = PlaceHit(name=text, canonical=cand.canonical, country=cand.country, lat=cand.lat,
                   lon=cand.lon, geonameid=cand.geonameid, level=cand.level)
    if m.force == "region" and cand.level == "city":
        hit.level, hit.geonameid = "region", None  # located at its capital, the best we have
    return hit


def _merge(hits: list[tuple[Mention, PlaceHit]]) -> list[PlaceHit]:
    """One PlaceHit per distinct place, with all its mentions in text order."""
    places: dict[tuple, PlaceHit] = {}
    for m, hit in sorted(hits, key=lambda item: item[0].start):
        known = hit.canonical is not None
        k = (hit.canonical, hit.country, hit.level, hit.lat) if known else (fold(hit.name),)
        place = places.setdefault(k, hit)
        if (m.start, m.end) not in place.mentions:
            place.mentions.append((m.start, m.end))
            place.preps.append(m.prep)
    return list(places.values())


def find_places(doc: Doc, gaz: Gazetteer | None = None) -> list[PlaceHit]:
    """One PlaceHit per distinct place named in the doc, geocoded, actors excluded.

    Args:
        doc: a Doc that went through NER, entity repair and the Actors stage.
        gaz: the gazetteer (the process-wide one when None).

    Returns:
        Places in order of first mention.
    """
    gaz, w = gaz or gazetteer(), words()
    actors = _actor_spans(doc)
    resolved = []
    for m in find_mentions(doc, gaz):
        cands = gaz.lookup(m.name)
        _unframe(doc, m, cands)
        if _not_place(m, w) or _acts(doc, m, w, cands):
            continue
        if _overlaps(m, actors) and m.prep not in STRONG_LOCATIVES:
            continue
        if cands or m.force == "border" or m.source == "ner":
            resolved.append((m, cands))
    context = _context(doc, resolved)
    hits = [(m, _hit(m, text_of(doc)[m.start:m.end], _choose(m, c, context), gaz))
            for m, c in resolved]
    return _merge(hits)


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
    over regions over countries.

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
        for (s, e), prep in zip(place.mentions, preps, strict=False):
            if start <= s and e <= end:
                score = _mention_score(place, prep, w)
                if best is None or score > best[0]:
                    best = (score, i)
    return None if best is None else best[1]


class PlacesComponent:
    def __init__(self, nlp: Language, name: str, *, kb_files: list[str]):
        self.name = name
        self.kb_files = kb_files
        kb = load_kb(tuple(kb_files))
        self.gazetteer = gazetteer().overlay(kb.countries.values(), kb.places)

    def __call__(self, doc: Doc) -> Doc:
        doc._.vigie_places = guarded(doc, self.name, lambda: find_places(doc, self.gazetteer), [])
        return doc


@Language.factory(
    "vigie_places",
    requires=["doc.ents", "doc._.vigie_actors"],
    assigns=["doc._.vigie_places"],
    default_config={"kb_files": []},
)
def make_places(nlp: Language, name: str, kb_files: list[str]) -> PlacesComponent:
    return PlacesComponent(nlp, name, kb_files=kb_files)
