"""The Python API reads what the command line reads, the same way (issue 22)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vigie
from vigie.errors import VigieError
from vigie.readers import read, read_bytes

pytestmark = pytest.mark.issue(22)
SAMPLE = Path(vigie.article.__file__).parent / "samples" / "goma-2024-03.txt"
NOT_A_PIPELINE = object()  # every check happens before the pipeline is used
LINE = {"id": "k1", "title": "Frappes sur Kiev", "text": "Lundi, la Russie a bombardé Kiev. "
        "Selon la police, huit personnes ont été tuées.", "published": "10/10/2022",
        "url": "https://example.org/k1", "agency": "vigie"}


def test_api_article_is_exported():
    assert vigie.Article is vigie.article.Article and "Article" in vigie.__all__


@pytest.mark.parametrize("call, message", [
    (lambda: vigie.extract(None, nlp=NOT_A_PIPELINE), "[V013] text must be a str, not NoneType"),
    (lambda: vigie.extract("\n \n", nlp=NOT_A_PIPELINE), "[V014] the text is empty"),
    (lambda: vigie.extract("Texte.", published="hier", nlp=NOT_A_PIPELINE), "[V015] 'hier'"),
    (lambda: list(vigie.extract_many([42], nlp=NOT_A_PIPELINE)), "[V013] an article must be"),
    (lambda: list(vigie.extract_many([{"title": "t"}], nlp=NOT_A_PIPELINE)),
     "[V013] the 'text' field must be a str, not NoneType"),
    (lambda: list(vigie.extract_many([{**LINE, "published": "2022-13-01"}],
                                     nlp=NOT_A_PIPELINE)), "[V015] '2022-13-01'"),
])
def test_api_bad_inputs_raise_a_clear_vigie_error(call, message):
    with pytest.raises(VigieError) as caught:
        call()
    assert str(caught.value).startswith(message)


@pytest.mark.slow
def test_api_extract_reads_a_text_as_vigie_extract_does(nlp):
    [article] = read(SAMPLE)
    from_cli = next(vigie.extract_many([article], nlp=nlp))
    with open(SAMPLE, encoding="utf-8") as stream:
        from_api = vigie.extract(stream.read(), doc_id="goma-2024-03", nlp=nlp)
    assert from_api.title.startswith("Nord-Kivu") and not from_api.text.startswith("Nord-Kivu")
    assert from_api.to_json() == from_cli.to_json()


@pytest.mark.slow
def test_api_extract_many_takes_dicts_strings_and_articles(nlp, tmp_path):
    (tmp_path / "in.jsonl").write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    [line_article] = read(tmp_path / "in.jsonl")
    with open(SAMPLE, encoding="utf-8") as stream:
        text = stream.read()
    [stdin_article] = read_bytes("-", text.encode("utf-8"), ".txt", 10**6)
    expected = [r.to_json() for r in vigie.extract_many([line_article, stdin_article], nlp=nlp)]
    got = list(vigie.extract_many([LINE, text], nlp=nlp))
    assert [r.to_json() for r in got] == expected
    assert got[0].published == "2022-10-10" and got[0].meta == {"agency": "vigie"}
    assert [r.to_json() for r in vigie.extract_many([vigie.Article(**{
        k: v for k, v in LINE.items() if k != "agency"}, meta={"agency": "vigie"})],
        nlp=nlp)] == expected[:1]
