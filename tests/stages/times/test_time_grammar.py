"""The grammar a news coder needs (issue 26), on sentences written for these tests.

Pure text (no parse): reference Thursday 2016-02-11 unless said, tense "nearest" unless the case
gives one. Each case: sentence, expression, value, end_value.
"""

from __future__ import annotations

from datetime import date

import pytest

from vigie.french.dates import FUTURE, NEAREST, PAST
from vigie.stages.times.tagger import tag_times

REF = date(2016, 2, 11)


def _times(sentence: str, ref: date = REF, direction: str = NEAREST) -> list[tuple]:
    found = tag_times(sentence, ref, lambda start, end: direction)
    return [(sentence[e.start:e.end], e.period.value() if e.period else None,
             e.period.end_value() if e.period else None) for e in found]


def _one(sentence: str, ref: date = REF, direction: str = NEAREST):
    (found,) = tag_times(sentence, ref, lambda start, end: direction)
    return found


@pytest.mark.issue(26)
@pytest.mark.parametrize("sentence, text, clock, kind", [
    ("La manifestation a duré de 17 h à 22 h devant la mairie.", "de 17 h à 22 h", "17:00",
     "date"),
    ("Le couvre-feu s'applique à partir de 9 h 15.", "à partir de 9 h 15", "09:15", "since"),
    ("À 21 h, les tirs avaient cessé.", "À 21 h", "21:00", "date"),
    ("Les secours sont arrivés vers midi.", "vers midi", "12:00", "date"),
    ("Le bureau de vote a fermé à minuit.", "à minuit", "00:00", "date"),
    ("Le discours (19 h 30 heure de Paris) a été retransmis.", "19 h 30 heure de Paris",
     "19:30", "date"),
    ("Les combats ont repris peu avant 6 h.", "peu avant 6 h", "06:00", "date"),
])
def test_time_grammar_clock_times(sentence, text, clock, kind):
    found = _one(sentence)
    assert (sentence[found.start:found.end], found.clock, found.kind) == (text, clock, kind)
    assert found.period.value() == "2016-02-11"


@pytest.mark.parametrize("sentence, text, part", [
    ("Des tirs ont retenti pendant la nuit.", "pendant la nuit", "nuit"),
    ("Le cortège s'est dispersé en milieu de journée.", "en milieu de journée",
     "milieu de journée"),
    ("L'assaut a été lancé au petit matin.", "au petit matin", "petit matin"),
])
def test_time_grammar_parts_of_day(sentence, text, part):
    found = _one(sentence)
    assert (sentence[found.start:found.end], found.part_of_day) == (text, part)


def test_time_grammar_clock_without_preposition():
    assert _times("Il est environ 5h45 quand les voitures arrivent.") == [
        ("5h45", "2016-02-11", None)]


@pytest.mark.parametrize("sentence", [
    "Le convoi a roulé pendant 2 h 30 sans s'arrêter.",
    "Il faut 1 h 45 de route pour rejoindre la frontière.",
])
def test_time_grammar_durations_are_not_clock_times(sentence):
    assert _times(sentence) == []


@pytest.mark.issue(26)
@pytest.mark.parametrize("sentence, expected", [
    ("Le score dépasse celui de la législative de 1997.", [("1997", "1997", None)]),
    ("Selon le recensement de 1999, la ville comptait 3 000 habitants.",
     [("1999", "1999", None)]),
    ("Sur la période 1975-1985, la production a doublé.", [("1975-1985", "1975", "1985")]),
    ("La crise des années 1975-85 reste dans les mémoires.", [("1975-85", "1975", "1985")]),
    ("Il a quitté le pays en 95, avant la guerre.", [("en 95", "1995", None)]),
    ("Les prix ont grimpé entre 1980 et 1989.", [("entre 1980 et 1989", "1980", "1989")]),
    ("La ville a prospéré dans les années 80.", [("dans les années 80", "1980", "1989")]),
    ("Les années 1990 ont été marquées par la guerre.", [("Les années 1990", "1990", "1999")]),
    ("Le bilan de 2000 morts a été confirmé.", []),
    ("Plus de 1999 soldats ont été déployés.", []),
    ("Il a été condamné en 12 heures.", []),
    ("Le Soleil en libère autant en 10 000 ans.", []),
    ("Il a nagé le 100 m en 46\"97.", []),
    ("La planète naine 2014 UZ224 a été découverte.", []),
])
def test_time_grammar_years(sentence, expected):
    assert _times(sentence) == expected


