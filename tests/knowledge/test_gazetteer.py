"""Gazetteer: keys, lookups, adjectives, the cache and its rebuilds (issue 6)."""

from __future__ import annotations

import pytest

import vigie
from vigie.knowledge import gazetteer as gz
from vigie.knowledge.models import Country

TINY = {"entries": [("Goma", "COD", -1.67, 29.23, 217831, "city", 432587)],
        "index": {"goma": ((0, gz.MAIN),)}, "adjectives": {}, "prefixes": {},
        "countries": {}}


@pytest.mark.parametrize("name,expected", [
    ("d'Alep", "alep"),
    ("l’Ukraine", "ukraine"),
    ("La Réunion", "reunion"),
    ("NORD-KIVU", "nord kivu"),
    ("Genève", "geneve"),
])
def test_gazetteer_key_folds_elisions_articles_accents(name, expected):
    assert gz.key(name) == expected


@pytest.mark.parametrize("name,country,level", [
    ("Alep", "SYR", "city"),
    ("ALEP", "SYR", "city"),
    ("Nord-Kivu", "COD", "region"),
    ("Syrie", "SYR", "country"),
    ("Birmanie", "MMR", "country"),
])
def test_gazetteer_lookup_finds_names(name, country, level):
    found = {(c.country, c.level) for c in gz.gazetteer().lookup(name)}
    assert (country, level) in found


def test_gazetteer_adjectives_and_prefixes():
    g = gz.gazetteer()
    assert (g.adjective("turque"), g.adjective("Syro"), g.adjective("chaise")) == (
        "TUR", "SYR", None)


def test_gazetteer_overlay_adds_kb_names_without_touching_the_cache():
    base = gz.gazetteer()
    view = base.overlay([Country(iso3="SYR", name="Syrie", names=["Sham-land"],
                                 demonyms=["shamite"])])
    assert [c.country for c in view.lookup("Sham-land")] == ["SYR"]
    assert view.adjective("shamite") == "SYR" and base.adjective("shamite") is None
    assert base.lookup("Sham-land") == []


def test_gazetteer_cache_written_then_read(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(gz.gb, "build", lambda: calls.append(1) or TINY)
    first = gz.load_gazetteer(tmp_path)
    second = gz.load_gazetteer(tmp_path)
    assert calls == [1] and len(first) == len(second) == 1
    assert gz.cache_path(tmp_path).name.startswith(f"gazetteer-{vigie.__version__}-")


def test_gazetteer_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setattr(gz.gb, "build", lambda: TINY)
    gz.cache_path(tmp_path).write_bytes(b"not a pickle")
    g = gz.load_gazetteer(tmp_path)
    assert [c.geonameid for c in g.lookup("GOMA")] == [217831]
    assert gz.load_gazetteer(tmp_path).lookup("Goma")[0].population == 432587


def test_gazetteer_cache_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gz.cache_dir() == tmp_path / "vigie"


@pytest.mark.parametrize("name,usable", [
    ("Alep", True),
    ("ALP", False),
    ("hlb", False),
    ("حلب", False),
])
def test_gazetteer_alternate_names_filter(name, usable):
    assert gz.gb.usable_alternate(name) is usable
