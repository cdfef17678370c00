"""Figures stage: the place and the whole (part_of) a figure is linked to, on short passages."""

from __future__ import annotations

import pytest


def _places(record):
    names = {p.id: p.name for p in record.places}
    return [(f.value, names.get(f.place)) for f in record.figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town before a road or a landmark in the same sentence
        ("Des heurts ont opposé 300 manifestants aux gendarmes près de l'A7 à Valence.",
         [(300, "Valence")]),
        # never the source of the figure
        ("Quarante personnes ont été interpellées à Lyon, selon la préfecture du Rhône.",
         [(40, "Lyon")]),
        # no place in the sentence: the last place named earlier in the paragraph
        ("Les affrontements ont éclaté samedi à Nantes. Douze policiers ont été blessés.",
         [(12, "Nantes")]),
        # no place in the paragraph: the story's first place, past an upper-case dateline
        ("KIEV (AFP) - La Russie a bombardé l'Ukraine dans la nuit.\n"
         "Trois civils ont été tués.", [(3, "Ukraine")]),
    ],
)
def test_figure_links_place(extract, text, expected):
    assert _places(extract(text)) == expected


def _parts(record):
    ids = {f.id: f.value for f in record.figures}
    return [(f.kind, f.value, ids.get(f.part_of)) for f in record.figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "dont" and a number with no noun of its own: the whole's people
        ("Les heurts ont fait 30 blessés, dont 4 côté policiers.",
         [("wounded", 30, None), ("wounded", 4, 30)]),
        ("Le séisme a fait 9 000 morts, dont un millier à Izmir.",
         [("killed", 9000, None), ("killed", 1000, 9000)]),
        # a heading names the whole: "Parmi les hommes, ..."
        ("Au total, 40 hommes et 12 femmes ont été interpellés. Parmi les hommes, 25 ont été "
         "placés en garde à vue.",
         [("arrested", 40, None), ("arrested", 12, None), ("arrested", 25, 40)]),
        # a breakdown that adds up to the figure before it
        ("La police a interpellé 50 personnes. Au total, 42 majeurs et 8 mineurs ont été "
         "interpellés.",
         [("arrested", 50, None), ("arrested", 42, 50), ("arrested", 8, 50)]),
        # a breakdown that does not add up is no part
        ("La police a interpellé 50 personnes. Au total, 30 majeurs et 8 mineurs ont été "
         "interpellés.",
         [("arrested", 50, None), ("arrested", 30, None), ("arrested", 8, None)]),
        # "dont" and a number counting something else
        ("L'attaque a fait 12 morts, dont 3 hélicoptères détruits.", [("killed", 12, None)]),
    ],
)
def test_figure_links_part_of(extract, text, expected):
    assert _parts(extract(text)) == expected
