"""Actors stage: short French sentences written for these tests, with the test knowledge base."""

from __future__ import annotations

import pytest

import vigie
from vigie.knowledge.models import Entry, Office
from vigie.stages.actors.build import pick_entry
from vigie.stages.actors.initials import initials
from vigie.stages.actors.lookup import actor_at, resolve_pronoun


def _actors(kb_nlp, text: str, published: str | None = "2016-02-11"):
    record = vigie.extract(text, published=published, nlp=kb_nlp)
    return {a.name: (a.kind, a.country, a.sector, [text[s:e] for s, e in a.mentions])
            for a in record.actors}


@pytest.mark.parametrize("text,name,expected", [
    ("Moscou a rejeté la proposition de paix.", "Russie", ("state", "RUS", "GOV", ["Moscou"])),
    ("La Russie a annoncé un cessez-le-feu.", "Russie", ("state", "RUS", "GOV", ["Russie"])),
    ("Les Etats-Unis demandent une trêve.", "Etats-Unis", ("state", "USA", "GOV", ["Etats-Unis"])),
    ("La Maison Blanche a démenti hier soir.", "Etats-Unis",
     ("state", "USA", "GOV", ["Maison Blanche"])),
    ("Le Kremlin dément toute implication.", "Russie", ("state", "RUS", "GOV", ["Kremlin"])),
    ("Les Russes ont bombardé la ville.", "Russie", ("state", "RUS", "GOV", ["Russes"])),
    ("Paris attend la réponse de Washington.", "Etats-Unis",
     ("state", "USA", "GOV", ["Washington"])),
    ("Pour la Russie, c'est inacceptable.", "Russie", ("state", "RUS", "GOV", ["Russie"])),
    ("Les Occidentaux reprochent à Moscou son soutien.", "Russie",
     ("state", "RUS", "GOV", ["Moscou"])),
    ("Les États-Unis et les ETATS-UNIS sont un pays.", "Etats-Unis",
     ("state", "USA", "GOV", ["États-Unis", "ETATS-UNIS"])),
    ("Le Pentagone a confirmé la frappe.", "Pentagone",
     ("organization", "USA", "MIL", ["Pentagone"])),
    ("Les rebelles ont repris la ville de Homs en Syrie.", "rebelles",
     ("group", "SYR", "REB", ["rebelles"])),
    ("L'aviation russe a frappé Idleb.", "aviation russe",
     ("organization", "RUS", "MIL", ["aviation russe"])),
    ("L'armée syrienne progresse vers le nord.", "armée syrienne",
     ("organization", "SYR", "MIL", ["armée syrienne"])),
    ("Les forces gouvernementales ont avancé vers Alep, en Syrie.", "forces gouvernementales",
     ("organization", "SYR", "MIL", ["forces gouvernementales"])),
    ("L'opposition syrienne réclame une trêve.", "opposition syrienne",
     ("group", "SYR", "OPP", ["opposition syrienne"])),
    ("Le régime de Bachar al-Assad a bombardé Alep.", "régime de Bachar al-Assad",
     ("state", "SYR", "GOV", ["régime de Bachar al-Assad"])),
    ("Les civils fuient Alep en Syrie.", "civils", ("population", "SYR", "CVL", ["civils"])),
    ("La police a dispersé les manifestants à Paris.", "manifestants",
     ("group", "FRA", "OPP", ["manifestants"])),
    ("La communauté internationale s'inquiète.", "communauté internationale",
     ("group", None, "GOV", ["communauté internationale"])),
    ("Les Occidentaux reprochent à Moscou son soutien.", "Occidentaux",
     ("group", None, "GOV", ["Occidentaux"])),
    ("L'ONU a condamné l'attaque.", "Organisation des Nations unies",
     ("organization", None, "IGO", ["ONU"])),
    ("Selon les Nations unies, 300 civils sont morts.", "Organisation des Nations unies",
     ("organization", None, "IGO", ["Nations unies"])),
    ("Le Hezbollah a tiré des roquettes.", "Hezbollah", ("group", "LBN", "REB", ["Hezbollah"])),
    ("Sergueï Lavrov a rencontré John Kerry. Lavrov a dit non.", "Sergueï Lavrov",
     ("person", "RUS", "GOV", ["Sergueï Lavrov", "Lavrov"])),
    ("Marc Durand a parlé lundi. Durand estime que rien n'est joué.", "Marc Durand",
     ("person", None, None, ["Marc Durand", "Durand"])),
    ("L'Observatoire syrien des droits de l'Homme (OSDH) a compté 20 morts. "
     "Selon l'OSDH, le bilan monte.",
     "Observatoire syrien des droits de l'Homme", ("organization", "SYR", "NGO",
     ["Observatoire syrien des droits de l'Homme", "OSDH", "OSDH"])),
    ("Le président Vladimir Poutine a parlé.", "Vladimir Poutine",
     ("person", "RUS", "GOV", ["Vladimir Poutine"])),
    ("Le ministre des Affaires étrangères Jean Martin a parlé. "
     "Le ministre a ensuite quitté la salle.",
     "Jean Martin", ("person", None, "GOV", ["Jean Martin", "ministre"])),
])
def test_actors_sentence(kb_nlp, text, name, expected):
    assert _actors(kb_nlp, text)[name] == expected


