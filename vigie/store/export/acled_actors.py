"""ACLED's actors: names as ACLED writes them and their categories (inter codes 1-8).

- State actors (a state, or an actor of a state sector: GOV, MIL, COP...) are the state's
  forces: "Military Forces of Mali (2021-)", "Police Forces of France (2017-)",
  "Government of Syria (2000-2024)", with the period of the government in power on the day
  (acled.yaml `periods`); category 1 at home, 8 abroad.
- Known organisations and groups keep their name (the Wikidata English label when known).
- Civilians and unnamed armed actors are generic: "Civilians (Syria)", "Unidentified Armed
  Group (Mali)", with an associated actor for civilians of a known sector ("Journalists (France)").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vigie.store.export.load import Actor
from vigie.store.export.tables import acled_tables, country_name, english_name

# Event types in which a state acts through its armed forces (else its government).
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Country names ACLED writes with an article ("Military Forces of the United States").
_WITH_THE = ("United ", "Democratic ", "Republic ", "Central African", "Philippines", "Netherlands",
             "Bahamas", "Maldives", "Comoros", "Gambia")


@dataclass(frozen=True)
class AcledActor:
    name: str
    inter: int
    assoc: str = ""
    generic: bool = False  # "Civilians (Syria)": a category, not a named actor


def state_name(iso3: str, sector: str, day: dt.date) -> str:
    """ "<Forces> of <Country> (<start>-<end>)" for the government in power on `day`."""
    forces = acled_tables()["state_forces"].get(sector, "Government")
    country = country_name(iso3) or iso3
    if country.startswith(_WITH_THE):
        country = f"the {country}"
    period = _period(iso3, day)
    return f"{forces} of {country}" + (f" ({period})" if period else "")


def _period(iso3: str, day: dt.date) -> str | None:
    for start, end in acled_tables()["periods"].get(iso3, []):
        first = dt.date.fromisoformat(str(start))
        last = dt.date.fromisoformat(str(end)) if end else None
        if first <= day and (last is None or day < last):
            return f"{first.year}-{last.year if last else ''}"
    return None


def generic(category: str, iso3: str | None, assoc: str = "") -> AcledActor:
    """ "Civilians (Syria)", "Protesters (France)": a generic actor of a country."""
    where = country_name(iso3)
    name = f"{category} ({where})" if where else category
    return AcledActor(name, acled_tables()["generic"][category], assoc, generic=True)


def acled_actor(actor: Actor, *, where: str | None, day: dt.date, sub_event: str) -> AcledActor:
    """The ACLED name and category of a vigie actor in an event in country `where`."""
    tables = acled_tables()
    sector = actor.sector
    country = actor.country or where
    named_group = actor.kind == "group" and actor.kb_id
    if (actor.kind == "state" or sector in tables["state_forces"]) and not named_group:
        if country:
            return _state(actor, country, where, day, sub_event)
    inter = tables["sector_inter"].get(sector)
    if named_group and inter == 1:  # a militia or private force (Wagner, VDP): not the state
        inter = 3
    if inter == 7 or (actor.kind in ("population", "person") and inter not in (2, 3, 8)):
        assoc = tables["civilian_assoc"].get(sector)
        where_name = country_name(country)
        return generic("Civilians", country,
                       f"{assoc} ({where_name})" if assoc and where_name else assoc or "")
    if actor.kb_id or actor.kind == "organization":
        return AcledActor(english_name(actor), _inter(inter, actor, where))
    # An armed group vigie cannot name ("rebelles", "djihadistes"): ACLED's generic actor.
    return generic("Unidentified Armed Group", country)


def _state(actor: Actor, country: str, where: str | None, day: dt.date,
           sub_event: str) -> AcledActor:
    tables = acled_tables()
    sector = actor.sector if actor.sector in tables["state_forces"] else None
    if sector in (None, "GOV") and actor.kind in ("state", "organization"):
        # A state (or its government) acts through its forces in violence, arrests, deployments.
        violent = tables["sub_event_types"][sub_event][0] in VIOLENT
        sector = tables["state_acts_as"].get(sub_event) or ("MIL" if violent else "GOV")
    name = state_name(country, sector or "GOV", day)
    inter = 8 if where and country != where else 1
    return AcledActor(name, inter)


def _inter(inter: int | None, actor: Actor, where: str | None) -> int:
    if inter in (1, 3) and actor.country and where and actor.country != where:
        return 8
    return inter or 8


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's joint code: the two inter codes, lowest first; 10 x inter1 for one actor."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high
