"""Times stage: French time expressions resolved against a fixed publication date.

Publication date 2016-02-11 (a Thursday, tests/conftest.py PUBLISHED). Sentences written for
these tests; each case: sentence, expression text, value, end_value.
"""

from __future__ import annotations

from datetime import date

import pytest

from vigie.stages.times.published import infer_published
from vigie.stages.times.tagger import tag_times


def _only_time(extract, sentence):
    times = extract(sentence).times
    assert len(times) == 1, [t.text for t in times]
    return times[0]


def _check(extract, sentence, text, value, end_value):
    time = _only_time(extract, sentence)
    assert (time.text, time.value, time.end_value) == (text, value, end_value)
    start = sentence.index(text)
    assert (time.start, time.end) == (start, start + len(text))


@pytest.mark.parametrize("sentence,text,value,end_value", [
    ("Les combats ont repris le 3 mars 2015 dans la région.", "le 3 mars 2015", "2015-03-03", None),
    ("Le cessez-le-feu entrera en vigueur le 27 février.", "le 27 février", "2016-02-27", None),
    ("L'accord a été signé le 23 octobre.", "le 23 octobre", "2015-10-23", None),
    ("Le texte daté du 11/02/2016 a été publié.", "11/02/2016", "2016-02-11", None),
    ("La note du 2016-02-09 fait état de pertes.", "2016-02-09", "2016-02-09", None),
    ("Le rapport du 05.01.2016 a été rendu public.", "05.01.2016", "2016-01-05", None),
    ("Le texte a été adopté le 31/12/15.", "le 31/12/15", "2015-12-31", None),
    ("Le mouvement a été fondé le 14 juillet 1789.", "le 14 juillet 1789", "1789-07-14", None),
    ("La trêve a été annoncée jeudi 4 février.", "jeudi 4 février", "2016-02-04", None),
    ("Le scrutin aura lieu le premier dimanche de mars.", "le premier dimanche de mars",
     "2016-03-06", None),
    ("Les troupes sont rentrées à Noël.", "Noël", "2015-12-25", None),
])
def test_times_absolute_dates(extract, sentence, text, value, end_value):
    _check(extract, sentence, text, value, end_value)


@pytest.mark.parametrize("sentence,text,value,end_value", [
    ("Le convoi est arrivé mardi.", "mardi", "2016-02-09", None),
    ("Le convoi arrivera mardi.", "mardi", "2016-02-16", None),
    ("Le ministre va se rendre à Moscou lundi.", "lundi", "2016-02-15", None),
    ("Les frappes ont touché la ville dimanche soir.", "dimanche soir", "2016-02-07", None),
    ("Les négociations reprendront vendredi matin.", "vendredi matin", "2016-02-12", None),
    ("Le sommet se tient jeudi.", "jeudi", "2016-02-11", None),
    ("L'attaque a eu lieu samedi dernier.", "samedi dernier", "2016-02-06", None),
    ("La réunion aura lieu mercredi prochain.", "mercredi prochain", "2016-02-17", None),
    ("Ils se retrouveront mardi en huit.", "mardi en huit", "2016-02-23", None),
    ("Le vote est prévu lundi de la semaine prochaine.", "lundi de la semaine prochaine",
     "2016-02-15", None),
    ("L'explosion s'est produite mardi à 8 heures.", "mardi à 8 heures", "2016-02-09", None),
])
def test_times_weekdays_follow_tense(extract, sentence, text, value, end_value):
    _check(extract, sentence, text, value, end_value)


@pytest.mark.parametrize("sentence,text,value,end_value", [
    ("La trêve a été rompue hier.", "hier", "2016-02-10", None),
    ("Les rebelles ont attaqué avant-hier soir.", "avant-hier soir", "2016-02-09", None),
    ("Les pourparlers reprennent aujourd'hui à Genève.", "aujourd'hui", "2016-02-11", None),
    ("Le président parlera demain.", "demain", "2016-02-12", None),
    ("Une délégation arrive après-demain.", "après-demain", "2016-02-13", None),
    ("Ils ont été arrêtés la veille.", "la veille", "2016-02-10", None),
    ("Le sommet aura lieu le lendemain.", "le lendemain", "2016-02-12", None),
    ("L'armée a bombardé la ville la semaine dernière.", "la semaine dernière", "2016-W05", None),
    ("Les délégués se verront cette semaine.", "cette semaine", "2016-W06", None),
    ("Les élections auront lieu le mois prochain.", "le mois prochain", "2016-03", None),
    ("La guerre a fait des milliers de morts l'année dernière.", "l'année dernière", "2015", None),
    ("Le conflit a repris cette année.", "cette année", "2016", None),
    ("Le village a été pris il y a trois jours.", "il y a trois jours", "2016-02-08", None),
    ("Les rebelles ont été délogés il y a deux semaines.", "il y a deux semaines",
     "2016-01-28", None),
    ("Le conseil se réunira dans deux mois.", "dans deux mois", "2016-04-11", None),
    ("Depuis leur lancement voici un mois, les raids ont tué 500 civils.",
     "Depuis leur lancement voici un mois", "2016-01-11", None),
    ("Les manifestants ont défilé ce matin.", "ce matin", "2016-02-11", None),
    ("Le bilan a été publié dans la soirée.", "dans la soirée", "2016-02-11", None),
    ("Des tirs ont été entendus vers 23 h 30.", "vers 23 h 30", "2016-02-11", None),
    ("Les réfugiés sont arrivés ces derniers jours.", "ces derniers jours",
     "2016-02-08", "2016-02-10"),
    ("Le rapport porte sur les trois derniers mois.", "sur les trois derniers mois",
     "2015-11", "2016-01"),
])
def test_times_relative_expressions(extract, sentence, text, value, end_value):
    _check(extract, sentence, text, value, end_value)


