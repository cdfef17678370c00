"""Cross-article merging: reports of the same real-world event become one story event.

A new event mention joins an existing story when all of these hold (the thresholds are named
constants below and documented in docs/store.md):

- same PLOVER type;
- dates within MERGE_WINDOW_DAYS (the event's own time, else the article's publication date),
  each read with its precision (`dates_apart`): a month is any of its days; a report's
  publication date (precision "published": the event had no date of its own) stands for any day
  of the REPORT_LAG_DAYS before it when compared with an event's own date, so that a copy of a
  dispatch that lost its "lundi" still joins the story; two publication dates compare as they
  are;
- compatible actors: for source and for target, unknown on either side, the same actor
  (knowledge-base id, else folded name), or a state and an actor of that state's country;
- compatible place: both located within MERGE_RADIUS_KM, else the same country, else unknown;
- at least one positive anchor (a shared actor or a place match), so two unrelated attacks on the
  same day with nothing known about them are never merged.

Among compatible stories the one with most anchors wins, then the nearest in time. Every mention
keeps the reasons of its assignment (`events.merge`), which `explain()` prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import Connection, insert, select, update

from vigie.geo import distance_km
from vigie.store import schema

# Reports of one event are published within two days of it (same-day wire story, next-day
# follow-up, weekend pieces); wider windows merged distinct strikes in our synthetic tests.
MERGE_WINDOW_DAYS = 2
# A report tells what happened on its day or the days before: a dispatch is taken up by other
# outlets over the next two days (the development corpus's undated events are at most two days
# older than their article).
REPORT_LAG_DAYS = 2
# Precisions whose date stands for every day of a period (day_of gives its first day); a month
# runs to its last day.
PERIOD_DAYS = {"week": 6, "month": 30}
# A town and its surroundings: reports place one strike in the city or a nearby district.
MERGE_RADIUS_KM = 50.0


@dataclass(frozen=True)
class ActorRef:
    name: str
    key: str  # kb_id, else the folded name
    country: str | None
    kind: str | None


@dataclass(frozen=True)
class PlaceRef:
    name: str
    country: str | None
    level: str | None
    lat: float | None
    lon: float | None

    @property
    def located(self) -> bool:
        """True when the place has coordinates."""
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Mention:
    """What the merge needs to know about one event of one article."""

    type: str
    mode: str | None
    date: str | None
    precision: str | None
    place: PlaceRef | None
    source: ActorRef | None
    target: ActorRef | None

    @property
    def day(self) -> int | None:
        """The date as a proleptic ordinal, or None."""
        return day_of(self.date)

    @property
    def days(self) -> tuple[int, int] | None:
        """The first and last day the date may stand for (see `days_of`)."""
        return days_of(self.date, self.precision)


def days_of(value: str | None, precision: str | None) -> tuple[int, int] | None:
    """(first, last) ordinal day that a date of this precision may stand for, or None.

    >>> days_of("2024-03-05", "published")[1] - days_of("2024-03-05", "published")[0]
    2
    """
    day = day_of(value)
    if day is None:
        return None
    if precision == "published":
        return day - REPORT_LAG_DAYS, day
    if precision == "month" or (precision is None and value and len(value) == 7):
        first = dt.date.fromordinal(day)
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return day, following.toordinal() - 1
    return day, day + PERIOD_DAYS.get(precision or "", 0)


def days_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two periods (0 when they overlap)."""
    return max(0, a[0] - b[1], b[0] - a[1])


