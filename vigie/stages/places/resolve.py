"""Choosing the place a mention stands for among its gazetteer candidates.

In order of weight: what the words around it force (a region word, a facility at its town), what
the text says about where it lies ("Boma, dans la province du Lac", "à 30 km de Goma"), the
countries the story names (the one it is about most of all), nearness to its other places, then
population and the kind of name (a main or French name over an alternate one). See
docs/places.md.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from vigie.geo import distance_km
from vigie.knowledge.gazetteer import ALTERNATE, MAIN, OVER_CITY, Candidate
from vigie.stages.places.mentions import Mention
from vigie.stages.places.relations import Relation

# A candidate in a country the article's places name gets this bonus, worth a 15-fold population
# (log10 scale): Tripoli in a Lebanon story is Tripoli, Lebanon (LBY 1.3M vs LBN 230k), but
# Genève in a story naming the United States stays in Switzerland (201k vs Geneva NY, 13k).
# Countries known only from actors count half.
CONTEXT_BONUS = 1.2
# The country the story is about (its dateline's, or most of its places'): a 250-fold
# population, so a village of the story's country beats a town of that name elsewhere, not a
# capital (calibrated on homonyms in Sahel and Kivu stories: Boma, Tchad vs Boma, RDC).
STORY_WEIGHT = 2.0
# A place this close to another place of the story gets a 10-fold population.
NEAR_KM, NEAR_BONUS = 150.0, 1.0
NEAR_DEGREES = NEAR_KM / 111.0  # latitude difference beyond which no point is that near
# GeoNames' main name or a French/vigie name beats an alternate name of a 100x bigger place
# (calibrated on "Hama": Ḩamāh, Syria vs an alternate name of Ōno-hara, Japan).
MAIN_BONUS = 2.0
# A mention tells the story's country when its best candidate outranks every candidate of
# another country by this much (a 10-fold population, or a main name against an alternate).
CLEAR_MARGIN = 1.0
# Regions without a population (users' places) rank like a city of this size.
REGION_POPULATION = 1_000_000
# A name matched only through transliteration (translit.tsv) stands for a place of a country
# the story names, or a city of at least this size; else it is left unresolved (a place of that
# spelling elsewhere is chance: « Kuriga » is not Khouribga, Morocco).
SPELLING_POPULATION = 1_000_000
# In a story about one country, an alternate name of a place outside the countries it names
# stands for it only when it is a town of at least this size (« Genève » is Geneva, « Konna »
# in a Mali story is not Conna, Ireland).
ALTERNATE_POPULATION = 100_000
# "X, à 30 km de Y": X's candidate lies within this factor of the distance said, plus slack
# for the vagueness of news distances and the size of Y.
NEAR_FACTOR, NEAR_SLACK_KM = 1.5, 40.0
# "X près de Y" without a distance; "X, au nord de Y" (a direction says less).
NEAR_DEFAULT_KM, DIRECTION_KM = 60.0, 200.0
# A town of a region's name within this distance of the region's point lies in it (a vast
# Saharan region's centre is 300 km from its seat; La Réunion is 9,000 km from Grand-Couronne,
# one of whose alternate names is « Réunion »).
SEAT_KM = 500.0
# A quarter, street or named facility lies in its town: candidates farther than this from the
# town are other places of that name.
TOWN_KM = 30.0
# The forces whose mention is a part of a town (located at the town when the name is unknown).
IN_TOWN = ("facility", "quarter")
# A place the gazetteer does not hold, said to lie within this distance of a town (« un village à
# 10 km de Y », « près de Y »), is located at that town, as ACLED codes a place near a town.
STAND_IN_KM = 20.0
# The forces of a mention that may take the point of the place it lies in or near: a locality,
# a facility, a quarter (a region inside a region keeps no point).
STAND_IN_FORCES = (None, "city", "facility", "quarter")


def km(a: Candidate, b: Candidate) -> float:
    """Great-circle distance between two located candidates."""
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def located(c: Candidate | None) -> bool:
    return c is not None and c.lat is not None and c.lon is not None


def score(cand: Candidate, context: dict[str, float], anchors: list[Candidate] = ()) -> float:
    """log10 population, plus the bonuses of the name, the story's countries and nearness."""
    population = cand.population or (REGION_POPULATION if cand.level == "region" else 0)
    value = math.log10(population + 1)
    if cand.quality > ALTERNATE:
        value += MAIN_BONUS
    value += CONTEXT_BONUS * context.get(cand.country, 0.0)
    if located(cand) and cand.level != "country" and any(
            a != cand and abs(a.lat - cand.lat) < NEAR_DEGREES and km(a, cand) <= NEAR_KM
            for a in anchors):
        value += NEAR_BONUS
    return value


def bare(cands: list[Candidate]) -> list[Candidate]:
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
    regions = [c for c in cands if c.level == "region"]
    seats = [c for c in cands if c.level == "city" and any(_namesake(c, r) for r in regions)]
    french = [r for r in regions if r.quality >= MAIN]
    # The region gives way to its city, which takes its French name: « Odessa » is Odesa, not
    # Odessa, Texas, whose main name it is.
    return [replace(c, quality=MAIN) if c in seats and c.quality < MAIN
            and any(_namesake(c, r) for r in french) else c
            for c in cands if c.level != "region" or not any(_namesake(s, c) for s in seats)]


def _namesake(city: Candidate, region: Candidate) -> bool:
    """A town of the region's name that lies in it, as a rule its seat: « Odessa » (the oblast,
    the city). Grand-Couronne, one of whose names is « Réunion », is not La Réunion's."""
    return city.country == region.country and (
        not located(city) or not located(region) or km(city, region) <= SEAT_KM)


