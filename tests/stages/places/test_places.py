"""Places stage: mentions, geocoding, disambiguation, metonymy, event location (issue 6)."""

from __future__ import annotations

import pytest
from conftest import place_at

from vigie.geo import distance_km
from vigie.stages.places.component import event_place

KM = 25.0


@pytest.mark.issue(6)
@pytest.mark.parametrize("text,word,country,lat,lon,level", [
    ("Des obus sont tombés à Alep dimanche.", "Alep", "SYR", 36.20, 37.16, "city"),
    ("Les combats ont repris près de Beni, selon la police.", "Beni", "COD", 0.49, 29.47, "city"),
    ("Des milliers de déplacés ont fui vers Goma la semaine dernière.",
     "Goma", "COD", -1.67, 29.23, "city"),
    ("Une explosion a secoué Tripoli, au Liban, mardi.", "Tripoli", "LBN", 34.43, 35.84, "city"),
    ("Les milices libyennes se sont affrontées à Tripoli, la capitale de la Libye.",
     "Tripoli", "LBY", 32.89, 13.19, "city"),
    ("Le sommet s'est tenu à Genève en présence de diplomates américains.",
     "Genève", "CHE", 46.20, 6.15, "city"),
    ("Des frappes ont visé la ville de Homs hier soir.", "Homs", "SYR", 34.73, 36.71, "city"),
    ("Le convoi est arrivé à Hama en fin de journée.", "Hama", "SYR", 35.13, 36.76, "city"),
    ("Les secours sont arrivés à Marioupol sous les bombardements.",
     "Marioupol", "UKR", 47.10, 37.55, "city"),
    ("Des drones ont frappé Zaporijia dans la nuit.", "Zaporijia", "UKR", 47.82, 35.19, "city"),
    ("Le couvre-feu a été décrété à Khan Younès jeudi.",
     "Khan Younès", "PSE", 31.34, 34.31, "city"),
    ("Le président s'est rendu à Mossoul puis à Kirkouk.", "Kirkouk", "IRQ", 35.47, 44.39, "city"),
    ("Les soldats ont quitté Tombouctou au petit matin.",
     "Tombouctou", "MLI", 16.77, -3.01, "city"),
    ("Un attentat a fait dix morts à Mogadiscio samedi.", "Mogadiscio", "SOM", 2.04, 45.34, "city"),
    ("Les négociations reprendront au Caire la semaine prochaine.",
     "Caire", "EGY", 30.06, 31.25, "city"),
    ("Les manifestants se sont rassemblés à Londres samedi.",
     "Londres", "GBR", 51.51, -0.13, "city"),
    ("L'aéroport de Donetsk a été repris par les séparatistes.",
     "Donetsk", "UKR", 48.02, 37.80, "area"),  # a facility, located at its town
])
def test_places_cities_located(extract, text, word, country, lat, lon, level):
    place = place_at(extract(text), word)
    assert place is not None and place.level == level and place.country == country
    assert distance_km(place.lat, place.lon, lat, lon) <= KM


@pytest.mark.issue(6)
@pytest.mark.parametrize("text,word,country,level", [
    ("Les rebelles ont avancé dans la province d'Idlib cette semaine.",
     "province", "SYR", "region"),
    ("De nouveaux affrontements ont éclaté au Nord-Kivu mardi.", "Nord-Kivu", "COD", "region"),
    ("L'armée a repris plusieurs villages dans la région de Kharkiv.", "région", "UKR", "region"),
    ("La situation humanitaire reste dramatique au Darfour.", "Darfour", "SDN", "region"),
    ("Des frappes ont touché la bande de Gaza dans la nuit.", "bande", "PSE", "region"),
    ("Les pompiers luttent contre un incendie dans le Var.", "Var", "FRA", "region"),
    ("Le ministre a visité la Cisjordanie occupée lundi.", "Cisjordanie", "PSE", "region"),
    ("Des combats ont été signalés dans l'oblast de Kherson.", "oblast", "UKR", "region"),
    ("Les habitants de l'île de la Réunion attendent le cyclone.", "île", "FRA", "region"),
])
def test_places_regions(extract, text, word, country, level):
    place = place_at(extract(text), word)
    assert place is not None and (place.country, place.level) == (country, level)
    assert place.lat is not None


