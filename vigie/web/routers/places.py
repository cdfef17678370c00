"""Places across documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from vigie.web import listings
from vigie.web.deps import PageDep, StoreDep, paginated, require_read
from vigie.web.routers.common import PageModel, TextQuery, errors

router = APIRouter(prefix="/api/places", tags=["places"], dependencies=[Depends(require_read)])


@router.get("", response_model=PageModel, responses=errors(401, 403))
def list_places(store: StoreDep, pg: PageDep, name: TextQuery = None,
                country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None) -> dict:
    """Places (name, country, point, level) with the number of documents naming them."""
    return paginated(listings.places(store, pg, name=name, country=country), pg)
