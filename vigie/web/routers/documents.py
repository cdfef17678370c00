"""Documents: list, one record, ingest (token required)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field, model_validator

from vigie.record import DocumentRecord
from vigie.web import listings
from vigie.web.deps import PageDep, StoreDep, get_nlp, paginated, require_read, require_write
from vigie.web.extracting import extracted
from vigie.web.record_checks import check_record
from vigie.web.records import document_record
from vigie.web.routers.common import DATE, DateQuery, PageModel, TextQuery, errors

router = APIRouter(prefix="/api/documents", tags=["documents"])


class ArticleIn(BaseModel):
    """An article to extract: its text and what is known about it."""

    text: str = Field(min_length=1)
    doc_id: str | None = Field(default=None, max_length=200)
    title: str | None = None
    published: str | None = Field(default=None, pattern=DATE)
    url: str | None = None


class IngestIn(BaseModel):
    """Either an article (extracted on the server) or a ready document record."""

    article: ArticleIn | None = None
    record: DocumentRecord | None = None

    @model_validator(mode="after")
    def _one_of(self) -> IngestIn:
        if (self.article is None) == (self.record is None):
            raise ValueError("give exactly one of 'article' and 'record'")
        if self.record is not None:
            check_record(self.record)
        return self


class Ingested(BaseModel):
    ok: bool = True
    id: int | None = Field(description="the document's row id; null when already stored")
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
async def add_document(store: StoreDep, body: IngestIn, request: Request) -> Ingested:
    """Store one article (extracted here, as POST /api/extract does) or one record; an already
    stored text is a duplicate."""
    record = body.record
    if record is None:
        nlp = await run_in_threadpool(get_nlp, request)
        record = DocumentRecord.from_json(await extracted(request, body.article, nlp))
    row = await run_in_threadpool(store.add_record, record)
    return Ingested(id=row, duplicate=row is None, doc_id=record.doc_id)
