"""What the dashboard needs to draw anything: colours, French country names, statuses."""

from __future__ import annotations

from functools import lru_cache
from typing import get_args

from fastapi import APIRouter, Depends
from sqlalchemy import select, union

from vigie.record import PlaceLevel, Status
from vigie.store import schema
from vigie.web import palette
from vigie.web.deps import StoreDep, require_read
from vigie.web.routers.common import errors

router = APIRouter(prefix="/api/meta", tags=["meta"], dependencies=[Depends(require_read)])


@router.get("", responses=errors(401, 403))
def meta(store: StoreDep) -> dict:
    """Type colours by PLOVER quad, the countries of the stored events (ISO alpha-3 and French
    name), French names by ISO numeric code (the basemap's ids), statuses and place levels."""
    S = schema.stories
    with store.reading() as conn:
        codes = {row[0] for row in conn.execute(union(
            select(S.c.country), select(S.c.source_country), select(S.c.target_country)))}
    names = country_names()
    present = sorted((c for c in codes if c), key=lambda c: names.get(c, {}).get("name", c))
    return {**palette.legend(),
            "countries": [{"code": c, "name": names.get(c, {}).get("name", c)} for c in present],
            "numeric": {v["numeric"]: v["name"] for v in names.values() if v["numeric"]},
            "statuses": list(get_args(Status)), "levels": list(get_args(PlaceLevel))}


@lru_cache(maxsize=1)
def country_names() -> dict[str, dict]:
    """{alpha-3: {"name": French name (CLDR), "numeric": ISO numeric}} for every country."""
    import pycountry
    from babel import Locale

    french = Locale("fr").territories
    return {c.alpha_3: {"name": french.get(c.alpha_2, c.name), "numeric": c.numeric}
            for c in pycountry.countries}
