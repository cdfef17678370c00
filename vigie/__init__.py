"""vigie: French news articles to structured, sourced event data."""

import logging

from vigie.pipeline import extract, extract_many, load
from vigie.record import DocumentRecord

__version__ = "0.1.0"
__all__ = ["DocumentRecord", "__version__", "extract", "extract_many", "load"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
