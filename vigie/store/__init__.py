"""The store: ingest many articles, merge their events into stories, query and export.

The names below load on first use (PEP 562): SQLAlchemy and Alembic cost about 0.4 s to import,
and `vigie extract` (which never touches the store) should not pay it at start-up.
"""

from __future__ import annotations

__all__ = ["Filters", "Store", "Summary", "ingest", "query"]


def __getattr__(name: str):
    if name not in __all__:
        raise AttributeError(f"module 'vigie.store' has no attribute {name!r}")
    # All at once, as an eager import would: the submodules `ingest` and `query` share their names
    # with the functions, and the functions must win.
    from vigie.store.ingest import Summary, ingest
    from vigie.store.query import Filters, query
    from vigie.store.store import Store

    globals().update(Filters=Filters, Store=Store, Summary=Summary, ingest=ingest, query=query)
    return globals()[name]
