"""What people type for a country, a place or an actor, turned into what the store keeps.

A country by ISO alpha-3 or alpha-2 code, French or English name; a place by the name an article
wrote (« Alep ») or its canonical one (« Aleppo »); an actor by any of the names the knowledge
base gives it (« OSDH », « Zelensky »). Case and accents never matter.
"""

from __future__ import annotations

from functools import lru_cache

from vigie.french.normalize import fold


def country_code(value: str) -> str | None:
    """The ISO alpha-3 code of a country given by code or name; None when unknown.

    Args:
        value: `SYR`, `SY`, `Syrie`, `Syria`, `République arabe syrienne`...
    """
    return _countries().get(fold(value.strip()))


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    import pycountry
    from babel import Locale

    from vigie.knowledge import load_kb
    from vigie.knowledge.countries import EXTRA_CODES

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | EXTRA_CODES
    index = {fold(code): code for code in alpha3.values()} | {fold(a2): a3 for a2, a3 in
                                                                alpha3.items()}
    for country in pycountry.countries:  # ISO names: "Russian Federation", "Bolivia, ..."
        for attr in ("name", "official_name", "common_name"):
            if name := getattr(country, attr, None):
                index.setdefault(fold(name), country.alpha_3)
    # CLDR English names ("Russia", "Myanmar (Burma)" gives both names).
    for alpha2, name in Locale("en").territories.items():
        if alpha2 in alpha3:
            for part in name.replace(")", "").split(" ("):
                index.setdefault(fold(part), alpha3[alpha2])
    # French names and variants (« RDC », « Congo-Kinshasa »), not demonyms nor capitals.
    for country in load_kb().countries.values():
        for name in [country.name, *country.names]:
            index.setdefault(fold(name), country.iso3)
    return index


def place_keys(name: str) -> set[str]:
    """The store keys (folded canonical names) a place name may stand for.

    The name itself, and the canonical name of every place the gazetteer knows by it: « Alep »
    gives `alep` and `aleppo`, « Kiev » gives `kiev` and `kyiv`.
    """
    from vigie.knowledge.gazetteer import gazetteer

    return {fold(name), *(fold(c.canonical) for c in gazetteer().lookup(name))}


def gazetteer_point(name: str) -> tuple[float, float] | None:
    """Where the gazetteer puts a place name: its most populous located city, else the largest
    located place; None when unknown."""
    from vigie.knowledge.gazetteer import gazetteer

    located = [c for c in gazetteer().lookup(name) if c.lat is not None and c.lon is not None]
    if not located:
        return None
    best = max(located, key=lambda c: (c.level == "city", c.population))
    return best.lat, best.lon


def actor_names(name: str) -> tuple[set[str], set[str]]:
    """Folded names and knowledge-base ids an actor name may stand for.

    Args:
        name: any name or alias of the actor, or its knowledge-base id.

    Returns:
        (folded names, kb ids): the name itself and, for each knowledge-base entry known by it,
        every name and alias of the entry and its id.
    """
    from vigie.knowledge import load_kb

    keys, ids = {fold(name)}, {name}
    for entry in load_kb().lookup(name):
        keys.update(fold(n) for n in (entry.name, *entry.aliases))
        ids.add(entry.id)
    return keys, ids