@pytest.mark.parametrize("sentence,text,value,end_value", [
    ("Les prix ont flambé début mars.", "début mars", "2015-03", None),
    ("L'offensive a commencé mi-janvier.", "mi-janvier", "2016-01", None),
    ("La ville était tombée fin 2015.", "fin 2015", "2015", None),
    ("Le retrait est prévu courant 2017.", "courant 2017", "2017", None),
    ("Les combats ont fait rage au printemps 2014.", "au printemps 2014",
     "2014-03-20", "2014-06-20"),
    ("Les combats ont repris du 17 au 24 août.", "du 17 au 24 août", "2015-08-17", "2015-08-24"),
    ("Les frappes ont eu lieu entre le 10 et le 15 janvier.", "entre le 10 et le 15 janvier",
     "2016-01-10", "2016-01-15"),
    ("La mission a duré du 10 juin au 1er juillet 2015.", "du 10 juin au 1er juillet 2015",
     "2015-06-10", "2015-07-01"),
    ("Les pluies ont duré du lundi au mercredi.", "du lundi au mercredi",
     "2016-02-08", "2016-02-10"),
    ("Le cessez-le-feu a été rompu dans la nuit de samedi à dimanche.",
     "dans la nuit de samedi à dimanche", "2016-02-06", "2016-02-07"),
    ("Les combattants contrôlent la ville depuis le 1er février.", "depuis le 1er février",
     "2016-02-01", None),
    ("Le groupe est actif depuis 2011.", "depuis 2011", "2011", None),
    ("Le pays a connu une crise en 2008.", "en 2008", "2008", None),
    ("La réforme a été votée en 1999.", "en 1999", "1999", None),
    ("Les troupes sont arrivées en janvier.", "en janvier", "2016-01", None),
    ("La conférence se tiendra en avril.", "en avril", "2016-04", None),
    ("La ville est assiégée depuis novembre 2014.", "depuis novembre 2014", "2014-11", None),
    ("Le chômage a baissé au premier trimestre.", "au premier trimestre", "2016-01", "2016-03"),
    ("Les ventes ont chuté au dernier trimestre 2015.", "au dernier trimestre 2015",
     "2015-10", "2015-12"),
    ("Les combats ont duré de 2011 à 2014.", "de 2011 à 2014", "2011", "2014"),
    ("L'accord sera signé la deuxième quinzaine de mars.", "la deuxième quinzaine de mars",
     "2016-03-15", "2016-03-31"),
])
def test_times_periods_and_ranges(extract, sentence, text, value, end_value):
    _check(extract, sentence, text, value, end_value)


@pytest.mark.parametrize("sentence", [
    "Plus de 2015 soldats ont été déployés.",
    "Le bilan s'élève à 1.888 cibles et 2.5 millions de déplacés.",
    "Les rebelles ont signé un accord avec le gouvernement.",
])
def test_times_numbers_are_not_times(extract, sentence):
    assert extract(sentence).times == []


def test_times_vague_part_keeps_modifier():
    (found,) = tag_times("Le retrait commencera début mars.", date(2016, 2, 11))
    assert (found.modifier, found.period.precision, found.period.value()) == (
        "start", "month", "2016-03")


def test_times_no_publication_date_resolves_absolute_only(extract):
    record = extract("Les combats ont repris hier, comme en 2015.", published=None)
    assert [(t.text, t.value) for t in record.times] == [("hier", None), ("en 2015", "2015")]
    assert (record.published, record.published_inferred) == (None, False)


def test_times_inferred_publication_dates_relative_times(extract):
    record = extract("Les combats ont repris hier, après la trêve du 3 mars 2015.", published=None)
    assert [(t.text, t.value) for t in record.times] == [
        ("hier", "2015-03-02"), ("du 3 mars 2015", "2015-03-03")]
    assert (record.published, record.published_inferred) == ("2015-03-03", True)


@pytest.mark.parametrize("text,published", [
    ("BEYROUTH, 23 octobre (Reuters) - Des frappes ont touché la ville, comme en 2015.",
     "2015-10-23"),
    ("PARIS, 4 mars 2014 (AFP) - Le ministre est arrivé.", "2014-03-04"),
    ("Le texte du 2 janvier 2014 a été suivi d'un accord le 5 janvier.", "2014-01-05"),
    ("La trêve décidée le lundi 6 octobre 2014 a volé en éclats.", "2014-10-06"),
    ("Les rebelles ont signé un accord.", None),
])
def test_times_infer_published(text, published):
    found = infer_published(text)
    assert (found.isoformat() if found else None) == published


def test_times_sample_four(sample_record):
    times = {t.text: (t.value, t.end_value, t.precision) for t in sample_record.times}
    assert times["Depuis le 1er février 2016"] == ("2016-02-01", None, "day")
    assert times["jeudi soir"] == ("2016-02-11", None, "day")
    assert times["début février"] == ("2016-02", None, "month")
    assert times["entre les 4 et 11 février"] == ("2016-02-04", "2016-02-11", "day")
    assert sample_record.published_inferred
    assert abs((date.fromisoformat(sample_record.published) - date(2016, 2, 11)).days) <= 1


@pytest.mark.parametrize("text, expected", [
    ("NIAMEY, 27 juillet (Reuters) - Le chef de l'armée a parlé tard mercredi soir à la radio.",
     date(2023, 7, 27)),
    ("LILLE, 12 mars (AFP) - Les grévistes ont bloqué samedi le dépôt principal.",
     date(2023, 3, 12)),
    ("LILLE, 12 mars (AFP) - Les grévistes ont bloqué le dépôt principal.", None),
])
def test_times_yearless_dateline_agrees_with_its_lead_weekday(text, expected):
    assert infer_published(text) == expected