def plausible(cands: list[Candidate], context: dict[str, float]) -> list[Candidate]:
    """Drop candidates that only a transliteration or an alternate name of a small place
    abroad backs."""
    main = main_country(context)

    def backed(c: Candidate) -> bool:
        if context.get(c.country, 0.0) >= 0.5 or c.level == "country":
            return True
        if c.spelling:
            return c.population >= SPELLING_POPULATION
        return main is None or c.quality > ALTERNATE or c.population >= ALTERNATE_POPULATION

    return [c for c in cands if backed(c)]


def framed(m: Mention, cands: list[Candidate]) -> list[Candidate]:
    """The candidates the words around the mention allow."""
    if m.force == "region":
        return [c for c in cands if c.level == "region"] or [c for c in cands if c.level == "city"]
    if m.force in ("city", "facility"):
        return [c for c in cands if c.level in ("city", "area")] or bare(cands)
    if m.force == "quarter":
        return [c for c in cands if c.level in ("city", "area")]
    if m.force == "feature":
        return [c for c in cands if c.level == "country"]
    if m.force == "road":
        return []
    return bare(cands)


def choose(cands: list[Candidate], context: dict[str, float],
           anchors: list[Candidate] = ()) -> Candidate | None:
    return max(cands, key=lambda c: score(c, context, anchors), default=None)


def clear(cands: list[Candidate], context: dict[str, float]) -> bool:
    """Whether the best candidate's country is clear: every candidate of another country ranks
    at least CLEAR_MARGIN below it (« la bande de Gaza » is in Palestine, not in the province
    of Gaza, Mozambique)."""
    if not cands:
        return False
    best = choose(cands, context)
    others = [score(c, context) for c in cands if c.country != best.country]
    return not others or score(best, context) - max(others) >= CLEAR_MARGIN


def story_context(actor_countries: list[str], chosen: list[tuple[Mention, Candidate | None]],
                  dateline: str | None) -> dict[str, float]:
    """Countries the article names, weighted: 1 for its places' countries, 0.5 for countries
    known only from actors, STORY_WEIGHT for the country it is about (the dateline's, else the
    one most of its places are in, when they are at least two)."""
    context = dict.fromkeys(actor_countries, 0.5)
    counts = Counter(c.country for _, c in chosen if c is not None and c.country)
    for country in counts:
        context[country] = 1.0
    main = dateline
    if main is None and counts:
        (top, n), *rest = counts.most_common(2)
        if n >= 2 and (not rest or n > rest[0][1]):
            main = top
    if main is not None:
        context[main] = STORY_WEIGHT
    return context


def main_country(context: dict[str, float]) -> str | None:
    """The country the story is about, if story_context found one."""
    return next((c for c, v in context.items() if v == STORY_WEIGHT), None)


def fit(rel: Relation, target: Candidate | None, cands: list[Candidate]) -> list[Candidate]:
    """The candidates of a relation's source that lie where the text says they do."""
    if target is None:
        return cands
    if rel.kind in ("in", "at") or (rel.direction and target.level in ("country", "region")):
        # « Tessalit, au nord du Mali » is in Mali; « Rutshuru, au nord de Goma » near Goma
        inside = [c for c in cands if c.country == target.country or target.country is None]
        if target.level in ("city", "area") and located(target):
            inside = [c for c in inside if located(c) and km(c, target) <= TOWN_KM]
        return inside
    same = [c for c in cands if c.country == target.country]
    if not located(target):
        return same
    reach = rel.km * NEAR_FACTOR + NEAR_SLACK_KM if rel.km is not None else (
        DIRECTION_KM if rel.direction else NEAR_DEFAULT_KM)
    if rel.more:
        reach = max(reach, rel.km * 3)
    return [c for c in cands if located(c) and km(c, target) <= reach] or same


def in_town(m: Mention) -> bool:
    """A quarter, or a facility named for itself (« la mosquée Sediqia »), not for its town."""
    if m.source == "adjective":
        return False  # « la banlieue parisienne » names its town
    return m.force == "quarter" or (m.force == "facility" and not m.linked)


def near_town(cands: list[Candidate], town: Candidate | None) -> list[Candidate]:
    """The candidates of a part of a town that lie in it (all of them when no town is known)."""
    if town is None:
        return cands
    return [c for c in cands if located(c) and km(c, town) <= TOWN_KM]


def town_of(i: int, chosen: list[tuple[Mention, Candidate | None]]) -> Candidate | None:
    """The town a quarter or named facility at mention i lies in: the nearest town named before
    it, else after it."""
    before = [c for _, c in reversed(chosen[:i]) if located(c) and c.level == "city"]
    after = [c for _, c in chosen[i + 1:] if located(c) and c.level == "city"]
    return (before or after or [None])[0]


def stands_in(rel: Relation, near: Candidate | None, force: str | None) -> bool:
    """Whether `near`'s point stands for a mention that no candidate fits: « le camp de Wendou,
    dans la province du Séno » (a village of a region lies at the region's point, its seat or
    centre), « un village près de Beni », « X, à 10 km de Y » (at Y). Not a country's point, nor a
    direction or a distance beyond STAND_IN_KM (« à 400 km au nord-est de Bangui »)."""
    if not located(near) or near.level == "country" or force not in STAND_IN_FORCES:
        return False
    if rel.kind == "in":
        return True
    return rel.kind == "near" and not rel.direction and not rel.more and (
        rel.km is None or rel.km <= STAND_IN_KM)