@pytest.mark.issue(26)
@pytest.mark.parametrize("sentence, expected", [
    ("L'accord du 14 novembre dernier a été rompu.",
     [("du 14 novembre dernier", "2015-11-14", None)]),
    ("L'accord du 11 février dernier a été rompu.",
     [("du 11 février dernier", "2015-02-11", None)]),
    ("La conférence du 11 février prochain est annulée.",
     [("du 11 février prochain", "2017-02-11", None)]),
    ("Les élections auront lieu en mars prochain.", [("en mars prochain", "2016-03", None)]),
    ("Le budget sera voté en février prochain.", [("en février prochain", "2017-02", None)]),
    ("Les troupes étaient arrivées en mars dernier.", [("en mars dernier", "2015-03", None)]),
    ("Les électeurs voteront les 2 et 9 mai prochains.",
     [("les 2 et 9 mai prochains", "2016-05-02", "2016-05-09")]),
    ("Les combats ont fait rage du 3 au 8 juin.", [("du 3 au 8 juin", "2016-06-03",
                                                    "2016-06-08")]),
    ("La récolte se fait en mars-avril.", [("en mars-avril", "2016-03", "2016-04")]),
    ("Les pluies tombent de juin à septembre 2015.", [("de juin à septembre 2015", "2015-06",
                                                      "2015-09")]),
])
def test_time_grammar_last_next_ranges_pairs(sentence, expected):
    assert _times(sentence) == expected


@pytest.mark.issue(26)
@pytest.mark.parametrize("sentence, direction, expected", [
    ("Les combats ont repris à Pâques.", PAST, [("Pâques", "2015-04-05", None)]),
    ("Les négociations reprendront après Pâques.", FUTURE, [("Pâques", "2016-03-27", None)]),
    ("Le rassemblement de la Pentecôte 2015 a réuni des milliers de fidèles.", NEAREST,
     [("Pentecôte 2015", "2015-05-24", None)]),
    ("Les magasins ferment le lundi de Pentecôte.", NEAREST,
     [("lundi de Pentecôte", "2016-05-16", None)]),
    ("Des statues se dressent sur l'île de Pâques.", NEAREST, []),
    ("Le texte sera voté d'ici la fin de l'année.", FUTURE,
     [("d'ici la fin de l'année", "2016", None)]),
    ("Des manifestations sont prévues ce week-end.", FUTURE,
     [("ce week-end", "2016-02-13", "2016-02-14")]),
    ("Des heurts ont éclaté le week-end dernier.", PAST,
     [("le week-end dernier", "2016-02-06", "2016-02-07")]),
    ("La sécheresse a frappé cet été.", PAST, [("cet été", "2016-06-21", "2016-09-23")]),
    ("Les réfugiés sont arrivés l'hiver dernier.", PAST,
     [("l'hiver dernier", "2014-12-21", "2015-03-20")]),
])
def test_time_grammar_feasts_deadlines_weekends_seasons(sentence, direction, expected):
    assert _times(sentence, direction=direction) == expected


def test_time_grammar_deadline_is_until_with_end_modifier():
    found = _one("Le texte sera voté d'ici la fin de l'année.")
    assert (found.kind, found.modifier) == ("until", "end")


