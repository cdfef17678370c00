"""Build vigie's spaCy pipeline and run it over articles."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import logging
import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc

from vigie.article import Article
from vigie.budget import DEFAULT_SECONDS, OverTime, within
from vigie.dates import parse_date
from vigie.errors import Errors, InputError, VigieError
from vigie.record import DocumentRecord, from_doc
from vigie.sections import SECTION_CHARS, join, sections
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


@dataclass
class Failed:
    """An item `extract_each` gave no record for: where it came from and the error, coded."""

    source: str  # the article's source (file, file:line), else its id, else "item N"
    error: VigieError

    @property
    def reason(self) -> str:
        return str(self.error)


def _as_article(item: Article | dict | str) -> Article:
    """An Article from what the API accepts, read as `vigie extract` reads the same input."""
    from vigie.readers.checks import check_article, check_fields

    if isinstance(item, Article):
        return check_article(item)
    if isinstance(item, dict):
        check_fields(item)
        return check_article(Article.from_dict(item))
    if isinstance(item, str):
        from vigie.readers import text as text_reader

        return check_article(next(text_reader.parse(item, "<string>")))
    raise InputError(Errors.E013.format(what="an article", got=type(item).__name__,
                                        expected="an Article, a dict with a 'text' field or a str"))


def _checked(number: int, item) -> Article | Failed:
    """The item as an Article ready for the pipeline, or a Failed saying why it is not."""
    try:
        article = _as_article(item)
    except VigieError as exc:
        where = item.source if isinstance(item, Article) else None
        return Failed(where or f"item {number}", exc)
    if not article.text.strip():
        return Failed(_source(article), InputError(Errors.E014))
    return article


def _source(article: Article) -> str:
    return article.source or article.doc_id


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
    time_limit: float | None = DEFAULT_SECONDS,
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
        time_limit: seconds vigie's stages may take (see `extract_many`).

    Returns:
        The document record; every offset points into `record.text`.

    Raises:
        InputError: `text` is not a string (V013) or is empty (V014), `published` is not a date
            (V015), the time limit passed (V031).
        VigieError: the extraction failed (V030).
    """
    if title is None:
        article = _as_article(text) if isinstance(text, str) else Article(text=text)
    else:
        article = Article(text=text, title=title)
    article.id, article.url = doc_id, url
    if published is not None:
        article.published = parse_date(published)
    return next(extract_many([article], nlp=nlp, time_limit=time_limit))


