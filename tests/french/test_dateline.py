"""Wire datelines: where the story's first clause starts."""

import pytest

from vigie.french.dateline import skip_dateline


@pytest.mark.parametrize(
    "text, start",
    [
        ("GOMA, 3 mai (AFP) - Les rebelles ont attaqué.", 20),
        ("GOMA (AFP) - Les rebelles ont attaqué.", 13),
        ("SAINT-LOUIS DU SÉNÉGAL, 12 janvier 2024 (Reuters) – Le port a fermé.", 52),
        # no agency in brackets, or a sentence in capitals: no dateline
        ("GOMA - Les rebelles ont attaqué.", 0),
        ("Les rebelles (M23) ont attaqué - dit-on.", 0),
    ],
)
def test_dateline_skip(text, start):
    assert skip_dateline(text) == start
