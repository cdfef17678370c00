"""Pieces several routers share: the error model for OpenAPI, query parameter types."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query
from pydantic import AfterValidator, BaseModel

from vigie.web.date_patterns import publication_date, query_date

# A filter's date (a year, a month, a day) and a publication date, exact to the day.
DATE, PUBLISHED = query_date(), publication_date()
# No control characters in search words: SQLite's FTS5 rejects a NUL inside a quoted term.
TEXT = r"^[^\x00-\x1f\x7f]+$"


class ErrorModel(BaseModel):
    """The shape of every error."""

    ok: bool = False
    error: str
    errors: list[Any] = []
    status: int


def errors(*codes: int) -> dict:
    """OpenAPI `responses` for these error codes (422 is always there)."""
    return {code: {"model": ErrorModel} for code in (*codes, 422)}


class PageModel(BaseModel):
    """A page of results."""

    items: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None = None
    total: int | None = None




def calendar_day(value: str | None) -> str | None:
    """A date filter that names a real day (2016-02-30 is none: 422, as a malformed one)."""
    from vigie.dates import parse_date
    from vigie.errors import InputError

    if value is not None:
        try:
            parse_date(value, partial=True)
        except InputError as exc:
            raise ValueError(f"{value!r} is not a calendar date") from exc
    return value


DateQuery = Annotated[str | None, Query(pattern=DATE, description="ISO date (YYYY[-MM[-DD]]), "
                                        "a real calendar day."), AfterValidator(calendar_day)]
TextQuery = Annotated[str | None, Query(min_length=1, max_length=200, pattern=TEXT)]
