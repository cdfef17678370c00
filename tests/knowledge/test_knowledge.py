"""Knowledge base: lookups, demonyms, metonyms, offices at a date, user files and their errors."""

from __future__ import annotations

import pytest

from vigie.errors import KnowledgeError
from vigie.knowledge import load_kb


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize(("name", "iso3"), [
    ("Etats-Unis", "USA"),
    ("ÉTATS-UNIS", "USA"),
    ("l'Amérique", "USA"),
    ("Grande-Bretagne", "GBR"),
    ("RDC", "COD"),
    ("Côte d’Ivoire", "CIV"),
    ("Birmanie", "MMR"),
    ("Kosovo", "XKX"),
    ("la Syrie", "SYR"),
    ("saoudiennes", "SAU"),
    ("Russes", "RUS"),
    ("nord-coréen", "PRK"),
    ("Moscou", "RUS"),
    ("Kyiv", "UKR"),
    ("le Kremlin", "RUS"),
    ("l'Elysée", "FRA"),
    ("Maison Blanche", "USA"),
])
def test_knowledge_country_by_name(kb, name, iso3):
    assert kb.country_by_name(name).iso3 == iso3


@pytest.mark.parametrize("word", ["Maurice", "grenade", "la Grenade", "Dominique", "Brest"])
def test_knowledge_ambiguous_or_unknown_names_are_not_countries(kb, word):
    assert kb.country_by_name(word) is None


def test_knowledge_every_country_and_demonym_forms(kb):
    assert len(kb.countries) >= 249
    assert kb.countries["SAU"].name == "Arabie saoudite"
    assert {"russe", "russes", "Russe", "Russes"} <= set(kb.countries["RUS"].demonyms)
    assert sum(1 for c in kb.countries.values() if c.demonyms) >= 150


@pytest.mark.parametrize(("name", "iso3", "sector"), [
    ("le Pentagone", "USA", "MIL"),
    ("Washington", "USA", "GOV"),
    ("Downing Street", "GBR", "GOV"),
    ("Tsahal", "ISR", "MIL"),
])
def test_knowledge_metonym_country_and_sector(kb, name, iso3, sector):
    country, found = kb.metonym(name)
    assert (country.iso3, found) == (iso3, sector)


@pytest.mark.parametrize(("name", "entry_id", "sector", "country"), [
    ("OSDH", "osdh", "NGO", "SYR"),
    ("Nations unies", "onu", "IGO", None),
    ("ISSG", "issg", "IGO", None),
    ("Daech", "grp-ei", "REB", None),
    ("Forces de soutien rapide", "grp-rsf-soudan", "REB", "SDN"),
    ("Sergueï Lavrov", "p-sergueï-lavrov", "GOV", "RUS"),
    ("Serguei Lavrov", "p-sergueï-lavrov", "GOV", "RUS"),
    ("Erdoğan", "p-recep-tayyip-erdogan", "GOV", "TUR"),
    ("Bachar el-Assad", "p-bachar-al-assad", "GOV", "SYR"),
    ("zelenskyy", "p-volodymyr-zelensky", "GOV", "UKR"),
])
def test_knowledge_lookup_aliases(kb, name, entry_id, sector, country):
    (entry,) = kb.lookup(name)
    assert (entry.id, entry.sector, entry.country) == (entry_id, sector, country)


@pytest.mark.parametrize(("entry_id", "day", "role"), [
    ("p-john-kerry", "2016-02-11", "chef de la diplomatie américaine"),
    ("p-john-kerry", "2019-06-01", None),
    ("p-vladimir-poutine", "2010-03-01", "Premier ministre russe"),
    ("p-mohammed-ben-salmane", "2018-05-01", "prince héritier saoudien"),
    ("p-mohammed-ben-salmane", "2016-01-01", "ministre saoudien de la Défense"),
])
def test_knowledge_person_office_at_date(kb, entry_id, day, role):
    office = kb.person_at(kb.get(entry_id), day)
    assert (office.role if office else None) == role


def test_knowledge_roles(kb):
    assert (kb.role("chef de la diplomatie").sector, kb.role("rebelles").kind) == ("GOV", "group")
    assert kb.role("Ministre de la Défense").sector == "MIL"
    assert kb.role("journalistes").sector == "JRN"


def test_knowledge_load_is_cached():
    # its speed is measured by `make bench` (cold start), not by a timed test
    load_kb.cache_clear()
    kb = load_kb()
    assert load_kb() is kb
    assert load_kb(()) is kb  # the stages ask with their (empty) kb_files, others with none


def test_knowledge_user_file_overrides_and_adds(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "countries:\n  SYR: {names: [Sham]}\n"
        "entries:\n"
        "  - {id: osdh, name: OSDH, kind: organization, sector: NGO, country: GBR}\n"
        "  - {id: my-ngo, name: Aide Alep, kind: organization, sector: NGO, country: SYR}\n"
        "roles:\n  - {words: [journaliste], sector: MED, kind: person}\n", encoding="utf-8")
    kb = load_kb((str(path),))
    assert kb.lookup("OSDH")[0].country == "GBR"
    assert kb.lookup("aide alep")[0].id == "my-ngo"
    assert kb.country_by_name("Sham").iso3 == "SYR"
    assert (kb.role("journaliste").sector, kb.role("journalistes").sector) == ("MED", "JRN")


@pytest.mark.parametrize(("body", "line", "what"), [
    ("entries:\n  - {id: x, name: X, kind: group,\n     colour: red}\n", 3,
     "unknown field 'colour'"),
    ("entries:\n  - id: x\n    kind: group\n", 2, "needs a non-empty 'name'"),
    ("entries:\n  - {id: x, name: X, kind: group, country: XYZ}\n", 2,
     "bad ISO alpha-3 country code 'XYZ'"),
    ("entries:\n\n  - {id: x, name: X, kind: group, sector: ARMY}\n", 3, "bad sector 'ARMY'"),
    ("countries:\n  FR: {names: [Gaule]}\n", 2, "bad ISO alpha-3 country code 'FR'"),
    ("entries:\n  - {id: x, name: X, kind: person, offices: [{role: r, start: 2016-13}]}\n", 2,
     "bad date '2016-13'"),
    ("entries: [\n", 2, "not valid YAML"),
])
def test_knowledge_user_file_errors_name_file_and_line(tmp_path, body, line, what):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_kb((str(path),))
    assert f"[V020] {path}: line {line}: " in str(err.value)
    assert what in str(err.value)
