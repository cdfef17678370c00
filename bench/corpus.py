"""The benchmark corpora: real articles first, synthetic ones for size scaling (not for accuracy).

The headline corpus is the development corpus at ../shared/corpus (read at run time, never copied)
repeated 4 times, plus the bundled samples. The synthetic corpus is built from sentence templates
filled with actors, places, numbers and dates.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from vigie.article import Article
from vigie.readers import text as text_reader

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
ACTORS = ["l'armée malienne", "les rebelles du M23", "la police", "le gouvernement", "l'ONU",
          "les forces russes", "l'armée ukrainienne", "le Hamas", "les Houthis", "la coalition",
          "des hommes armés", "les manifestants", "le ministère de la Santé",
          "Amnesty International"]
PEOPLE = ["le président Emmanuel Macron", "le ministre Jean Dupont", "la porte-parole Marie Diallo",
          "le secrétaire général Antonio Guterres", "le général Abdel Fattah al-Burhane"]
PLACES = ["Goma", "Alep", "Kharkiv", "Gaza", "Bamako", "Mossoul", "Khartoum", "Tripoli", "Kaboul",
          "Port-au-Prince", "Niamey", "Idlib", "Donetsk", "Sanaa", "Mogadiscio"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
        "mardi soir"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre"]
NUMBERS = ["12", "une centaine de", "au moins 30", "près de 2 000", "des dizaines de", "51.000",
           "trois"]
TEMPLATES = [
    "{actor} a lancé {day} une offensive contre {actor2} près de {place}, selon {source}.",
    "{number} civils ont été tués et {number2} blessés dans des frappes aériennes sur "
    "{place} {day}.",
    "« Nous ne céderons pas », a déclaré {person} lors d'une conférence de presse à {place}.",
    "{person} a affirmé que {actor} devait respecter le cessez-le-feu conclu le {d} {month}.",
    "Selon {source}, {number} personnes ont fui les combats vers {place} depuis début {month}.",
    "{actor} accuse {actor2} d'avoir violé la trêve, ce que {actor2} dément.",
    "Les délégations se sont rencontrées {day} à {place} pour de nouvelles négociations.",
    "{actor} réclame un cessez-le-feu immédiat et l'ouverture de couloirs humanitaires.",
    "Des milliers de manifestants ont défilé {day} à {place} pour protester contre la hausse "
    "des prix.",
    "La police a interpellé {number} personnes, a indiqué {source}.",
    "Le marché de {place} a rouvert {day} après plusieurs semaines de fermeture.",
    "Les prix du blé ont augmenté de 12 % en {month}, selon les chiffres officiels.",
    "{person} doit se rendre à {place} le {d} {month} pour rencontrer les autorités locales.",
]


def _sentence(rng: random.Random) -> str:
    template = rng.choice(TEMPLATES)
    text = template.format(
        actor=rng.choice(ACTORS), actor2=rng.choice(ACTORS), person=rng.choice(PEOPLE),
        place=rng.choice(PLACES), day=rng.choice(DAYS), month=rng.choice(MONTHS),
        d=rng.randint(1, 28), number=rng.choice(NUMBERS), number2=rng.choice(NUMBERS),
        source=rng.choice(ACTORS),
    )
    return text[0].upper() + text[1:]


def synthetic(n: int, *, seed: int = 7) -> list[str]:
    """`n` articles of 6 to 20 template sentences each."""
    rng = random.Random(seed)
    return [" ".join(_sentence(rng) for _ in range(rng.randint(6, 20))) for _ in range(n)]


def development(folder: Path = SHARED_CORPUS, *, repeat: int = 4) -> list[Article] | None:
    """The headline corpus: the development articles (`inputs.jsonl`, read as `vigie extract`
    reads it) `repeat` times, then the bundled samples; None when the corpus is absent."""
    inputs = folder / "inputs.jsonl"
    if not inputs.exists():
        return None
    lines = inputs.read_text(encoding="utf-8").splitlines()
    articles = [Article.from_dict(json.loads(line)) for line in lines if line.strip()]
    return articles * repeat + samples()


def samples() -> list[Article]:
    """The bundled sample articles, read as `vigie extract` reads a .txt file."""
    paths = sorted((ROOT / "vigie" / "samples").glob("*.txt"))
    return [next(text_reader.parse(p.read_text(encoding="utf-8"), str(p))) for p in paths]


def synthetic_articles(n: int) -> list[Article]:
    """`n` synthetic articles (size scaling only: template text is easier than real news)."""
    return [Article(text=text) for text in synthetic(n)]
