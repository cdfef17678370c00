"""Long and endless articles: a text past the model's limit is read section by section (offsets
into the whole text, actors and places joined); an article whose stages run past the time limit
is refused with V031, its neighbours extracted."""

from __future__ import annotations

import json
import signal
import threading
import time

import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

import vigie
from vigie import pipeline
from vigie.cli import app
from vigie.pipeline import Failed, extract_each
from vigie.record import DocumentRecord
from vigie.sections import sections

pytestmark = pytest.mark.issue(24)
runner = CliRunner()
GOOD = "Selon la police, douze civils ont été tués mardi à Alep lors d'une frappe aérienne."
# A word that makes the `endless_nlp` pipeline loop forever, and one that makes it slow.
ENDLESS, SLOW = "SANSFIN", "LENTEMENT"
# Seconds a test may run before its child is killed (an endless article used to hang vigie).
BUDGET = 60
REPORT = ("Selon l'ONU, 40 civils ont été tués jeudi à Homs lors d'un bombardement de l'armée "
          "syrienne.\n\nLe ministre turc des Affaires étrangères a condamné l'attaque à Ankara.\n\n"
          "L'ONU a demandé une enquête. Selon l'OSDH, 12 rebelles ont été tués vendredi à Alep "
          "par l'armée syrienne.\n\n« Nous ne céderons pas », a déclaré le porte-parole des "
          "rebelles à Alep.")


@pytest.fixture(scope="module")
def endless_nlp():
    """A blank French pipeline whose one stage never ends on ENDLESS, and sleeps on SLOW."""
    if "test_endless" not in Language.factories:
        @Language.component("test_endless")
        def endless(doc):
            while ENDLESS in doc.text:
                pass
            if SLOW in doc.text:
                time.sleep(0.5)
            return doc

    nlp = spacy.blank("fr")
    nlp.add_pipe("test_endless")
    return nlp


def _shown(results) -> list:
    return [r.doc_id if isinstance(r, DocumentRecord) else (r.source, r.reason) for r in results]


def test_reliability_sections_cut_after_a_paragraph():
    text = "a" * 60 + "\n\n" + "b" * 30 + ". " + "c" * 50 + "\n" + "d" * 40
    spans = sections(text, 100)
    assert spans == [(0, 62), (62, 145), (145, 185)]
    assert "".join(text[a:b] for a, b in spans) == text
    assert sections("x" * 250, 100) == [(0, 100), (100, 200), (200, 250)]  # no space: cut
    assert sections("court", 100) == [(0, 5)]


def test_reliability_long_article_is_read_section_by_section(nlp, monkeypatch):
    args = {"title": "Syrie : des frappes", "published": "2016-02-12", "doc_id": "s", "nlp": nlp}
    whole = vigie.extract(REPORT, **args)
    monkeypatch.setattr(pipeline, "SECTION_CHARS", 260)
    assert sections(REPORT, 260) == [(0, 167), (167, 346)]
    record = vigie.extract(REPORT, **args)
    assert record.text == REPORT
    onu, alep = REPORT.index("ONU", 100), REPORT.index("Alep")
    # The ONU of both sections is one actor, Alep of both one place, with each mention.
    assert (record.actors[0].name, record.actors[0].mentions) == (
        "Organisation des Nations unies", [(8, 11), (onu, onu + 3)])
    assert [(p.name, p.mentions) for p in record.places] == [
        ("Homs", [(44, 48)]), ("Ankara", [(158, 164)]),
        ("Alep", [(alep, alep + 4), (REPORT.rindex("Alep"), REPORT.rindex("Alep") + 4)])]
    # The second section's facts: offsets in the whole text, references to the joined ids.
    twelve = REPORT.index("12")
    figure = record.figures[1]
    assert (figure.id, figure.value, figure.start, figure.end) == ("f2", 12, twelve, twelve + 2)
    assert (record.actors[5].id, record.actors[5].name) == (
        "a6", "Observatoire syrien des droits de l'Homme")
    assert (figure.source, figure.place, figure.time) == ("a6", "p3", "t2")
    quote = record.quotes[0]
    assert REPORT[quote.start:quote.end] == "Nous ne céderons pas" and quote.speaker == "a8"
    assert [(e.id, e.trigger, e.trigger_start, e.figures) for e in record.events] == [
        (e.id, e.trigger, e.trigger_start, e.figures) for e in whole.events]
    # The same facts as the whole text gives; what a stage infers from the rest of the document
    # is inferred from the rest of the section (the civilians' country, one event's place).
    for name in ("places", "times", "quotes", "figures"):
        assert getattr(record, name) == getattr(whole, name), name
    assert [(a.id, a.name, a.mentions) for a in record.actors] == [
        (a.id, a.name, a.mentions) for a in whole.actors]


