"""Knowledge-base records (countries, entries with dated offices, roles, places) and their index.

Data shape and the user-extension format are documented in docs/knowledge.md. Every lookup is
a dict lookup on folded names (case, accents, apostrophes and dashes unified), built once per
set of files by `load_kb` and cached.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from vigie.french.normalize import fold

LOGGER = logging.getLogger(__name__)
_ARTICLES = ("le ", "la ", "les ", "l'")
DEFAULT_METONYM_SECTOR = "GOV"


@dataclass
class Country:
    iso3: str
    name: str  # French display name
    names: list[str] = field(default_factory=list)  # every French name and variant
    demonyms: list[str] = field(default_factory=list)  # adjective and noun forms
    metonyms: list[str] = field(default_factory=list)  # capitals and seats of power
    metonym_sectors: dict[str, str] = field(default_factory=dict)  # metonym -> sector, if not GOV
    ambiguous: list[str] = field(default_factory=list)  # bare names never matched ("Maurice")
    wikidata: tuple[str, str] | None = None  # (QID, English label), for exports


@dataclass
class Office:
    """One office of a person: role, country, sector and dates (ISO, YYYY or YYYY-MM allowed)."""

    role: str
    country: str | None = None
    sector: str | None = None
    start: str | None = None
    end: str | None = None

    def covers(self, day: str | date) -> bool:
        """Whether the office was held on `day` (open ends are unbounded)."""
        day = _pad(str(day), "-01")
        if self.start and day < _pad(self.start, "-01"):
            return False
        return not (self.end and day > _pad(self.end, "-31" if len(self.end) > 4 else "-12-31"))


@dataclass
class Entry:
    """An organisation, armed or political group, collective, or person."""

    id: str
    name: str
    kind: str  # person | organization | state | group | population
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    start: str | None = None  # ISO date the role began, when it matters
    end: str | None = None
    offices: list[Office] = field(default_factory=list)  # people: offices in chronological order
    wikidata: tuple[str, str] | None = None  # (QID, English label), for exports

    def office_at(self, day: str | date | None) -> Office | None:
        """The office held on `day`; the latest listed when day is None.

        When several offices cover the day ("prince héritier" and "ministre de la Défense"), the
        most recently begun wins, as news names a person by their newest title.
        """
        offices = self.offices
        if not offices and self.role:  # an entry with a single role and its dates
            offices = [Office(self.role, self.country, self.sector, self.start, self.end)]
        if day is None:
            return offices[-1] if offices else None
        held = [o for o in offices if o.covers(day)]
        return max(reversed(held), key=lambda o: _pad(o.start or "0000", "-01"), default=None)


@dataclass
class Role:
    """A role word ("ministre", "rebelles") and the sector and kind it implies."""

    words: list[str]
    sector: str | None
    kind: str


@dataclass
class Place:
    """A user's gazetteer entry (`places:` in a knowledge-base file), found like packaged places."""

    name: str
    country: str  # ISO alpha-3
    lat: float
    lon: float
    level: str = "city"  # city | region
    population: int = 0
    aliases: list[str] = field(default_factory=list)


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)  # from user files only
    _names: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _ids: dict[str, Entry] = field(default_factory=dict, repr=False)
    _countries: dict[str, Country] = field(default_factory=dict, repr=False)
    _metonyms: dict[str, tuple[Country, str]] = field(default_factory=dict, repr=False)
    _roles: dict[str, Role] = field(default_factory=dict, repr=False)

    def index(self) -> None:
        """Index entries, countries, metonyms and role words by folded name (once)."""
        self._names, self._countries, self._metonyms, self._roles = {}, {}, {}, {}
        self._ids = {e.id: e for e in self.entries}
        for entry in self.entries:
            for key in _keys([entry.name, *entry.aliases]):
                bucket = self._names.setdefault(key, [])
                if entry not in bucket:
                    bucket.append(entry)
        for country in self.countries.values():
            self._index_country(country)
        for role in self.roles:
            for key in _keys(role.words):
                self._roles[key] = role

    def _index_country(self, country: Country) -> None:
        # First writer wins: a name claimed by two countries keeps the first (ISO order).
        # Ambiguous bare names ("Maurice", "grenade") are never keys, even after an article.
        skip = {fold(n) for n in country.ambiguous}
        for key in _keys([country.name, *country.names, *country.demonyms, *country.metonyms]):
            if key not in skip:
                self._countries.setdefault(key, country)
        folded_sectors = {fold(k): v for k, v in country.metonym_sectors.items()}
        for metonym in country.metonyms:
            sector = folded_sectors.get(fold(metonym), DEFAULT_METONYM_SECTOR)
            for key in _keys([metonym]):
                self._metonyms.setdefault(key, (country, sector))

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name or alias folds to the same string as `name`."""
        return list(_get(self._names, name) or [])

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id."""
        return self._ids.get(entry_id)

    def country_by_name(self, name: str) -> Country | None:
        """The country whose name, variant, demonym or metonym folds to `name`."""
        return _get(self._countries, name)

    def metonym(self, name: str) -> tuple[Country, str] | None:
        """(country, sector) of a capital or seat of power ("le Pentagone" -> USA, MIL)."""
        return _get(self._metonyms, name)

    def role(self, word: str) -> Role | None:
        """The role a word or phrase names ("chef de la diplomatie" -> GOV person)."""
        return _get(self._roles, word)

    def person_at(self, entry: Entry, day: str | date | None) -> Office | None:
        """The office `entry` held on `day` (ISO date), or None when it held none then.

        Args:
            entry: a person entry.
            day: the date of the article or event; None gives the latest office.

        Returns:
            The first listed office covering the date, else None.
        """
        return entry.office_at(day)


def _pad(day: str, tail: str) -> str:
    if len(day) == 4:
        return day + ("-01-01" if tail == "-01" else tail)
    return day + tail if len(day) == 7 else day[:10]


def _keys(names: list[str]) -> list[str]:
    """Folded keys of names, plus the key without a leading article ("le Kremlin" -> "kremlin")."""
    out = []
    for name in names:
        key = fold(name)
        out.append(key)
        for article in _ARTICLES:
            if key.startswith(article) and len(key) > len(article) + 2:
                out.append(key[len(article):])
    return out


def _get(table: dict, name: str):
    key = fold(name)
    if key in table:
        return table[key]
    for article in _ARTICLES:
        if key.startswith(article):
            return table.get(key[len(article):])
    return None
