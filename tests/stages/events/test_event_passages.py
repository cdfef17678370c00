# ruff: noqa: E501 - parametrized French cases stay one per line, as the style guide asks
"""Events an analyst can trust (issue 18): short French passages written for these tests, read by
the whole pipeline, published Thursday 2016-02-11.

Negative passages (disasters, sport, elections, markets, medicine, metaphors, conditions) give
no event at all. Positive passages give an event of exactly this type, mode, place and date; an
event the text does not date takes the publication date, with precision "published".
"""

from __future__ import annotations

import pytest

CONFLICT = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN", "SANCTION"}


def _events(extract, text: str) -> list[tuple]:
    """(type, mode, place name, date, time precision) of each event."""
    record = extract(text, title="")
    places = {p.id: p.name for p in record.places}
    return [(e.type, e.mode, places.get(e.place), e.date, e.time_precision) for e in record.events]


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "text",
    [
        # disasters: a natural force is no actor; its deaths stay figures
        "Le séisme qui a frappé la Turquie a fait plus de 17 000 morts.",
        "La tempête a frappé les côtes bretonnes dans la nuit, faisant deux morts.",
        "La crue de la Seine a détruit plusieurs ponts.",
        "Le cyclone Freddy a frappé le Malawi. A son retour, il a frappé plus durement le sud du pays.",
        "Plus de 300 personnes ont été tuées dans les inondations au Pakistan.",
        "L'incendie a détruit une centaine d'hectares de forêt près de Marseille.",
        "Un tremblement de terre de magnitude 6,1 a tué trois personnes au Japon.",
        "La Turquie déplore au moins 17 000 morts après le séisme.",
        "L'épidémie de choléra a tué 40 personnes dans la région.",
        # sport
        "Sur une frappe du gauche, l'attaquant lyonnais a ouvert le score à la 12e minute.",
        "Les deux équipes s'affronteront samedi en finale de la Coupe de France.",
        "Le gardien a été expulsé après une faute sur l'attaquant adverse.",
        "Le champion du monde a battu son adversaire au troisième set.",
        # elections
        "Les deux candidats s'affronteront au second tour le 6 mai.",
        "Le candidat socialiste a attaqué son rival sur son bilan lors du débat télévisé.",
        "Les électeurs ont sanctionné le gouvernement sortant dans les urnes.",
        # markets
        "L'entreprise veut attaquer le marché chinois dès l'an prochain.",
        "La chute des cours a frappé les investisseurs en bourse.",
        "Les marchés ont attaqué la livre sterling après l'annonce.",
        "La banque centrale a relevé ses taux pour combattre l'inflation.",
        "Le constructeur a lancé une offensive commerciale en Europe.",
        "Les marchés ont salué cette annonce.",
        # medicine
        "Quatre personnes sont en état critique après l'accident de la route.",
        "Le patient a été victime d'une attaque cardiaque dans la nuit.",
        "Le virus a tué plus de 200 personnes depuis janvier.",
        "Le médecin a réussi à combattre l'infection grâce à un nouvel antibiotique.",
        # metaphors and names
        "Le ministre a été bombardé de questions par les journalistes.",
        "Cette nouvelle a frappé les esprits.",
        "Le gouvernement veut s'attaquer au chômage des jeunes.",
        "Une explosion de joie a suivi la victoire de l'équipe nationale.",
        "Il a tué le temps en lisant un roman.",
        "Cette réforme a fait l'effet d'une bombe dans le monde enseignant.",
        "Un compte Facebook a créé un événement intitulé « Macron démission ! » pour samedi.",
        "Le groupe fabrique des missiles et des drones dans une usine de Kazan.",
        # conditions, questions, negations, aims, warnings and promises of no force
        "Nous ne savons pas s'ils ont été enlevés.",
        "Si les rebelles attaquent la ville, l'armée ripostera.",
        "Les manifestants n'ont pas attaqué les policiers.",
        "L'alliance a été créée en 2020 pour renverser le président.",
        "L'OMS a mis en garde contre un risque de propagation du choléra.",
        "Le gouvernement a promis une aide aux sinistrés.",
    ],
)
def test_event_passages_negative(extract, text):
    assert _events(extract, text) == []


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lundi, l'aviation russe a bombardé des positions rebelles à Alep.", ("ASSAULT", "aerial", "Alep", "2016-02-08", "day")),
        ("Des hommes armés ont enlevé trois humanitaires mardi près de Goma.", ("ASSAULT", "abduct", "Goma", "2016-02-09", "day")),
        ("Un attentat suicide a fait douze morts mercredi dans un marché de Kaboul.", ("ASSAULT", "suicide-attack", "Kaboul", "2016-02-10", "day")),
        ("Des frappes de drones ont visé Sanaa dimanche.", ("ASSAULT", "drone", "Sanaa", "2016-02-07", "day")),
        ("Les rebelles ont attaqué un convoi de l'armée près de Tombouctou.", ("ASSAULT", None, "Tombouctou", "2016-02-11", "published")),
        ("Des tirs d'obus ont touché un quartier de Donetsk samedi.", ("ASSAULT", "heavy-weapons", "quartier de Donetsk", "2016-02-06", "day")),
        ("Une attaque au couteau a fait deux blessés à Marseille jeudi.", ("ASSAULT", "primitive", "Marseille", "2016-02-11", "day")),
        ("La police a tiré des gaz lacrymogènes sur les manifestants à Paris.", ("ASSAULT", "crowd-control", "Paris", "2016-02-11", "published")),
        ("Les jihadistes ont exécuté cinq otages dimanche à Raqqa.", ("ASSAULT", "execute", "Raqqa", "2016-02-07", "day")),
        ("Une voiture piégée a explosé vendredi à Mogadiscio, tuant huit personnes.", ("ASSAULT", "explosives", "Mogadiscio", "2016-02-05", "day")),
        ("Des obus sont tombés sur le centre de Homs lundi.", ("ASSAULT", "heavy-weapons", "Homs", "2016-02-08", "day")),
        ("Le militant a été assassiné à Bagdad le 3 février.", ("ASSAULT", "assassinate", "Bagdad", "2016-02-03", "day")),
        ("Les rebelles du M23 se sont emparés mercredi de Rutshuru.", ("ASSAULT", None, "Rutshuru", "2016-02-10", "day")),
        ("Un policier a été blessé par balle à Lyon.", ("ASSAULT", "firearms", "Lyon", "2016-02-11", "published")),
        ("Les manifestations ont été réprimées par les forces de l'ordre à Caracas.", ("ASSAULT", "crowd-control", "Caracas", "2016-02-11", "published")),
        ("L'armée a pris pour cible des positions jihadistes près de Mopti.", ("ASSAULT", None, "Mopti", "2016-02-11", "published")),
        ("Des inconnus ont incendié une école à Kidal dans la nuit de mardi.", ("ASSAULT", "destroy", "Kidal", "2016-02-09", "day")),
        ("La police a interpellé vingt personnes samedi à Lyon.", ("COERCE", "arrest", "Lyon", "2016-02-06", "day")),
        ("Le président a été destitué mercredi par des militaires à Niamey.", ("COERCE", "seize", "Niamey", "2016-02-10", "day")),
        ("Un couvre-feu a été décrété à Bamako.", ("COERCE", "curfew", "Bamako", "2016-02-11", "published")),
        ("Le gouvernement a fermé les frontières du pays mardi.", ("COERCE", "restrict", None, "2016-02-09", "day")),
        ("L'opposant a été placé en résidence surveillée à Harare.", ("COERCE", "arrest", "Harare", "2016-02-11", "published")),
        ("Des milliers de manifestants ont défilé dimanche à Lyon.", ("PROTEST", "demo", "Lyon", "2016-02-07", "day")),
        ("Des émeutes ont éclaté dans la nuit à Nouméa.", ("PROTEST", "riot", "Nouméa", "2016-02-11", "day")),
        ("Les cheminots sont en grève depuis lundi à Marseille.", ("PROTEST", "strike", "Marseille", "2016-02-08", "day")),
        ("Les habitants sont descendus dans la rue à Dakar.", ("PROTEST", "demo", "Dakar", "2016-02-11", "published")),
        ("Le secrétaire général a appelé les deux camps à la retenue mardi.", ("REQUEST", None, None, "2016-02-09", "day")),
        ("L'opposition réclame un cessez-le-feu immédiat.", ("REQUEST", "yield", None, "2016-02-11", "published")),
        ("Moscou a écarté toute négociation avec Kiev.", ("REJECT", "meet", None, "2016-02-11", "published")),
        ("Le ministre a réfuté ces accusations lundi.", ("REJECT", None, None, "2016-02-08", "day")),
        ("Kinshasa a promis de reprendre la ville.", ("THREATEN", "violence", None, "2016-02-11", "published")),
        ("Les soldats ont mis en garde contre toute intervention étrangère.", ("THREATEN", None, None, "2016-02-11", "published")),
        ("Paris a dénoncé jeudi les bombardements russes.", ("ACCUSE", "disapprove", None, "2016-02-11", "day")),
        ("Kiev accuse Moscou d'avoir bombardé des civils.", ("ACCUSE", "allege", None, "2016-02-11", "published")),
        ("Le Tchad déplore l'attitude du Nigeria.", ("ACCUSE", "disapprove", None, "2016-02-11", "published")),
        ("Téhéran a jugé la décision de Washington inacceptable.", ("ACCUSE", "disapprove", None, "2016-02-11", "published")),
        ("Les délégations se sont rencontrées jeudi à Genève.", ("CONSULT", None, "Genève", "2016-02-11", "day")),
        ("Sergueï Lavrov s'est entretenu avec John Kerry mardi.", ("CONSULT", None, None, "2016-02-09", "day")),
        ("Les deux parties ont signé un accord de paix à Alger.", ("AGREE", None, "Alger", "2016-02-11", "published")),
        ("Le Hamas a libéré trois otages dimanche à Gaza.", ("RETREAT", "release", "Gaza", "2016-02-07", "day")),
        ("Le retrait des troupes françaises a commencé lundi.", ("RETREAT", "withdraw", None, "2016-02-08", "day")),
        ("Un cessez-le-feu est entré en vigueur samedi à Alep.", ("RETREAT", "ceasefire", "Alep", "2016-02-06", "day")),
        ("Le Rwanda a déployé des troupes à la frontière lundi.", ("MOBILIZE", "troops", None, "2016-02-08", "day")),
        ("L'Union européenne a adopté de nouvelles sanctions contre la Russie à Bruxelles.", ("SANCTION", None, "Bruxelles", "2016-02-11", "published")),
        ("Un convoi humanitaire est arrivé à Madaya mercredi.", ("AID", "humanitarian", "Madaya", "2016-02-10", "day")),
    ],
)
def test_event_passages_positive(extract, text, expected):
    assert expected in _events(extract, text)


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "text, expected",
    [
        # a place in a direct quote about something else never places the story's events
        ("Le ministre a déclaré : « Nous allons à Munich ». L'aviation a bombardé des quartiers de la ville dans la nuit.", [("ASSAULT", "aerial", None, "2016-02-11", "day")]),
        # the seat of the source is not where it happened
        ("Une ONG basée à Genève a dénoncé des frappes sur Idleb.", [("ACCUSE", "disapprove", "Idleb", "2016-02-11", "published"), ("ASSAULT", "aerial", "Idleb", "2016-02-11", "published")]),
        # "selon X" is a source, the clause gives the place
        ("Selon la préfecture de Lyon, la police a arrêté trois militants à Villeurbanne.", [("COERCE", "arrest", "Villeurbanne", "2016-02-11", "published")]),
    ],
)
def test_event_passages_place_is_the_events(extract, text, expected):
    assert _events(extract, text) == expected


