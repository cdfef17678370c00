"""One actor per referent: descriptions and short names of a body named before, media named
after their noun, functions held by a named person, international bodies, thing acronyms."""

from __future__ import annotations

import vigie


def _actors(kb_nlp, text: str):
    record = vigie.extract(text, published="2020-05-04", nlp=kb_nlp)
    return {a.name: a for a in record.actors}


def _mentions(text: str, actor) -> list[str]:
    return [text[s:e] for s, e in actor.mentions]


def test_referents_institute_described_by_its_head_word(nlp):
    text = ("L'Institut national de la statistique et des études économiques (Insee) a publié "
            "ses chiffres. Selon l'institut, le chômage a baissé.")
    actors = _actors(nlp, text)
    insee = actors["Institut national de la statistique et des études économiques"]
    assert (insee.kind, insee.country, insee.sector) == ("organization", "FRA", "GOV")
    assert _mentions(text, insee) == [
        "Institut national de la statistique et des études économiques", "Insee", "institut"]
    assert insee.mentions[-1] == (text.index("institut,"), text.index("institut,") + 8)
    assert len(actors) == 1


def test_referents_coalition_of_another_sector_joins_the_named_one(nlp):
    text = ("La Coalition des patriotes pour le changement a attaqué la ville. La coalition a "
            "ensuite revendiqué l'attaque.")
    actors = _actors(nlp, text)
    assert list(actors) == ["Coalition des patriotes pour le changement"]
    cpc = actors["Coalition des patriotes pour le changement"]
    assert (cpc.kind, cpc.country, cpc.sector) == ("group", "CAF", "REB")
    assert _mentions(text, cpc)[-1] == "coalition"


def test_referents_description_saying_more_is_another_body(nlp):
    text = ("La Commission européenne a salué le scrutin. La commission électorale a publié "
            "les résultats.")
    actors = _actors(nlp, text)
    assert "commission électorale" in actors
    assert _mentions(text, actors["commission électorale"]) == ["commission électorale"]


def test_referents_bare_head_word_is_the_short_name(nlp):
    text = ("La Force multinationale mixte a lancé une offensive. La Force a indiqué avoir "
            "tué dix combattants.")
    actors = _actors(nlp, text)
    force = actors["Force multinationale"]
    assert (force.kind, force.country) == ("organization", None)
    start = text.index("La Force a") + 3
    assert force.mentions[-1] == (start, start + 5)


def test_referents_name_apposed_across_a_name_in_the_description(nlp):
    text = ("L'armée est engagée dans une coalition régionale de lutte contre Boko Haram, la "
            "Force multinationale mixte (FMM), qui opère autour du lac.")
    actors = _actors(nlp, text)
    fmm = actors["Force multinationale mixte"]
    assert (fmm.kind, fmm.country, fmm.sector) == ("organization", None, "MIL")
    assert _mentions(text, fmm) == ["coalition", "Force multinationale mixte", "FMM"]
    assert _mentions(text, actors["Boko Haram"]) == ["Boko Haram"]


def test_referents_unnamed_spokesman_is_the_named_one(nlp):
    text = ("Un porte-parole de la junte militaire n'a pas pu être joint. Le porte-parole de la "
            "junte, le général Min Aung, a déclaré que l'armée avait tiré.")
    actors = _actors(nlp, text)
    assert set(actors) == {"Min Aung", "armée"}
    assert _mentions(text, actors["Min Aung"]) == [
        "porte-parole de la junte militaire", "porte-parole de la junte", "Min Aung"]
    assert actors["Min Aung"].sector == "MIL"


def test_referents_two_spokesmen_of_two_bodies_stay_apart(nlp):
    text = ("Un porte-parole de la police n'a pas répondu. Le porte-parole de l'armée, le "
            "colonel Karim Traoré, a démenti.")
    actors = _actors(nlp, text)
    assert "Karim Traoré" in actors
    assert _mentions(text, actors["Karim Traoré"]) == ["Karim Traoré"]


def test_referents_media_named_after_their_noun(nlp):
    text = ("Selon la chaîne d'information ITélé, les assaillants ont pris la fuite. Le site "
            "d'information Rangoun Now a rapporté dix morts, un chiffre repris par Rangoun Now.")
    actors = _actors(nlp, text)
    for name in ("ITélé", "Rangoun Now"):
        assert (actors[name].kind, actors[name].sector) == ("organization", "MED")
    now = text.index("Rangoun Now")
    # the noun is a mention of the medium; its names are its named mentions
    assert _mentions(text, actors["Rangoun Now"]) == [
        "site d'information", "Rangoun Now", "Rangoun Now"]
    assert actors["Rangoun Now"].named_mentions[0] == (now, now + len("Rangoun Now"))


def test_referents_told_medium_is_no_actor(nlp):
    text = "Le ministre a déclaré à la radio Kalima que la ville était calme."
    assert "Kalima" not in _actors(nlp, text)


