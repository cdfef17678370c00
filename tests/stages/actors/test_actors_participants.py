"""An actor for every participant (issue 17): populations, unnamed people, descriptive groups,
states named for their government, bodies behind documents, one actor per national body, and
appositions, titles and members merged into the actor they describe. Sentences written for
these tests."""

from __future__ import annotations

import pytest

import vigie

pytestmark = pytest.mark.issue(17)


def _actors(kb_nlp, text: str) -> dict[str, tuple]:
    record = vigie.extract(text, published="2016-02-11", nlp=kb_nlp)
    return {a.name: (a.kind, a.country, a.sector, [text[s:e] for s, e in a.mentions])
            for a in record.actors}


@pytest.mark.parametrize("text,name,expected", [
    ("Les passants ont été pris pour cible par des tireurs.", "passants",
     ("population", None, "CVL", ["passants"])),
    ("Des villageois ont été enlevés dans la nuit.", "villageois",
     ("population", None, "CVL", ["villageois"])),
    ("Les habitants ont fui la ville après les combats.", "habitants",
     ("population", None, "CVL", ["habitants"])),
    ("Les fidèles ont été évacués de la mosquée.", "fidèles",
     ("population", None, "CVL", ["fidèles"])),
    ("Des manifestants ont incendié un commissariat.", "manifestants",
     ("group", None, "OPP", ["manifestants"])),
    ("Un vieil homme a été tué par une balle perdue.", "vieil homme",
     ("person", None, None, ["vieil homme"])),
    ("Une jeune femme a été arrêtée par la police.", "jeune femme",
     ("person", None, "CVL", ["jeune femme"])),
    ("Des inconnus ont incendié la mairie samedi.", "inconnus",
     ("population", None, None, ["inconnus"])),
    ("Une quarantaine d'élèves ont été enlevés dans leur école.", "élèves",
     ("population", None, "EDU", ["élèves"])),
    ("Des civils syriens ont été tués dans un bombardement.", "civils syriens",
     ("population", "SYR", "CVL", ["civils syriens"])),
    ("Plus de 17 000 civils et militaires ont péri dans des attaques.", "civils",
     ("population", None, "CVL", ["civils"])),
])
def test_actors_participants_populations_and_people(kb_nlp, text, name, expected):
    assert _actors(kb_nlp, text)[name] == expected


@pytest.mark.parametrize("text,name,expected", [
    ("Des hommes armés ont attaqué un convoi.", "hommes armés",
     ("group", None, "UAF", ["hommes armés"])),
    ("Des assaillants non identifiés ont tué trois policiers.", "assaillants",
     ("group", None, "UAF", ["assaillants"])),
    ("Le gang de Jimmy Chérizier a attaqué le quartier.", "gang de Jimmy Chérizier",
     ("group", None, "CRM", ["gang de Jimmy Chérizier"])),
    ("L'armée affirme avoir tué deux commandants rebelles.", "commandants rebelles",
     ("group", None, "REB", ["commandants rebelles"])),
    ("Les militaires putschistes gabonais ont nommé un nouveau chef.",
     "militaires putschistes gabonais",
     ("group", "GAB", "MIL", ["militaires putschistes gabonais"])),
    ("Des députés ont appelé le gouvernement à démissionner.", "députés",
     ("group", None, "LEG", ["députés"])),
])
def test_actors_participants_descriptive_groups(kb_nlp, text, name, expected):
    assert _actors(kb_nlp, text)[name] == expected


@pytest.mark.parametrize("text,name,expected", [
    ("L'Union européenne a adopté des sanctions contre Téhéran.", "Iran",
     ("state", "IRN", "GOV", ["Téhéran"])),
    ("Washington a dénoncé une violation du cessez-le-feu.", "Etats-Unis",
     ("state", "USA", "GOV", ["Washington"])),
    ("La Douma a voté la loi.", "Douma", ("organization", "RUS", "LEG", ["Douma"])),
    ("Le rapport de l'ONU accuse les forces de sécurité.", "Organisation des Nations unies",
     ("organization", None, "IGO", ["ONU"])),
    ("Selon un communiqué de l'armée, dix rebelles ont été tués.", "armée",
     ("organization", None, "MIL", ["armée"])),
    ("Le procureur général du Venezuela a annoncé un lourd bilan.", "procureur général",
     ("person", "VEN", "JUD", ["procureur général"])),
])
def test_actors_participants_states_bodies_and_titles(kb_nlp, text, name, expected):
    assert _actors(kb_nlp, text)[name] == expected


@pytest.mark.parametrize("text,name,expected", [
    ("Des soldats tchadiens ont été tués. Les militaires tchadiens ont riposté, a indiqué "
     "l'armée tchadienne.", "armée tchadienne",
     ("organization", "TCD", "MIL", ["soldats tchadiens", "militaires tchadiens",
                                     "armée tchadienne"])),
    ("L'armée congolaise et les FARDC ont repris la ville. Les troupes ont avancé.",
     "Forces armées de la République démocratique du Congo",
     ("organization", "COD", "MIL", ["armée congolaise", "FARDC", "troupes"])),
    ("La police a arrêté dix manifestants. Les policiers ont utilisé des gaz lacrymogènes.",
     "police", ("organization", None, "COP", ["police", "policiers"])),
    ("Le Pentagone a confirmé la frappe de l'armée américaine.", "armée américaine",
     ("organization", "USA", "MIL", ["Pentagone", "armée américaine"])),
    ("Les rebelles du M23 ont pris la ville. Le M23 contrôle l'aéroport.",
     "Mouvement du 23 mars", ("group", "COD", "REB", ["rebelles du M23", "M23"])),
    ("Les combattants de l'Etat islamique ont attaqué la ville.", "État islamique",
     ("group", None, "REB", ["combattants de l'Etat islamique", "Etat islamique"])),
    ("Les rebelles Houthis ont accusé la coalition arabe. La coalition a démenti.",
     "coalition arabe", ("group", "SAU", "MIL", ["coalition arabe", "coalition"])),
])
def test_actors_participants_one_actor_per_referent(kb_nlp, text, name, expected):
    assert _actors(kb_nlp, text)[name] == expected


