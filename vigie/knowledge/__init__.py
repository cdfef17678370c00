"""The knowledge base: countries, organisations, groups, people and roles, loaded from data files.

Packaged tables live in `vigie/knowledge/data/`; users merge their own YAML files over them
(`vigie extract --kb FILE`). Loaded once per set of files and cached. Format: docs/knowledge.md.
"""

from vigie.knowledge.base import Country, Entry, KnowledgeBase, Office, Role, load_kb

__all__ = ["Country", "Entry", "KnowledgeBase", "Office", "Role", "load_kb"]
