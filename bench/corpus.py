"""A varied synthetic corpus of French news-style articles, for benchmarks (not for accuracy).

Articles are built from sentence templates filled with actors, places, numbers and dates, plus the
bundled samples and, when present, the development corpus at ../shared/corpus (read, never copied).
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def real_texts() -> list[str]:
    """The bundled samples and the development corpus articles, when present."""
    paths = sorted((ROOT / "vigie" / "samples").glob("*.txt"))
    corpus = ROOT.parent / "shared" / "corpus" / "articles"
    if corpus.exists():
        paths += sorted(corpus.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def corpus(n: int = 1000) -> list[str]:
    """At least `n` texts: every real text, then synthetic ones."""
    real = real_texts()
    return real + synthetic(max(0, n - len(real)))
