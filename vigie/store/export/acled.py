"""ACLED-style rows: one per story event of a kind ACLED codes, with ACLED's columns and codes.

Columns, event and sub-event types, inter and interaction codes, geo and time precisions are
ACLED's (codebook 2023); the mapping from vigie's PLOVER coding is vigie/store/data/acled.yaml
and docs/exports.md. Stories that ACLED would not code (verbal events, aid, resignations), or
that have no date or no country, are left out and counted.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field

from vigie.store.export import geo
from vigie.store.export.acled_actors import AcledActor, acled_actor, generic, interaction
from vigie.store.export.acled_actors import state_name as _state_name
from vigie.store.export.load import DAY_PRECISIONS, Story, load_stories, lowest, publisher
from vigie.store.export.tables import acled_tables, countries, plover_tables
from vigie.store.store import Store

LOGGER = logging.getLogger(__name__)
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]
# A period whose last day is at most this many days after its first is "a specific week"
# (time_precision 2); longer ones, 3.
WEEK_DAYS = 7
NO_ACTOR = AcledActor("", 0)


@dataclass
class AcledExport:
    """What `acled_rows` wrote and what it left out, by reason."""

    written: int = 0
    left_out: dict[str, int] = field(default_factory=dict)

    def leave_out(self, reason: str) -> None:
        self.left_out[reason] = self.left_out.get(reason, 0) + 1


def acled_rows(store: Store, *, report: AcledExport | None = None) -> Iterator[dict]:
    """ACLED rows for the story events ACLED codes, oldest story first.

    Args:
        store: the store to export.
        report: filled with the rows written and the stories left out, by reason ("verbal",
            "not an ACLED event type", "no date", "no country").

    Yields:
        One dict per row, keys `ACLED_COLUMNS`.
    """
    report = report if report is not None else AcledExport()
    for story in load_stories(store):
        row, reason = acled_row(story)
        if row is None:
            report.leave_out(reason)
            continue
        report.written += 1
        yield row


def sub_event_type(plover_type: str, mode: str | None) -> str | None:
    """ACLED's sub-event type for a PLOVER type and mode (None: ACLED does not code it)."""
    rule = acled_tables()["plover"].get(plover_type)
    if rule is None:
        return None
    modes = rule.get("modes") or {}
    return modes[mode] if mode in modes else rule.get("default")


def acled_row(story: Story) -> tuple[dict | None, str]:
    """(the ACLED row of a story, "") or (None, why it is left out)."""
    sub = sub_event_type(story.row.type, story.row.mode)
    if sub is None:
        verbal = plover_tables()["quad_code"].get(story.row.type) in (1, 3)
        return None, "verbal" if verbal else "not an ACLED event type"
    period = story.period()
    if period is None or not story.mentions:
        return None, "no date"
    where = _country(story)
    if where is None:
        return None, "no country"
    day, precision = event_date(period, story.row.precision)
    actor1, actor2 = _actors(story, sub, where, day)
    if actor2.inter == 7 and sub in acled_tables()["civilian_target"]:
        sub = acled_tables()["civilian_target"][sub]
    event_type, disorder = acled_tables()["sub_event_types"][sub]
    return _columns(story, where, day, precision, (event_type, sub, disorder), actor1, actor2), ""


def event_date(period: tuple[dt.date, dt.date | None],
               precision: str | None) -> tuple[dt.date, int]:
    """ACLED's event_date and time_precision for a period (its mid-point when it is longer than a
    day, as the codebook codes an event known only by its week or month)."""
    first, last = period
    if last is None:
        return first, acled_tables()["time_precision"].get(precision or "day", 3)
    days = (last - first).days
    code = 2 if days <= WEEK_DAYS else 3
    if precision in DAY_PRECISIONS and days == 0:
        code = 1
    return first + dt.timedelta(days=days // 2), code


def _country(story: Story) -> str | None:
    """Where the event took place: its place's country, else its target's, else its source's."""
    row = story.row
    return row.country or row.target_country or row.source_country


def _actors(story: Story, sub: str, where: str, day: dt.date) -> tuple[AcledActor, AcledActor]:
    source, target = story.actor("source"), story.actor("target")
    first, second = [None if a is None else acled_actor(a, where=where, day=day, sub_event=sub)
                     for a in (source, target)]
    crowd = acled_tables()["crowd"].get(sub)
    if crowd:
        # The crowd is actor1, a named group of it its associate; for crowd control (vigie's
        # ASSAULT by the police on protesters) the police are actor2.
        protesters, police = (first, None) if story.row.type == "PROTEST" else (second, first)
        assoc = protesters.name if protesters and not protesters.generic else ""
        return generic(crowd, where, assoc), police or NO_ACTOR
    if first is None:
        default = acled_tables()["default_actor1"].get(sub)
        first = _default(default, where, day) if default else NO_ACTOR
    return first, second or NO_ACTOR


def _default(category: str, where: str, day: dt.date) -> AcledActor:
    if category == "Police Forces":
        return AcledActor(_state_name(where, "COP", day), 1)
    return generic(category, where)


def _columns(story: Story, where: str, day: dt.date, time_precision: int,
             types: tuple[str, str, str], actor1: AcledActor, actor2: AcledActor) -> dict:
    row, first = story.row, story.mentions[0]
    info = countries().get(where)
    lat, lon, location, level = _location(story, where)
    place = next((m.place for m in story.mentions if m.place), None)
    admin1, admin2 = geo.admin(place.canonical or place.name if place else row.place, where,
                               level, place.geonameid if place else None)
    inter1, inter2 = actor1.inter or None, actor2.inter or None
    created = row.created_at.replace(tzinfo=row.created_at.tzinfo or dt.UTC)
    return {
        "event_id_cnty": f"{where}{row.id}", "event_date": day.isoformat(), "year": day.year,
        "time_precision": time_precision, "disorder_type": types[2], "event_type": types[0],
        "sub_event_type": types[1], "actor1": actor1.name, "assoc_actor_1": actor1.assoc,
        "inter1": inter1, "actor2": actor2.name, "assoc_actor_2": actor2.assoc,
        "inter2": inter2, "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == 7
        and "Political violence" in types[2] else "",
        "iso": info.iso if info else None, "region": info.region if info else "",
        "country": info.name if info else where, "admin1": admin1 or "", "admin2": admin2 or "",
        "admin3": "", "location": location, "latitude": lat, "longitude": lon,
        "geo_precision": acled_tables()["geo_precision"].get(level, 3),
        "source": "; ".join(dict.fromkeys(publisher(m.article) or m.article.title or
                                          m.article.doc_id for m in story.mentions)),
        "source_scale": "", "notes": first.sentence, "fatalities": lowest(story, ("killed",)) or 0,
        "tags": "", "timestamp": int(created.timestamp()),
    }


def _location(story: Story, where: str) -> tuple[float | None, float | None, str, str]:
    """(latitude, longitude, location, level); a story located only by a country (or not at all,
    with the country of an actor) takes the country's point, at geo_precision 3."""
    row = story.row
    if row.place and row.lat is not None and row.level != "country":
        return round(row.lat, 4), round(row.lon, 4), row.place, row.level or "other"
    from vigie.knowledge.gazetteer import gazetteer

    point = gazetteer().country(where)
    name = countries()[where].name if where in countries() else where
    if point is None or point.lat is None:
        return None, None, name, "country"
    return round(point.lat, 4), round(point.lon, 4), name, "country"
