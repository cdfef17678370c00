"""Full-text search in article texts and quotes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from vigie.web import listings
from vigie.web.deps import PageDep, StoreDep, paginated, require_read
from vigie.web.routers.common import TEXT, PageModel, errors

router = APIRouter(prefix="/api/search", tags=["search"], dependencies=[Depends(require_read)])


@router.get("", response_model=PageModel, responses=errors(401, 403))
def search(store: StoreDep, pg: PageDep,
           q: Annotated[str, Query(min_length=1, max_length=200, pattern=TEXT)]) -> dict:
    """Documents whose text or quotes hold every word of `q`, with a snippet around the hit."""
    return paginated(listings.search(store, q, pg), pg)
