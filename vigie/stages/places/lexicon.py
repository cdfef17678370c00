"""The context words of the Places stage (data/gazetteer/context.yaml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

import yaml

from vigie.french.normalize import fold
from vigie.knowledge.gazetteer_build import DATA

CONTEXT = DATA / "context.yaml"
# libyaml's loader when PyYAML has it (7 times faster at start-up), else the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Words:
    """The context words of context.yaml, folded."""

    region: frozenset[str]
    city: frozenset[str]
    border: frozenset[str]
    directions: frozenset[str]
    locatives: frozenset[str]
    away: frozenset[str]
    agentive: frozenset[str]
    not_places: frozenset[str]
    facility: frozenset[str]
    quarter: frozenset[str]
    feature: frozenset[str]
    fillers: frozenset[str]
    distances: dict[str, int]
    adjective_heads: dict[str, str]  # "region" -> region, "banlieue" -> quarter
    town_adjectives: dict[str, str]  # every form, folded -> the town ("toulousaines" -> Toulouse)

    @cached_property
    def heads(self) -> frozenset[str]:
        """Every head word (region, city, facility, quarter, feature)."""
        return self.region | self.city | self.facility | self.quarter | self.feature

    def kind_of(self, k: str) -> str | None:
        """The force a head word gives the name after it ("province" -> region)."""
        for kind, vocab in (("region", self.region), ("city", self.city),
                            ("facility", self.facility), ("quarter", self.quarter),
                            ("feature", self.feature)):
            if k in vocab:
                return kind
        return None


@lru_cache(maxsize=1)
def words() -> Words:
    """The context words (loaded once)."""
    data = yaml.load(CONTEXT.read_text(encoding="utf-8"), Loader=_LOADER) or {}

    def folded(name: str) -> frozenset[str]:
        # multi-word entries keep their spaces ("pres de"); dashed words stay one token key
        return frozenset(fold(w).replace(" ", "-") if "-" in w else fold(w) for w in data[name])

    return Words(folded("region_words"), folded("city_words"), folded("border_words"),
                 folded("directions"), folded("locatives"), folded("away"),
                 folded("agentive_nouns"), frozenset(fold(n) for n in data["not_places"]),
                 folded("facility_words"), folded("quarter_words"), folded("feature_words"),
                 folded("facility_fillers"),
                 {fold(k): int(v) for k, v in data["distance_words"].items()},
                 {fold(k): v for k, v in data["adjective_heads"].items()},
                 {form: town for adj, town in data["town_adjectives"].items()
                  for form in adjective_forms(fold(adj))})


def adjective_forms(masculine: str) -> list[str]:
    """The four forms of a French adjective of a town ("toulousain": toulousaine(s)...).

    >>> adjective_forms("tourangeau")
    ['tourangeau', 'tourangelle', 'tourangeaux', 'tourangelles']
    """
    if masculine.endswith("eau"):
        return [masculine, masculine[:-3] + "elle", masculine + "x", masculine[:-3] + "elles"]
    feminine = masculine + "ne" if masculine.endswith("ien") else (
        masculine if masculine.endswith("e") else masculine + "e")
    plural = masculine if masculine.endswith(("s", "x")) else masculine + "s"
    return list(dict.fromkeys([masculine, feminine, plural, feminine + "s"]))
