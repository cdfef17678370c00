"""Matching rules of the evaluation ("What counts as right" in docs/output-format.md)."""

from __future__ import annotations

import re

from vigie.french.normalize import fold

_ARTICLES = re.compile(r"^(?:le |la |les |l'|d'|de |des |du |un |une )+")
_WORD = re.compile(r"\w+")
# A place is located right within this distance of the gold point (the contract's rule).
LOCATED_KM = 25.0
# A predicted quote is the gold quote when it shares more than this share of the gold's words.
QUOTE_OVERLAP = 0.5


def norm_name(name: str) -> str:
    """Folded name without leading articles and elisions."""
    return _ARTICLES.sub("", fold(name)).strip()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def name_matches(candidates: list[str], gold: list[str]) -> bool:
    """Some candidate name equals, contains or is contained in some gold alternative (whole words),
    or shares the surname (last word) with a multi-word gold name."""
    return name_score(candidates, gold) > 0


def name_score(candidates: list[str], gold: list[str]) -> float:
    """How well the candidates name the gold: 3 the same name, 2 one within the other, 1 the
    same last word, 0 none. Pairing takes the best, so that "Unité pour la Paix en
    Centrafrique" pairs with its own record, not with another body "... en Centrafrique"."""
    best = 0.0
    for cand in filter(None, map(norm_name, candidates)):
        for alt in filter(None, map(norm_name, gold)):
            if cand == alt:
                return 3.0
            if _contains(cand, alt) or _contains(alt, cand):
                best = max(best, 2.0)
            elif " " in alt and cand.split()[-1] == alt.split()[-1] and len(cand.split()[-1]) > 2:
                best = max(best, 1.0)
    return best


def _contains(long: str, short: str) -> bool:
    return f" {short} " in f" {long} "


def actor_matches(actor: dict | None, gold: list[str]) -> bool:
    """An actor (record dict) matches gold alternatives by name, mention, country or sector code."""
    if actor is None:
        return False
    codes = {a for a in gold if a.isupper() and len(a) == 3}
    if codes & {actor.get("country"), actor.get("sector")}:
        return True
    return name_matches([actor["name"], *actor.get("_mentions", [])], gold)


def word_overlap(pred: str, gold: str) -> float:
    """Share of the gold text's words that the predicted text also has."""
    gold_words = words(gold)
    if not gold_words:
        return 0.0
    pool = words(pred)
    hits = 0
    for word in gold_words:
        if word in pool:
            pool.remove(word)
            hits += 1
    return hits / len(gold_words)