@pytest.mark.issue(26)
@pytest.mark.parametrize("sentence, expected", [
    # a clock time takes the day last named, in another sentence
    ("Jeudi 4 février, des tirs ont éclaté à Goma. Vers 1 h 20, une explosion a secoué le "
     "quartier.", [("Jeudi 4 février", "2016-02-04", None), ("Vers 1 h 20", "2016-02-04", None)]),
    ("Mardi, la police a arrêté deux hommes. Le lendemain, ils ont été libérés. Le même jour, "
     "un tract a circulé.", [("Mardi", "2016-02-09", None), ("Le lendemain", "2016-02-10", None),
                             ("Le même jour", "2016-02-10", None)]),
    ("Le 14 mars 2015, les rebelles sont entrés dans la ville. Le 16, l'armée a riposté.",
     [("Le 14 mars 2015", "2015-03-14", None), ("Le 16", "2015-03-16", None)]),
    ("L'attaque a eu lieu le 2 février. Ce jour-là, le matin même, les écoles étaient fermées.",
     [("le 2 février", "2016-02-02", None), ("Ce jour-là", "2016-02-02", None),
      ("le matin même", "2016-02-02", None)]),
    ("Samedi 6 février, l'armée est entrée dans la ville. Deux jours plus tard, elle s'est "
     "retirée.", [("Samedi 6 février", "2016-02-06", None),
                  ("Deux jours plus tard", "2016-02-08", None)]),
    # no day named before: the reference
    ("Dans la soirée, les tirs ont repris.", [("Dans la soirée", "2016-02-11", None)]),
    # counted from an event, not a day: no value
    ("Les prix ont grimpé au lendemain du sommet.", [("au lendemain", None, None)]),
])
def test_time_grammar_narrative_anchoring(sentence, expected):
    assert _times(sentence) == expected


def test_time_grammar_background_day_does_not_anchor_a_later_part_of_day():
    sentence = ("Samedi, 8 000 personnes ont défilé, contre 20 000 le 1er janvier. "
                "La dispersion a été tendue dans la soirée.")
    assert _times(sentence, ref=date(2016, 2, 14))[-1] == ("dans la soirée", "2016-02-13", None)


def test_time_grammar_weekday_repeats_an_explicit_date():
    sentence = ("Quatre villageois ont été blessés lundi 8 février. "
                "Les témoins ont raconté l'attaque de lundi.")
    assert _times(sentence, ref=date(2016, 2, 13)) == [
        ("lundi 8 février", "2016-02-08", None), ("lundi", "2016-02-08", None)]


def test_time_grammar_weekday_keeps_its_tense_against_a_future_date():
    sentence = ("Un rassemblement est annoncé pour samedi 20 février. "
                "Samedi, 5 000 personnes ont défilé.")
    assert _times(sentence, ref=date(2016, 2, 14), direction=PAST)[-1] == (
        "Samedi", "2016-02-13", None)


@pytest.mark.issue(26)
@pytest.mark.parametrize("sentence, ref, expected", [
    ("La Brigade du 4 Avril a revendiqué l'attentat.", REF, []),
    ("La compétition a commencé le 3 Juin.", date(2016, 6, 11),
     [("le 3 Juin", "2016-06-03", None)]),
    ("Pour leur onzième samedi de grève, les dockers ont défilé.", date(2019, 1, 27),
     [("onzième samedi", "2019-01-26", None)]),
    ("Les exportations ont progressé de 4 % sur le trimestre.", date(2018, 5, 23),
     [("sur le trimestre", "2018-01", "2018-03")]),
    ("Les ventes ont chuté sur les quatre premiers mois de l'année.", date(2018, 5, 23),
     [("sur les quatre premiers mois de l'année", "2018-01", "2018-04")]),
    ("Les prix de l'énergie ont flambé ces derniers mois.", date(2015, 10, 30),
     [("ces derniers mois", "2015", None)]),
    ("Le festival se tient à Arles depuis cette année.", date(2018, 5, 23),
     [("depuis cette année", "2018", None)]),
    ("Tunis, lundi 07/03/2022 - Hier (dimanche), un incendie a ravagé le souk.", date(2022, 3, 7),
     [("lundi 07/03/2022", "2022-03-07", None), ("Hier (dimanche)", "2022-03-06", None)]),
])
def test_time_grammar_news_forms(sentence, ref, expected):
    assert _times(sentence, ref=ref, direction=PAST) == expected
