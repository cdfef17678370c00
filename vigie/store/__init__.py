"""The store: ingest many articles, merge their events into stories, query and export."""

from vigie.store.ingest import Summary, ingest
from vigie.store.query import Filters, query
from vigie.store.store import Store

__all__ = ["Filters", "Store", "Summary", "ingest", "query"]
