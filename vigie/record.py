"""The document record: vigie's output contract (docs/output-format.md).

One source of truth for serialisation and for the JSON Schema printed by `vigie schema`.
"""

from __future__ import annotations

import functools
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]

ActorKind = Literal["person", "organization", "state", "group", "population"]
PlaceLevel = Literal["city", "region", "country", "border", "area", "other"]
Status = Literal[
    "reported", "claimed", "proposed", "demanded", "denied", "planned", "threatened", "hypothetical"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Actor(_Model):
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    kb_id: str | None = None
    mentions: list[Span] = Field(default_factory=list)
    named_mentions: list[Span] = Field(
        default_factory=list,
        description="the mentions that are proper names (\"l'OSDH\", \"la Russie\"), "
                    "not descriptions (\"le ministre\", \"les rebelles\", \"les Russes\")",
    )


class Place(_Model):
    id: str
    name: str
    canonical: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    level: PlaceLevel = "other"
    mentions: list[Span] = Field(default_factory=list)


class Time(_Model):
    id: str
    text: str
    start: int
    end: int
    value: str | None = None
    end_value: str | None = None
    precision: str | None = None
    kind: str = Field("date", description="date | range | since | until | anchored")
    modifier: str | None = Field(
        None, description="start | mid | end of the period (début, mi-, fin)")
    part_of_day: str | None = Field(None, description="matin, soir... (the value stays the day)")
    clock: str | None = Field(None, description="time of day, HH:MM")
    tense: str | None = Field(
        None, description="past | future | nearest: how a weekday was resolved")


class Quote(_Model):
    id: str
    text: str
    start: int
    end: int
    direct: bool
    speaker: str | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


class Figure(_Model):
    id: str
    kind: str
    value: float | int | None
    low: float | int | None = None
    high: float | int | None = None
    approximate: bool = False
    who: str | None = None
    part_of: str | None = None
    source: str | None = None
    place: str | None = None
    time: str | None = None
    start: int
    end: int
    disputes: list[str] = Field(
        default_factory=list,
        description="ids of figures of the same kind, place and period given by another source",
    )
    cumulative: bool = Field(
        default=False,
        description="a total over a period (\"depuis 2015\"), not one event's toll",
    )
    period: str | None = Field(
        default=None, description="the words of a cumulative figure's period (\"depuis 2015\")")
    title_span: list[int] | None = Field(
        default=None, description="[start, end] of the same figure in the title, if it gives it")


class Event(_Model):
    id: str
    type: str
    mode: str | None = None
    source: str | None = None
    target: str | None = None
    place: str | None = None
    time: str | None = None
    date: str | None = Field(
        None, description="ISO 8601: the value of `time`, else the report's publication date")
    time_precision: str | None = Field(
        None, description="day | week | month | year ... of `date`; `published` when `date` is "
                          "the report's publication date (no time in the text dates the event)")
    figures: list[str] = Field(default_factory=list)
    status: Status = "reported"
    claimed_by: str | None = None
    trigger: str
    trigger_start: int | None = None
    trigger_end: int | None = None
    start: int
    end: int
    confidence: float | None = None
    context: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list, description="every trigger span merged here")


class StageWarning(_Model):
    """A stage that failed on this document: the other stages' output is kept, this one's is
    empty (or, for the entities stage, the model's entities as they were)."""

    stage: str = Field(description="the pipeline component, e.g. vigie_times")
    error: str = Field(description="the exception class, e.g. RecursionError")
    message: str = Field(description="its first line, at most 200 characters")


class DocumentRecord(_Model):
    doc_id: str
    lang: str = "fr"
    title: str | None = None
    published: str | None = None
    published_inferred: bool = False
    url: str | None = None
    text: str
    meta: dict = Field(default_factory=dict)
    warnings: list[StageWarning] = Field(
        default_factory=list,
        description="the stages that failed on this document (empty when all went well)",
    )
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def to_json(self, *, indent: int | None = None) -> str:
        """Serialise the record as JSON (one line unless `indent` is given)."""
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> DocumentRecord:
        """Parse and validate a JSON record."""
        return cls.model_validate_json(data)


def warning_text(record: DocumentRecord) -> str | None:
    """One line saying which stages failed on the record, None when every stage ran.

    "vigie_times failed (RecursionError: maximum recursion depth exceeded): its output is missing"
    """
    if not record.warnings:
        return None
    return "; ".join(f"{w.stage} failed ({w.error}: {w.message})" for w in record.warnings) + (
        ": its output is missing" if len(record.warnings) == 1 else ": their output is missing")


def json_schema() -> str:
    """The JSON Schema of the document record, as published by `vigie schema`."""
    return json.dumps(DocumentRecord.model_json_schema(), indent=2, ensure_ascii=False)


# Fields of the stages' dataclasses that hold list indices, and the id prefix they map to.
_REFS = {
    "speaker": "a", "source": "a", "target": "a", "claimed_by": "a",
    "place": "p", "time": "t", "part_of": "f", "figures": "f", "disputes": "f",
}


def _ref(prefix: str, value):
    if value is None:
        return None
    if isinstance(value, list):
        return [f"{prefix}{i + 1}" for i in value]
    return f"{prefix}{value + 1}"


@functools.cache
def _fields(model: type[_Model]) -> frozenset[str]:
    # pydantic's `model_fields` is a class property that rebuilds a dict per access.
    return frozenset(model.model_fields)


def _items(model: type[_Model], prefix: str, hits) -> list:
    items, fields = [], _fields(model)
    for i, hit in enumerate(hits or []):
        data = {k: v for k, v in vars(hit).items() if k in fields}
        for name, target in _REFS.items():
            if name in data:
                data[name] = _ref(target, data[name])
        items.append(model(id=f"{prefix}{i + 1}", **data))
    return items


def from_doc(doc) -> DocumentRecord:
    """Build the document record from a Doc processed by vigie's pipeline."""
    from vigie.stages.common import text_of  # here: the stages' import is heavy, the record's light

    article = doc._.vigie_article or {}
    return DocumentRecord(
        doc_id=article.get("doc_id") or "doc",
        lang=article.get("lang") or "fr",
        title=article.get("title"),
        published=article.get("published"),
        published_inferred=bool(article.get("published_inferred")),
        url=article.get("url"),
        text=text_of(doc),
        meta=article.get("meta") or {},
        warnings=article.get("warnings") or [],
        actors=_items(Actor, "a", doc._.vigie_actors),
        places=_items(Place, "p", doc._.vigie_places),
        times=_items(Time, "t", doc._.vigie_times),
        quotes=_items(Quote, "q", doc._.vigie_quotes),
        figures=_items(Figure, "f", doc._.vigie_figures),
        events=_items(Event, "e", doc._.vigie_events),
    )
