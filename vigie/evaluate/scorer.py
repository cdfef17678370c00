"""Score a document record against its gold record, component by component."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from vigie.evaluate.gold import alternatives
from vigie.evaluate.match import (
    LOCATED_KM,
    QUOTE_OVERLAP,
    actor_matches,
    name_matches,
    name_score,
    word_overlap,
)
from vigie.evaluate.scores import Accuracy, PRFScore
from vigie.geo import distance_km
from vigie.knowledge import load_kb
from vigie.record import DocumentRecord

COMPONENTS = ("actors", "quotes", "figures", "places", "times", "events_typed", "events_args")


@dataclass
class Report:
    """Scores summed over documents, and the errors behind them."""

    prf: dict[str, PRFScore] = field(default_factory=lambda: {c: PRFScore() for c in COMPONENTS})
    attrs: dict[str, dict[str, Accuracy]] = field(default_factory=dict)
    published: Accuracy = field(default_factory=Accuracy)
    errors: list[dict] = field(default_factory=list)
    docs: int = 0
    # The records' warnings (a stage failed on the document), each with its doc id.
    warnings: list[dict] = field(default_factory=list)

    def __add__(self, other: Report) -> Report:
        out = Report(docs=self.docs + other.docs, published=self.published + other.published,
                     errors=self.errors + other.errors, warnings=self.warnings + other.warnings)
        out.prf = {c: self.prf[c] + other.prf[c] for c in COMPONENTS}
        for source in (self.attrs, other.attrs):
            for comp, accs in source.items():
                for name, acc in accs.items():
                    slot = out.attrs.setdefault(comp, {})
                    slot[name] = slot.get(name, Accuracy()) + acc
        return out

    def acc(self, comp: str, name: str) -> Accuracy:
        return self.attrs.setdefault(comp, {}).setdefault(name, Accuracy())

    def to_dict(self) -> dict:
        return {
            "docs": self.docs,
            "components": {c: self.prf[c].to_dict() for c in COMPONENTS},
            "attributes": {c: {n: a.to_dict() for n, a in accs.items()}
                           for c, accs in self.attrs.items()},
            "published": self.published.to_dict(),
            "warnings": len(self.warnings),
            "warned_docs": len({w["doc"] for w in self.warnings}),
        }


class _Doc:
    """The predicted record as plain dicts, with actor/place/figure lookups by id."""

    def __init__(self, record: DocumentRecord):
        data = record.model_dump(mode="json")
        text = data["text"]
        for actor in data["actors"]:
            actor["_mentions"] = sorted({text[s:e] for s, e in actor["mentions"]})
        self.data = data
        self.by_id = {item["id"]: item for comp in ("actors", "places", "times", "figures")
                      for item in data[comp]}

    def get(self, ident: str | None) -> dict | None:
        return self.by_id.get(ident) if ident else None


def score_record(record: DocumentRecord, gold: dict) -> Report:
    """Score one record against its gold record."""
    report, doc = Report(docs=1), _Doc(record)
    doc_id = record.doc_id
    report.warnings = [{"doc": doc_id, **w.model_dump()} for w in record.warnings]
    _score_actors(report, doc, gold.get("actors") or [], doc_id)
    _score_quotes(report, doc, gold.get("quotes") or [], doc_id)
    _score_figures(report, doc, gold.get("figures") or [], doc_id)
    _score_places(report, doc, gold.get("places") or [], doc_id)
    _score_times(report, doc, gold.get("times") or [], doc_id)
    _score_events(report, doc, gold.get("events") or [], doc_id)
    _score_published(report, record, gold)
    return report


def _pair(report: Report, comp: str, preds: list[dict], golds: list[dict],
          found: Callable[[dict, dict], float], doc_id: str, show: Callable[[dict], str],
          *, in_order: bool = False):
    """Greedy one-to-one matching; each gold item takes the best unmatched prediction.

    Among equally good predictions the last one wins, unless `in_order` (gold items listed in
    text order, as times are): then the first, so that the gold's first "mardi" pairs with the
    record's first "mardi", not its last.
    """
    free, pairs = list(range(len(preds))), []
    rank = (lambda i: -i) if in_order else (lambda i: i)
    for gold in golds:
        scored = [(found(preds[i], gold), rank(i), i) for i in free]
        best = max(scored, default=(0.0, 0, None))[::2]
        if best[0] > 0:
            free.remove(best[1])
            pairs.append((preds[best[1]], gold))
        else:
            report.errors.append({"doc": doc_id, "component": comp, "error": "miss",
                                  "gold": show(gold)})
    for i in free:
        report.errors.append({"doc": doc_id, "component": comp, "error": "false alarm",
                              "pred": show(preds[i])})
    report.prf[comp] += PRFScore(tp=len(pairs), fp=len(free), fn=len(golds) - len(pairs))
    return pairs


def _check(report: Report, comp: str, name: str, ok: bool, doc_id: str, gold, pred) -> None:
    report.acc(comp, name).add(ok)
    if not ok:
        report.errors.append({"doc": doc_id, "component": comp, "error": f"wrong {name}",
                              "gold": gold, "pred": pred})


def _score_actors(report, doc, golds, doc_id):
    def found(pred, gold):
        return name_score([pred["name"], *pred["_mentions"]], [gold["name"]])

    for pred, gold in _pair(report, "actors", doc.data["actors"], golds, found, doc_id,
                            lambda a: a["name"]):
        for attr in ("country", "sector", "kind"):
            if attr in gold:
                _check(report, "actors", attr, pred.get(attr) == gold[attr], doc_id,
                       f"{gold['name']}: {gold[attr]}", pred.get(attr))


def _score_quotes(report, doc, golds, doc_id):
    def found(pred, gold):
        overlap = word_overlap(pred["text"], gold["text"])
        return overlap if overlap > QUOTE_OVERLAP else 0.0

    for pred, gold in _pair(report, "quotes", doc.data["quotes"], golds, found, doc_id,
                            lambda q: q["text"][:90]):
        speakers = alternatives(gold.get("speaker"))
        if speakers:
            speaker = doc.get(pred["speaker"])
            _check(report, "quotes", "speaker", actor_matches(speaker, speakers), doc_id,
                   speakers, speaker and speaker["name"])
        if "direct" in gold:
            _check(report, "quotes", "direct", pred["direct"] == gold["direct"], doc_id,
                   gold["direct"], pred["direct"])


def _same_number(a, b) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) < 1e-6


def _source_matches(actor: dict | None, gold: list[str]) -> bool:
    """The contract: the source's name or country matches the gold source."""
    if actor_matches(actor, gold):
        return True
    kb = load_kb()
    countries = {c.iso3 for c in map(kb.country_by_name, gold) if c}
    return actor is not None and actor.get("country") in countries


