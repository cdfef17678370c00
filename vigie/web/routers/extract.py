"""POST /api/extract: text in, document record out (nothing stored)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from vigie.errors import InputError
from vigie.record import DocumentRecord
from vigie.web.deps import get_nlp, require_compute
from vigie.web.routers.common import errors
from vigie.web.routers.documents import ArticleIn, extract_article

router = APIRouter(prefix="/api/extract", tags=["extract"])


@router.post("", dependencies=[Depends(require_compute)], response_model=DocumentRecord,
             responses=errors(400, 401, 403, 413))
def extract(article: ArticleIn, nlp: Annotated[object, Depends(get_nlp)]) -> DocumentRecord:
    """Extract the record of one French article (the pipeline loads on the first call); an
    article vigie cannot read (a lone surrogate, a text over the model's limit) is a 400 that
    says why, as `vigie extract` says it."""
    try:
        return extract_article(article, nlp)
    except InputError as exc:
        raise HTTPException(400, str(exc)) from exc
