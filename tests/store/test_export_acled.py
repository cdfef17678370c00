"""ACLED-style CSV: ACLED's columns and codebook, checked on short reports written for the test."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from vigie.record import DocumentRecord
from vigie.store.export import ACLED_COLUMNS, export_to
from vigie.store.export.acled import acled_rows, event_date, sub_event_type
from vigie.store.export.acled_actors import interaction, state_name
from vigie.store.export.tables import acled_tables


def rows(store) -> list[dict]:
    return list(csv.DictReader(io.StringIO(export_to(store, "acled", None).text)))


def test_export_acled_columns_and_first_row(store, report_record):
    target = ("civils", "population", "SYR")
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH", target=target))
    store.add_record(report_record("r2", "2024-03-03", killed=14, claimant="Casques blancs"))
    store.add_record(report_record("r3", "2024-03-09", type="CONSULT", mode=None, place="Goma"))
    done = export_to(store, "acled", None)
    (row,) = list(csv.DictReader(io.StringIO(done.text)))
    assert list(row) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert {k: row[k] for k in ACLED_COLUMNS[:15]} == {
        "event_id_cnty": "SYR1", "event_date": "2024-03-02", "year": "2024",
        "time_precision": "2", "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Russia (2000-)", "assoc_actor_1": "", "inter1": "8",
        "actor2": "Civilians (Syria)", "assoc_actor_2": "", "inter2": "7", "interaction": "78",
        "civilian_targeting": "Civilian targeting"}
    assert {k: row[k] for k in ACLED_COLUMNS[15:30]} == {
        "iso": "760", "region": "Middle East", "country": "Syria", "admin1": "", "admin2": "",
        "admin3": "", "location": "Idleb", "latitude": "35.93", "longitude": "36.63",
        "geo_precision": "1", "source": "r1; r2", "source_scale": "",
        "notes": "Selon OSDH, une frappe a visé Idleb hier, faisant 9 morts. (r1)",
        "fatalities": "9", "tags": ""}
    assert done.lines() == ["wrote 1 ACLED rows to standard output",
                            "left out 1 of 2 story events: 1 verbal"]


def test_export_acled_types_are_the_codebooks():
    table = acled_tables()["sub_event_types"]
    assert len(table) == 25 and len({t for t, _ in table.values()}) == 6
    mapped = {sub for rule in acled_tables()["plover"].values()
              for sub in [rule.get("default"), *(rule.get("modes") or {}).values()] if sub}
    assert mapped <= set(table)
    assert [sub_event_type("ASSAULT", m) for m in ("heavy-weapons", "abduct", None)] == [
        "Shelling/artillery/missile attack", "Abduction/forced disappearance", "Armed clash"]
    assert (sub_event_type("RETREAT", "resign"), sub_event_type("ACCUSE", None)) == (None, None)


@pytest.mark.parametrize("iso3, sector, day, name", [
    ("MLI", "MIL", "2023-05-01", "Military Forces of Mali (2021-)"),
    ("SYR", "GOV", "2016-02-11", "Government of Syria (2000-2024)"),
    ("USA", "MIL", "2019-06-01", "Military Forces of the United States (2017-2021)"),
    ("COD", "COP", "2024-03-14", "Police Forces of the Democratic Republic of Congo (2019-)"),
    ("GAB", "MIL", "2023-08-31", "Military Forces of Gabon"),
])
def test_export_acled_state_forces_names(iso3, sector, day, name):
    assert state_name(iso3, sector, dt.date.fromisoformat(day)) == name


def test_export_acled_codes_and_dates():
    assert [interaction(1, None), interaction(7, 3), interaction(2, 2)] == [10, 37, 22]
    march = (dt.date(2015, 3, 1), dt.date(2015, 3, 31))
    assert event_date(march, "month") == (dt.date(2015, 3, 16), 3)
    assert event_date((dt.date(2024, 7, 29), dt.date(2024, 7, 30)), "day") == (
        dt.date(2024, 7, 29), 2)
    assert event_date((dt.date(2024, 7, 29), None), "day") == (dt.date(2024, 7, 29), 1)


def _protest(doc_id: str, mode: str | None) -> DocumentRecord:
    text = f"La police a dispersé les gilets jaunes à Paris samedi. Puis des heurts ({doc_id})."
    return DocumentRecord(
        doc_id=doc_id, published="2019-01-27", text=text,
        actors=[{"id": "a1", "name": "police", "kind": "organization", "country": "FRA",
                 "sector": "COP"},
                {"id": "a2", "name": "gilets jaunes", "kind": "group", "country": "FRA"}],
        places=[{"id": "p1", "name": "Paris", "country": "FRA", "lat": 48.85, "lon": 2.35,
                 "geonameid": 2988507, "level": "city"}],
        times=[{"id": "t1", "text": "samedi", "start": 47, "end": 53, "value": "2019-01-26",
                "precision": "day"}],
        events=[{"id": "e1", "type": "ASSAULT" if mode else "PROTEST", "mode": mode or "riot",
                 "source": "a1" if mode else "a2", "target": "a2" if mode else None,
                 "place": "p1", "time": "t1", "trigger": "dispersé", "start": 0, "end": 54}])


def test_export_acled_crowd_is_actor1(store):
    store.add_record(_protest("p1", "crowd-control"))
    store.add_record(_protest("p2", None))
    control, riot = rows(store)
    assert [control[k] for k in ("sub_event_type", "actor1", "inter1", "actor2", "inter2",
                                 "interaction", "admin1", "time_precision")] == [
        "Protest with intervention", "Protesters (France)", "6",
        "Police Forces of France (2017-)", "1", "16", "Île-de-France", "1"]
    assert [riot[k] for k in ("disorder_type", "event_type", "actor1", "actor2", "inter2")] == [
        "Demonstrations", "Riots", "Rioters (France)", "", ""]


def test_export_acled_rows_report_what_they_leave_out(store, report_record):
    store.add_record(report_record("a", "2024-03-02", type="REJECT", mode=None))
    store.add_record(report_record("b", "2024-03-02", type="RETREAT", mode="resign"))
    store.add_record(report_record("c", "2024-03-02", type="ASSAULT", place=None,
                                   source=("tireurs", "group", None)))
    from vigie.store.export.acled import AcledExport

    report = AcledExport()
    assert list(acled_rows(store, report=report)) == []
    assert report.left_out == {"verbal": 1, "not an ACLED event type": 1, "no country": 1}