def test_reliability_text_over_the_model_limit_is_extracted(fragile_nlp, tmp_path):
    text = " ".join([GOOD] * (fragile_nlp.max_length // len(GOOD) + 1))  # 1.1 MB
    [record] = extract_each([{"id": "big", "text": text}], nlp=fragile_nlp)
    assert record.text == text and record.doc_id == "big"


def _extract_cli(nlp, monkeypatch, *args):
    monkeypatch.setattr("vigie.run.load", lambda model, kb_files: nlp)
    result = runner.invoke(app, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def test_reliability_endless_article_is_refused_at_the_time_limit(endless_nlp, tmp_path,
                                                                  monkeypatch, deadline):
    for name, text in (("a", GOOD), ("b", f"{GOOD} {ENDLESS}"), ("c", GOOD)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    started = time.monotonic()
    status, out, err = deadline(BUDGET, _extract_cli, endless_nlp, monkeypatch, str(tmp_path),
                                "--time-limit", "1")
    assert time.monotonic() - started < BUDGET
    assert status == 1 and [json.loads(line)["doc_id"] for line in out.splitlines()] == ["a", "c"]
    assert err == (f"error: {tmp_path / 'b.txt'}: [V031] the extraction took over 1 s on the "
                   "article: refused (the time limit, --time-limit)\n")


def test_reliability_endless_section_names_its_characters(endless_nlp, monkeypatch, deadline):
    monkeypatch.setattr(pipeline, "SECTION_CHARS", 100)
    text = f"{GOOD}\n\n{GOOD} {ENDLESS}"
    results = deadline(BUDGET, lambda: _shown(extract_each([{"id": "x", "text": text}],
                                                           nlp=endless_nlp, time_limit=1)))
    assert results == [("x", f"[V031] the extraction took over 1 s on characters {len(GOOD) + 2}"
                             f"-{len(text)} of the article: refused (the time limit, "
                             "--time-limit)")]


def test_reliability_time_limit_in_worker_processes(endless_nlp):
    items = [{"id": "a", "text": GOOD}, {"id": "b", "text": f"{GOOD} {ENDLESS}"},
             {"id": "c", "text": GOOD}, {"id": "d", "text": GOOD}]
    found = []  # in a thread (`deadline`'s child may not fork workers): joined at the budget
    worker = threading.Thread(target=lambda: found.extend(_shown(extract_each(
        items, nlp=endless_nlp, n_process=2, batch_size=2, time_limit=1))), daemon=True)
    worker.start()
    worker.join(timeout=BUDGET)
    assert found == ["a", ("b", "[V031] the extraction took over 1 s on the article: refused "
                                "(the time limit, --time-limit)"), "c", "d"]


def test_reliability_time_limit_in_a_thread_is_checked_between_stages(endless_nlp):
    items = [{"id": "a", "text": GOOD}, {"id": "b", "text": f"{GOOD} {SLOW}"},
             {"id": "c", "text": GOOD}]
    found = []
    worker = threading.Thread(target=lambda: found.extend(
        extract_each(items, nlp=endless_nlp, time_limit=0.2)))
    worker.start()
    worker.join(timeout=BUDGET)
    assert _shown(found) == ["a", ("b", "[V031] the extraction took over 0.2 s on the article: "
                                        "refused (the time limit, --time-limit)"), "c"]


def test_reliability_time_limit_leaves_the_callers_timer(endless_nlp):
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        [record] = extract_each([GOOD], nlp=endless_nlp, time_limit=5)
        assert isinstance(record, DocumentRecord)
        assert signal.getsignal(signal.SIGALRM) is not None and not fired
        assert 25 < signal.getitimer(signal.ITIMER_REAL)[0] <= 30
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_reliability_ingest_refuses_the_endless_article(endless_nlp, tmp_path, monkeypatch,
                                                        deadline):
    monkeypatch.setattr("vigie.pipeline.load", lambda model, kb_files: endless_nlp)
    path, db = tmp_path / "in.jsonl", tmp_path / "in.db"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": text}) + "\n" for i, text in
                            enumerate([GOOD, f"{GOOD} {ENDLESS}", f"{GOOD} Encore."], 1)),
                    encoding="utf-8")

    def ingest():
        result = runner.invoke(app, ["ingest", str(path), "--db", f"sqlite:///{db}",
                                     "--time-limit", "1"])
        return result.exit_code, result.stdout, result.stderr

    status, out, err = deadline(BUDGET, ingest)
    assert status == 1 and "added 2, duplicates skipped 0, failed 1" in out
    assert f"error: {path}:2: [V031]" in err
    with vigie.store.Store(f"sqlite:///{db}") as store:
        assert store.count("documents") == 2


def test_reliability_time_limit_is_no_failure_for_good_articles(endless_nlp):
    assert _shown(extract_each([GOOD, {"id": "b", "text": GOOD}], nlp=endless_nlp,
                               time_limit=None)) == [
        "sha1-" + vigie.article.content_hash(GOOD)[:12], "b"]
    assert not isinstance(next(iter(extract_each([GOOD], nlp=endless_nlp))), Failed)
