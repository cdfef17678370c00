"""vigie's spaCy components, one module per stage, in pipeline order.

Importing this package registers every factory with spaCy.
"""

from vigie.stages import actors, entities, events, figures, lemmas, places, quotes, times  # noqa: F401
from vigie.stages.common import register_extensions

STAGES = [
    "vigie_entities",
    "vigie_actors",
    "vigie_places",
    "vigie_times",
    "vigie_quotes",
    "vigie_figures",
    "vigie_events",
]

register_extensions()
