"""Build vigie's spaCy pipeline and run it over articles."""

from __future__ import annotations

import itertools
import logging
import multiprocessing
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from vigie.article import Article
from vigie.dates import parse_date
from vigie.errors import Errors, InputError, VigieError
from vigie.record import DocumentRecord, from_doc
from vigie.settings import DEFAULT_MODEL, MODELS
from vigie.speed import collect_load_garbage, use_column_attribute_ruler, use_numpy_gemm
from vigie.stages import STAGES
from vigie.stages.common import remember_text
from vigie.stages.lemmas import speed_up_lemmatizer

LOGGER = logging.getLogger(__name__)


def load(model: str = DEFAULT_MODEL, *, kb_files: Iterable[Path | str] = ()) -> Language:
    """Load a French spaCy model and add vigie's components after its own.

    Args:
        model: name of an installed spaCy model package (fr_core_news_md or fr_core_news_sm).
        kb_files: user knowledge-base files merged over the packaged tables, lexicons and places.

    Returns:
        The pipeline; `nlp(text)` fills `doc._.vigie_*`.

    Raises:
        VigieError: when the model is not installed.
    """
    if model not in MODELS:
        LOGGER.warning("model %s is not one vigie was tested with (%s)", model, ", ".join(MODELS))
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise VigieError(f"[V040] spaCy model {model!r} is not installed: {exc}") from exc
    speed_up_lemmatizer(nlp)
    use_column_attribute_ruler(nlp)
    use_numpy_gemm(nlp)
    kb = [str(p) for p in kb_files]
    for name in STAGES:
        config = {"kb_files": kb}  # every stage reads the user's tables, lexicons or places
        nlp.add_pipe(name, config=config)
    collect_load_garbage()
    return nlp




@lru_cache(maxsize=2)
def _default_nlp(model: str) -> Language:
    return load(model)


def _as_article(item: Article | dict | str) -> Article:
    """An Article from what the API accepts, read as `vigie extract` reads the same input."""
    if isinstance(item, Article):
        return item
    if isinstance(item, dict):
        return Article.from_dict(item)
    if isinstance(item, str):
        from vigie.readers import text as text_reader

        return next(text_reader.parse(item, "<string>"))
    raise InputError(Errors.E013.format(what="an article", got=type(item).__name__,
                                        expected="an Article, a dict with a 'text' field or a str"))


def _checked(article: Article) -> Article:
    if not article.text.strip():
        raise InputError(Errors.E014)
    return article


def make_doc(nlp: Language, article: Article) -> Doc:
    """Tokenise the article's text and attach its metadata for the stages."""
    doc = nlp.make_doc(article.text)
    remember_text(doc, article.text)
    doc._.vigie_article = {
        "doc_id": article.doc_id,
        "title": article.title,
        "published": article.published,
        "published_inferred": False,
        "url": article.url,
        "lang": article.lang,
        "meta": dict(article.meta),
    }
    return doc


def extract(
    text: str,
    *,
    title: str | None = None,
    published: str | date | None = None,
    doc_id: str | None = None,
    url: str | None = None,
    nlp: Language | None = None,
) -> DocumentRecord:
    """Extract the document record of one French article.

    Reads `text` as `vigie extract` reads a `.txt` file: without a `title`, a short first line
    followed by a blank line is the title and the rest is the text. `vigie.extract(text,
    doc_id="f")` gives the same record as `vigie extract f.txt`.

    Args:
        text: the article (title line included, or not when `title` is given).
        title: the article title; `text` is then the body, taken as it is.
        published: publication date, ISO 8601 or jj/mm/aaaa; inferred from the text when None.
        doc_id: record id; derived from the content hash when None.
        url: the article's address, copied into the record.
        nlp: a pipeline from `load()`; the default model is loaded once when None.

    Returns:
        The document record; every offset points into `record.text`.

    Raises:
        InputError: `text` is not a string (V013) or is empty (V014), `published` is not a date
            (V015).
    """
    if title is None:
        article = _as_article(text) if isinstance(text, str) else Article(text=text)
    else:
        article = Article(text=text, title=title)
    article.id, article.url = doc_id, url
    if published is not None:
        article.published = parse_date(published)
    return next(extract_many([article], nlp=nlp))


def extract_many(
    items: Iterable[Article | dict | str],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
) -> Iterator[DocumentRecord]:
    """Stream document records for many articles with one `nlp.pipe` pass.

    Args:
        items: `Article`s, dicts with the fields of a JSONL input line (`text`, `id`, `title`,
            `published`, `url`, `lang`; other keys go to `meta`), or strings read as `.txt`
            files (see `extract`).
        nlp: a pipeline from `load()`; the default model when None.
        n_process: worker processes for `nlp.pipe`.
        batch_size: documents per batch.

    Yields:
        One record per item, in order.

    Raises:
        InputError: an item is not one of these, has no text, or has a bad `published` date; it
            is raised when the stream reaches that item.
    """
    nlp = nlp or _default_nlp(DEFAULT_MODEL)
    articles = (_checked(_as_article(item)) for item in items)
    if n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
        yield from _extract_forked(nlp, articles, n_process, batch_size)
        return
    if n_process > 1:
        LOGGER.warning("no fork start method on this platform: extracting in one process")
    for batch in _batches(articles, batch_size):
        yield from _extract_batch(batch, nlp)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _extract_batch(articles: list[Article], nlp: Language | None = None) -> list[DocumentRecord]:
    nlp = nlp or _WORKER["nlp"]
    docs = nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=len(articles))
    return [from_doc(doc) for doc in docs]


# The pipeline of a forked worker process (set by _init_worker, inherited, never pickled).
_WORKER: dict[str, Language] = {}


def _init_worker(nlp: Language) -> None:
    _WORKER["nlp"] = nlp


def _extract_forked(
    nlp: Language, articles: Iterable[Article], n_process: int, batch_size: int
) -> Iterator[DocumentRecord]:
    """Records made in forked workers: spaCy's own n_process would send the Docs back serialised,
    and the stages' results on them (dataclasses) do not serialise; records pickle."""
    context = multiprocessing.get_context("fork")
    with context.Pool(n_process, initializer=_init_worker, initargs=(nlp,)) as pool:
        for records in pool.imap(_extract_batch, _batches(articles, batch_size)):
            yield from records
