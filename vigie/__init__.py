"""vigie: French news articles to structured, sourced event data.

The names below load on first use (PEP 562): the pipeline imports spaCy and every stage (about
3 s), which `vigie --version`, `vigie query` and the other store commands never need.
"""

import importlib
import importlib.util
import logging

__version__ = "0.1.0"
__all__ = ["Article", "DocumentRecord", "__version__", "extract", "extract_many", "load"]
_HOMES = {"Article": "vigie.article", "DocumentRecord": "vigie.record",
          "extract": "vigie.pipeline", "extract_many": "vigie.pipeline", "load": "vigie.pipeline"}

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    if importlib.util.find_spec(f"{__name__}.{name}") is not None:  # vigie.pipeline and the like
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
