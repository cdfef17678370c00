"""The knowledge-base loader: the packaged tables and the user's files merged over them.

Data shape and the user-extension format are documented in docs/knowledge.md. Every lookup is
a dict lookup on folded names (case, accents, apostrophes and dashes unified), built once per
set of files by `load_kb` and cached.
"""

from __future__ import annotations

import logging
import time
from functools import lru_cache
from pathlib import Path

from vigie.knowledge import countries, overlay, typed_yaml
from vigie.knowledge.merge import merge_countries, merge_entries, merge_places, merge_roles
from vigie.knowledge.models import Country, KnowledgeBase

LOGGER = logging.getLogger(__name__)
DATA = Path(__file__).parent / "data"


def load_kb(kb_files: tuple[str, ...] = ()) -> KnowledgeBase:
    """Load the packaged tables and merge the user's files over them (cached).

    Args:
        kb_files: user YAML files, merged in order after the packaged ones.

    Returns:
        The indexed knowledge base.

    Raises:
        KnowledgeError: a file is unreadable or invalid (the message names file and line).
    """
    # One cache entry per set of files: `load_kb()` and `load_kb(())` are the same base (an
    # lru_cache on load_kb itself kept two, and the second was built while articles were read).
    return _load_kb(tuple(kb_files))


@lru_cache(maxsize=8)
def _load_kb(kb_files: tuple[str, ...]) -> KnowledgeBase:
    started = time.perf_counter()
    if kb_files:  # the `lexicons:` sections fail here, at the first stage's load, when invalid
        overlay.user_lexicons(tuple(kb_files))
    kb = KnowledgeBase()
    for iso3, names in countries.french_names().items():
        kb.countries[iso3] = Country(iso3=iso3, name=names[0], names=list(names))
    codes = frozenset(kb.countries)
    for path in [*sorted(DATA.glob("*.yaml")), *map(Path, kb_files)]:
        data, check = typed_yaml.read(path, codes)
        _merge(kb, data, check)
    kb.index()
    LOGGER.info("knowledge base: %d countries, %d entries, %d roles, %d places in %.3f s",
                len(kb.countries), len(kb.entries), len(kb.roles), len(kb.places),
                time.perf_counter() - started)
    return kb


load_kb.cache_clear = _load_kb.cache_clear  # type: ignore[attr-defined]


def _merge(kb: KnowledgeBase, data: typed_yaml.Mapped, check: typed_yaml.Checker) -> None:
    merge_countries(kb, data.get("countries"), check, data.line_of("countries"))
    merge_entries(kb, data.get("entries"), check, data.line_of("entries"))
    merge_roles(kb, data.get("roles"), check, data.line_of("roles"))
    merge_places(kb, data.get("places"), check, data.line_of("places"))
