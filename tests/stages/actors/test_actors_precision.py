"""Precision rules of the Actors stage: mentions that look like actors and are not."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

import vigie
from vigie.stages.actors.filters import looks_named


def _actors(kb_nlp, text: str):
    record = vigie.extract(text, published="2020-05-04", nlp=kb_nlp)
    return {a.name: (a.kind, a.country, a.sector) for a in record.actors}


@pytest.mark.parametrize("text,absent", [
    ("Le taux a gagné un point en mai.", "Le Point"),
    ("Les otages attendent leur libération depuis des mois.", "Libération"),
    ("Le marché parisien a fermé ses portes hier.", "Le Parisien"),
])
def test_actors_precision_common_noun_is_no_title(kb_nlp, text, absent):
    assert absent not in _actors(kb_nlp, text)


@pytest.mark.parametrize("text,name,expected", [
    ("Selon Libération, le ministre a démissionné.", "Libération", ("organization", "FRA", "MED")),
    ("Le Point a publié une enquête.", "Le Point", ("organization", "FRA", "MED")),
])
def test_actors_precision_capitalised_title_kept(kb_nlp, text, name, expected):
    assert _actors(kb_nlp, text)[name] == expected


@pytest.mark.parametrize("text,absent", [
    ("Les affrontements ont fait 12 blessés à Lyon.", "blessés"),
    ("Le séisme a fait 300 morts et 900 victimes.", "victimes"),
])
def test_actors_precision_count_is_no_group(kb_nlp, text, absent):
    assert absent not in _actors(kb_nlp, text)


@pytest.mark.parametrize("text,name,expected", [
    ("Les manifestants ont bloqué la route.", "manifestants", ("group", None, "OPP")),
    ("Les 20 otages israéliens ont été libérés.", "otages israéliens",
     ("population", "ISR", "CVL")),
    ("Quelque 3 000 habitants ont fui la ville.", "habitants", ("population", None, "CVL")),
])
def test_actors_precision_acting_group_kept(kb_nlp, text, name, expected):
    assert _actors(kb_nlp, text)[name] == expected


@pytest.mark.parametrize("text,absent", [
    ("Le port de Brest est ouvert, celui de Quimperlé reste fermé.", "Quimperlé"),
    ("La gare de Tours a rouvert, et celle de Saint-Pierre-des-Corps aussi.",
     "Saint-Pierre-des-Corps"),
    ("Les assaillants ont crié « Allahu akbar » avant de fuir.", "Allahu"),
])
def test_actors_precision_no_person(kb_nlp, text, absent):
    assert absent not in _actors(kb_nlp, text)


def test_actors_precision_full_name_after_celui_kept(kb_nlp):
    text = "Son discours et celui de Jean Dupont ont été applaudis."
    assert _actors(kb_nlp, text)["Jean Dupont"] == ("person", None, None)


def test_actors_precision_looks_named():
    doc = Doc(spacy.blank("fr").vocab,
              words=["Jets", "de", "pierres", "contre", "le", "groupe", "armé", "Tigre", "Noir"],
              sent_starts=[True] + [False] * 8)
    assert [looks_named(Span(doc, s, e)) for s, e in [(0, 3), (6, 7), (7, 9)]] == [
        False, False, True]


@pytest.mark.parametrize("text,absent", [
    ("Un homme de 27 ans a été interpellé samedi.", "Union européenne"),
    ("Les 28 salariés ont voté la grève.", "Union européenne"),
])
def test_actors_precision_bare_number_is_no_name(kb_nlp, text, absent):
    assert absent not in _actors(kb_nlp, text)


def test_actors_precision_les_27_is_the_union(kb_nlp):
    text = "Les 27 ont adopté de nouvelles sanctions lundi."
    assert _actors(kb_nlp, text)["Union européenne"] == ("organization", None, "IGO")


@pytest.mark.parametrize("text,name,role", [
    ("Le ministre de la Santé, Jean Dupont, a démissionné.", "Jean Dupont", "ministre de la Santé"),
    ("Selon la ministre de la Culture, Marie Durand, le musée rouvrira.", "Marie Durand",
     "ministre de la Culture"),
])
def test_actors_precision_role_without_comma(kb_nlp, text, name, role):
    record = vigie.extract(text, published="2020-05-04", nlp=kb_nlp)
    assert {a.name: a.role for a in record.actors}[name] == role


@pytest.mark.parametrize("text,name", [
    ("Un homme de 35 ans a été placé en garde à vue.", "homme de 35 ans"),
    ("Une femme de 52 ans a porté plainte mardi.", "femme de 52 ans"),
])
def test_actors_precision_person_by_age(kb_nlp, text, name):
    assert _actors(kb_nlp, text)[name] == ("person", None, None)


@pytest.mark.issue(17)
def test_actors_precision_child_by_age_is_a_participant_unless_counted(kb_nlp):
    # Victims are participants (issue 17): the counted people an attack wounds are its target,
    # one civilian population; a part of the toll ("dont un garçon de 9 ans") is the Figures
    # stage's, not an actor of its own.
    assert _actors(kb_nlp, "Un garçon de 9 ans a été blessé.") == {
        "garçon de 9 ans": ("person", None, None)}
    assert _actors(kb_nlp, "Quinze personnes ont été blessées, dont un garçon de 9 ans.") == {
        "personnes": ("population", None, "CVL")}