@pytest.mark.parametrize("text,name,role,country,sector", [
    ("Le ministre iranien des Affaires étrangères, Ali Vaezi, est arrivé.", "Ali Vaezi",
     "ministre des Affaires étrangères", "IRN", "GOV"),
    ("Marc Durand, chercheur à l'Institut Montaigne, estime que la guerre va durer.", "Marc Durand",
     "chercheur", None, "EDU"),
    ("Le président ukrainien Petro Ivanenko a parlé aux soldats.", "Petro Ivanenko",
     "président", "UKR", "GOV"),
    ("La journaliste française Claire Morin a été libérée.", "Claire Morin",
     "journaliste", "FRA", "JRN"),
    ("Le général Ahmed Karim commande la brigade.", "Ahmed Karim", "général", None, "MIL"),
    ("L'ambassadeur américain Paul Smith a été convoqué.", "Paul Smith",
     "ambassadeur", "USA", "GOV"),
    ("Le chef de la diplomatie russe Sergueï Lavrov est arrivé.", "Sergueï Lavrov",
     "chef de la diplomatie", "RUS", "GOV"),
])
def test_actors_role_from_context(kb_nlp, text, name, role, country, sector):
    actor = next(a for a in vigie.extract(text, nlp=kb_nlp).actors if a.name == name)
    assert (actor.role, actor.country, actor.sector) == (role, country, sector)


@pytest.mark.parametrize("text", [
    "Les combats continuent en Ukraine.",
    "Il vit à Moscou depuis dix ans.",
    "La délégation est partie de Washington pour Genève.",
])
def test_actors_places_stay_places(kb_nlp, text):
    assert _actors(kb_nlp, text) == {}


def test_actors_office_at_publication_date():
    entry = Entry(id="x", name="Jan Kowal", kind="person", offices=[
        Office("ministre", "POL", "GOV", "2010", "2014"),
        Office("président", "POL", "GOV", "2015")])
    assert pick_entry([entry], "2012-05-01").office_at("2012-05-01").role == "ministre"
    assert entry.office_at(None).role == "président"


def test_actors_initials():
    assert initials("Observatoire syrien des droits de l'Homme") == "OSDH"


def test_actors_actor_at_and_pronoun(kb_nlp):
    text = "Sergueï Lavrov est arrivé à Munich. Il a parlé longtemps."
    doc = kb_nlp(text)
    assert actor_at(doc, 0, 8) == 0
    assert actor_at(doc, 27, 33) is None
    pronoun = next(t.i for t in doc if t.text == "Il")
    assert resolve_pronoun(doc, pronoun) == 0
