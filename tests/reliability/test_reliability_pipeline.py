"""The Python API: extract_each gives one result per item, a bad one costs only itself;
extract_many raises at the bad item, after the records before it."""

from __future__ import annotations

import pytest
from conftest import BOOM
from hypothesis import given, settings
from hypothesis import strategies as st

import vigie
from vigie.errors import VigieError
from vigie.pipeline import Failed, extract_each
from vigie.record import DocumentRecord

pytestmark = pytest.mark.issue(24)
GOOD = "Selon l'ONU, 40 civils ont été tués jeudi à Homs."
ITEMS = [{"id": "a", "text": GOOD}, {"id": "b", "text": f"{GOOD} {BOOM}"},
         {"id": "c", "text": GOOD, "title": 5}, 42, vigie.Article(text="x \ud83d", id="e"),
         {"id": "f", "text": GOOD}]
EXPECTED = ["a", ("b", "[V030] extraction failed: RuntimeError: the component broke on this "
                       "article"),
            ("item 3", "[V013] the 'title' field must be a str, not int"),
            ("item 4", "[V013] an article must be an Article, a dict with a 'text' field or a "
                       "str, not int"),
            ("item 5", "[V017] the 'text' field holds a lone surrogate (U+D83D) at character 2: "
                       "not Unicode text"), "f"]


def _shown(results) -> list:
    return [r.doc_id if isinstance(r, DocumentRecord) else (r.source, r.reason) for r in results]


@pytest.mark.parametrize("n_process, batch_size", [(1, 32), (1, 2), (2, 2)])
def test_reliability_pipeline_each_item_gets_its_result(fragile_nlp, n_process, batch_size):
    results = extract_each(ITEMS, nlp=fragile_nlp, n_process=n_process, batch_size=batch_size)
    assert _shown(results) == EXPECTED


def test_reliability_pipeline_extract_many_raises_at_the_bad_item(fragile_nlp):
    stream = vigie.extract_many(ITEMS, nlp=fragile_nlp)
    assert next(stream).doc_id == "a"
    with pytest.raises(VigieError, match=r"^\[V030\] extraction failed"):
        next(stream)


# Text with French letters, any character, and lone surrogates (which st.text leaves out, even
# from an alphabet that has them: joined from a list instead).
_TEXT = st.lists(st.sampled_from("Le préfet a dit « 12 »\n") | st.characters()
                 | st.characters(categories=["Cs"]), max_size=30).map("".join)
_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | _TEXT,
                       lambda inner: st.lists(inner, max_size=3)
                       | st.dictionaries(st.text(max_size=4), inner, max_size=3), max_leaves=12)
_ITEMS = st.fixed_dictionaries({"text": _TEXT | _VALUES}, optional={
    key: _TEXT | _VALUES for key in ("id", "title", "published", "url", "lang", "meta", "x")})


@settings(max_examples=200, deadline=None)
@given(items=st.lists(_ITEMS | _TEXT, min_size=1, max_size=5))
def test_reliability_pipeline_any_item_gives_a_record_or_a_coded_failure(fragile_nlp, items):
    results = list(extract_each(items, nlp=fragile_nlp, batch_size=2))
    assert len(results) == len(items)
    for result in results:
        if isinstance(result, Failed):
            assert result.reason.startswith("[V0") and "\n" not in result.reason
        else:
            result.to_json()  # every record given can be written
