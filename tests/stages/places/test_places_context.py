"""Places in their story: homonyms with and without context, where the text says a place lies,
facilities, features and roads, names that are not places, states that act (issue 19)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import place_at

from vigie.geo import distance_km
from vigie.knowledge.base import load_kb
from vigie.knowledge.gazetteer import gazetteer
from vigie.stages.places.component import PlaceHit, event_place, find_places
from vigie.stages.places.filters import not_a_place
from vigie.stages.places.mentions import Mention, words
from vigie.stages.places.relations import relation_between

KM = 25.0


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,word,country,lat,lon", [
    ("Une explosion a secoué Tripoli, au Liban.", "Tripoli", "LBN", 34.43, 35.84),
    ("Les milices se sont affrontées à Tripoli dimanche.", "Tripoli", "LBY", 32.89, 13.19),
    ("Une frappe a touché Saïda, dans le sud du Liban.", "Saïda", "LBN", 33.56, 35.37),
    ("Des pluies torrentielles ont touché Saïda, dans l'ouest de l'Algérie.",
     "Saïda", "DZA", 34.83, 0.15),
    ("Le port de Boma, sur le fleuve Congo, a rouvert.", "Boma", "COD", -5.85, 13.05),
    ("Les missiles ont frappé Douma, à 15 km au nord-est de Damas.", "Douma", "SYR", 33.57, 36.40),
    ("Les rebelles ont pris Rutshuru, au nord de Goma.", "Rutshuru", "COD", -1.19, 29.45),
    ("La conférence s'est tenue à Vienne la semaine dernière.", "Vienne", "AUT", 48.21, 16.37),
    ("Une attaque de drones a visé Odessa dans la nuit.", "Odessa", "UKR", 46.49, 30.74),
    ("Le sommet s'est tenu à Genève, loin de Damas et d'Alep.", "Genève", "CHE", 46.20, 6.15),
])
def test_places_homonyms(extract, text, word, country, lat, lon):
    place = place_at(extract(text), word)
    assert place is not None and place.country == country
    assert distance_km(place.lat, place.lon, lat, lon) <= KM


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,word,country", [
    # the town of that name is elsewhere, the distance too great to stand in: the place is in
    # the country the text says, unlocated
    ("Des hommes armés ont attaqué Bokolobo, à plus de 400 km au nord-est de Bangui.",
     "Bokolobo", "CAF"),
    ("Des hommes armés ont attaqué le village de Ndoromo, dans l'est du Tchad.", "Ndoromo",
     "TCD"),
])
def test_places_unknown_village_takes_the_country_the_text_says(extract, text, word, country):
    place = place_at(extract(text), word)
    assert place is not None and (place.country, place.lat, place.canonical) == (
        country, None, None)


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,word,name,country,at,level", [
    # a place the gazetteer does not hold takes the point of the region or town the text puts
    # it in or near (ACLED's practice), with no canonical name
    ("Des habitants ont fui Boma, dans la province du Lac, au Tchad.",
     "Boma", "Boma", "TCD", "province du Lac", "city"),
    ("Des hommes armés ont attaqué le camp de Kelbo, dans la province du Soum.",
     "Kelbo", "camp de Kelbo", "BFA", "province du Soum", "area"),
    ("Dix civils ont été tués dans le village de Tokoyo, près de Beni.",
     "Tokoyo", "village de Tokoyo", "COD", "Beni", "city"),
    ("Un convoi est tombé dans une embuscade à Mabanga, à 12 km de Butembo.",
     "Mabanga", "Mabanga", "COD", "Butembo", "city"),
])
def test_places_unknown_place_stands_at_its_region_or_town(extract, text, word, name, country,
                                                             at, level):
    record = extract(text)
    place, host = place_at(record, word), place_at(record, at)
    assert (place.name, place.canonical, place.country, place.level) == (
        name, None, country, level)
    assert host.lat is not None and (place.lat, place.lon) == (host.lat, host.lon)


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,name,town,canonical,country", [
    # a facility of a town is a place of its own (level area), located at the town
    ("Les blessés ont été transférés à l'hôpital de Rafah.",
     "hôpital de Rafah", "Rafah", "Rafaḩ", "PSE"),
    ("Des gangs ont attaqué la prison de Port-au-Prince.",
     "prison de Port-au-Prince", "Port-au-Prince", "Port-au-Prince", "HTI"),
    ("Un obus est tombé sur le marché de Douma.", "marché de Douma", "Douma", "Dūmā", "SYR"),
    ("Les victimes ont été admises au CHU de Montpellier.",
     "CHU de Montpellier", "Montpellier", "Montpellier", "FRA"),
    ("Une épidémie de choléra touche le camp de Kakuma.",
     "camp de Kakuma", "Kakuma", "Kakuma", "KEN"),
    ("Des femmes ont été arrêtées dans le camp d'Al-Hol.",
     "camp d'Al-Hol", "Al-Hol", "Al Ḩawl", "SYR"),
    ("Les réfugiés du camp de Nakivale attendent des vivres.",
     "camp de Nakivale", "Nakivale", "Nakivale Refugee Camp", "UGA"),
])
def test_places_facility_located_at_its_town(extract, text, name, town, canonical, country):
    record = extract(text)
    start = text.index(name)
    (place,) = record.places
    assert (place.name, place.canonical, place.country, place.level, place.mentions) == (
        name, canonical, country, "area", [(start, start + len(name))])
    assert place.geonameid is None and place.lat is not None


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,town,canonical", [
    # after an indefinite article the facility is any one of the town: a mention of the town
    ("Au moins vingt personnes ont été tuées dans une mosquée de Kaboul.", "Kaboul", "Kabul"),
    ("L'ONG opère dans un hôpital de Goma depuis 2012.", "Goma", "Goma"),
    ("Des obus sont tombés sur un marché de Donetsk.", "Donetsk", "Donetsk"),
])
def test_places_any_facility_of_a_town_is_the_town(extract, text, town, canonical):
    start = text.index(town)
    assert [(p.name, p.canonical, p.level, p.mentions) for p in extract(text).places] == [
        (town, canonical, "city", [(start, start + len(town))])]


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,name,country,level", [
    ("Les pêcheurs du lac Tchad ont fui les violences.", "lac Tchad", "TCD", "area"),
    ("Le cyclone est reparti vers l'océan Indien.", "océan Indien", None, "area"),
    ("Des bouchons ont été signalés sur l'A16, en France.", "A16", "FRA", "other"),
])
def test_places_features_and_roads(extract, text, name, country, level):
    place = place_at(extract(text), name)
    assert (place.name, place.country, place.level, place.lat) == (name, country, level, None)


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,word", [
    ("Selon la Préfecture de police, dix personnes ont été interpellées.", "Préfecture"),
    ("Les rebelles du M23 ont repris les armes en 2022.", "M23"),
    ("La réunion s'est tenue à huis clos mardi.", "réunion"),
    ("Le groupe Boko Haram a revendiqué l'attaque.", "Haram"),
    ("La force de la Mission de maintien de la paix a riposté.", "Mission"),
    ("La Russie a annoncé un cessez-le-feu.", "Russie"),
    ("Kigali a démenti tout soutien aux rebelles.", "Kigali"),
    ("La guerre engagée par Moscou dure depuis deux ans.", "Moscou"),
    ("Des combats ont repris dans le Nord-Est, selon l'armée.", "Nord-Est"),
])
def test_places_not_places(extract, text, word):
    assert place_at(extract(text), word) is None


@pytest.mark.issue(19)
def test_places_state_in_an_actors_role_stays_a_place(nlp):
    # the Actors stage takes « la Russie » for the target of the sanctions (issue 17)
    text = "L'Union européenne a adopté des sanctions contre la Russie."
    doc = nlp(text)
    doc._.vigie_actors = [SimpleNamespace(name="Russie", mentions=[(52, 58)], country="RUS")]
    assert [(p.name, p.country, p.level, p.mentions, p.acting) for p in find_places(doc)] == [
        ("Russie", "RUS", "country", [(52, 58)], [True])]


@pytest.mark.issue(19)
def test_places_agent_state_is_no_place_even_as_an_actor(nlp):
    doc = nlp("La Russie a annoncé un cessez-le-feu.")
    doc._.vigie_actors = [SimpleNamespace(name="Russie", mentions=[(3, 9)], country="RUS")]
    assert find_places(doc) == []


@pytest.mark.issue(19)
def test_places_acting_mention_places_no_event(nlp):
    text = "Les sanctions contre la Russie ont été adoptées à Bruxelles."
    doc = nlp(text)
    doc._.vigie_places = [PlaceHit("Bruxelles", level="city", mentions=[(50, 59)],
                                   preps=["a"], acting=[False]),
                          PlaceHit("Russie", level="city", mentions=[(24, 30)],
                                   preps=[None], acting=[True])]
    assert event_place(doc, 0, len(text)) == 0
    assert event_place(doc, 0, 31) is None


@pytest.mark.issue(19)
@pytest.mark.parametrize("gap,expected", [
    (", dans la ", ("in", None, False, False)),
    (", dans le nord-ouest de la ", ("in", None, False, False)),
    (", au ", ("in", None, False, False)),
    (" (", ("in", None, False, False)),
    (", à ", ("at", None, False, False)),
    (", à 30 km au nord de ", ("near", 30.0, False, False)),
    (", située à 15 km au nord-est de la capitale, ", ("near", 15.0, False, False)),
    (", à plus de 400 km au nord-est de la capitale ", ("near", 400.0, True, False)),
    (", à une trentaine de kilomètres de ", ("near", 30.0, False, False)),
    (", près de ", ("near", None, False, False)),
    (", au nord de ", ("near", None, False, True)),
    (" et ", None),
    (" a bombardé ", None),
])
def test_places_relation_between(gap, expected):
    assert relation_between(gap) == expected


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,name,heading", [
    ("Le bilan s'alourdit.\n\nJUSTICE\n\nLe procès s'ouvre lundi.", "JUSTICE", True),
    ("Le bilan s'alourdit.\n\nLa police est arrivée à Justice, dans l'Illinois.", "Justice", False),
])
def test_places_heading_in_capitals_is_no_town(nlp, text, name, heading):
    doc = nlp(text)
    start = text.index(name)
    token = next(t.i for t in doc if t.idx == start)
    m = Mention(start, start + len(name), name, token=token)
    cands = gazetteer().lookup(name)
    assert any(c.country == "USA" for c in cands)
    assert not_a_place(doc, m, words(), load_kb(), cands) is heading


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,name,canonical,level", [
    ("Les gilets jaunes ont manifesté en région toulousaine samedi.",
     "région toulousaine", "Toulouse", "region"),
    ("Des émeutes ont éclaté dans la banlieue parisienne.", "banlieue parisienne", "Paris", "area"),
    ("Le trafic est perturbé dans l'agglomération lyonnaise.",
     "agglomération lyonnaise", "Lyon", "area"),
])
def test_places_adjectival_regions_lie_at_their_town(extract, text, name, canonical, level):
    place = place_at(extract(text), name)
    assert (place.name, place.canonical, place.country, place.level) == (
        name, canonical, "FRA", level)
    assert place.lat is not None


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,name", [
    # an adjective between the facility word and its town; the NER's trailing day left out
    ("Des gangs ont attaqué la prison civile de Port-au-Prince samedi.",
     "prison civile de Port-au-Prince"),
    ("Les blessés ont été admis à l'hôpital général de Goma.", "hôpital général de Goma"),
])
def test_places_facility_with_an_adjective(extract, text, name):
    start = text.index(name)
    assert [(p.name, p.level, p.mentions) for p in extract(text).places] == [
        (name, "area", [(start, start + len(name))])]


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,names", [
    # the town that completes a common noun inside an organisation's name is a place
    ("Le tribunal de Paris a condamné le prévenu.", ["Paris"]),
    ("La mairie de Bamako a démenti.", ["Bamako"]),
    # a proper name of an institution, or a name that goes on, is not
    ("La Banque de France a relevé ses prévisions.", []),
    ("Les ministres des Affaires étrangères de l'Union européenne ont parlé.", []),
])
def test_places_town_completing_an_organisation(extract, text, names):
    assert [p.name for p in extract(text).places] == names
