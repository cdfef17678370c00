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


def _translit_examples() -> list[tuple[str, str]]:
    rows = gz.gb._rows("translit.tsv")
    return [tuple(part.strip() for part in row["example"].split("|")) for row in rows]


@pytest.mark.issue(19)
@pytest.mark.parametrize("french,geonames", _translit_examples())
def test_gazetteer_translit_rule_examples_share_a_skeleton(french, geonames):
    assert gz.gb.skeleton(gz.key(french)) == gz.gb.skeleton(gz.key(geonames))


@pytest.mark.issue(19)
@pytest.mark.parametrize("french,geonames", [
    ("Tchernihiv", "Chernihiv"),
    ("Jytomyr", "Zhytomyr"),
    ("Djalalabad", "Jalalabad"),
    ("Kitchanga", "Kitshanga"),
    ("Ras el-Aïn", "Ra's al 'Ayn"),
    ("Mossoul", "Mosul"),
    ("Kirkouk", "Kirkuk"),
])
def test_gazetteer_translit_pairs(french, geonames):
    assert gz.gb.skeleton(gz.key(french)) == gz.gb.skeleton(gz.key(geonames))


@pytest.mark.issue(19)
@pytest.mark.parametrize("a,b", [("Kiev", "Kigali"), ("Homs", "Hama"), ("Gao", "Goma")])
def test_gazetteer_translit_keeps_other_names_apart(a, b):
    assert gz.gb.skeleton(gz.key(a)) != gz.gb.skeleton(gz.key(b))


@pytest.mark.issue(19)
@pytest.mark.parametrize("name", [
    "Alep", "Ḩamāh", "Nord-Kivu", "Ra's al 'Ayn", "São Tomé", "l’Île", "ALEP", "El-Obeid"])
def test_gazetteer_build_key_is_key(name):
    assert gz.gb._build_key(name) == gz.key(name)


@pytest.mark.issue(19)
def test_gazetteer_packed_index_finds_keys_and_keeps_results_apart(tmp_path, monkeypatch):
    data = {"entries": [("Goma", "COD", -1.67, 29.23, 217831, "city", 432587),
                        ("Gao", "MLI", 16.27, -0.04, 2457161, "city", 86633)],
            "index": {"goma": ((0, gz.MAIN),), "gao": ((1, gz.MAIN),)},
            "skeletons": {}, "adjectives": {}, "prefixes": {}, "countries": {}}
    monkeypatch.setattr(gz.gb, "build", lambda: data)
    g = gz.load_gazetteer(tmp_path)
    assert [c.country for c in g.lookup("GAO")] == ["MLI"]
    g.lookup("Goma").clear()  # a caller's list is its own
    assert [c.geonameid for c in g.lookup("Goma")] == [217831]
    assert (g.has("Gao"), g.has("Ga"), g.has("Gaoo")) == (True, False, False)


@pytest.mark.issue(19)
@pytest.mark.parametrize("name,canonical,country,level,population", [
    ("Virsac", "Virsac", "FRA", "city", 975),  # a village under 5,000 people
    ("Tessalit", "Tessalit", "MLI", "city", 0),  # a seat of administration
    ("Zaatari", "Zaatari", "JOR", "area", 0),  # a camp (areas.tsv)
    ("Séno", "Séno", "BFA", "region", 1_000_000),  # regions.tsv
])
def test_gazetteer_holds_small_places(name, canonical, country, level, population):
    found = {(c.canonical, c.country, c.level, c.population) for c in gz.gazetteer().lookup(name)}
    assert (canonical, country, level, population) in found


@pytest.mark.issue(19)
def test_gazetteer_iso_divisions_under_their_names():
    kasai = [c for c in gz.gazetteer().lookup("Kasaï-Oriental") if c.level == "region"]
    assert [c.country for c in kasai] == ["COD"]
    lac = [c for c in gz.gazetteer().lookup("Lac") if c.country == "TCD"]
    assert [(c.level, c.quality) for c in lac] == [("region", gz.ONLY_WITH_WORD)]