@pytest.mark.issue(18)
def test_event_passages_no_conflict_event_in_a_disaster_story(extract):
    text = ("Le bilan du séisme qui a frappé la Turquie ne cesse de s'alourdir. La Turquie déplore "
            "au moins 17 000 morts et 6 000 bâtiments détruits.")
    record = extract(text, title="Séisme en Turquie : plus de 17 000 morts")
    assert not [e for e in record.events if e.type in CONFLICT]
    assert [f.value for f in record.figures if f.kind == "killed"] == [17000]


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "text, expected",
    [
        # deploying or dispatching troops, peacekeepers, a patrol: a mobilisation
        ("La mission de l'ONU a déployé des Casques bleus dans la ville.", ("MOBILIZE", "troops")),
        ("Une patrouille a été dépêchée sur les lieux.", ("MOBILIZE", "troops")),
    ],
)
def test_event_passages_mobilisation(extract, text, expected):
    assert [(e.type, e.mode) for e in extract(text, title="").events] == [expected]


@pytest.mark.issue(18)
@pytest.mark.parametrize("text", [
    "Le ministre a dépêché un émissaire à Niamey.",  # an envoy is no force
    "Le journal a déployé ses reporters dans la région.",
])
def test_event_passages_dispatch_without_force(extract, text):
    assert [e.type for e in extract(text, title="").events] == []