def extract_many(
    items: Iterable[Article | dict | str],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Iterator[DocumentRecord]:
    """Stream document records for many articles with one `nlp.pipe` pass.

    Args:
        items: `Article`s, dicts with the fields of a JSONL input line (`text`, `id`, `title`,
            `published`, `url`, `lang`; other keys go to `meta`), or strings read as `.txt`
            files (see `extract`).
        nlp: a pipeline from `load()`; the default model when None.
        n_process: worker processes for `nlp.pipe`.
        batch_size: documents per batch.
        time_limit: seconds vigie's stages may take on one article, or on each section of
            SECTION_CHARS characters of a longer one (None: no limit).

    Yields:
        One record per item, in order.

    Raises:
        VigieError: an item is not one of these, has no text, or has a bad field (InputError),
            or its extraction failed (V030) or took too long (V031); it is raised when the
            stream reaches that item, after the records of the items before it. `extract_each`
            goes on instead.
    """
    for result in extract_each(items, nlp=nlp, n_process=n_process, batch_size=batch_size,
                               time_limit=time_limit):
        if isinstance(result, Failed):
            raise result.error
        yield result


def extract_each(
    items: Iterable[Article | dict | str],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    time_limit: float | None = DEFAULT_SECONDS,
) -> Iterator[DocumentRecord | Failed]:
    """Like `extract_many`, but a bad item costs only itself: one result per item, in order,
    its record or a `Failed` with its source and coded error (what `vigie extract` and
    `vigie ingest` report), never an exception for one item.
    """
    nlp = nlp or _default_nlp(DEFAULT_MODEL)
    articles = (_checked(n, item) for n, item in enumerate(items, 1))
    run = functools.partial(_extract_batch, time_limit=time_limit)
    if n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
        yield from _extract_forked(nlp, articles, n_process, batch_size, run)
        return
    if n_process > 1:
        LOGGER.warning("no fork start method on this platform: extracting in one process")
    for batch in _batches(articles, batch_size):
        yield from run(batch, nlp)


def _batches(articles: Iterable, size: int) -> Iterator[list]:
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _extract_batch(batch: list[Article | Failed], nlp: Language | None = None, *,
                   time_limit: float | None = DEFAULT_SECONDS) -> list[DocumentRecord | Failed]:
    """The batch's results in order. The model runs over the batch's articles at once (one
    `nlp.pipe` call), vigie's stages over each article in turn, within its time limit; when the
    model fails, each article is run alone, so that the failure is charged to the one that
    caused it. An article longer than SECTION_CHARS is run section by section."""
    nlp = nlp or _WORKER["nlp"]
    results: list = list(batch)
    todo = [k for k, item in enumerate(batch)
            if isinstance(item, Article) and len(item.text) <= SECTION_CHARS]
    stages = [name for name, _ in _stages(nlp)] if todo else []
    done = 0
    try:
        for doc in nlp.pipe((make_doc(nlp, results[k]) for k in todo), batch_size=len(batch),
                            disable=stages):
            results[todo[done]] = _result(results[todo[done]], nlp, doc, time_limit)
            done += 1
    except Exception:  # noqa: BLE001 - the rest of the batch is run article by article
        for k in todo[done:]:
            results[k] = _result(results[k], nlp, None, time_limit)
    for k, item in enumerate(results):
        if isinstance(item, Article):
            results[k] = _sectioned(item, nlp, time_limit)
    return results


def _stages(nlp: Language) -> list:
    """vigie's stages: the components after the model's last trained one. They run one article
    at a time, within its time limit; the model's components, linear in the text, in batches."""
    trained = [k for k, (_, proc) in enumerate(nlp.pipeline) if isinstance(proc, TrainablePipe)]
    return nlp.pipeline[trained[-1] + 1 if trained else 0:]


def _result(article: Article, nlp: Language, doc: Doc | None, time_limit: float | None,
            where: str = "the article") -> DocumentRecord | Failed:
    """The article's record (from its Doc as the model left it, else from a run of its own),
    or its failure."""
    try:
        stages = _stages(nlp)
        if doc is None:
            doc = nlp(make_doc(nlp, article), disable=[name for name, _ in stages])
        with within(time_limit) as budget:
            for _, stage in stages:
                doc = stage(doc)
                budget.check()
        return from_doc(doc)
    except OverTime:
        LOGGER.error("extraction of %s took over %s s", _source(article), time_limit)
        return Failed(_source(article), InputError(Errors.E031.format(seconds=time_limit,
                                                                      where=where)))
    except Exception as exc:  # noqa: BLE001 - charged to this article, the batch goes on
        LOGGER.error("extraction failed on %s", _source(article), exc_info=True)
        return Failed(_source(article), VigieError(Errors.E030.format(reason=_said(exc))))


def _sectioned(article: Article, nlp: Language, time_limit: float | None
               ) -> DocumentRecord | Failed:
    """The record of a long article, extracted section by section (vigie.sections). The first
    section's publication date, given or inferred, is every section's."""
    parts, published = [], article.published
    spans = sections(article.text, SECTION_CHARS)
    for start, end in spans:
        part = dataclasses.replace(article, text=article.text[start:end], id=article.doc_id,
                                   published=published)
        where = f"characters {start}-{end} of the article" if len(spans) > 1 else "the article"
        result = _result(part, nlp, None, time_limit, where)
        if isinstance(result, Failed):
            return result
        published = published or result.published
        parts.append((start, result))
    return join(article.text, parts) if len(parts) > 1 else parts[0][1]


def _said(exc: BaseException) -> str:
    """An exception in one line: its type and first line (spaCy's are paragraphs)."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


# The pipeline of a forked worker process (set by _init_worker, inherited, never pickled).
_WORKER: dict[str, Language] = {}


def _init_worker(nlp: Language) -> None:
    _WORKER["nlp"] = nlp


def _extract_forked(
    nlp: Language, articles: Iterable[Article | Failed], n_process: int, batch_size: int, run
) -> Iterator[DocumentRecord | Failed]:
    """Records made in forked workers: spaCy's own n_process would send the Docs back serialised,
    and the stages' results on them (dataclasses) do not serialise; records pickle."""
    context = multiprocessing.get_context("fork")
    with context.Pool(n_process, initializer=_init_worker, initargs=(nlp,)) as pool:
        for results in pool.imap(run, _batches(articles, batch_size)):
            yield from results
