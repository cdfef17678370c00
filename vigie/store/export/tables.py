"""The exports' data tables, loaded once: vigie/store/data/{exports,acled}.yaml,
acled_countries.tsv, and the knowledge base's Wikidata identifiers."""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from vigie.store.export.load import Actor

LOGGER = logging.getLogger(__name__)
DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class CountryInfo:
    """ACLED's short name, numeric ISO code and region of a country."""

    iso3: str
    iso: int | None
    name: str
    region: str


@lru_cache(maxsize=1)
def plover_tables() -> dict:
    """exports.yaml: quad codes, sector and code mappings, location levels."""
    return yaml.safe_load((DATA / "exports.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def acled_tables() -> dict:
    """acled.yaml: sub-event types, the PLOVER mapping, actor categories, precisions."""
    return yaml.safe_load((DATA / "acled.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def countries() -> dict[str, CountryInfo]:
    """acled_countries.tsv by ISO alpha-3."""
    text = (DATA / "acled_countries.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {r["iso3"]: CountryInfo(r["iso3"], int(r["iso"]) if r["iso"] else None,
                                   r["country"], r["region"])
            for r in csv.DictReader(lines, delimiter="\t")}


def country_name(iso3: str | None) -> str | None:
    """ACLED's short English name of a country (the code itself when unknown)."""
    if not iso3:
        return None
    info = countries().get(iso3)
    return info.name if info else iso3


@lru_cache(maxsize=1)
def _kb():
    from vigie.knowledge.base import load_kb

    return load_kb()


def wikidata(actor: Actor) -> tuple[str, str] | None:
    """(QID, English label) of an actor: its knowledge-base entry's, or its state's."""
    kb = _kb()
    entry = kb.get(actor.kb_id) if actor.kb_id else None
    if entry is not None:
        return entry.wikidata
    if actor.kind == "state" and actor.country in kb.countries:
        return kb.countries[actor.country].wikidata
    return None


def english_name(actor: Actor) -> str:
    """The actor's Wikidata English label when known, else vigie's name."""
    pair = wikidata(actor)
    return pair[1] if pair else actor.name
