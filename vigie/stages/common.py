"""What every stage shares: Doc extensions and the article metadata on the Doc."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

LOGGER = logging.getLogger(__name__)
T = TypeVar("T")

# Each stage writes its results to doc._.vigie_<stage>: a list of that stage's dataclasses.
# Cross references between stages are list indices (an actor's index in doc._.vigie_actors);
# record.from_doc turns them into ids (a1, p1, ...).
EXTENSIONS = ["actors", "places", "times", "quotes", "figures", "events"]


def register_extensions() -> None:
    """Register vigie's Doc extensions once (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(f"vigie_{name}"):
            Doc.set_extension(f"vigie_{name}", default=None)
    # doc_id, title, published (ISO str or None), published_inferred, url, lang, meta: set by the
    # pipeline before the components run; the times stage may infer `published`.
    if not Doc.has_extension("vigie_article"):
        Doc.set_extension("vigie_article", default=None)


def article_of(doc: Doc) -> dict:
    """The article metadata the pipeline put on the Doc (an empty dict when none)."""
    if doc._.vigie_article is None:
        doc._.vigie_article = {}
    return doc._.vigie_article


register_extensions()


def guarded(doc: Doc, stage: str, find, default):
    """Run one stage's `find()`; on failure log it with the article id and return `default`.

    One bad article never stops a batch, and never fails in silence: the failure is added to the
    article's `warnings` (the record's `warnings` list: stage, error class, short message).
    """
    try:
        return find()
    except Exception as exc:  # noqa: BLE001 - any stage bug must stay local to this document
        article = article_of(doc)
        LOGGER.error("%s failed on %s: %r", stage, article.get("doc_id"), exc, exc_info=True)
        article.setdefault("warnings", []).append(stage_warning(stage, exc))
        return default


# A warning's message is the exception's first line, cut to this many characters.
WARNING_MESSAGE_CHARS = 200


def stage_warning(stage: str, exc: BaseException) -> dict[str, str]:
    """The record's warning for `exc` raised by `stage`: stage, error class, short message."""
    lines = str(exc).strip().splitlines()
    message = lines[0] if lines else type(exc).__name__
    if len(message) > WARNING_MESSAGE_CHARS:
        message = message[:WARNING_MESSAGE_CHARS - 1] + "…"
    return {"stage": stage, "error": type(exc).__name__, "message": message}


# user_data key of the Doc's text, cached: spaCy's `Doc.text` joins every token on each call,
# which made it the largest cost of some stages (docs/speed.md).
_TEXT_KEY = ("vigie", "text")


def remember_text(doc: Doc, text: str) -> None:
    """Cache the text a Doc was made from (the tokenizer keeps every character:
    doc.text == text)."""
    doc.user_data[_TEXT_KEY] = text


def per_doc(doc: Doc, key: tuple, build: Callable[[Doc], T]) -> T:
    """`build(doc)`, computed once per Doc and kept in `doc.user_data[key]`: the stages' shared
    columns and tables, so that the first stage to need one builds it for all."""
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = build(doc)
    return value


def text_of(doc: Doc) -> str:
    """The Doc's text (`doc.text`), built once per Doc instead of once per call."""
    return per_doc(doc, _TEXT_KEY, lambda d: d.text)


_LOWERS_KEY = ("vigie", "lowers")


def lowers_of(doc: Doc) -> list[str]:
    """Every token's `lower_`, built once per Doc: a Python `Token` costs a C object per access,
    and stages that compare words by index made millions of them (docs/speed.md)."""
    return per_doc(doc, _LOWERS_KEY, lambda d: [t.lower_ for t in d])


def column(doc: Doc, attr: int) -> list[int]:
    """One token attribute for every token (`doc.to_array(attr)` as a list), built once per Doc.

    Args:
        doc: the document.
        attr: a spaCy attribute id (`spacy.attrs.IDX`, `LIKE_NUM`...).
    """
    return per_doc(doc, ("vigie", "column", attr), lambda d: d.to_array(attr).tolist())
