"""Type colours: one hue family per PLOVER quad, distinct shades, apart under colour-vision
deficiency (Machado, Oliveira and Fernandes 2009, severity 1, in OKLab)."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pytest
import yaml

import vigie.store
from vigie.web.palette import QUAD_COLOURS, QUAD_OF, QUADS, TYPE_COLOURS, colour_of, quad_of

MACHADO = {
    None: np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
# Smallest OKLab distance between two types (0.02 is about a just-noticeable difference);
# the palette's worst pair is 0.049 (REJECT and THREATEN under tritanopia).
MIN_DISTANCE = 0.045


def _oklab(hex_colour: str, deficiency: str | None) -> np.ndarray:
    rgb = np.array([int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    linear = np.clip(MACHADO[deficiency] @ linear, 0, 1)
    lms = np.array([[0.4122214708, 0.5363325363, 0.0514459929],
                    [0.2119034982, 0.6806995451, 0.1073969566],
                    [0.0883024619, 0.2817188376, 0.6299787005]]) @ linear
    return np.array([[0.2104542553, 0.7936177850, -0.0040720468],
                     [1.9779984951, -2.4285922050, 0.4505937099],
                     [0.0259040371, 0.7827717662, -0.8086757660]]) @ np.cbrt(lms)


@pytest.mark.parametrize("deficiency", list(MACHADO))
def test_web_palette_types_stay_apart(deficiency):
    worst = min(np.linalg.norm(_oklab(a, deficiency) - _oklab(b, deficiency))
                for a, b in itertools.combinations(TYPE_COLOURS.values(), 2))
    assert worst >= MIN_DISTANCE


def test_web_palette_one_hue_family_per_quad():
    for quad in QUADS:
        anchor = _oklab(QUAD_COLOURS[quad], None)
        for event_type, colour in TYPE_COLOURS.items():
            lab = _oklab(colour, None)
            gap = abs(math.degrees(math.atan2(lab[2], lab[1]) - math.atan2(anchor[2], anchor[1])))
            same = min(gap, 360 - gap) < 30
            assert same == (quad_of(event_type) == quad), (event_type, quad)


def test_web_palette_quads_as_the_exports():
    exports = Path(vigie.store.__file__).parent / "data" / "exports.yaml"
    assert QUAD_OF == yaml.safe_load(exports.read_text(encoding="utf-8"))["quad_code"]


def test_web_palette_aliases_and_unknown_types():
    assert colour_of("demand") == TYPE_COLOURS["REQUEST"]
    assert colour_of("MADE-UP") == "#8c8c8c"
    assert quad_of("ASSAULT") == 4 and quad_of(None) is None
