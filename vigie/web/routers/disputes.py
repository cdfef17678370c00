"""Disputed figures: claimants and their figures side by side."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from vigie.web import listings, queries
from vigie.web.deps import PageDep, StoreDep, paginated, require_read
from vigie.web.routers.common import PageModel, errors
from vigie.web.routers.events import FiltersDep

router = APIRouter(prefix="/api/disputes", tags=["disputes"],
                   dependencies=[Depends(require_read)])


@router.get("", response_model=PageModel, responses=errors(401, 403))
def list_disputes(store: StoreDep, pg: PageDep, f: FiltersDep,
                  story: Annotated[int | None, Query(ge=1, le=2**62)] = None) -> dict:
    """One item per (story, figure kind) whose claimants give different values, each claim with
    the sentence that states it; the event filters keep the disputes of the matching stories."""
    stories = None
    if queries.is_filtered(f):
        stories = {r["id"] for r in queries.select_stories(store, f).stories}
    return paginated(listings.dispute_groups(store, pg, story_id=story, stories=stories), pg)
