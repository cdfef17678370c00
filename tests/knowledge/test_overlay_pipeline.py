"""One user file (`--kb`) extends every stage: a pipeline loaded with it against the default one."""

from __future__ import annotations

import pytest

import vigie

USER_FILE = """\
places:
  - {name: Kalehe, country: COD, lat: -2.1, lon: 28.9, population: 12000, aliases: [Kaléhé]}
lexicons:
  figures:
    kinds:
      kidnapped: {nouns: [otages], verbs: [kidnapper]}
  actors:
    collectives:
      - {id: collective-sahel, name: Sahéliens, kind: group, sector: GOV}
  times:
    holidays:
      fête de l'indépendance: [6, 30]
  triggers:
    triggers:
      - {type: ASSAULT, mode: destroy, words: [saboter, sabotage], prior: 0.8}
  cues:
    verbs:
      - {lemma: murmurer}
"""


@pytest.fixture(scope="module")
def mine(tmp_path_factory):
    """extract(text) with a pipeline that loaded USER_FILE."""
    path = tmp_path_factory.mktemp("kb") / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    nlp = vigie.load(kb_files=[path])
    return lambda text: vigie.extract(text, published="2024-05-02", nlp=nlp)


def test_overlay_pipeline_figure_kind(mine, extract):
    text = "Les ravisseurs détiennent encore douze otages."
    assert [(f.kind, f.value, f.start, f.end) for f in mine(text).figures] == [
        ("kidnapped", 12, 33, 38)]
    assert [f.kind for f in extract(text).figures] == ["other"]


def test_overlay_pipeline_place_with_its_coordinates(mine, extract):
    text = "Des combats ont éclaté à Kaléhé."
    (place,) = mine(text).places
    assert (place.name, place.canonical, place.country, place.lat, place.lon, place.level) == (
        "Kaléhé", "Kalehe", "COD", -2.1, 28.9, "city")
    assert place.mentions == [(25, 31)]
    assert [p.canonical for p in extract(text).places] == [None]


def test_overlay_pipeline_collective_actor(mine, extract):
    text = "Les Sahéliens ont condamné l'attaque."
    assert [(a.name, a.kb_id, a.kind, a.sector) for a in mine(text).actors] == [
        ("Sahéliens", "collective-sahel", "group", "GOV")]
    assert extract(text).actors == []


def test_overlay_pipeline_holiday(mine, extract):
    text = "Le défilé a eu lieu pour la fête de l'indépendance."
    assert [(t.text, t.start, t.end, t.value, t.precision) for t in mine(text).times] == [
        ("fête de l'indépendance", 28, 50, "2023-06-30", "day")]
    assert extract(text).times == []
    # the packaged pipeline, run after, still has the packaged words only
    assert [t.value for t in extract("Le défilé aura lieu à Noël.").times] == ["2016-12-25"]


def test_overlay_pipeline_trigger_verb(mine, extract):
    text = "Des rebelles ont saboté le pont mardi."
    record = mine(text)
    assert [(e.type, e.mode, e.trigger, e.trigger_start, e.trigger_end, e.source, e.time)
            for e in record.events] == [("ASSAULT", "destroy", "saboté", 17, 23, "a1", "t1")]
    assert [(a.id, a.name) for a in record.actors] == [("a1", "rebelles")]
    assert extract(text).events == []


def test_overlay_pipeline_cue_verb(mine, extract):
    text = "Le ministre Paul Mbala a murmuré que l'armée se retirerait."
    record = mine(text)
    assert [(q.text, q.start, q.end, q.cue, q.cue_start, q.cue_end, q.speaker, q.direct)
            for q in record.quotes] == [
        ("l'armée se retirerait", 37, 58, "a murmuré", 23, 32, "a1", False)]
    assert record.actors[0].name == "Paul Mbala"
    assert extract(text).quotes == []
