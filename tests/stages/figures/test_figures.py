"""Figures stage: kind, value, span, bounds, who, subsets and sources on short French passages."""

from __future__ import annotations

import pytest


def _figures(record):
    names = {a.id: a.name for a in record.actors}
    return [(f.kind, f.value, record.text[f.start:f.end], f.approximate, f.who,
             names.get(f.source)) for f in record.figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les combats ont fait 37 morts dans la ville.", ("killed", 37, "37", False, "morts")),
        ("Au moins 14 personnes ont été tuées lundi.", ("killed", 14, "14", True, "personnes")),
        ("Trois soldats ont péri dans l'explosion.", ("killed", 3, "Trois", False, "soldats")),
        ("Vingt-trois mineurs sont morts dans la mine.",
         ("killed", 23, "Vingt-trois", False, "mineurs")),
        ("Les secours ont retrouvé 5 corps.", ("killed", 5, "5", False, "corps")),
        ("Huit civils tués dans un attentat.", ("killed", 8, "Huit", False, "civils")),
        ("La police a abattu 2 assaillants.", ("killed", 2, "2", False, "assaillants")),
        ("L'attaque a fait 42 blessés.", ("wounded", 42, "42", False, "blessés")),
        ("Environ 6 000 habitants ont fui les combats.",
         ("displaced", 6000, "6 000", True, "habitants")),
        ("Quelque 2 500 personnes ont été déplacées.",
         ("displaced", 2500, "2 500", True, "personnes")),
        ("Des dizaines de milliers de personnes ont fui la région.",
         ("displaced", 10000, "Des dizaines de milliers", True, "personnes")),
        ("Près de 80 000 civils restent assiégés.", ("trapped", 80000, "80 000", True, "civils")),
        ("Une quinzaine de villageois sont portés disparus.",
         ("missing", 15, "Une quinzaine", True, "villageois")),
        ("La police a interpellé 23 manifestants.", ("arrested", 23, "23", False, "manifestants")),
        ("Au total, 48 personnes ont été placées en garde à vue.",
         ("arrested", 48, "48", False, "personnes")),
        ("Les gendarmes ont procédé à 30 interpellations.",
         ("arrested", 30, "30", False, "interpellations")),
        ("Le pays accueille 1,2 million de réfugiés.",
         ("refugees", 1200000, "1,2 million", False, "réfugiés")),
        ("L'armée a mené 40 frappes aériennes.", ("strikes", 40, "40", False, "frappes aériennes")),
        ("Une vingtaine de roquettes ont été tirées.",
         ("strikes", 20, "Une vingtaine", True, "roquettes")),
        ("Les avions ont visé 90 cibles.", ("targets", 90, "90", False, "cibles")),
        ("Washington va envoyer 3 000 soldats.", ("troops", 3000, "3 000", False, "soldats")),
        # abducted people are missing until found (the gold convention, tests/gold g05)
        ("Deux journalistes ont été enlevés.", ("missing", 2, "Deux", False, "journalistes")),
        ("Plusieurs centaines de manifestants se sont rassemblés.",
         ("other", 100, "Plusieurs centaines", True, "manifestants")),
        ("Plus d'une centaine d'otages ont été libérés.",
         ("other", 100, "une centaine", True, "otages")),
    ],
)
def test_figures_kind_value_who(extract, text, expected):
    assert [f[:5] for f in _figures(extract(text))] == [expected]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Entre 20 et 30 rebelles ont été tués.", 20, 30),
        ("De 10 à 15 policiers ont été blessés.", 10, 15),
        ("Plus de 300 personnes ont été arrêtées.", 300, None),
        ("Jusqu'à 800 personnes ont fui.", None, 800),
    ],
)
def test_figures_bounds(extract, text, low, high):
    (figure,) = extract(text).figures
    assert (figure.low, figure.high, figure.approximate) == (low, high, True)