@pytest.mark.issue(19)
def test_gazetteer_largest_towns_from_division_tables(tmp_path):
    divisions = tmp_path / "subdivisions.tsv"
    divisions.write_text("Nordland\tXX-NO\tXX.01\t1\tProvince\t\t1\t\t1\n"
                         "Bas-Pays\tXX-BP\tXX.01.02\t2\tDistrict\t\t2\t1\t1\n"
                         "Sans code\t\tXX.03\t3\t\t\t1\t\t1\n", encoding="utf-8")
    places = tmp_path / "cities.tsv"
    places.write_text("Alpha\t10\t1|2\t1\t5000\t1.0\t2.0\n"
                      "Beta\t11\t1\t1\t9000\t1.5\t2.5\n"
                      "Gamma\t12\t2\t1\t\t1.1\t2.1\n"
                      "Delta\t13\t3\t1\t99000\t3.0\t3.0\n", encoding="utf-8")
    assert gz.gb.largest_towns(divisions, places) == {"XX-NO": 11, "XX-BP": 10}


@pytest.mark.issue(19)
@pytest.mark.parametrize("name,country,lat,lon", [
    # ISO divisions no GeoNames place is named after lie at their biggest town (second level:
    # the province of Komondjari at Gayéri) or around it (first level: Ouaka near Bambari)
    ("Komondjari", "BFA", 12.65, 0.49),
    ("Ouaka", "CAF", 5.68, 20.52),
])
def test_gazetteer_divisions_lie_at_their_biggest_town(name, country, lat, lon):
    (region,) = [c for c in gz.gazetteer().lookup(name)
                 if c.level == "region" and c.country == country]
    assert (round(region.lat, 2), round(region.lon, 2), region.population) == (lat, lon, 1000)


@pytest.mark.issue(19)
@pytest.mark.parametrize("raw,french,expected", [
    ("Haute-Sangha / Mambéré-Kadéï", "Haute-Sangha / Mambéré-Kadéï",
     ["Haute-Sangha", "Mambéré-Kadéï"]),
    ("Ville de Ndjamena", "Ville de Ndjamena", ["Ville de Ndjamena", "Ndjamena"]),
    ("Lleida [Lérida]", "Lleida [Lérida]", ["Lleida", "Lérida"]),
    ("Kābul", "Kaboul", ["Kaboul", "Kābul"]),
])
def test_gazetteer_division_names(raw, french, expected):
    assert gz.gb._division_names(raw, french) == expected


@pytest.mark.issue(19)
def test_gazetteer_spelling_candidates_are_marked():
    g = gz.gazetteer()
    found = g.lookup("Djabaliya", spelling=True)
    assert {(c.canonical, c.spelling) for c in found} >= {("Jabālyā", True)}
    assert not g.has("Djabaliya") and g.has("Jabaliya")
    assert g.lookup("Djabaliya") == []


@pytest.mark.issue(19)
@pytest.mark.parametrize("exonym,canonical,country", [
    ("Odessa", "Odesa", "UKR"),
    ("Bâle", "Basel", "CHE"),
    ("Vienne", "Vienna", "AUT"),
    ("Saïda", "Sidon", "LBN"),
])
def test_gazetteer_french_exonyms_are_main_names(exonym, canonical, country):
    found = [c for c in gz.gazetteer().lookup(exonym) if c.canonical == canonical]
    assert [(c.country, c.quality) for c in found] == [(country, gz.MAIN)]


@pytest.mark.issue(19)
def test_gazetteer_region_known_by_its_town_geonames_name_after_a_region_word():
    """The region « Alep » is « Aleppo » too, only after a region word: a search for « Aleppo »
    finds it, a bare « Aleppo » stays the city."""
    found = {(c.canonical, c.level, c.quality) for c in gz.gazetteer().lookup("Aleppo")
             if c.country == "SYR"}
    assert found == {("Aleppo", "city", gz.MAIN), ("Alep", "region", gz.ONLY_WITH_WORD)}


@pytest.mark.issue(19)
@pytest.mark.parametrize("name,lat,lon", [
    ("Mamoudzou", -12.78, 45.23), ("Pointe-à-Pitre", 16.24, -61.53),
    ("Saint-Pierre", -21.34, 55.48),
])
def test_gazetteer_towns_of_a_territory_listed_as_a_region_are_in_its_country(name, lat, lon):
    """La Réunion, Guadeloupe, Mayotte are regions of France in regions.tsv: their towns too."""
    (town,) = [c for c in gz.gazetteer().lookup(name) if c.lat is not None
               and abs(c.lat - lat) < 0.1 and abs(c.lon - lon) < 0.1]
    assert town.country == "FRA"
