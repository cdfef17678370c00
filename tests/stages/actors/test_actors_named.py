"""Actors' `named_mentions`: the mentions that are proper names, not descriptions (issue 17)."""

from __future__ import annotations

import pytest

import vigie
from vigie.stages.actors.build import written_as_name


def _named(kb_nlp, text: str) -> dict[str, tuple[list[str], list[str]]]:
    record = vigie.extract(text, published="2016-02-11", nlp=kb_nlp)
    return {a.name: ([text[s:e] for s, e in a.mentions], [text[s:e] for s, e in a.named_mentions])
            for a in record.actors}


@pytest.mark.issue(17)
@pytest.mark.parametrize("text,name,mentions,named", [
    ("Selon l'Observatoire syrien des droits de l'homme (OSDH), dix civils sont morts. "
     "L'OSDH accuse Damas.", "Observatoire syrien des droits de l'Homme",
     ["Observatoire syrien des droits de l'homme", "OSDH", "OSDH"],
     ["Observatoire syrien des droits de l'homme", "OSDH", "OSDH"]),
    ("La Russie a prévenu. Les Russes ont bombardé la ville.", "Russie",
     ["Russie", "Russes"], ["Russie"]),
    ("Le ministre français de la Défense, Jean Dupont, a démenti. Le ministre a ajouté que "
     "rien n'était décidé.", "Jean Dupont", ["Jean Dupont", "ministre"], ["Jean Dupont"]),
    ("Emmanuel Macron a reçu Vladimir Poutine. Poutine a salué Macron.", "Vladimir Poutine",
     ["Vladimir Poutine", "Poutine"], ["Vladimir Poutine", "Poutine"]),
    ("Moscou a rejeté la proposition.", "Russie", ["Moscou"], ["Moscou"]),
    ("L'exécutif européen a proposé des sanctions.", "Commission européenne",
     ["exécutif européen"], []),
])
def test_actors_named_mentions_are_proper_names(kb_nlp, text, name, mentions, named):
    assert _named(kb_nlp, text)[name] == (mentions, named)


@pytest.mark.issue(17)
@pytest.mark.parametrize("text", [
    "Des manifestants ont défilé dans le centre.",
    "Les rebelles ont attaqué la ville.",
    "La police a arrêté un suspect.",
    "Un policier a été blessé hier soir.",
    "Un homme de 27 ans a été interpellé.",
])
def test_actors_descriptions_have_no_named_mentions(kb_nlp, text):
    actors = _named(kb_nlp, text)
    assert actors and all(named == [] for _, named in actors.values())


@pytest.mark.parametrize("text,expected", [
    ("OSDH", True), ("l'OSDH", True), ("la Russie", True), ("M23", True), ("al-Assad", True),
    ("exécutif européen", False), ("les rebelles", False), ("Les rebelles", False),
])
def test_actors_written_as_name(text, expected):
    assert written_as_name(text) is expected
