"""Places an analyst maps: small towns, camps, quarters, regions, French spellings, homonyms in
their story, and names that are not places (issue 19). Sentences written for the purpose."""

from __future__ import annotations

import pytest
from conftest import place_at

from vigie.geo import distance_km

KM = 25.0


def located_at(place, country, lat, lon) -> bool:
    return (place is not None and place.country == country and place.lat is not None
            and distance_km(place.lat, place.lon, lat, lon) <= KM)


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,word,country,lat,lon", [
    ("Des jihadistes ont attaqué Tessalit, dans le nord du Mali.", "Tessalit", "MLI", 20.20, 1.01),
    ("Des combats ont éclaté à Aguelhok, dans la région de Kidal.",
     "Aguelhok", "MLI", 19.46, 0.86),
    ("L'armée malienne a repris Ansongo dimanche.", "Ansongo", "MLI", 15.66, 0.50),
    ("Un convoi a été pris pour cible près de Tillia, au Niger.", "Tillia", "NER", 16.12, 4.79),
    ("Les secours sont arrivés à Virsac, en Gironde.", "Virsac", "FRA", 45.03, -0.45),
    ("Boko Haram a attaqué Chibok, dans l'État de Borno.", "Chibok", "NGA", 10.87, 12.85),
    ("Des déplacés ont afflué à Dikwa et à Monguno.", "Monguno", "NGA", 12.67, 13.61),
    ("Des combats ont eu lieu à Rubaya, une ville minière du Nord-Kivu.",
     "Rubaya", "COD", -1.56, 28.88),
    ("Les habitants de Masisi ont fui vers Sake.", "Masisi", "COD", -1.40, 28.81),
])
def test_places_small_towns_located(extract, text, word, country, lat, lon):
    assert located_at(place_at(extract(text), word), country, lat, lon)


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,word,name,country,lat,lon", [
    ("Le camp de Zaatari accueille des milliers de Syriens.",
     "camp", "camp de Zaatari", "JOR", 32.30, 36.32),
    ("Les familles vivent dans le camp de réfugiés de Kutupalong depuis 2017.",
     "camp", "camp de réfugiés de Kutupalong", "BGD", 21.21, 92.16),
    ("Le camp de déplacés de Bulengo, près de Goma, a été bombardé.",
     "camp", "camp de déplacés de Bulengo", "COD", -1.62, 29.14),
    ("Des frappes ont visé le quartier de Chajaïya, à Gaza.",
     "quartier", "quartier de Chajaïya", "PSE", 31.50, 34.48),
    ("Les manifestants ont occupé la place Tahrir pendant des jours.",
     "place", "place Tahrir", "EGY", 30.04, 31.24),
    ("Un rassemblement a eu lieu sur les Champs-Élysées samedi.",
     "Champs", "Champs-Élysées", "FRA", 48.87, 2.31),
    ("Un kamikaze s'est fait exploser dans le quartier Khair Khana de Kaboul.",
     "quartier", "quartier Khair Khana", "AFG", 34.53, 69.17),
    ("L'explosion a eu lieu dans la mosquée Sediqia, à Kaboul.",
     "mosquée", "mosquée Sediqia", "AFG", 34.53, 69.17),
    ("Les otages ont été remis sur la place Saraya, dans le quartier d'Al-Daraj, à Gaza.",
     "Saraya", "place Saraya", "PSE", 31.50, 34.47),
])
def test_places_camps_and_quarters(extract, text, word, name, country, lat, lon):
    place = place_at(extract(text), word)
    assert place is not None and (place.name, place.level) == (name, "area")
    assert located_at(place, country, lat, lon)


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,word,canonical,country", [
    ("De nouveaux combats ont éclaté dans la province du Lac, au Tchad.", "province", "Lac", "TCD"),
    ("Les rebelles contrôlent désormais le territoire de Rutshuru.",
     "territoire", "Rutshuru", "COD"),
    ("L'armée a lancé une offensive dans l'État de Borno.", "État", "Borno", "NGA"),
    ("Une attaque a fait dix morts dans la province du Séno.", "province", "Séno", "BFA"),
    ("Des affrontements ont été signalés dans la région de Tillabéri.",
     "région", "Tillabéri", "NER"),
    ("La situation reste tendue dans le gouvernorat d'Idleb.", "gouvernorat", "Idlib", "SYR"),
    ("Les talibans ont pris le contrôle de la province de Kandahar.",
     "province", "Kandahar", "AFG"),
    ("Des massacres ont été commis en Ituri.", "Ituri", "Ituri", "COD"),
    ("Le Haut-Karabakh a été repris par l'Azerbaïdjan.", "Haut", "Haut-Karabakh", "AZE"),
    ("En France métropolitaine, le chômage a baissé.",
     "France", "France métropolitaine", "FRA"),
])
def test_places_regions(extract, text, word, canonical, country):
    place = place_at(extract(text), word)
    assert place is not None and (place.canonical, place.country, place.level) == (
        canonical, country, "region")
    assert place.lat is not None


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,word,canonical,country", [
    ("Des drones ont frappé Tchernihiv, au nord de Kiev.", "Tchernihiv", "Chernihiv", "UKR"),
    ("Des missiles ont frappé Jytomyr dans la nuit.", "Jytomyr", "Zhytomyr", "UKR"),
    ("Les combats se poursuivent autour de Boutcha, près de Kiev.", "Boutcha", "Bucha", "UKR"),
    ("Des tirs ont visé Djabaliya, dans le nord de la bande de Gaza.",
     "Djabaliya", "Jabālyā", "PSE"),
    ("Les talibans sont entrés à Djalalabad, dans l'est de l'Afghanistan.",
     "Djalalabad", "Jalālābād", "AFG"),
    ("Une attaque de drones a visé Odessa dans la nuit.", "Odessa", "Odesa", "UKR"),
    ("Le convoi est arrivé à Mossoul puis à Kirkouk.", "Mossoul", "Mosul", "IRQ"),
    ("Les pourparlers se tiendront à Bâle le mois prochain.", "Bâle", "Basel", "CHE"),
])
def test_places_french_spellings(extract, text, word, canonical, country):
    place = place_at(extract(text), word)
    assert place is not None and (place.canonical, place.country) == (canonical, country)


