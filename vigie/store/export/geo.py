"""Administrative divisions of a place, from the packaged gazetteer tables.

vigie's regions table (knowledge/data/gazetteer/regions.tsv) lists first-level divisions
(governorates, provinces, states, oblasts, the regions of some countries) and French
departments. A division takes the GeoNames admin1 code of the city nearest its centroid; a city
then lies in the division that has its admin1 code. A city whose code no division has gets no
admin1 (the table covers the countries news is about, not all of them).
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from vigie.geo import distance_km
from vigie.knowledge import gazetteer_build

LOGGER = logging.getLogger(__name__)
# Kinds of regions.tsv rows that are first-level divisions everywhere.
ADMIN1_KINDS = frozenset({"governorate", "province", "state", "oblast", "republic"})
# Countries whose "region" rows are their first-level divisions.
REGION_IS_ADMIN1 = frozenset({"FRA", "MLI", "NER", "BFA", "CMR", "ETH", "BEL", "ESP", "MMR"})
# A centroid farther than this from every city of its country names no admin1 code: the
# table's centroids are good to about 30 km (regions.tsv header), cities are over 5,000 people.
MAX_CENTROID_KM = 150.0


@dataclass(frozen=True)
class Division:
    name: str
    country: str
    kind: str  # admin1 | admin2 | other
    admin1: str | None  # the first-level division a department lies in


@lru_cache(maxsize=1)
def _regions() -> list[dict]:
    text = (gazetteer_build.DATA / "regions.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[int, str], dict[str, list[tuple[float, float, str]]]]:
    """GeoNames admin1 codes: by city id, and (lat, lon, code) of every city by country."""
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3.update(gazetteer_build.EXTRA_ISO3)
    by_id, by_country = {}, {}
    for city in gazetteer_build.load_cities():
        code = city.get("admin1code") or ""
        by_id[int(city["geonameid"])] = code
        by_country.setdefault(iso3.get(city["countrycode"], ""), []).append(
            (float(city["latitude"]), float(city["longitude"]), code))
    return by_id, by_country


def _kind(row: dict) -> str:
    if row["kind"] in ADMIN1_KINDS or (row["kind"] == "region"
                                       and row["country"] in REGION_IS_ADMIN1):
        return "admin1"
    return "admin2" if row["kind"] == "department" else "other"


def _code_of(row: dict) -> str | None:
    """The admin1 code of the city nearest a division's centroid."""
    cities = _cities()[1].get(row["country"], [])
    lat, lon = float(row["lat"]), float(row["lon"])
    best = min(cities, key=lambda c: distance_km(lat, lon, c[0], c[1]), default=None)
    if best is None or distance_km(lat, lon, best[0], best[1]) > MAX_CENTROID_KM:
        return None
    return best[2] or None


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, dict], dict[tuple[str, str], str]]:
    """Rows by (folded) name and country, and admin1 name by (country, GeoNames code)."""
    by_name, by_code = {}, {}
    for row in _regions():
        for name in [row["name"], *row["aliases"].split("|")]:
            if name.strip():
                by_name.setdefault((gazetteer_build.key(name), row["country"]), row)
        if _kind(row) == "admin1":
            code = _code_of(row)
            if code:
                by_code.setdefault((row["country"], code), row["name"])
    return by_name, by_code


def division(name: str | None, country: str | None) -> Division | None:
    """The regions-table division a region-level place names, or None."""
    if not name or not country:
        return None
    row = _index()[0].get((gazetteer_build.key(name), country))
    if row is None:
        return None
    kind = _kind(row)
    admin1 = row["name"] if kind == "admin1" else None
    if kind == "admin2":
        code = _code_of(row)
        admin1 = _index()[1].get((country, code)) if code else None
    return Division(row["name"], country, kind, admin1)


def admin1_of_city(geonameid: int | None, country: str | None) -> str | None:
    """The first-level division of a GeoNames city, when the regions table has it."""
    if geonameid is None or not country:
        return None
    code = _cities()[0].get(int(geonameid))
    return _index()[1].get((country, code)) if code else None


def admin(name: str | None, country: str | None, level: str | None,
          geonameid: int | None) -> tuple[str | None, str | None]:
    """(admin1, admin2) of a place of some level."""
    if level == "city":
        return admin1_of_city(geonameid, country), None
    if level == "region":
        found = division(name, country)
        if found is not None:
            return found.admin1, (found.name if found.kind == "admin2" else None)
    return None, None