@pytest.mark.parametrize("text,name,expected", [
    ("Le porte-parole de l'armée, le général Jean Mbala, a démenti.", "Jean Mbala",
     ("person", None, "MIL", ["porte-parole de l'armée", "Jean Mbala"])),
    ("Le porte-parole de la police, le colonel Paul Kanza, a démenti.", "Paul Kanza",
     ("person", None, "COP", ["porte-parole de la police", "Paul Kanza"])),
    ("Paul Kanza, porte-parole de la police de Kinshasa, a démenti.", "Paul Kanza",
     ("person", "COD", "COP", ["Paul Kanza"])),
    ("Selon Jan Vermeer, porte-parole de l'ONU, la situation est grave.", "Jan Vermeer",
     ("person", None, "IGO", ["Jan Vermeer"])),
    ("La Française Marion Bartoli a remporté le tournoi.", "Marion Bartoli",
     ("person", "FRA", None, ["Marion Bartoli"])),
    ("Les dessinateurs Jean Cabut, Georges Moustaki et Philippe Honoré ont été tués.",
     "Philippe Honoré", ("person", None, "JRN", ["Philippe Honoré"])),
    ("Le Président du Malawi Lazarus Chakwera a lancé un appel à l'aide.", "Lazarus Chakwera",
     ("person", "MWI", "GOV", ["Lazarus Chakwera"])),
    ("Le président Jean Mbala a parlé. Le chef de l'État a ensuite quitté la salle.",
     "Jean Mbala", ("person", None, "GOV", ["Jean Mbala", "chef de l'État"])),
])
def test_actors_participants_people_by_their_titles(kb_nlp, text, name, expected):
    assert _actors(kb_nlp, text)[name] == expected


@pytest.mark.parametrize("text,name,expected", [
    ("Des éléments de l'Unité pour la paix (UPC), un groupe rebelle, ont attaqué le village.",
     "Unité pour la paix",
     ("organization", None, "REB", ["Unité pour la paix", "UPC", "groupe rebelle"])),
    ("L'armée est engagée dans une coalition régionale, la Force multinationale mixte (FMM), "
     "contre les jihadistes.", "Force multinationale mixte",
     ("organization", None, "MIL", ["coalition", "Force multinationale mixte", "FMM"])),
    ("L'attaque contre le journal satirique Charlie Hebdo a fait douze morts.", "Charlie Hebdo",
     ("organization", "FRA", "MED", ["journal", "Charlie Hebdo"])),
])
def test_actors_participants_appositions_merge(kb_nlp, text, name, expected):
    assert _actors(kb_nlp, text)[name] == expected


@pytest.mark.parametrize("text,names", [
    ("Le gouvernement, les rebelles, l'ONU et l'Union africaine ont signé un accord.",
     ["gouvernement", "rebelles", "Organisation des Nations unies", "Union africaine"]),
    ("Le président Nabil Kanso a promis de ramener chaque enfant à la maison.",
     ["Nabil Kanso"]),
    # the counted people an attack kills are its target (issue 17), one civilian population
    ("Des hommes armés ont tué 12 personnes dans le village.", ["hommes armés", "personnes"]),
    ("La réunion ministérielle a décidé de nouvelles aides.", []),
    ("Le cyclone Freddy a détruit des milliers de maisons.", []),
    ("Douma a subi des bombardements.", []),
    ("Le ministre a déclaré samedi à l'AFP que la situation était calme.", ["ministre"]),
    ("Quinze personnes ont été blessées, dont un garçon de 12 ans.", ["personnes"]),
    ("Le bilan s'élève à quinze morts.", []),
])
def test_actors_participants_lists_counts_and_non_actors(kb_nlp, text, names):
    assert list(_actors(kb_nlp, text)) == names


def test_actors_participants_apposed_function_is_one_actor(kb_nlp):
    # "le porte-parole de l'armée, le général X": one person, MIL, no separate army or rank.
    text = "Le porte-parole de l'armée, le général Jean Mbala, a démenti."
    record = vigie.extract(text, published="2016-02-11", nlp=kb_nlp)
    assert [(a.name, a.role) for a in record.actors] == [("Jean Mbala", "porte-parole de l'armée")]


@pytest.mark.parametrize("text,names", [
    ("Dans une interview accordée au quotidien français Le Monde, le général a parlé.",
     ["général"]),
    ("Dix civils ont été tués, a déclaré samedi 14 mai, à l'AFP le porte-parole de la force.",
     ["civils"]),
    ("Le cyclone est retourné dans l'océan Indien.", []),
])
def test_actors_participants_channels_and_modifiers_are_no_actors(kb_nlp, text, names):
    assert list(_actors(kb_nlp, text)) == names


def test_actors_participants_rank_before_and_function_after_are_one_person(kb_nlp):
    text = ("Dix civils ont été tués, a assuré le lieutenant-colonel Jean Mbala, porte-parole de "
            "l'ONU. Le lieutenant-colonel a ajouté que l'enquête continuait.")
    actors = _actors(kb_nlp, text)
    assert actors["Jean Mbala"][:3] == ("person", None, "IGO")
    assert "lieutenant-colonel" not in actors