def dates_apart(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> int | None:
    """Days between two (date, precision) pairs, each read with its precision; None when one
    has no date. Two reports' publication dates lag their events alike: compared as they are."""
    if a[1] == "published" and b[1] == "published":
        first, second = day_of(a[0]), day_of(b[0])
        return None if first is None or second is None else abs(first - second)
    first, second = days_of(*a), days_of(*b)
    return None if first is None or second is None else days_apart(first, second)


def day_of(value: str | None) -> int | None:
    """Ordinal of an ISO date `YYYY-MM-DD`, `YYYY-MM` (first day) or `YYYY`; else None."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts[:3]] + [1] * (3 - min(len(parts), 3))
        return dt.date(*numbers[:3]).toordinal()
    except (ValueError, TypeError):
        return None


def actor_match(a: ActorRef | None, b: ActorRef | None) -> tuple[bool | None, str]:
    """(True: same actor | None: compatible, no evidence | False: conflict, why)."""
    if a is None or b is None:
        return None, "unknown in one report"
    if a.key == b.key:
        return True, f"same actor {a.name!r}"
    if a.country and a.country == b.country and "state" in (a.kind, b.kind):
        return True, f"{a.name!r} and {b.name!r}: state and actor of {a.country}"
    return False, f"different actors {a.name!r} and {b.name!r}"


def place_match(a: PlaceRef | None, b: PlaceRef | None) -> tuple[bool | None, str]:
    """(True: same place | None: compatible, no evidence | False: conflict, why)."""
    if a is None or b is None:
        return None, "place unknown in one report"
    if a.located and b.located:
        km = distance_km(a.lat, a.lon, b.lat, b.lon)
        ok = km <= MERGE_RADIUS_KM
        return ok, f"{a.name!r} and {b.name!r} are {km:.1f} km apart (limit {MERGE_RADIUS_KM:g})"
    if a.country and b.country:
        same = a.country == b.country
        return same, f"{a.name!r} and {b.name!r} {'both in' if same else 'not both in'} {a.country}"
    return None, "place not located in one report"


def _story_refs(row) -> tuple[PlaceRef | None, ActorRef | None, ActorRef | None]:
    place = (PlaceRef(row.place, row.country, row.level, row.lat, row.lon)
             if row.place or row.country else None)
    source = ActorRef(row.source, row.source_key, row.source_country, row.source_kind) \
        if row.source_key else None
    target = ActorRef(row.target, row.target_key, row.target_country, row.target_kind) \
        if row.target_key else None
    return place, source, target


def judge(mention: Mention, row) -> dict | None:
    """The reasons to merge `mention` into story `row`, or None when they are incompatible."""
    place, source, target = _story_refs(row)
    checks = {"source": actor_match(mention.source, source),
              "target": actor_match(mention.target, target),
              "place": place_match(mention.place, place)}
    if any(ok is False for ok, _ in checks.values()):
        return None
    anchors = sum(ok is True for ok, _ in checks.values())
    days = dates_apart((mention.date, mention.precision), (row.date, row.precision))
    if not anchors or days is None or days > MERGE_WINDOW_DAYS:
        return None
    return {"rule": "merged", "story": row.id, "anchors": anchors, "days_apart": days,
            "type": f"same type {mention.type}",
            "date": f"{mention.date} and {row.date}: {days} day(s) apart "
                    f"(window {MERGE_WINDOW_DAYS})",
            **{name: why for name, (_, why) in checks.items()}}


def assign_story(conn: Connection, mention: Mention) -> tuple[int, dict]:
    """Attach a mention to the best compatible story, or open a new one.

    Returns:
        The story id and the reasons (stored with the mention).
    """
    best = _best_story(conn, mention)
    if best is not None:
        _absorb(conn, best, mention)
        return best["story"], best
    story_id = conn.execute(insert(schema.stories).returning(schema.stories.c.id),
                            _story_row(mention)).scalar_one()
    why = ("no date to compare" if mention.day is None else
           f"no {mention.type} story within {MERGE_WINDOW_DAYS} days with compatible actors "
           "and place")
    return story_id, {"rule": "new", "story": story_id, "why": why}


def _best_story(conn: Connection, mention: Mention) -> dict | None:
    if mention.day is None:
        return None
    s = schema.stories
    first, last = mention.days
    widest = max(REPORT_LAG_DAYS, *PERIOD_DAYS.values())  # a story's day is its period's first
    rows = conn.execute(select(s).where(
        s.c.type == mention.type,
        s.c.day.between(first - MERGE_WINDOW_DAYS - widest, last + MERGE_WINDOW_DAYS + widest),
    ))
    verdicts = [v for v in (judge(mention, row) for row in rows) if v]
    if not verdicts:
        return None
    return min(verdicts, key=lambda v: (-v["anchors"], v["days_apart"], v["story"]))


def _story_row(mention: Mention) -> dict:
    row = {"type": mention.type, "mode": mention.mode, "date": mention.date,
           "day": mention.day, "precision": mention.precision, "mentions": 1,
           "created_at": dt.datetime.now(dt.UTC)}
    row.update(_place_fields(mention.place))
    row.update(_actor_fields("source", mention.source))
    row.update(_actor_fields("target", mention.target))
    return row


def _place_fields(place: PlaceRef | None) -> dict:
    return {} if place is None else {"place": place.name, "country": place.country,
                                     "level": place.level, "lat": place.lat, "lon": place.lon}


def _actor_fields(slot: str, actor: ActorRef | None) -> dict:
    if actor is None:
        return {}
    return {slot: actor.name, f"{slot}_key": actor.key, f"{slot}_country": actor.country,
            f"{slot}_kind": actor.kind}


def _absorb(conn: Connection, verdict: dict, mention: Mention) -> None:
    """Count the mention and fill what the story did not know yet (place, actors, mode)."""
    s = schema.stories
    row = conn.execute(select(s).where(s.c.id == verdict["story"])).one()
    values = {"mentions": row.mentions + 1}
    if row.mode is None and mention.mode:
        values["mode"] = mention.mode
    if row.precision == "published" and mention.precision not in (None, "published"):
        # the story was dated by a report; this one gives the event's own date
        values.update(date=mention.date, day=mention.day, precision=mention.precision)
    if not row.place and not row.country:
        values.update(_place_fields(mention.place))
    elif row.lat is None and mention.place and mention.place.located:
        values.update(_place_fields(mention.place))
    for slot in ("source", "target"):
        if getattr(row, f"{slot}_key") is None:
            values.update(_actor_fields(slot, getattr(mention, slot)))
    conn.execute(update(s).where(s.c.id == row.id).values(**values))


def mention_dict(mention: Mention) -> dict:
    """The mention as plain data (for logs and tests)."""
    return asdict(mention)