def _score_figures(report, doc, golds, doc_id):
    def found(pred, gold):
        return float(pred["kind"] == gold["kind"] and _same_number(pred["value"], gold["value"]))

    for pred, gold in _pair(report, "figures", doc.data["figures"], golds, found, doc_id,
                            lambda f: f"{f['kind']} {f['value']} {f.get('who') or ''}"):
        sources = alternatives(gold.get("source"))
        if sources:
            source = doc.get(pred["source"])
            _check(report, "figures", "source", _source_matches(source, sources), doc_id,
                   sources, source and source["name"])
        if "approximate" in gold:
            _check(report, "figures", "approximate", pred["approximate"] == gold["approximate"],
                   doc_id, gold["approximate"], pred["approximate"])
        if "part_of_value" in gold:
            whole = doc.get(pred["part_of"])
            _check(report, "figures", "part_of",
                   whole is not None and _same_number(whole["value"], gold["part_of_value"]),
                   doc_id, gold["part_of_value"], whole and whole["value"])
        if gold.get("place"):
            place = doc.get(pred["place"])
            _check(report, "figures", "place", _place_named(place, gold["place"]), doc_id,
                   gold["place"], place and place["name"])


def _place_named(place: dict | None, gold) -> bool:
    """A predicted place (record dict) whose name or canonical name matches the gold name(s)."""
    return place is not None and name_matches([place["name"], place.get("canonical") or ""],
                                              alternatives(gold))