@pytest.mark.issue(6)
@pytest.mark.parametrize("text,word,country,level", [
    ("Des milliers de civils ont fui vers la frontière turque.", "frontière", "TUR", "border"),
    ("Les réfugiés s'entassent à la frontière libanaise depuis lundi.",
     "frontière", "LBN", "border"),
    ("Des tirs ont été entendus à la frontière syro-turque.", "frontière", "TUR", "border"),
    ("Les combats se poursuivent dans le nord de la Syrie.", "Syrie", "SYR", "country"),
    ("Des inondations ont eu lieu dans l'ouest de l'Ukraine au printemps.",
     "Ukraine", "UKR", "country"),
    ("Le président est arrivé en République démocratique du Congo.",
     "République", "COD", "country"),
    ("Des élections se tiendront en RDC en décembre.", "RDC", "COD", "country"),
    ("Un séisme a été ressenti en Birmanie dimanche.", "Birmanie", "MMR", "country"),
])
def test_places_borders_and_countries(extract, text, word, country, level):
    place = place_at(extract(text), word)
    assert place is not None and (place.country, place.level) == (country, level)


@pytest.mark.issue(6)
@pytest.mark.parametrize("text,word", [
    ("En attendant la réponse de Washington, les diplomates patientent.", "Washington"),
    ("La Russie a annoncé un cessez-le-feu unilatéral.", "Russie"),
    ("Moscou a démenti toute implication dans l'attaque.", "Moscou"),
    ("Le Kremlin a convoqué l'ambassadeur.", "Kremlin"),
    ("Bachar al-Assad a reçu l'émissaire de l'ONU.", "Bachar"),
    ("La position de Pékin n'a pas changé.", "Pékin"),
    ("Le chef de l'État a pris la parole lundi.", "État"),
])
def test_places_metonyms_are_not_places(extract, text, word):
    assert place_at(extract(text), word) is None


@pytest.mark.issue(6)
def test_places_country_both_actor_and_place(extract):
    record = extract("Moscou a démenti toute frappe, mais des explosions ont retenti à Moscou.")
    places = [p for p in record.places if p.canonical == "Moscow"]
    assert len(places) == 1 and places[0].country == "RUS"
    assert places[0].mentions == [(65, 71)]


@pytest.mark.issue(6)
@pytest.mark.parametrize("text,name,country", [
    ("BEYROUTH, 23 octobre (Reuters) - Les discussions se poursuivent.", "BEYROUTH", "LBN"),
    ("Titre\n\nKINSHASA (AFP) - Le scrutin a été reporté.", "KINSHASA", "COD"),
])
def test_places_dateline(extract, text, name, country):
    place = place_at(extract(text), name)
    assert place is not None and (place.name, place.country, place.level) == (name, country, "city")


@pytest.mark.issue(6)
def test_places_one_hit_per_place_with_all_mentions(extract):
    text = "Les combats à Alep ont repris. L'armée encercle Alep et bombarde la province d'Alep."
    record = extract(text)
    cities = [p for p in record.places if p.level == "city"]
    regions = [p for p in record.places if p.level == "region"]
    assert [(p.name, p.geonameid, p.mentions) for p in cities] == [
        ("Alep", 170063, [(14, 18), (48, 52)])]
    assert [(p.name, p.country) for p in regions] == [("province d'Alep", "SYR")]


@pytest.mark.issue(6)
@pytest.mark.parametrize("text,clause,expected", [
    ("Après des pourparlers à Genève, l'armée a bombardé Alep en Syrie.",
     "l'armée a bombardé Alep en Syrie.", "Alep"),
    ("Des civils ont fui vers la frontière turque après un raid près de Beni.",
     "Des civils ont fui vers la frontière turque après un raid près de Beni.", "Beni"),
    ("Une attaque a eu lieu en Ukraine, à Kharkiv.",
     "Une attaque a eu lieu en Ukraine, à Kharkiv.", "Kharkiv"),
    ("Une réunion est prévue mardi.", "Une réunion est prévue mardi.", None),
])
def test_places_event_place(nlp, text, clause, expected):
    doc = nlp(text)
    start = text.index(clause)
    i = event_place(doc, start, start + len(clause))
    assert (None if i is None else doc._.vigie_places[i].name) == expected


@pytest.mark.issue(6)
def test_places_sample_article(sample_record):
    by_name = {p.name: p for p in sample_record.places}
    alep = by_name["Alep"]
    assert alep.country == "SYR" and distance_km(alep.lat, alep.lon, 36.20, 37.16) <= KM
    assert distance_km(by_name["Munich"].lat, by_name["Munich"].lon, 48.14, 11.58) <= KM
    assert by_name["Genève"].country == "CHE"
    assert {by_name[n].level for n in ("Syrie", "Allemagne", "Yémen")} == {"country"}
    assert (by_name["frontière turque"].level, by_name["frontière turque"].country) == (
        "border", "TUR")
    assert not {"Washington", "Bachar al-Assad", "Bachar"} & set(by_name)
    washington = sample_record.text.index("Washington")
    assert all(not (s <= washington < e) for p in sample_record.places for s, e in p.mentions)
