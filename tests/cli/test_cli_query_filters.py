"""vigie query as a newcomer types it: dates, countries, places, actors, claimants (issue 22)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from vigie.cli import app
from vigie.record import DocumentRecord
from vigie.store import Store

pytestmark = pytest.mark.issue(22)
runner = CliRunner()
ALEPPO = {"id": "p1", "name": "Alep", "canonical": "Aleppo", "country": "SYR", "lat": 36.2012,
          "lon": 37.1612, "level": "city"}
KYIV = {"id": "p1", "name": "KIEV", "canonical": "Kyiv", "country": "UKR", "lat": 50.4547,
        "lon": 30.5238, "level": "city"}
OSDH = {"id": "a2", "name": "Observatoire syrien des droits de l'Homme", "kind": "organization",
        "kb_id": "osdh"}
ZELENSKY = {"id": "a1", "name": "Volodymyr Zelensky", "kind": "person", "country": "UKR"}
RUSSIA = {"id": "a1", "name": "Russie", "kind": "state", "country": "RUS"}


def _record(doc_id: str, published: str, place: dict, actors: list[dict], *, type="ASSAULT",
            killed: int | None = None) -> DocumentRecord:
    text = f"{actors[0]['name']} : une frappe à {place['name']} a fait {killed or 'des'} morts."
    figures = [] if killed is None else [{
        "id": "f1", "kind": "killed", "value": killed, "start": text.index(str(killed)),
        "end": text.index(str(killed)) + len(str(killed)), "source": actors[-1]["id"]}]
    event = {"id": "e1", "type": type, "source": "a1", "place": "p1", "trigger": "frappe",
             "figures": [f["id"] for f in figures], "start": 0, "end": len(text)}
    return DocumentRecord(doc_id=doc_id, published=published, text=text, actors=actors,
                          places=[place], figures=figures, events=[event])


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('query') / 'q.db'}"
    with Store(url) as store:
        store.add_records([
            _record("alep", "2016-02-04", ALEPPO, [RUSSIA, OSDH], killed=12),
            _record("kiev", "2022-10-10", KYIV, [ZELENSKY], type="ACCUSE"),
            _record("kiev-2", "2018-12-01", KYIV, [RUSSIA]),
        ])
    return url


def _docs(db: str, *args: str) -> list[str]:
    result = runner.invoke(app, ["query", "--db", db, "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["date"] for line in result.stdout.splitlines()]


@pytest.mark.parametrize("value", ["last week", "2018-13-45", "31/02/2016", "hier"])
@pytest.mark.parametrize("option", ["--since", "--until"])
def test_cli_query_bad_dates_are_usage_errors(db, option, value):
    result = runner.invoke(app, ["query", "--db", db, option, value])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert f"{option}" in line and "[V015]" in line


@pytest.mark.parametrize("args, dates", [
    (["--since", "01/12/2018"], ["2022-10-10", "2018-12-01"]),  # jj/mm/aaaa: 1 December
    (["--until", "01/12/2018"], ["2018-12-01", "2016-02-04"]),
    (["--since", "2018", "--until", "2018"], ["2018-12-01"]),  # the whole year
    (["--until", "2016-02"], ["2016-02-04"]),  # the whole month
])
def test_cli_query_dates_iso_and_french(db, args, dates):
    assert _docs(db, *args) == dates


@pytest.mark.parametrize("country", ["SYR", "SY", "sy", "Syrie", "syria", "République arabe "
                                     "syrienne"])
def test_cli_query_country_by_code_or_name(db, country):
    assert _docs(db, "--country", country) == ["2016-02-04"]


def test_cli_query_unknown_country_says_what_is_expected(db):
    result = runner.invoke(app, ["query", "--db", db, "--country", "Syldavie"])
    assert result.exit_code == 2 and "ISO code" in result.stderr


@pytest.mark.parametrize("place, dates", [
    ("Alep", ["2016-02-04"]),  # as the article wrote it; the store keeps « Aleppo »
    ("ALEP", ["2016-02-04"]),
    ("Aleppo", ["2016-02-04"]),
    ("Kiev", ["2022-10-10", "2018-12-01"]),
    ("Kyiv", ["2022-10-10", "2018-12-01"]),
])
def test_cli_query_place_as_written_or_canonical(db, place, dates):
    assert _docs(db, "--place", place, "--radius", "50") == dates
    assert _docs(db, "--place", place) == dates


def test_cli_query_place_nowhere_is_a_usage_error(db):
    result = runner.invoke(app, ["query", "--db", db, "--place", "Xqzzyville", "--radius", "5"])
    assert result.exit_code == 2 and "--near" in result.stderr


@pytest.mark.parametrize("args, dates", [
    (["--actor", "Zelensky"], ["2022-10-10"]),  # an alias in the knowledge base
    (["--actor", "ZELENSKI"], ["2022-10-10"]),
    (["--actor", "volodymyr zelensky"], ["2022-10-10"]),
    (["--claimant", "OSDH"], ["2016-02-04"]),
    (["--claimant", "SOHR"], ["2016-02-04"]),
    (["--claimant", "observatoire syrien des droits de l'homme"], ["2016-02-04"]),
])
def test_cli_query_actor_and_claimant_by_any_name(db, args, dates):
    assert _docs(db, *args) == dates


def test_cli_query_limit_says_what_it_leaves_out(db):
    result = runner.invoke(app, ["query", "--db", db, "--limit", "2"])
    assert result.exit_code == 0
    assert "Story events (2 of 3)" in result.stdout
    assert "showing 2 of 3 story events (--limit 2)" in result.stderr
    full = runner.invoke(app, ["query", "--db", db, "--limit", "3"])
    assert "showing" not in full.stderr and "Story events (3)" in full.stdout
