"""Knowledge-base records and the loader that indexes them."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from vigie.french.normalize import fold

LOGGER = logging.getLogger(__name__)
DATA = Path(__file__).parent / "data"


@dataclass
class Country:
    iso3: str
    name: str  # French display name
    names: list[str] = field(default_factory=list)  # every French name and variant
    demonyms: list[str] = field(default_factory=list)  # adjective and noun forms
    metonyms: list[str] = field(default_factory=list)  # capitals and seats of power


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


@dataclass
class Role:
    """A role word ("ministre", "rebelles") and the sector and kind it implies."""

    words: list[str]
    sector: str | None
    kind: str


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    _names: dict[str, list[Entry]] = field(default_factory=dict, repr=False)

    def index(self) -> None:
        """Index every entry by its folded name and aliases."""
        self._names = {}
        for entry in self.entries:
            for name in [entry.name, *entry.aliases]:
                self._names.setdefault(fold(name), []).append(entry)

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose name or alias folds to the same string as `name`."""
        return list(self._names.get(fold(name), []))

    def country_by_name(self, name: str) -> Country | None:
        """The country whose name, variant, demonym or metonym folds to `name`."""
        key = fold(name)
        for country in self.countries.values():
            words = [country.name, *country.names, *country.demonyms, *country.metonyms]
            if any(fold(w) == key for w in words):
                return country
        return None


@lru_cache(maxsize=8)
def load_kb(kb_files: tuple[str, ...] = ()) -> KnowledgeBase:
    """Load the packaged tables and merge the user's files over them (cached)."""
    kb = KnowledgeBase()
    for path in [*sorted(DATA.glob("*.yaml")), *map(Path, kb_files)]:
        _merge(kb, yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    kb.index()
    return kb


def _merge(kb: KnowledgeBase, data: dict) -> None:
    for iso3, item in (data.get("countries") or {}).items():
        kb.countries[iso3] = Country(iso3=iso3, **item)
    ids = {e.id: i for i, e in enumerate(kb.entries)}
    for item in data.get("entries") or []:
        entry = Entry(**item)
        if entry.id in ids:
            kb.entries[ids[entry.id]] = entry
        else:
            kb.entries.append(entry)
    for item in data.get("roles") or []:
        kb.roles.append(Role(**item))
