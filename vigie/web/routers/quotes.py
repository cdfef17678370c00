"""Quotes with their speakers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from vigie.web import listings
from vigie.web.deps import PageDep, StoreDep, paginated, require_read
from vigie.web.routers.common import PageModel, TextQuery, errors

router = APIRouter(prefix="/api/quotes", tags=["quotes"], dependencies=[Depends(require_read)])


@router.get("", response_model=PageModel, responses=errors(401, 403))
def list_quotes(store: StoreDep, pg: PageDep, speaker: TextQuery = None,
                document: Annotated[int | None, Query(ge=1, le=2**62)] = None) -> dict:
    """Quotes, newest documents first, each with its speaker and cue."""
    return paginated(listings.quotes(store, pg, speaker=speaker, document=document), pg)