def test_referents_international_body_and_its_people_have_no_country(nlp):
    text = "Le secrétaire général de l'ONU, Antonio Guterres, a condamné l'attaque."
    actors = _actors(nlp, text)
    assert actors["António Guterres"].country is None
    assert actors["António Guterres"].sector == "IGO"
    text = ("La Mission multidimensionnelle intégrée des Nations unies pour la stabilisation au "
            "Mali (Minusma) a condamné l'attaque.")
    (mission,) = _actors(nlp, text).values()
    assert (mission.country, mission.sector) == (None, "IGO")


def test_referents_acronym_of_a_thing_is_no_actor(nlp):
    text = ("Les policiers ont fait usage de lanceurs de balles de défense (LBD) contre les "
            "manifestants.")
    assert "LBD" not in _actors(nlp, text)


def test_referents_line_opening_common_phrase_is_no_name(nlp):
    text = ("Dans la capitale, la journée a été violente.\nJets de pierres, feux de poubelles : "
            "des manifestants se sont opposés aux policiers.")
    assert "Jets de pierres" not in _actors(nlp, text)


def test_referents_populations_are_the_civilians_named_victims_not_always(nlp):
    # "les populations" say no more than "les personnes": the civilians named; "les victimes"
    # may be soldiers, so they stay apart
    text = ("Des rebelles ont tué des civils maliens. Les populations ont fui. Les victimes "
            "ont été enterrées.")
    actors = _actors(nlp, text)
    civils = actors["civils maliens"]
    assert (civils.kind, civils.country, civils.sector) == ("population", "MLI", "CVL")
    assert _mentions(text, civils) == ["civils maliens", "populations"]
    assert set(actors) == {"rebelles", "civils maliens", "victimes"}


def test_referents_weapon_acronym_is_no_participant(nlp):
    # the agent of "blessé par" is the weapon spelt out before its acronym, not an actor
    text = ("Des policiers ont utilisé des lanceurs de balles de défense (LBD). Trois "
            "personnes ont été blessées par des LBD.")
    record = vigie.extract(text, published="2020-05-04", nlp=nlp)
    assert "LBD" not in {a.name for a in record.actors}
    assert [(e.type, e.source) for e in record.events] == [("ASSAULT", None)]


def test_referents_unidentified_armed_men_are_the_group_named_before(nlp):
    text = ("Des djihadistes ont attaqué un camp lundi. Des hommes armés ont ensuite pris "
            "pour cible le village voisin.")
    actors = _actors(nlp, text)
    assert set(actors) == {"djihadistes"}
    assert _mentions(text, actors["djihadistes"]) == ["djihadistes", "hommes armés"]
    assert actors["djihadistes"].sector == "REB"


def test_referents_unidentified_armed_men_stay_one_unidentified_actor(nlp):
    # no group named: "les assaillants" are the "hommes armés" told before, sector UAF
    text = "Des hommes armés ont attaqué une église mardi. Les assaillants ont pris la fuite."
    actors = _actors(nlp, text)
    assert set(actors) == {"hommes armés"}
    assert _mentions(text, actors["hommes armés"]) == ["hommes armés", "assaillants"]
    assert actors["hommes armés"].sector == "UAF"


def test_referents_noun_after_en_is_no_participant(nlp):
    text = "Les rebelles ont pris en otage trois humanitaires."
    assert set(_actors(nlp, text)) == {"rebelles", "humanitaires"}


def test_referents_unidentified_armed_men_stay_so_beside_two_groups(nlp):
    text = ("Les rebelles du M23 et des miliciens Wazalendo se sont affrontés lundi. Des hommes "
            "armés ont ensuite attaqué un centre de santé.")
    actors = _actors(nlp, text)
    assert actors["hommes armés"].sector == "UAF"
    assert _mentions(text, actors["hommes armés"]) == ["hommes armés"]


def test_referents_assailants_after_a_state_force_acted_stay_unidentified(nlp):
    # the army attacked the rebels' camp: the assailants may be its soldiers, not the rebels
    text = ("L'armée malienne a attaqué un campement de rebelles près de Kidal. Les assaillants "
            "ont tué au moins dix combattants.")
    actors = _actors(nlp, text)
    assert actors["assaillants"].sector == "UAF"
    assert _mentions(text, actors["assaillants"]) == ["assaillants"]


def test_referents_media_noun_is_a_mention_of_the_medium(nlp):
    text = "L'armée a bombardé la radio Mille Collines."
    actors = _actors(nlp, text)
    assert set(actors) == {"armée", "Mille Collines"}
    assert _mentions(text, actors["Mille Collines"]) == ["radio", "Mille Collines"]
    assert actors["Mille Collines"].sector == "MED"


def test_referents_an_agency_is_no_medium_by_its_noun_alone(nlp):
    actors = _actors(nlp, "L'agence américaine USAID a suspendu son aide au Niger.")
    assert actors["USAID"].sector != "MED"
