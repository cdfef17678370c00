"""Pieces several routers share: the error model for OpenAPI, query parameter types."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query
from pydantic import BaseModel

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
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


DateQuery = Annotated[str | None, Query(pattern=DATE, description="ISO date (YYYY[-MM[-DD]]).")]
TextQuery = Annotated[str | None, Query(min_length=1, max_length=200, pattern=TEXT)]
