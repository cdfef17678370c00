"""Inputs that used to run for minutes or hours now take seconds: each runs in a child process
killed at its budget, so a regression fails its test instead of stalling CI."""

from __future__ import annotations

import time
from bisect import bisect_right

import pytest
import spacy

from vigie.french.numbers import find_quantities, parse_digits
from vigie.stages.actors.build import ActorHit
from vigie.stages.figures.component import nearest_place  # where the stage finds it
from vigie.stages.places.component import PlaceHit

pytestmark = pytest.mark.issue(24)
# Seconds each case may take; each took minutes or more before (figures: over 600 s for the
# 441 KB report; 3 000 number words: about 15 minutes), and takes a few seconds now.
BUDGET = 60
PLACES = ["Alep", "Homs", "Idleb", "Damas", "Raqqa", "Deraa", "Hama", "Lattaquié"]


def _report(figures: int):
    """A long report, one figure per sentence, each with its source and its place, a paragraph
    every 6 sentences; its Doc with the Actors' and Places' hits as those stages would set them."""
    sentences = [f"Selon l'OSDH, {10 + i % 900} civils ont été tués à {PLACES[i % 8]} par des "
                 "frappes aériennes ce jour-là." + ("\n" if i % 6 == 5 else " ")
                 for i in range(figures)]
    text = "".join(sentences)
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    starts = [0]
    for sentence in sentences[:-1]:
        starts.append(starts[-1] + len(sentence))
    places = [PlaceHit(name=name, level="city") for name in PLACES]
    osdh = ActorHit(name="OSDH", kind="organization")
    for i, start in enumerate(starts):
        at = start + sentences[i].index(PLACES[i % 8])
        places[i % 8].mentions.append((at, at + len(PLACES[i % 8])))
        osdh.mentions.append((start + 8, start + 12))
    doc._.vigie_places, doc._.vigie_actors = places, [osdh]
    return doc, starts, sentences


def _link_every_figure(figures: int) -> tuple[float, list[int | None]]:
    doc, starts, sentences = _report(figures)
    began, found = time.perf_counter(), []
    sents = list(doc.sents)
    firsts = [s.start_char for s in sents]
    for start, sentence in zip(starts, sentences, strict=True):
        at = start + sentence.index("civils") - 4
        sent = sents[bisect_right(firsts, at) - 1]
        found.append(nearest_place(doc, sent, at, source=0))
    return time.perf_counter() - began, found


def test_reliability_figure_links_of_5000_figures_take_seconds(deadline):
    seconds, found = deadline(BUDGET, _link_every_figure, 5000)
    assert found == [i % 8 for i in range(5000)]
    assert seconds < BUDGET


def _number_words(pattern: str, count: int) -> tuple[float, int]:
    text = " ".join([pattern] * count)
    began = time.perf_counter()
    found = find_quantities(text)
    return time.perf_counter() - began, len(found)


@pytest.mark.parametrize("pattern, count, numerals", [
    ("deux", 3000, 3000),  # each word its own numeral
    ("vingt-deux", 1500, 1500),
    ("trois cent", 1500, 1500),
])
def test_reliability_3000_number_words_take_seconds(deadline, pattern, count, numerals):
    seconds, found = deadline(BUDGET, _number_words, pattern, count)
    assert found == numerals and seconds < BUDGET


def test_reliability_numbers_longest_numeral_is_still_read():
    text = ("neuf cent quatre-vingt-dix-neuf milliards neuf cent quatre-vingt-dix-neuf millions "
            "neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf")
    assert [q.value for q in find_quantities(text)] == [999_999_999_999]


def test_reliability_numbers_5000_digits_is_no_figure():
    text = f"Il y aurait {'7' * 5000} morts et 12 blessés, {'9' * 400} centaines de disparus."
    assert [q.value for q in find_quantities(text)] == [12]
    assert parse_digits("7" * 400) is None and parse_digits("999 999 999 999") == 999999999999
