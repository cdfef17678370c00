"""Wikidata identifiers of the knowledge base (PLOVER identifier_id / identifier_text)."""

from __future__ import annotations

import pytest

from vigie.errors import KnowledgeError
from vigie.knowledge import load_kb
from vigie.store.export.load import Actor
from vigie.store.export.tables import english_name, wikidata


def test_export_wikidata_packaged_pairs():
    kb = load_kb()
    assert (kb.countries["SYR"].wikidata, kb.countries["COD"].wikidata) == (
        ("Q858", "Syria"), ("Q974", "Democratic Republic of the Congo"))
    assert [kb.get(i).wikidata for i in ("onu", "otan", "cicr", "grp-hamas", "grp-ei")] == [
        ("Q1065", "United Nations"), ("Q7184", "NATO"),
        ("Q71068", "International Committee of the Red Cross"), ("Q38799", "Hamas"),
        ("Q2429253", "Islamic State of Iraq and the Levant")]
    assert kb.get("grp-m23").wikidata is None  # not set where the QID is not certain


def test_export_wikidata_of_actors():
    lavrov = Actor(1, "Sergueï Lavrov", "person", "RUS", "GOV", None, "p-sergueï-lavrov", "Lavrov")
    russia = Actor(2, "Moscou", "state", "RUS", "GOV", None, None, "Moscou")
    unknown = Actor(3, "rebelles", "group", "SYR", "REB", None, None, "rebelles")
    assert [wikidata(a) for a in (lavrov, russia, unknown)] == [
        ("Q80137", "Sergey Lavrov"), ("Q159", "Russia"), None]
    assert [english_name(a) for a in (lavrov, unknown)] == ["Sergey Lavrov", "rebelles"]


def test_export_wikidata_user_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("countries:\n  MUS: {wikidata: [Q1027, Mauritius]}\nentries:\n"
                    "  - {id: x, name: X, kind: group, wikidata: [Q42, Douglas Adams]}\n",
                    encoding="utf-8")
    kb = load_kb((str(path),))
    assert (kb.countries["MUS"].wikidata, kb.get("x").wikidata) == (
        ("Q1027", "Mauritius"), ("Q42", "Douglas Adams"))


@pytest.mark.parametrize("value", ["Q42", "[42, Douglas Adams]", "[Q42]", "[Q0, Zero]"])
def test_export_wikidata_bad_pair_names_file_and_line(tmp_path, value):
    path = tmp_path / "bad.yaml"
    path.write_text(f"entries:\n  - {{id: x, name: X, kind: group, wikidata: {value}}}\n",
                    encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_kb((str(path),))
    assert f"[V020] {path}: line 2: 'wikidata' of entry 'X' must be [QID, English label]" in str(
        err.value)
