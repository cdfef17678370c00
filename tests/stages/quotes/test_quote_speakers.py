"""Quote speakers: subjects the parse loses, actors named without a mention, role nouns."""
# ruff: noqa: E501 - French test passages stay one per line (STYLE.md 21), however long.

from __future__ import annotations

import pytest

# (passage, quote text, speaker actor name)
CASES = [
    ("Les soldats ont pris la radio. « Le gouvernement est dissous », a annoncé mardi soir un groupe de soldats à la télévision.", "Le gouvernement est dissous", "soldats"),
    ("Selon la présidence française de l'Union européenne, cet accord a été conclu à l'unanimité.", "cet accord a été conclu à l'unanimité", "présidence française"),
    ("Le président Emmanuel Macron a parlé lundi. Les vols ont repris dans la région de Lyon. « Nous tenons bon », a affirmé le chef de l'État sur France Inter.", "Nous tenons bon", "Emmanuel Macron"),
    ("Le ministre de la Santé a dénoncé « une faute grave ». Plus tard, le ministre de la Santé, Jean Dupont, a réuni les syndicats.", "une faute grave", "Jean Dupont"),
    ("L'Observatoire national des prisons, qui publie un rapport chaque année, a également indiqué que les cellules étaient pleines.", "les cellules étaient pleines", "Observatoire national des prisons"),
    ("Les cellules débordent, a expliqué le syndicat, en précisant que la direction avait été prévenue.", "la direction avait été prévenue", "syndicat"),
]


@pytest.mark.parametrize("text, quoted, speaker", CASES)
def test_quote_speakers_named(extract, text, quoted, speaker):
    record = extract(text)
    quote = next((q for q in record.quotes if q.text == quoted), None)
    assert quote is not None, [q.text for q in record.quotes]
    assert (quote.start, quote.end) == (text.index(quoted), text.index(quoted) + len(quoted))
    actor = next((a for a in record.actors if a.id == quote.speaker), None)
    assert actor is not None and actor.name == speaker