@pytest.mark.parametrize(
    "text",
    [
        "Un enfant de 12 ans a été blessé.",
        "Le budget atteint 5 millions d'euros.",
        "Le taux de chômage est de 9 % en France.",
        "Le cessez-le-feu a duré 48 heures.",
        "Il habite au 12 rue de la Paix.",
        "Le PSG a gagné 3 à 1 dimanche.",
        "La réunion a eu lieu le 4 février 2016.",
        "En 2015, la ville comptait 300 000 habitants.",
        "Il est arrivé deuxième de la course.",
        "Le train part à 14 heures.",
        "Le président a 65 ans.",
        "Il a écrit 3 livres.",
        "Les rebelles ont abattu 4 hélicoptères.",
        "L'article 49 de la Constitution a été invoqué.",
    ],
)
def test_figures_negatives(extract, text):
    assert extract(text).figures == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Selon l'ONU, 3 400 civils ont été tués.", "Organisation des Nations unies"),
        ("D'après le ministère de la Santé, 211 personnes ont été blessées.",
         "ministère de la Santé"),
        ("L'OSDH a fait état de 19 morts.", "Observatoire syrien des droits de l'Homme"),
        ("La Turquie a annoncé avoir neutralisé 45 combattants.", "Turquie"),
        ("La Russie affirme avoir effectué 64 sorties aériennes.", "Russie"),
        ("Plus de 1 500 personnes ont été arrêtées, selon Amnesty International.",
         "Amnesty International"),
        ("« Nous avons perdu 8 soldats », a déclaré le général Martin Dupont.", "Martin Dupont"),
        ("Les combats ont fait 37 morts dans la ville.", None),
    ],
)
def test_figures_source(extract, text, source):
    assert [f[5] for f in _figures(extract(text))] == [source]


def test_figures_subset_takes_kind_of_whole(extract):
    record = extract("Les bombardements ont tué 60 personnes, dont 12 enfants.")
    whole, part = record.figures
    assert (part.kind, part.value, part.who, part.part_of) == ("killed", 12, "enfants", whole.id)
    assert whole.part_of is None


def test_figures_dispute_between_sources(extract):
    record = extract("L'explosion a tué 17 personnes, selon la police, mais l'opposition parle "
                     "de 40 morts.")
    assert [(f.value, f.disputes) for f in record.figures] == [(17, ["f2"]), (40, ["f1"])]
    assert [_figures(record)[i][5] for i in (0, 1)] == ["police", "opposition"]


def test_figures_repeated_figure_kept_once(extract):
    record = extract("L'attentat a fait 9 morts. Les 9 morts ont été identifiés, selon la police.")
    assert [(f.kind, f.value) for f in record.figures] == [("killed", 9)]
    assert _figures(record)[0][5] == "police"


def test_figures_sample_seven_with_sources(sample_record):
    names = {a.id: a.name for a in sample_record.actors}
    text = sample_record.text
    got = {(f.kind, f.value, text[f.start:f.end]): (f.approximate, names.get(f.source), f.part_of)
           for f in sample_record.figures}
    killed = next(f.id for f in sample_record.figures if f.value == 500)
    assert got[("displaced", 51000, "51.000")] == (True, "Organisation des Nations unies", None)
    assert got[("trapped", 350000, "350.000")] == (False, "Organisation des Nations unies", None)
    assert got[("killed", 500, "500")] == (False, "Observatoire syrien des droits de l'Homme", None)
    assert got[("killed", 100, "une centaine")] == (
        True, "Observatoire syrien des droits de l'Homme", killed)
    assert got[("strikes", 510, "510")] == (False, "Russie", None)
    assert got[("targets", 1888, "1.888")] == (False, "Russie", None)
    assert got[("killed", 2, "deux")] == (False, "Russie", None)
    assert got[("displaced", 10000, "des dizaines de milliers")][1:] == (None, None)
    assert len(sample_record.figures) == 8
