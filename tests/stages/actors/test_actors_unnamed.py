"""Actors, second pass: unnamed speakers and individuals, counts, credits, acronyms, places."""

from __future__ import annotations

import pytest

import vigie


def _actors(kb_nlp, text: str):
    record = vigie.extract(text, published="2016-02-11", nlp=kb_nlp)
    return {a.name: (a.kind, a.country, a.sector, [text[s:e] for s, e in a.mentions])
            for a in record.actors}


@pytest.mark.parametrize("text,name,expected", [
    ("Un responsable local a confirmé l'attaque.", "responsable local",
     ("person", None, "GOV", ["responsable local"])),
    ("Selon une source diplomatique, la réunion est reportée.", "source diplomatique",
     ("person", None, None, ["source diplomatique"])),
    ("Un porte-parole de l'armée a démenti.", "porte-parole de l'armée",
     ("person", None, "MIL", ["porte-parole de l'armée"])),
    ("Un policier a été blessé hier soir.", "policier", ("person", None, "COP", ["policier"])),
    ("Des témoins ont vu les blindés entrer.", "témoins", ("population", None, "CVL", ["témoins"])),
    ("Le régime syrien a bombardé la ville.", "régime syrien",
     ("state", "SYR", "GOV", ["régime syrien"])),
    ("Les forces de sécurité ont tiré sur la foule.", "forces de sécurité",
     ("group", None, "MIL", ["forces de sécurité"])),
])
def test_actors_unnamed_people_and_groups(kb_nlp, text, name, expected):
    assert _actors(kb_nlp, text)[name] == expected


@pytest.mark.parametrize("text", [
    "Le bilan s'élève à douze morts et trente blessés.",
    "Il a passé dix ans en prison.",
    "L'eau manque au cours de l'été.",
    "La ville vit en état de siège.",
    "Les frappes ont touché la région d'Ivano-Frankivsk cette nuit.",
])
def test_actors_no_actor_in_counts_words_and_places(kb_nlp, text):
    assert _actors(kb_nlp, text) == {}


@pytest.mark.parametrize("text", [
    "Le gouvernement a démissionné.\n(Reportage Jean Dupont et Marie Lenoir; édité par Paul Roux)",
    "Le gouvernement a démissionné.\nJean Dupont",
])
def test_actors_credits_are_no_actors(kb_nlp, text):
    assert [v[0] for v in _actors(kb_nlp, text).values()] == ["organization"]


def test_actors_acronym_needs_capitals(kb_nlp):
    onu = _actors(kb_nlp, "Un rapport de l'ONU est paru.")["Organisation des Nations unies"]
    assert onu[3] == ["ONU"]
    assert _actors(kb_nlp, "Un rapport est paru, un de plus.") == {}


@pytest.mark.issue(17)
def test_actors_story_country_for_unknown_people_not_international_ones(kb_nlp):
    # The gold convention: people a story names are of its country, unless international.
    actors = _actors(kb_nlp, "Selon Jan Vermeer, la Syrie et l'armée syrienne sont épuisées.")
    assert actors["Jan Vermeer"][1] == "SYR"
    actors = _actors(kb_nlp, "Selon Jan Vermeer, porte-parole de l'ONU, la Syrie est épuisée.")
    assert actors["Jan Vermeer"][1:3] == (None, "IGO")


@pytest.mark.parametrize("text", [
    "BEYROUTH, 3 mars (Reuters) - Le gouvernement a démissionné.",
    "Le gouvernement a démissionné, a indiqué à l'AFP un ministre.",
])
def test_actors_agency_reporting_is_no_actor(kb_nlp, text):
    assert "Reuters" not in _actors(kb_nlp, text)
    assert "Agence France-Presse" not in _actors(kb_nlp, text)


def test_actors_role_before_a_parenthesis_is_the_named_person(kb_nlp):
    text = "Bachar al-Assad reste. Le but du président (russe Vladimir) Poutine, c'est de gagner."
    actors = _actors(kb_nlp, text)
    assert actors["Bachar al-Assad"][3] == ["Bachar al-Assad"]


@pytest.mark.parametrize("text", [
    "Attaque à Kaboul\npar Jean Dupont et Marie Lenoir\nLe gouvernement a démissionné.",
    "Des dégâts sont signalés à Kharkiv, à Zolotonocha et à Lviv.",
])
def test_actors_author_lines_and_listed_places(kb_nlp, text):
    assert all(v[0] != "person" for v in _actors(kb_nlp, text).values())


@pytest.mark.parametrize("text", [
    "Les vols vers l'aéroport de Bruxelles ont été détournés.",
    "La course a lieu à Abou Dhabi, puis à Doha.",
])
def test_actors_cities_are_no_actors(kb_nlp, text):
    assert _actors(kb_nlp, text) == {}
