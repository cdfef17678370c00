"""Figures stage: the place and the whole (part_of) a figure is linked to, on short French passages."""

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
