"""vigie's spaCy components, one package per stage, in pipeline order.

Importing this package registers every factory with spaCy.
"""

from vigie.stages import lemmas  # noqa: F401
from vigie.stages.actors import component as _actors  # noqa: F401
from vigie.stages.arguments import component as _arguments  # noqa: F401
from vigie.stages.common import register_extensions
from vigie.stages.entities import component as _entities  # noqa: F401
from vigie.stages.events import component as _events  # noqa: F401
from vigie.stages.figures import component as _figures  # noqa: F401
from vigie.stages.places import component as _places  # noqa: F401
from vigie.stages.quotes import component as _quotes  # noqa: F401
from vigie.stages.times import component as _times  # noqa: F401

STAGES = [
    "vigie_entities",
    "vigie_actors",
    "vigie_arguments",
    "vigie_places",
    "vigie_times",
    "vigie_quotes",
    "vigie_figures",
    "vigie_events",
]

register_extensions()
