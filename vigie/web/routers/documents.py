"""Documents: list, one record, ingest (token required)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from vigie.record import DocumentRecord
from vigie.web import listings
from vigie.web.deps import PageDep, StoreDep, get_nlp, paginated, require_read, require_write
from vigie.web.extracting import extracted
from vigie.web.record_checks import check_record
from vigie.web.records import document_record
from vigie.web.routers.common import PUBLISHED, DateQuery, PageModel, TextQuery, errors

router = APIRouter(prefix="/api/documents", tags=["documents"])


class ArticleIn(BaseModel):
    """An article to extract: its text and what is known about it."""

    text: str = Field(pattern=r"\S", description="the article; not blank")
    doc_id: str | None = Field(default=None, max_length=200)
    title: str | None = None
    published: str | None = Field(default=None, pattern=PUBLISHED, description=(
        "publication date, YYYY-MM-DD: a calendar day from 1600 to next year"))
    url: str | None = None


class ArticleBody(BaseModel):
    """An article, extracted on the server."""

    model_config = ConfigDict(extra="forbid")
    article: ArticleIn


class RecordIn(DocumentRecord):
    """A document record to store: its publication date, when it has one, a calendar day of a
    plausible year (as `vigie ingest --records` wants it)."""

    published: str | None = Field(default=None, pattern=PUBLISHED)


class RecordBody(BaseModel):
    """A ready document record (from `vigie extract`), stored as it is."""

    model_config = ConfigDict(extra="forbid")
    record: RecordIn

    @field_validator("record", mode="before")
    @classmethod
    def _strict(cls, value):
        # What ingest refuses, with its code (lone surrogates, deep metadata...); then strictly
        # as the schema says: lax validation took `false` for the integer 0.
        if not isinstance(value, dict):
            return value
        try:
            check_record(RecordIn.model_validate(value))
            return RecordIn.model_validate_json(json.dumps(value), strict=True)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ValueError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None


class Ingested(BaseModel):
    ok: bool = True
    id: int = Field(description="the stored document's row id (for a duplicate, the one stored "
                    "before): GET /api/documents/{id} reads it")
    duplicate: bool
    doc_id: str


@router.get("", dependencies=[Depends(require_read)], response_model=PageModel,
            responses=errors(401, 403))
def list_documents(store: StoreDep, pg: PageDep, since: DateQuery = None, until: DateQuery = None,
                   q: TextQuery = None) -> dict:
    """Documents, newest first (`q`: full-text search in their text and quotes)."""
    return paginated(listings.documents(store, pg, since=since, until=until, text=q), pg)


@router.get("/{document_id}", dependencies=[Depends(require_read)],
            responses=errors(401, 403, 404))
def get_document(store: StoreDep, document_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict:
    """One document: its record (docs/output-format.md) and the story of each event."""
    record, stories = document_record(store, document_id)
    return {"id": document_id, "record": record.model_dump(mode="json"), "stories": stories}


@router.post("", status_code=201, dependencies=[Depends(require_write)], response_model=Ingested,
             responses=errors(400, 401, 403, 413, 500, 503))
async def add_document(store: StoreDep, body: ArticleBody | RecordBody, request: Request
                       ) -> Ingested:
    """Store one article (extracted here, as POST /api/extract does) or one record; an already
    stored text is a duplicate. A record is also checked beyond what its schema can say (422):
    every offset and span inside its text, numbers the database can hold, no lone surrogate, no
    metadata nested deeper than 64 levels."""
    record = body.record if isinstance(body, RecordBody) else None
    if record is None:
        nlp = await run_in_threadpool(get_nlp, request)
        record = DocumentRecord.from_json(await extracted(request, body.article, nlp))
    row = await run_in_threadpool(store.add_record, record)
    stored = row if row is not None else await run_in_threadpool(_stored_id, store, record)
    return Ingested(id=stored, duplicate=row is None, doc_id=record.doc_id)


def _stored_id(store, record: DocumentRecord) -> int:
    """The row id of the document stored with the record's text."""
    from sqlalchemy import select

    from vigie.article import content_hash
    from vigie.store import schema

    column = schema.documents.c
    with store.reading() as conn:
        return conn.scalar(select(column.id).where(column.content_hash == content_hash(
            record.text)))
