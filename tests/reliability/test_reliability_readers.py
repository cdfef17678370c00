"""Readers: special files, encodings, deep JSON: a coded refusal or the right text, never a hang
nor a traceback; random bytes never raise."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vigie.article import Article
from vigie.readers import Rejected, Warned, read, read_bytes

pytestmark = pytest.mark.issue(24)
FRENCH = ("Selon la préfecture, près de 300 personnes ont été évacuées à Alep après les frappes. "
          "Le ministre a déclaré qu'il était « très inquiet » pour l'été.\n")
# Seconds a read may take: a FIFO used to block it forever.
READ_BUDGET = 20


def _read_all(path) -> list:
    return [(type(x).__name__, x.source, getattr(x, "reason", None)) for x in read(path)]


def test_reliability_readers_fifo_is_refused_not_waited_for(tmp_path, deadline):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert deadline(READ_BUDGET, _read_all, fifo) == [
        ("Rejected", str(fifo), "[V019] not a regular file but a FIFO: give files, folders or - "
                                "(stdin)")]


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero", "/dev/urandom"])
def test_reliability_readers_device_is_refused(device, deadline):
    assert deadline(READ_BUDGET, _read_all, device) == [
        ("Rejected", device, "[V019] not a regular file but a character device: give files, "
                             "folders or - (stdin)")]


def test_reliability_readers_fifo_in_a_folder_is_named(tmp_path, deadline):
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    found = deadline(READ_BUDGET, _read_all, tmp_path)
    assert [(kind, source) for kind, source, _ in found] == [
        ("Article", str(tmp_path / "a.txt")), ("Rejected", str(tmp_path / "b.txt"))]


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8"),
    ("utf-16", "utf-16"),  # with its BOM, little-endian here
    ("utf-32", "utf-32"),
    ("cp1252", "cp1252"),
    ("latin-1", "cp1252"),  # the same bytes for French letters
    ("iso8859-15", "iso8859_15"),
])
def test_reliability_readers_french_in_each_encoding(tmp_path, encoding, expected):
    text = FRENCH + "Le cœur de la ville." if encoding != "latin-1" else FRENCH
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    items = list(read(path))
    [article] = [x for x in items if isinstance(x, Article)]
    assert article.text == text.strip("\n")
    warned = [x.reason for x in items if isinstance(x, Warned)]
    assert warned == ([] if expected == "utf-8" else [f"[W001] decoded as {expected} (not UTF-8)"])


def test_reliability_readers_utf16_big_endian_with_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xfe\xff" + FRENCH.encode("utf-16-be"))
    [article] = [x for x in read(path) if isinstance(x, Article)]
    assert article.text == FRENCH.strip("\n")


def test_reliability_readers_short_cp1252_is_not_japanese(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("À Alep, près de 300 morts.".encode("cp1252"))
    [article] = [x for x in read(path) if isinstance(x, Article)]
    assert article.text == "À Alep, près de 300 morts."


@pytest.mark.parametrize("name, content", [
    ("deep.json", "[" * 100_000 + "]" * 100_000),
    ("deep.jsonl", '{"text": "x", "m": ' + "[" * 100_000 + "]" * 100_000 + "}\n"),
])
def test_reliability_readers_json_nested_too_deep_is_malformed(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [rejected] = list(read(path))
    assert isinstance(rejected, Rejected)
    assert rejected.reason == "[V005] line 1: malformed JSON: nested too deeply"


def test_reliability_readers_json_list_keeps_its_good_objects(tmp_path):
    path = tmp_path / "list.json"
    path.write_text('[{"id": "a", "text": "%s"}, {"id": "b", "text": "x", "title": 1}]'
                    % FRENCH.strip(), encoding="utf-8")
    items = list(read(path))
    assert [x.id for x in items if isinstance(x, Article)] == ["a"]
    assert [(x.source, x.reason[:6]) for x in items if isinstance(x, Rejected)] == [
        (f"{path}:2", "[V013]")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), ext=st.sampled_from([".txt", ".jsonl", ".json", ".html"]))
def test_reliability_readers_random_bytes_never_raise(data, ext):
    for item in read_bytes("fuzz" + ext, data, ext, 10_000):
        assert isinstance(item, Article | Rejected | Warned)
        if isinstance(item, Rejected):
            assert item.reason.startswith("[V0")


@pytest.mark.parametrize("published, reason", [
    ("yesterday", "[V015] 'yesterday' is not a date"),
    ("2016-02-30", "[V015] '2016-02-30' is not a date"),
    ("99999-01-01", "[V015] '99999-01-01' is not a date"),  # said as given, not cut to 10 chars
    (20160211, "[V013] the 'published' field must be a str, not int"),
])
def test_reliability_readers_publication_dates_are_strict(tmp_path, published, reason):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": FRENCH, "published": published}) + "\n",
                    encoding="utf-8")
    [rejected] = list(read(path))
    assert rejected.source == f"{path}:1" and rejected.reason.startswith(reason)


def test_reliability_readers_jj_mm_aaaa_and_date_times_are_dates(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": FRENCH, "published": value}) + "\n"
                            for i, value in enumerate(["11/02/2016", "2016-02-11T23:30:00+01:00"])),
                    encoding="utf-8")
    assert [a.published for a in read(path) if isinstance(a, Article)] == ["2016-02-11"] * 2
