"""Score counters: precision/recall/F1 for finding items, accuracy for their attributes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PRFScore:
    """True positives, false positives and false negatives (after spaCy's scorer.PRFScore)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRFScore) -> PRFScore:
        return PRFScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def score_set(self, cand: set, gold: set) -> None:
        """Count a candidate set against a gold set."""
        self.tp += len(cand & gold)
        self.fp += len(cand - gold)
        self.fn += len(gold - cand)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def fscore(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4),
                "f": round(self.fscore, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    """Right answers over the items where the gold gives the attribute."""

    right: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.right + other.right, self.total + other.total)

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def to_dict(self) -> dict:
        value = self.value
        return {"acc": None if value is None else round(value, 4), "right": self.right,
                "total": self.total}