def _score_places(report, doc, golds, doc_id):
    def found(pred, gold):
        return float(_place_named(pred, gold["name"]))

    for pred, gold in _pair(report, "places", doc.data["places"], golds, found, doc_id,
                            lambda p: str(p["name"])):
        if gold.get("lat") is not None and gold.get("level") != "country":
            ok = pred.get("lat") is not None and distance_km(
                pred["lat"], pred["lon"], gold["lat"], gold["lon"]) <= LOCATED_KM
            _check(report, "places", "located", ok, doc_id, gold["name"],
                   (pred.get("lat"), pred.get("lon")))
        if gold.get("country"):
            _check(report, "places", "country", pred.get("country") == gold["country"], doc_id,
                   f"{gold['name']}: {gold['country']}", pred.get("country"))


def _score_times(report, doc, golds, doc_id):
    def found(pred, gold):
        # Both ways ("samedi" within "samedi 1er décembre"), the exact text a little higher.
        there, back = word_overlap(pred["text"], gold["text"]), word_overlap(gold["text"],
                                                                              pred["text"])
        overlap = max(there, back)
        return overlap + min(there, back) / 100 if overlap >= 0.5 else 0.0

    for pred, gold in _pair(report, "times", doc.data["times"], golds, found, doc_id,
                            lambda t: f"{t['text']} = {t.get('value')}", in_order=True):
        ok = pred.get("value") == gold["value"]
        if gold.get("end_value"):
            ok = ok and pred.get("end_value") == gold["end_value"]
        _check(report, "times", "value", ok, doc_id, f"{gold['text']}: {gold['value']}",
               pred.get("value"))


def _args_match(doc: _Doc, pred: dict, gold: dict) -> bool:
    # A null gold source/target leaves it unspecified: any prediction is accepted.
    return all(
        gold.get(role) is None or actor_matches(doc.get(pred.get(role)), alternatives(gold[role]))
        for role in ("source", "target")
    )


def _score_events(report, doc, golds, doc_id):
    preds = doc.data["events"]

    def show(e):
        names = [(doc.get(e.get(r)) or {}).get("name") if "id" in e else e.get(r)
                 for r in ("source", "target")]
        return f"{e['type']} {names[0]} -> {names[1]} ({e.get('trigger', '')})"

    def typed(pred, gold):
        # Among events of the gold's type, the one that describes it best: same arguments
        # first, then each attribute that agrees (so that of two COERCE events, the arrest pairs
        # with the gold arrest, not with the gold seizure).
        if pred["type"] != gold["type"]:
            return 0.0
        agree = sum(_event_agrees(doc, pred, gold).values())
        return 1.0 + _args_match(doc, pred, gold) + agree / 10

    for pred, gold in _pair(report, "events_typed", preds, golds, typed, doc_id, show):
        _event_attrs(report, doc, pred, gold, doc_id)
    _pair(report, "events_args", preds, golds,
          lambda p, g: float(p["type"] == g["type"] and _args_match(doc, p, g)), doc_id, show)


def _event_value(doc, pred) -> str:
    time = doc.get(pred.get("time"))
    return pred.get("date") or (time and time.get("value")) or ""


def _event_agrees(doc, pred, gold) -> dict[str, bool]:
    """Whether each attribute the gold gives (mode, place, time) agrees with the prediction."""
    agrees = {}
    if gold.get("mode"):
        agrees["mode"] = pred.get("mode") == gold["mode"]
    if gold.get("place"):
        agrees["place"] = _place_named(doc.get(pred.get("place")), gold["place"])
    if gold.get("time"):
        agrees["time"] = _event_value(doc, pred).startswith(gold["time"])
    return agrees


def _event_attrs(report, doc, pred, gold, doc_id):
    shown = {"mode": pred.get("mode"), "time": _event_value(doc, pred) or None,
             "place": (doc.get(pred.get("place")) or {}).get("name")}
    for attr, ok in _event_agrees(doc, pred, gold).items():
        _check(report, "events_typed", attr, ok, doc_id, gold[attr], shown[attr])


def _score_published(report: Report, record: DocumentRecord, gold: dict) -> None:
    if not gold.get("published"):
        return
    tolerance = int(gold.get("published_tolerance_days") or 0)
    try:
        delta = abs((date.fromisoformat(record.published[:10]) -
                     date.fromisoformat(gold["published"][:10])).days)
    except (TypeError, ValueError):
        delta = None
    ok = delta is not None and delta <= tolerance
    report.published.add(ok)
    if not ok:
        report.errors.append({"doc": record.doc_id, "component": "published",
                              "error": "wrong value", "gold": gold["published"],
                              "pred": record.published})
