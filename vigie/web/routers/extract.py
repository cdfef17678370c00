"""POST /api/extract: text in, document record out (nothing stored)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from vigie.record import DocumentRecord
from vigie.web.deps import get_nlp, require_compute
from vigie.web.extracting import extracted
from vigie.web.routers.common import errors
from vigie.web.routers.documents import ArticleIn

router = APIRouter(prefix="/api/extract", tags=["extract"])


@router.post("", dependencies=[Depends(require_compute)], response_model=DocumentRecord,
             responses=errors(400, 401, 403, 413, 500, 503))
async def extract(article: ArticleIn, request: Request,
                  nlp: Annotated[object, Depends(get_nlp)]) -> Response:
    """Extract the record of one French article (the pipeline loads on the first call). The
    extraction runs in a process of its own, stopped when the client leaves or when the server's
    time limit (`vigie serve --time-limit`, 60 s) passes. An article vigie cannot read (a
    publication date that is no date) or extract in time (V031) is a 400 that says why, as
    `vigie extract` says it."""
    return Response(await extracted(request, article, nlp), media_type="application/json")