@pytest.mark.issue(19)
def test_places_transliteration_without_story_is_not_chance(extract):
    # no story country backs it: a namesake found only by spelling is not taken
    assert place_at(extract("Des tirs ont visé Djabaliya dans la nuit."), "Djabaliya") is None


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,word,canonical,country,lat,lon", [
    # districts and divisions no town is named after, at their seat (their biggest town)
    ("Des violences ont éclaté dans la province de la Komondjari.",
     "province", "Komandjoari", "BFA", 12.65, 0.49),
    ("Les violences se poursuivent dans la préfecture de la Ouaka.",
     "préfecture", "Ouaka", "CAF", 5.68, 20.52),
    ("L'armée a repris le contrôle du cercle de Bandiagara.",
     "cercle", "Bandiagara", "MLI", 14.35, -3.61),
])
def test_places_divisions_at_their_seat(extract, text, word, canonical, country, lat, lon):
    place = place_at(extract(text), word)
    assert (place.canonical, place.country, place.level) == (canonical, country, "region")
    assert located_at(place, country, lat, lon)


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,word,canonical,country", [
    # homonyms without context: the French name, then the bigger place
    ("Des affrontements ont eu lieu à Tripoli.", "Tripoli", "Tripoli", "LBY"),
    ("Des combats ont eu lieu à Boma.", "Boma", "Boma", "COD"),
    ("Le maire de Valence a démissionné.", "Valence", "Valence", "FRA"),
    ("Les soldats ont quitté Tombouctou au petit matin.", "Tombouctou", "Timbuktu", "MLI"),
    # a region beats a far town one of whose alternate names it is
    ("Le cyclone a frappé La Réunion.", "Réunion", "La Réunion", "FRA"),
])
def test_places_homonyms_without_context(extract, text, word, canonical, country):
    place = place_at(extract(text), word)
    assert place is not None and (place.canonical, place.country) == (canonical, country)


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,word,canonical,country", [
    # a name the NER took for a person or a thing, that the text then says where it lies
    ("Des frappes ont visé Khan Cheikhoun, dans la province d'Idleb.",
     "Khan", "Khān Shaykhūn", "SYR"),
    ("Un attentat a frappé Bossaso, en Somalie.", "Bossaso", "Bosaso", "SOM"),
])
def test_places_name_placed_by_the_text(extract, text, word, canonical, country):
    place = place_at(extract(text), word)
    assert place is not None and (place.canonical, place.country, place.level) == (
        canonical, country, "city")


@pytest.mark.issue(19)
@pytest.mark.parametrize("text,word", [
    # a person stays a person: no place of that name lies where the text says
    ("Le chef rebelle Ali Darassa, au Tchad depuis 2021, a démenti.", "Darassa"),
    ("Le porte-parole Abdoul Aziz Ouedraogo, à Bangui, a démenti.", "Ouedraogo"),
])
def test_places_person_beside_a_place_is_no_place(extract, text, word):
    assert place_at(extract(text), word) is None
