"""French numbers without a model: digits, words, collectives, bounds, ranges."""

from __future__ import annotations

import pytest

from vigie.french.counts import comparable, population
from vigie.french.numbers import find_quantities, parse_digits, parse_number, parse_words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("51.000", 51000),
        ("1.888", 1888),
        ("20 000", 20000),
        ("3\u202f200", 3200),
        ("12\u00a0500", 12500),
        ("2,5", 2.5),
        ("1.200.000", 1200000),
        ("6 700,54", 6700.54),
        ("3M", 3000000),
    ],
)
def test_numbers_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["deux"], 2),
        (["vingt", "trois"], 23),
        (["trois", "cents"], 300),
        (["soixante", "et", "onze"], 71),
        (["quatre", "vingt", "dix", "neuf"], 99),
        (["deux", "trois"], None),
    ],
)
def test_numbers_words(words, value):
    assert parse_words(words) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("vingt-trois", 23),
        ("2,5 millions", 2500000),
        ("1,2 million", 1200000),
        ("trente 3", 33),
        ("moins 40", -40),
        ("une", 1),
        ("des maisons", None),
    ],
)
def test_numbers_parse_number(text, value):
    assert parse_number(text) == value


def _found(text):
    return [(text[q.start:q.end], q.value, q.low, q.high, q.approximate)
            for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On compte 51.000 déplacés.", [("51.000", 51000, None, None, False)]),
        ("Quelque 400 familles.", [("400", 400, None, None, True)]),
        ("Environ 30 morts.", [("30", 30, None, None, True)]),
        ("Près de 2 000 blessés.", [("2 000", 2000, None, None, True)]),
        ("Une centaine de civils.", [("Une centaine", 100, None, None, True)]),
        ("Des centaines de soldats.", [("Des centaines", 100, None, None, True)]),
        ("Une dizaine de tués.", [("Une dizaine", 10, None, None, True)]),
        ("Des dizaines de milliers de civils.",
         [("Des dizaines de milliers", 10000, None, None, True)]),
        ("Un millier de réfugiés.", [("Un millier", 1000, None, None, True)]),
        ("Au moins 57 morts.", [("57", 57, 57, None, True)]),
        ("Plus de 300 blessés.", [("300", 300, 300, None, True)]),
        ("Plus d'une centaine d'otages.", [("une centaine", 100, 100, None, True)]),
        ("Jusqu'à 800 personnes.", [("800", 800, None, 800, True)]),
        ("Moins de 40 soldats.", [("40", 40, None, 40, True)]),
        ("Entre 20 et 30 morts.", [("20 et 30", 20, 20, 30, True)]),
        ("De 10 à 15 blessés.", [("10 à 15", 10, 10, 15, True)]),
        ("Deux ou trois victimes.", [("Deux ou trois", 2, 2, 3, True)]),
        ("Vingt-et-un morts.", [("Vingt-et-un", 21, None, None, False)]),
        ("Il y a 1,2 million de déplacés.", [("1,2 million", 1200000, None, None, False)]),
        ("Un homme est venu.", []),
        ("Le score est de 2 à 1.", [("2", 2, None, None, False), ("1", 1, None, None, False)]),
        ("Vers 14h30, un A320 et la 2e division.", []),
    ],
)
def test_numbers_find_quantities(text, expected):
    assert _found(text) == expected


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plus d'un demi-million de sinistrés.",
         [("un demi-million", 500000, 500000, None, True)]),
        ("Un demi-millier de manifestants.", [("Un demi-millier", 500, None, None, True)]),
        ("Un million et demi de réfugiés.", [("Un million et demi", 1500000, None, None, False)]),
        ("Deux millions et demi de déplacés.",
         [("Deux millions et demi", 2500000, None, None, False)]),
        ("Le million de visiteurs.", []),
        ("Une ou deux personnes.", [("Une ou deux", 1, 1, 2, True)]),
    ],
)
def test_numbers_halves_and_ones(text, expected):
    assert _found(text) == expected


@pytest.mark.issue(20)
def test_numbers_lone_ones_are_flagged_articles():
    text = "Une femme et deux enfants."
    found = [(text[q.start:q.end], q.value, q.article)
             for q in find_quantities(text, articles=True)]
    assert found == [("Une", 1, True), ("deux", 2, False)]
    assert [q.value for q in find_quantities(text)] == [2]


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [(24, 25, True), (8, 17000, False), (10, 100, True), (10, 101, False), (5, None, False)],
)
def test_numbers_comparable_counts(one, other, expected):
    assert comparable(one, other) is expected


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("who", "expected"),
    [("personnes", None), ("Morts", None), (None, None), ("civils", "civil"),
     ("forces de sécurité", "force de sécurité")],
)
def test_numbers_population_of_a_count(who, expected):
    assert population(who, frozenset({"personnes", "morts"})) == expected
