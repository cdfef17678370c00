"""The sample article's Russian air strikes "entre les 4 et 11 février" in both formats."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from vigie.store import Store
from vigie.store.export import export_to
from vigie.store.export.plover import plover_records
from vigie.store.export.tables import DATA

pytestmark = pytest.mark.slow  # the sample articles extracted with the real model

CLAIM = "La Russie a pour sa part annoncé avoir effectué 510 sorties aériennes"


def test_export_sample_strikes_in_plover_and_acled(sample_store_url):
    with Store(sample_store_url) as store:
        records = [r for r in plover_records(store) if r["event_text"][0].startswith(CLAIM)]
        rows = [r for r in csv.DictReader(io.StringIO(export_to(store, "acled", None).text))
                if r["notes"].startswith(CLAIM)]
    (record,), (row,) = records, rows
    schema = json.loads((DATA / "plover.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(record)
    assert (record["date"], record["enddate"], record["event"], record["mode"], record["dead"]) == (
        "2016-02-04", "2016-02-11", ["ASSAULT"], ["aerial"], 2)
    assert record["actor"][0]["identifier_id"] == "Q159"
    assert {k: record["event_loc"][k] for k in ("extracted_place", "province", "country_code",
                                                "resolution", "feature_code")} == {
        "extracted_place": "province d'Alep", "province": "Alep", "country_code": "SYR",
        "resolution": 2, "feature_code": "ADM1"}
    assert [row[k] for k in ("event_date", "time_precision", "sub_event_type", "actor1",
                             "inter1", "country", "admin1", "geo_precision", "fatalities")] == [
        "2016-02-07", "2", "Air/drone strike", "Military Forces of Russia (2000-)", "8", "Syria",
        "Alep", "3", "2"]
