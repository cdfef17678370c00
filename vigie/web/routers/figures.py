"""Figures (killed, wounded, displaced...) with their claimants."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from vigie.web import listings
from vigie.web.deps import PageDep, StoreDep, paginated, require_read
from vigie.web.routers.common import PageModel, TextQuery, errors

router = APIRouter(prefix="/api/figures", tags=["figures"], dependencies=[Depends(require_read)])


@router.get("", response_model=PageModel, responses=errors(401, 403))
def list_figures(store: StoreDep, pg: PageDep, kind: TextQuery = None,
                 document: Annotated[int | None, Query(ge=1, le=2**62)] = None) -> dict:
    """Figures, newest documents first, each with who states it."""
    return paginated(listings.figures(store, pg, kind=kind, document=document), pg)
