import json

import pytest

from vigie.article import Article
from vigie.readers import Rejected, Warned, read

FRENCH = "Le gouvernement a annoncé mardi de nouvelles mesures contre la hausse des prix.\n"


def _only(items, kind):
    return [i for i in items if isinstance(i, kind)]


def test_readers_txt_title_line(tmp_path):
    path = tmp_path / "a1.txt"
    path.write_text("Un titre\n\n" + FRENCH, encoding="utf-8")
    [article] = _only(read(path), Article)
    assert article.title == "Un titre"
    assert article.text == FRENCH.rstrip("\n")
    assert article.id == "a1"


def test_readers_txt_without_title(tmp_path):
    path = tmp_path / "a2.txt"
    path.write_text(FRENCH, encoding="utf-8")
    [article] = _only(read(path), Article)
    assert article.title is None


def test_readers_jsonl_fields_and_meta(tmp_path):
    path = tmp_path / "batch.jsonl"
    rows = [{"id": 7, "text": FRENCH, "published": "2020-05-04T10:00:00", "source": "x"}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    [article] = _only(read(path), Article)
    assert (article.id, article.published, article.meta) == ("7", "2020-05-04", {"source": "x"})


def test_readers_jsonl_bad_line_names_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": FRENCH}) + "\n{not json\n", encoding="utf-8")
    items = list(read(path))
    assert [a.id for a in _only(items, Article)] == ["ok"]
    [rejected] = _only(items, Rejected)
    assert "line 2" in rejected.reason and rejected.source == f"{path}:2"


def test_readers_html_main_text(tmp_path):
    path = tmp_path / "page.html"
    body = "<p>" + FRENCH * 3 + "</p>"
    path.write_text(f"<html><head><title>Titre de page</title></head><body><article>{body}"
                    "</article></body></html>", encoding="utf-8")
    [article] = _only(read(path), Article)
    assert article.text.startswith("Le gouvernement a annoncé")


def test_readers_feed_items(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>Un</title><link>http://x/1</link><description>{FRENCH}</description>"
        "<pubDate>Tue, 03 May 2022 10:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    [article] = _only(read(path), Article)
    assert (article.title, article.published, article.url) == ("Un", "2022-05-03", "http://x/1")


def test_readers_directory_is_recursive(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    assert [a.id for a in _only(read(tmp_path), Article)] == ["a", "b"]


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.txt", b"", "V001"),
        ("blank.txt", b"  \n\n", "V001"),
        ("binary.txt", bytes(range(256)) * 4, "V002"),
        ("bad.json", b"{oops", "V005"),
        ("notext.json", b'{"title": "x"}', "V008"),
        ("x.docx", b"abc", "V007"),
    ],
)
def test_readers_bad_input_is_rejected_with_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    [rejected] = list(read(path))
    assert isinstance(rejected, Rejected) and reason in rejected.reason


def test_readers_missing_path(tmp_path):
    [rejected] = list(read(tmp_path / "nope.txt"))
    assert "V006" in rejected.reason


def test_readers_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(FRENCH * 100, encoding="utf-8")
    [rejected] = list(read(path, max_bytes=1000))
    assert "V004" in rejected.reason


def test_readers_latin1_is_decoded_with_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes((FRENCH * 5).encode("latin-1"))
    items = list(read(path))
    [warned] = _only(items, Warned)
    [article] = _only(items, Article)
    assert "W001" in warned.reason and "annoncé" in article.text


def test_readers_non_french_is_kept_with_warning(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("The government announced new measures against rising prices on Tuesday.\n",
                    encoding="utf-8")
    items = list(read(path))
    assert _only(items, Article)[0].lang == "en"
    assert "W002" in _only(items, Warned)[0].reason


def test_readers_undecodable_bytes_are_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes((37 * i) % 128 + 128 for i in range(400)))
    [rejected] = list(read(path))
    assert "V003" in rejected.reason
