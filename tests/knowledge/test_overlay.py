"""User overlays: the merge rule, `lexicons:` and `places:` sections and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigie.errors import KnowledgeError
from vigie.knowledge import load_kb, overlay
from vigie.knowledge.gazetteer import MAIN, Candidate, gazetteer


@pytest.mark.parametrize(("base", "extra", "merged"), [
    ({"a": 1}, {"b": 2}, {"a": 1, "b": 2}),
    ({"a": 1}, {"a": 2}, {"a": 2}),
    ({"a": [1, 2]}, {"a": [2, 3, 1, 4]}, {"a": [1, 2, 3, 4]}),
    ({"a": {"b": [1], "c": 1}}, {"a": {"b": [2], "d": 3}}, {"a": {"b": [1, 2], "c": 1, "d": 3}}),
    ({"a": [{"w": [1]}]}, {"a": [{"w": [1]}, {"w": [2]}]}, {"a": [{"w": [1]}, {"w": [2]}]}),
    ({"a": [[3, 20]]}, {"a": [[3, 20], [6, 21]]}, {"a": [[3, 20], [6, 21]]}),
    ({"a": None}, {"a": "x"}, {"a": "x"}),
])
def test_overlay_merge_rule(base, extra, merged):
    assert overlay.merge(base, extra) == merged


def test_overlay_merge_leaves_its_inputs_unchanged():
    base, extra = {"a": {"b": [1]}}, {"a": {"b": [2], "c": 1}}
    overlay.merge(base, extra)
    assert (base, extra) == ({"a": {"b": [1]}}, {"a": {"b": [2], "c": 1}})


def test_overlay_packaged_path_does_no_work():
    data = {"kinds": {}}
    assert overlay.apply("figures", data, ()) is data


def test_overlay_apply_merges_files_in_order(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("lexicons:\n  times:\n    holidays:\n      fête du lac: [6, 30]\n",
                     encoding="utf-8")
    second.write_text("lexicons:\n  times:\n    holidays: {fête du lac: [7, 1]}\n"
                      "    units: {lune: month}\n", encoding="utf-8")
    data = overlay.apply("times", overlay.packaged("times"), (str(first), str(second)))
    assert data["holidays"]["fête du lac"] == [6, 30, 7, 1]
    assert data["holidays"]["noël"] == [12, 25]
    assert data["units"]["lune"] == "month"
    assert "lune" not in overlay.packaged("times")["units"]


def test_overlay_place_found_with_its_coordinates(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("places:\n  - {name: Kalehe, country: COD, lat: -2.1, lon: 28.9,\n"
                    "     population: 12000, aliases: [Kaléhé]}\n", encoding="utf-8")
    kb = load_kb((str(path),))
    view = gazetteer().overlay(kb.countries.values(), kb.places)
    found = Candidate("Kalehe", "COD", -2.1, 28.9, None, "city", 12000, MAIN)
    assert view.lookup("Kaléhé") == [found]
    assert view.lookup("KALEHE") == [found]
    assert view.has("Kalehe")
    assert not gazetteer().has("Kalehe")


LEXICON_ERRORS = [
    ("lexicons:\n  trigers: {}\n", 2,
     "unknown lexicon 'trigers' (known: actors, arguments, cues, figures, times, triggers)"),
    ("lexicons: [triggers]\n", 1, "'lexicons' must be a mapping of lexicon names"),
    ("lexicons:\n  cues:\n    verbes: []\n", 3,
     "unknown key 'verbes' in lexicon 'cues' (known: anaphors, attributions, continuations,"),
    ("lexicons:\n  figures:\n    kinds: [killed]\n", 3,
     "figures.kinds must be a mapping as in the packaged figures lexicon, got a list"),
    ("lexicons:\n  times:\n    holidays:\n      noël: 25\n", 4,
     "times.holidays.noël must be a list as in the packaged times lexicon, got a number"),
    ("lexicons:\n  triggers:\n    triggers:\n      - {type: ASSAULT, wordz: [x]}\n", 4,
     "unknown field 'wordz' in triggers.triggers[0] (known: context, evaluation, excludes,"),
    ("lexicons:\n  triggers:\n    triggers:\n      - {words: [saboter]}\n", 4,
     "triggers.triggers[0] needs 'type'"),
    ("lexicons:\n  cues:\n    verbs:\n      - {lemma: [murmurer]}\n", 4,
     "cues.verbs[0].lemma must be a text as in the packaged cues lexicon, got a list"),
]
PLACE_ERRORS = [
    ("places:\n  - {name: Kalehe, country: XYZ, lat: 1, lon: 2}\n", 2,
     "bad ISO alpha-3 country code 'XYZ' in place 'Kalehe'"),
    ("places:\n  - {name: Kalehe, lat: 1, lon: 2}\n", 2,
     "place 'Kalehe' needs a 'country' (ISO alpha-3 code)"),
    ("places:\n  - name: Kalehe\n    country: COD\n    lat: 95\n    lon: 2\n", 4,
     "place 'Kalehe' needs a number from -90 to 90 for 'lat', got '95'"),
    ("places:\n  - {name: Kalehe, country: COD, lat: 1, lon: est}\n", 2,
     "place 'Kalehe' needs a number from -180 to 180 for 'lon', got 'est'"),
    ("places:\n  - {name: Kalehe, country: COD, lat: 1, lon: 2, level: town}\n", 2,
     "bad level 'town' in place 'Kalehe' (known: city, region)"),
    ("places:\n  - {name: Kalehe, country: COD, lat: 1, lon: 2, kind: town}\n", 2,
     "unknown field 'kind' in a place (known: aliases, country, lat, level, lon, name, "
     "population)"),
]


@pytest.mark.parametrize(("body", "line", "what"), LEXICON_ERRORS + PLACE_ERRORS)
def test_overlay_errors_name_file_and_line(tmp_path, body, line, what):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_kb((str(path),))
    assert f"[V020] {path}: line {line}: {what}" in str(err.value)


def test_overlay_docs_example_file_is_valid(tmp_path):
    docs = (Path(__file__).resolve().parents[2] / "docs" / "knowledge.md").read_text("utf-8")
    example = docs.split("# mine.yaml: one file for every table\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "mine.yaml"
    path.write_text(example, encoding="utf-8")
    kb = load_kb((str(path),))
    assert [(p.name, p.country, p.lat, p.lon) for p in kb.places] == [("Kalehe", "COD", -2.1, 28.9)]
    assert kb.get("ngo-paix-kivu").sector == "NGO"
    assert sorted(overlay.user_lexicons((str(path),))) == sorted(overlay.NAMES)
