"""The anchored time scan finds exactly what every rule run over the whole text finds.

time_grammar.scan() tries each rule only near its anchor words (time_anchors.py);
_found_everywhere() runs every rule over the whole text, the plain reference. Every rule's own
matches are compared, before overlaps are settled. Texts: the Duckling corpus, the gold
articles, written sentences, word salads from the time lexicon, and random strings of each
rule's own regex (odd case, spacing, punctuation and glued words), embedded in sentences.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from re import _constants as sre  # re's own parser, to sample strings of the rules
from re import _parser

import pytest

from tests.conftest import SHARED
from vigie.stages.times.anchors import CASE_ODD, Unbounded, lead_runs
from vigie.stages.times.grammar import (
    _entries,
    _found,
    _found_everywhere,
    _longest_first,
    rules,
    scan,
)
from vigie.stages.times.lexicon import time_words

DUCKLING = SHARED / "peer-suites" / "duckling-fr-time.jsonl"
GOLD = Path(__file__).resolve().parents[3] / "tests" / "gold" / "articles"

SENTENCES = [
    "Les combats ont repris dans la nuit du 3 au 4 mars 2015 près de Goma.",
    # range_dm's longest lead
    "Ils ont tiré dans la nuit entre les lundi 3 mars 2015 et le mardi 4 mars.",
    "Le scrutin, prévu le premier dimanche de mars, est reporté au 2e trimestre 2016.",
    "Du 12 au 15 février, puis entre le 3 et le 5 avril, la trêve a tenu.",
    "Il y a trois jours, mardi 9 février à 8 heures, l'explosion a eu lieu.",
    "Les 5 dernières années, depuis fin 2010 et jusqu'en 2015, en mi-mars.",
    "Ce matin, hier soir, avant-hier, le lendemain et aujourd'hui, à l'aube.",
    "La semaine du 6 octobre, la semaine dernière, l'an dernier et l'été 2015.",
    "Rendez-vous le 11/02/2016, le 2016-02-09, le 05.01.2016 ou le 31 12 15.",
    "Entre 2014 et 2016, de 1999 à 2001, 2015 soldats, en 2012 et vers 20h30.",
    "Noël, la Toussaint, le 14 juillet, le nouvel an et la fête du travail.",
    "Deux semaines plus tard, quinze jours après, au cours des 3 derniers mois.",
    "Début février, au début de la semaine, en fin d'année, courant mars.",
    "Du lundi au vendredi, dans la nuit de samedi à dimanche, jeudi 15.",
    "DU 12 AU 15 MARS, Mardi Soir, En Mars, LE 3 MAI 2015, Hier Matin.",
    "du12au15 mars, dudeuxau15 juin, enété, auhiver, à l’automne, l'été.",
    "12  au\t15\n mars, ( 3 au 5 mai), mardi\u00a0soir, le\u202f3\u202fmai.",
]


def _differences(texts) -> list[str]:
    different = []
    for text in texts:
        found = _found_everywhere(text)
        if _found(text) != found or scan(text) != _longest_first(found):
            different.append(text)
    return different


def test_scan_written_sentences():
    assert _differences(SENTENCES) == []


@pytest.mark.skipif(not DUCKLING.exists(), reason="Duckling corpus not available")
def test_scan_duckling_corpus():
    lines = DUCKLING.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line]
    assert _differences(texts + [f"Il a dit {t}, puis {t.upper()}." for t in texts]) == []


def test_scan_gold_articles():
    assert _differences(p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt"))) == []


def test_scan_generated_sentences():
    rng = random.Random(12)
    words = _vocabulary()
    texts = [_sentence(rng, words) for _ in range(3000)]
    assert _differences(texts) == []


def test_scan_random_strings_of_each_rule():
    rng = random.Random(7)
    texts = []
    for rule in rules():
        tree = _parser.parse(rule.source, re.IGNORECASE)
        for _ in range(150):
            texts.append(_around(rng, [_sample(rng, tree) for _ in range(rng.randint(1, 3))]))
    assert _differences(texts) == []


def test_scan_case_odd_texts_fall_back():
    texts = [f"Le 3 mai{char} 2015 et le 4 {char}ai, mardi 9 mar{char}." for char in CASE_ODD]
    assert _differences(texts + ["Le 12 moiſ derniers, le 3 mai", "İl y a 3 jours"]) == []


def test_case_odd_lists_the_letters_ignorecase_reads_otherwise():
    letters = {c for rule in rules() for c in rule.pattern.pattern.lower() if c.isalpha()}
    any_letter = re.compile("[" + re.escape("".join(letters)) + "]", re.IGNORECASE)
    odd = {chr(code) for code in range(0x110000)
           if any_letter.fullmatch(chr(code)) and chr(code).lower() not in letters}
    assert odd <= set(CASE_ODD)


def test_lead_runs():
    assert lead_runs(r"a\s+b\s*c") == 2
    assert lead_runs(r"(?:a|b\s+c\s+d|e\s+f)\s+") == 3
    assert lead_runs(r"(?:x\s+y\s+z|(?P<g>a\s+b") == 1  # a prefix stops in its last alternative
    assert lead_runs(r"(?:[\w'-]+\s+){1,4}?\s+") == 5
    assert lead_runs(r"{P}\s+(?=\s*x)", {"P": 2}) == 3
    for unbounded in (r"(?:a\s+)+", r"a.b", r"[^a]b", r"\Sb"):
        with pytest.raises(Unbounded):
            lead_runs(unbounded)


# Words of the rules' templates, and others that look like them, for word salads.
TEMPLATE_WORDS = [w.replace("~", " ") for w in """du de des au à a et le la les l' d' entre dans
nuit jusqu'au jusqu’à vers dès depuis il~y~a voici d'ici plus~tard après avant auparavant plus~tôt
derniers prochaine passées suivante écoulés ce cette cet en tard début mi fin courant milieu
trimestre semaine quinzaine mois h heures ici sur~les ces qui mais maison Marseille décision
société gouvernement a~annoncé % soldats millions - – / . , ( ) « » ; _ 2e 1er""".split()]


def _vocabulary() -> list[str]:
    w = time_words()
    words = [entry for entries in _entries(w).values() for entry in entries]
    return words + list(w.numbers) + list(w.ordinals) + TEMPLATE_WORDS


SEPARATORS = [" "] * 12 + ["", "  ", "\n", "\t", "\u00a0", "\u202f", ", ", ". ", " - ", "'"]


def _sentence(rng: random.Random, words: list[str]) -> str:
    parts = []
    for _ in range(rng.randint(2, 14)):
        roll = rng.random()
        if roll < 0.25:
            parts.append(str(rng.choice([rng.randint(0, 40), rng.randint(1500, 2100),
                                         rng.randint(0, 99999)])))
        elif roll < 0.3:
            parts.append(rng.choice(["12/03/2024", "3/4", "2016-02-09", "05.01.2016", "20h30"]))
        else:
            parts.append(_cased(rng, rng.choice(words)))
        parts.append(rng.choice(SEPARATORS))
    return "".join(parts)


def _cased(rng: random.Random, word: str) -> str:
    if len(word) == 1:
        return word.upper() if rng.random() < 0.05 else word
    roll = rng.random()
    if roll < 0.1:
        return word.upper()
    if roll < 0.2:
        return word.title()
    return re.sub(r"\s+", lambda m: rng.choice([" ", "  ", "\n"]), word)


FILLERS = ["Selon l'armée,", "il a dit", "(AFP)", "-", "«", "»", "le", "la", "à", "12", "2015",
           "mais", "x"]
SPACES = " " * 6 + "\n\t\u00a0\u202f\u2009"


def _around(rng: random.Random, samples: list[str]) -> str:
    """Random samples between filler words, sometimes glued to them."""
    parts = []
    for sample in samples:
        parts += [rng.choice(FILLERS), rng.choice([" ", " ", "", ", ", "'", "("]), sample,
                  rng.choice([" ", " ", "", ".", ",", "%", "-", "/", ")"])]
    return "".join(parts + [rng.choice(FILLERS)])


def _sample(rng: random.Random, items) -> str:
    """A random string shaped like the parsed regex `items` (look-arounds ignored)."""
    out = []
    for op, arg in items:
        if op is sre.LITERAL:
            out.append(_cased(rng, chr(arg)))
        elif op is sre.NOT_LITERAL or op is sre.ANY:
            out.append(rng.choice("ax1 ."))
        elif op is sre.IN:
            out.append(_one_of(rng, arg))
        elif op is sre.BRANCH:
            out.append(_sample(rng, rng.choice(arg[1])))
        elif op is sre.SUBPATTERN:
            out.append(_sample(rng, arg[3]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, sub = arg
            out += [_sample(rng, sub) for _ in range(rng.randint(low, min(high, low + 3)))]
    return "".join(out)


def _one_of(rng: random.Random, items) -> str:
    if items[0][0] is sre.NEGATE:
        return rng.choice("ax1 .")
    op, arg = rng.choice(items)
    if op is sre.LITERAL:
        return _cased(rng, chr(arg))
    if op is sre.RANGE:
        return chr(rng.randint(*arg))
    return {sre.CATEGORY_DIGIT: rng.choice("0123456789"), sre.CATEGORY_SPACE: rng.choice(SPACES),
            sre.CATEGORY_WORD: rng.choice("aé9_Z")}.get(arg, "?")
