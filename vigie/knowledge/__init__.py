"""The knowledge base: countries, organisations, groups, people, roles and user places.

Packaged tables live in `vigie/knowledge/data/`; users merge their own YAML files over them
(`vigie extract --kb FILE`). Loaded once per set of files and cached. Format: docs/knowledge.md.
"""

from vigie.knowledge.base import load_kb
from vigie.knowledge.models import Country, Entry, KnowledgeBase, Office, Place, Role

__all__ = ["Country", "Entry", "KnowledgeBase", "Office", "Place", "Role", "load_kb"]
