"""Entity detection scored on WiNER-fr (brat annotations), for vigie and for the base model's NER.

vigie's actors and places are read as entities: persons -> Person, organisations and groups ->
Organization, states and places -> Location. WiNER annotates names, not descriptions: an actor
counts with its `named_mentions` only ("l'OSDH", not "les rebelles" nor "le ministre"), a place
with its mentions that start with a capital letter (after an article). Overlap match, by label;
"ALL" sums the three labels (micro average).
"""

from __future__ import annotations

from pathlib import Path

import spacy

from vigie.article import Article
from vigie.evaluate.scores import PRFScore
from vigie.pipeline import extract_many
from vigie.stages.actors.build import written_as_name

LABELS = ("Person", "Location", "Organization")
ALL = "ALL"  # the three labels summed
BASE_LABELS = {"PER": "Person", "LOC": "Location", "ORG": "Organization"}
ACTOR_LABELS = {"person": "Person", "organization": "Organization", "group": "Organization",
                "state": "Location"}

Spans = set[tuple[int, int, str]]


def read_brat(path: Path) -> Spans:
    """Person/Location/Organization spans of one .ann file."""
    spans = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        label, *offsets = parts[1].split(" ")
        if label in LABELS and ";" not in parts[1]:
            spans.add((int(offsets[0]), int(offsets[1]), label))
    return spans


def vigie_spans(record) -> Spans:
    spans = set()
    for actor in record.actors:
        label = ACTOR_LABELS.get(actor.kind)
        spans |= {(s, e, label) for s, e in actor.named_mentions if label}
    for place in record.places:
        spans |= {(s, e, "Location") for s, e in place.mentions
                  if written_as_name(record.text[s:e])}
    return spans


def base_spans(doc) -> Spans:
    return {(e.start_char, e.end_char, BASE_LABELS[e.label_])
            for e in doc.ents if e.label_ in BASE_LABELS}


def overlap_prf(pred: Spans, gold: Spans, label: str) -> PRFScore:
    """Overlap match: a prediction is right when it overlaps a gold span of the same label."""
    pred = {s for s in pred if s[2] == label}
    gold = {s for s in gold if s[2] == label}
    hit = lambda a, b: a[0] < b[1] and b[0] < a[1]  # noqa: E731
    tp_pred = sum(any(hit(p, g) for g in gold) for p in pred)
    tp_gold = sum(any(hit(g, p) for p in pred) for g in gold)
    return PRFScore(tp=tp_gold, fp=len(pred) - tp_pred, fn=len(gold) - tp_gold)


def score_winer(
    directory: str | Path, *, nlp, limit: int | None = None
) -> dict[str, dict[str, PRFScore]]:
    """PRF per label, and over all labels (`ALL`), for vigie and for the base model's own NER on
    WiNER's .txt/.ann pairs.

    Offsets of the annotations point into the whole file (title included), so the text is read
    whole.
    """
    files = sorted(p for p in Path(directory).rglob("*.txt")
                   if p.with_suffix(".ann").exists() and "urls" not in p.stem)[:limit]
    texts = [p.read_text(encoding="utf-8") for p in files]
    golds = [read_brat(p.with_suffix(".ann")) for p in files]
    base = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"], exclude=["parser", "lemmatizer"])
    scores = {"vigie": {lab: PRFScore() for lab in LABELS},
              "base": {lab: PRFScore() for lab in LABELS}}
    articles = [Article(text=t, id=p.stem) for p, t in zip(files, texts, strict=True)]
    records = extract_many(articles, nlp=nlp)
    for record, doc, gold in zip(records, base.pipe(texts), golds, strict=True):
        for label in LABELS:
            scores["vigie"][label] += overlap_prf(vigie_spans(record), gold, label)
            scores["base"][label] += overlap_prf(base_spans(doc), gold, label)
    for by_label in scores.values():
        by_label[ALL] = sum((by_label[label] for label in LABELS), PRFScore())
    return scores
