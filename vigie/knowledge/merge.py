"""Validate the sections of one knowledge-base file and merge them into a KnowledgeBase.

Merge rules (docs/knowledge.md): a country's names, demonyms and metonyms extend the ones
already known (a `name` replaces the display name); an entry replaces the entry with the same
id or is added; a role's words are taken away from earlier roles, then the role is added; a
place replaces the place with the same name and country or is added.
"""

from __future__ import annotations

import logging

from vigie.knowledge.countries import demonym_forms
from vigie.knowledge.models import Country, Entry, KnowledgeBase, Office, Place, Role
from vigie.knowledge.typed_yaml import (
    COUNTRY_FIELDS,
    ENTRY_FIELDS,
    LATITUDE,
    LONGITUDE,
    METONYM_FIELDS,
    OFFICE_FIELDS,
    PLACE_FIELDS,
    PLACE_LEVELS,
    POPULATION,
    ROLE_FIELDS,
    Checker,
    Mapped,
)

LOGGER = logging.getLogger(__name__)


def _listed(check: Checker, value, section: str, line: int) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise check.fail(line, f"{section!r} must be a list")
    return value


def merge_countries(kb: KnowledgeBase, section, check: Checker, line: int) -> None:
    """Extend the countries with a `countries:` mapping of ISO alpha-3 code -> fields."""
    if section is None:
        return
    if not isinstance(section, Mapped):
        raise check.fail(line, "'countries' must be a mapping of ISO alpha-3 codes")
    for iso3, item in section.items():
        where = section.line_of(iso3)
        if iso3 not in kb.countries:
            raise check.fail(where, f"bad ISO alpha-3 country code {iso3!r}")
        item = check.fields(item if item is not None else Mapped(), COUNTRY_FIELDS,
                            f"country {iso3}", where)
        _extend_country(kb.countries[iso3], item, check)


def _extend_country(country: Country, item: Mapped, check: Checker) -> None:
    what = f"country {country.iso3}"
    name = check.text(item, "name", what)
    if name:
        country.name = name
    country.wikidata = check.wikidata(item, what) or country.wikidata
    names = [*([name] if name else []), *check.texts(item, "names", what)]
    country.names = _union(country.names, names)
    country.ambiguous = _union(country.ambiguous, check.texts(item, "ambiguous", what))
    country.names = [n for n in country.names if n not in country.ambiguous]
    country.demonyms = _union(country.demonyms, demonym_forms(check.texts(item, "demonyms", what)))
    for metonym in _listed(check, item.get("metonyms"), "metonyms", item.line_of("metonyms")):
        if isinstance(metonym, str) and metonym.strip():
            country.metonyms = _union(country.metonyms, [metonym.strip()])
            continue
        sub = check.fields(metonym, METONYM_FIELDS, f"a metonym of {country.iso3}",
                           item.line_of("metonyms"))
        text = check.text(sub, "name", f"a metonym of {country.iso3}", required=True)
        country.metonyms = _union(country.metonyms, [text])
        sector = check.sector(sub, f"metonym {text!r}")
        if sector:
            country.metonym_sectors[text] = sector


def _union(old: list[str], new: list[str]) -> list[str]:
    seen = set(old)
    return [*old, *[w for w in new if not (w in seen or seen.add(w))]]


def merge_entries(kb: KnowledgeBase, section, check: Checker, line: int) -> None:
    """Add the `entries:` list, replacing entries with the same id."""
    positions = {e.id: i for i, e in enumerate(kb.entries)}
    for item in _listed(check, section, "entries", line):
        entry = _entry(item, check, line)
        if entry.id in positions:
            kb.entries[positions[entry.id]] = entry
        else:
            positions[entry.id] = len(kb.entries)
            kb.entries.append(entry)


def _entry(item, check: Checker, line: int) -> Entry:
    item = check.fields(item, ENTRY_FIELDS, "an entry", line)
    name = check.text(item, "name", "an entry", required=True)
    what = f"entry {name!r}"
    entry = Entry(
        id=check.text(item, "id", what, required=True), name=name, kind=check.kind(item, what),
        country=check.iso3(item, "country", what), sector=check.sector(item, what),
        role=check.text(item, "role", what), aliases=check.texts(item, "aliases", what),
        start=check.date(item, "start", what), end=check.date(item, "end", what),
        wikidata=check.wikidata(item, what),
    )
    offices = _listed(check, item.get("offices"), "offices", item.line_of("offices"))
    entry.offices = [_office(o, check, what, item.line_of("offices")) for o in offices]
    for office in entry.offices:  # an office without country or sector takes the entry's
        office.country = office.country or entry.country
        office.sector = office.sector or entry.sector
    if entry.offices:
        latest = entry.offices[-1]
        entry.role = entry.role or latest.role
        entry.country = entry.country or latest.country
        entry.sector = entry.sector or latest.sector
    return entry


def _office(item, check: Checker, owner: str, line: int) -> Office:
    what = f"an office of {owner}"
    item = check.fields(item, OFFICE_FIELDS, what, line)
    return Office(
        role=check.text(item, "role", what, required=True),
        country=check.iso3(item, "country", what),
        sector=check.sector(item, what), start=check.date(item, "start", what),
        end=check.date(item, "end", what),
    )


def merge_roles(kb: KnowledgeBase, section, check: Checker, line: int) -> None:
    """Add the `roles:` list; a word defined again leaves the role that had it."""
    for item in _listed(check, section, "roles", line):
        item = check.fields(item, ROLE_FIELDS, "a role", line)
        words = check.texts(item, "words", "a role")
        if not words:
            raise check.fail(item.line, "a role needs a non-empty 'words' list")
        role = Role(words=words, sector=check.sector(item, "a role"),
                    kind=check.kind(item, "a role"))
        taken = set(words)
        for old in kb.roles:
            old.words = [w for w in old.words if w not in taken]
        kb.roles = [r for r in kb.roles if r.words]
        kb.roles.append(role)


def merge_places(kb: KnowledgeBase, section, check: Checker, line: int) -> None:
    """Add the `places:` list (user gazetteer entries), replacing a place of the same name and
    country."""
    positions = {(p.name, p.country): i for i, p in enumerate(kb.places)}
    for item in _listed(check, section, "places", line):
        place = _place(check.fields(item, PLACE_FIELDS, "a place", line), check)
        at = positions.setdefault((place.name, place.country), len(kb.places))
        kb.places[at:at + 1] = [place]


def _place(item: Mapped, check: Checker) -> Place:
    name = check.text(item, "name", "a place", required=True)
    what = f"place {name!r}"
    if item.get("country") is None:
        raise check.fail(item.line, f"{what} needs a 'country' (ISO alpha-3 code)")
    level = check.text(item, "level", what) or "city"
    if level not in PLACE_LEVELS:
        raise check.fail(item.line_of("level"), f"bad level {level!r} in {what} (known: "
                         f"{', '.join(PLACE_LEVELS)})")
    return Place(
        name=name, country=check.iso3(item, "country", what),
        lat=check.number(item, "lat", what, LATITUDE),
        lon=check.number(item, "lon", what, LONGITUDE),
        level=level, population=int(check.number(item, "population", what, POPULATION, 0)),
        aliases=check.texts(item, "aliases", what),
    )
