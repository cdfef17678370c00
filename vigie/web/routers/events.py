"""Story events: the filters of `vigie query`, one story with its reports, the actor network."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query

from vigie.store import Filters, query
from vigie.web import listings, queries
from vigie.web.deps import Page, PageDep, StoreDep, paginated, require_read
from vigie.web.routers.common import DateQuery, PageModel, TextQuery, errors

router = APIRouter(prefix="/api/events", tags=["events"], dependencies=[Depends(require_read)])
NEAR = r"^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$"
SortColumn = Literal[queries.SORTABLE]  # type: ignore[valid-type]


def filters(
    type: TextQuery = None,
    actor: TextQuery = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
    place: TextQuery = None,
    near: Annotated[str | None, Query(pattern=NEAR, description="lat,lon")] = None,
    radius_km: Annotated[float | None, Query(gt=0, le=20_000)] = None,
    since: DateQuery = None,
    until: DateQuery = None,
    status: TextQuery = None,
    claimant: TextQuery = None,
    text: TextQuery = None,
    min_confidence: Annotated[float | None, Query(
        ge=0, le=1, description="some report of the event at least this likely right")] = None,
) -> Filters:
    """The filters of `vigie query`, as query parameters."""
    centre = tuple(float(x) for x in near.split(",")) if near else None
    if centre and not (-90 <= centre[0] <= 90 and -180 <= centre[1] <= 180):
        centre = None
    return Filters(type=type, actor=actor, country=country, place=place, near=centre,
                   radius_km=radius_km, since=since, until=until, status=status,
                   claimant=claimant, text=text, min_confidence=min_confidence)


FiltersDep = Annotated[Filters, Depends(filters)]


def stories(store, f: Filters, pg: Page) -> list[dict]:
    """One page of story events (plus one row telling whether there is a next page)."""
    rows = query(store, Filters(**{**vars(f), "limit": pg.offset + pg.limit + 1}))
    return rows[pg.offset :]


@router.get("", response_model=PageModel, responses=errors(401, 403))
def list_events(store: StoreDep, f: FiltersDep, pg: PageDep) -> dict:
    """Story events, newest first, filtered as `vigie query`."""
    return paginated(stories(store, f, pg), pg)


@router.get("/table", response_model=PageModel, responses=errors(401, 403))
def event_table(store: StoreDep, f: FiltersDep, pg: PageDep, sort: SortColumn = "date",
                order: Literal["asc", "desc"] = "desc") -> dict:
    """Story events sorted on any column, one page with the total: date, type and mode, source,
    target, place (as the articles write it), fatalities, statuses, confidence, reports."""
    sel = queries.select_stories(store, f)
    return queries.table_page(sel, sort=sort, descending=order == "desc", limit=pg.limit,
                              offset=pg.offset)


@router.get("/summary", responses=errors(401, 403))
def event_summary(store: StoreDep, f: FiltersDep) -> dict:
    """Counts of the matching stories (reports, articles, fatalities, undated, unlocated), per
    type, and per (date, type) for the timeline."""
    return queries.summary(queries.select_stories(store, f))


@router.get("/points", responses=errors(401, 403))
def event_points(store: StoreDep, f: FiltersDep) -> dict:
    """The matching stories that have a point, for the map."""
    return {"items": queries.points(queries.select_stories(store, f))}


@router.get("/documents", response_model=PageModel, responses=errors(401, 403))
def event_documents(store: StoreDep, f: FiltersDep, pg: PageDep) -> dict:
    """The articles reporting a matching story, newest first (every article when no filter is
    set), each with the number of matching stories it reports."""
    if not queries.is_filtered(f):
        return queries.all_documents(store, limit=pg.limit, offset=pg.offset)
    return queries.documents(store, queries.select_stories(store, f), limit=pg.limit,
                             offset=pg.offset)


@router.get("/network", responses=errors(401, 403))
def event_network(store: StoreDep, f: FiltersDep) -> dict:
    """Who acts on whom: actors and (source, target, type) edges of the matching stories, each
    edge with its count and story ids; only the most active actors are kept."""
    return queries.network(queries.select_stories(store, f))


@router.get("/{story_id}", responses=errors(401, 403, 404))
def get_event(store: StoreDep, story_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict:
    """One story event and every report merged into it, with why it joined."""
    return listings.story(store, story_id)
