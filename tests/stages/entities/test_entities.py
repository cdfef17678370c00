"""Entity repair: the base model's span errors fixed by general rules (short sentences written for
these tests)."""

from __future__ import annotations

import pytest


def _ents(kb_nlp, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in kb_nlp(text).ents]


@pytest.mark.parametrize("text,expected", [
    ("Selon l'OTAN Quelque 300 soldats sont arrivés.", ("OTAN", "ORG")),
    ("Le sommet se tient en Allemagne A Berlin.", ("Allemagne", "LOC")),
    ("L'ONU a publié un rapport.", ("ONU", "ORG")),
    ("Selon les Nations unies, la trêve tient.", ("Nations unies", "ORG")),
])
def test_entities_glued_and_leading_words_cut(kb_nlp, text, expected):
    assert expected in _ents(kb_nlp, text)


@pytest.mark.parametrize("text,name", [
    ("Les partisans de Bachar al-Assad manifestent.", "Bachar al-Assad"),
    ("Les soldats fidèles à Mohammed ben Salem avancent.", "Mohammed ben Salem"),
    ("Hier, Omar Haddad est rentré à Tunis.", "Omar Haddad"),
])
def test_entities_person_relabelled(kb_nlp, text, name):
    assert (name, "PER") in _ents(kb_nlp, text)


def test_entities_org_extended_over_country(kb_nlp):
    text = "Le Comité international de soutien à la Syrie se réunit."
    assert ("Comité international de soutien à la Syrie", "ORG") in _ents(kb_nlp, text)


def test_entities_acronym_in_parentheses(kb_nlp):
    text = "Le Réseau syrien pour les droits humains (RSDH) publie un bilan."
    ents = _ents(kb_nlp, text)
    assert ("RSDH", "ORG") in ents


def test_entities_kb_names_added(kb_nlp):
    assert ("hezbollah", "ORG") in _ents(kb_nlp, "Des tirs du hezbollah ont visé la frontière.")


def test_entities_sample_repairs(kb_nlp, sample_text):
    ents = _ents(kb_nlp, sample_text)
    for expected in [("ONU", "ORG"), ("Allemagne", "LOC"), ("Bachar al-Assad", "PER"),
                     ("Groupe international de soutien à la Syrie", "ORG"), ("OSDH", "ORG")]:
        assert expected in ents
    assert ("Syrie", "LOC") in ents


def test_entities_day_name_is_no_entity(kb_nlp):
    doc = kb_nlp("Dimanche, Jean Dupont a parlé à la foule.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Jean Dupont", "PER")]


@pytest.mark.issue(17)
@pytest.mark.parametrize("text,absent", [
    ("Le président de la République a condamné l'attaque.", "président de la République"),
    ("Le cyclone meurtrier Freddy a détruit des milliers de maisons.", "Freddy"),
    ("La mosquée se trouve dans le quartier sunnite Khair Khana.", "Khair Khana"),
])
def test_entities_no_person_in_titles_things_and_quarters(kb_nlp, text, absent):
    assert (absent, "PER") not in _ents(kb_nlp, text)


@pytest.mark.issue(17)
@pytest.mark.parametrize("text,expected", [
    ("Le Président du Malawi Lazarus Chakwera a lancé un appel.", ("Lazarus Chakwera", "PER")),
    ("Washington a dénoncé une violation du cessez-le-feu.", ("Washington", "LOC")),
    ("Les rebelles Houthis ont accusé la coalition.", ("Houthis", "ORG")),
])
def test_entities_relabelled_by_what_they_name(kb_nlp, text, expected):
    assert expected in _ents(kb_nlp, text)


@pytest.mark.issue(17)
def test_entities_nationality_is_no_place(kb_nlp):
    ents = _ents(kb_nlp, "La Britannique Emma Stone a remporté la course à Londres.")
    assert all(label != "LOC" for text, label in ents if text == "Britannique")
