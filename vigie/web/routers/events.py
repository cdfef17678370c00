"""Story events: the filters of `vigie query`, one story with its reports, the actor network."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from vigie.store import Filters, query
from vigie.web import listings
from vigie.web.deps import Page, PageDep, StoreDep, paginated, require_read
from vigie.web.routers.common import DateQuery, PageModel, TextQuery, errors

router = APIRouter(prefix="/api/events", tags=["events"], dependencies=[Depends(require_read)])
NEAR = r"^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$"
# Stories drawn in the actor network at most (a denser graph cannot be read anyway).
NETWORK_STORIES = 2000


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
) -> Filters:
    """The filters of `vigie query`, as query parameters."""
    centre = tuple(float(x) for x in near.split(",")) if near else None
    if centre and not (-90 <= centre[0] <= 90 and -180 <= centre[1] <= 180):
        centre = None
    return Filters(type=type, actor=actor, country=country, place=place, near=centre,
                   radius_km=radius_km, since=since, until=until, status=status,
                   claimant=claimant, text=text)


FiltersDep = Annotated[Filters, Depends(filters)]


def stories(store, f: Filters, pg: Page) -> list[dict]:
    """One page of story events (plus one row telling whether there is a next page)."""
    rows = query(store, Filters(**{**vars(f), "limit": pg.offset + pg.limit + 1}))
    return rows[pg.offset :]


@router.get("", response_model=PageModel, responses=errors(401, 403))
def list_events(store: StoreDep, f: FiltersDep, pg: PageDep) -> dict:
    """Story events, newest first, filtered as `vigie query`."""
    return paginated(stories(store, f, pg), pg)


@router.get("/network", responses=errors(401, 403))
def event_network(store: StoreDep, f: FiltersDep) -> dict:
    """Who acts on whom: actors and (source, target, type) edges of the matching stories."""
    return listings.network(query(store, Filters(**{**vars(f), "limit": NETWORK_STORIES})))


@router.get("/{story_id}", responses=errors(401, 403, 404))
def get_event(store: StoreDep, story_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict:
    """One story event and every report merged into it, with why it joined."""
    return listings.story(store, story_id)
