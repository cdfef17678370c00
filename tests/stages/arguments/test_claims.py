"""Claims of responsibility and blame: the author of an act named earlier."""

import pytest


def _events(extract, text):
    record = extract(text)
    names = {a.id: a.name for a in record.actors}
    return [(e.type, e.trigger, names.get(e.source), names.get(e.target)) for e in record.events]


@pytest.mark.parametrize(
    "text,trigger,source",
    [
        # a claim in the next sentence, passive
        ("Un engin explosif a détruit un convoi militaire près de Gao. L'attaque a été "
         "revendiquée par l'État islamique.", "engin explosif", "État islamique"),
        # the act's own participle
        ("L'attaque revendiquée par les talibans a fait trois morts à Kaboul.", "attaque",
         "talibans"),
        # blame: "attribués à Y", on the head of "une série de"
        ("Le Mali a subi une série d'attentats attribués au JNIM.", "attentats",
         "Groupe de soutien à l'islam et aux musulmans"),
    ],
)
def test_claims_name_the_author(extract, text, trigger, source):
    found = {t: s for _type, t, s, _target in _events(extract, text)}
    assert found[trigger] == source


def test_claims_a_claim_three_sentences_on_is_another_story(extract):
    text = ("Une bombe a explosé sur le marché de Mopti. Les secours sont arrivés. Le calme est "
            "revenu. La ville a rouvert ses écoles. Le groupe a revendiqué l'attentat de Ségou.")
    found = {t: s for _type, t, s, _target in _events(extract, text)}
    assert found.get("bombe") is None


def test_claims_passive_raising_subject_is_no_author(extract):
    # "devront être libérés": the prisoners are freed, they free no one
    found = _events(extract, "Soixante-dix-sept prisonniers palestiniens devront être libérés.")
    assert all(source is None for _type, _t, source, _target in found)
