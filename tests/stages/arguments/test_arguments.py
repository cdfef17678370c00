"""The argument layer on sentences written for each pattern: who does what the verb says."""

import pytest

from vigie.stages.arguments.clauses import agent_of, lost_subject, patient_of
from vigie.stages.arguments.lexicon import argument_words

CONTROL = argument_words().object_control


def _verb(doc, word):
    return next(t for t in doc if t.text == word)


def _agent(nlp, text, verb):
    doc = nlp(text)
    found = agent_of(_verb(doc, verb), CONTROL)
    return found.text if found is not None else None


@pytest.mark.parametrize(
    "text,verb,agent",
    [
        # own subject, through the auxiliary
        ("Les rebelles ont attaqué le village à l'aube.", "attaqué", "rebelles"),
        ("La police a arrêté trois manifestants.", "arrêté", "police"),
        # passive: the "par X" agent
        ("Trois soldats ont été tués par des hommes armés.", "tués", "hommes"),
        ("Le convoi a été attaqué par les insurgés.", "attaqué", "insurgés"),
        # participle qualifying a noun: its "par X"
        ("Des villageois enlevés par les miliciens ont été libérés.", "enlevés", "miliciens"),
        # coordination: the second verb shares the first one's subject
        ("Les assaillants ont pillé le marché et incendié plusieurs maisons.", "incendié",
         "assaillants"),
        # gerund and present participle take the governing verb's subject
        ("Le ministre a démenti l'information, dénonçant une manipulation.", "dénonçant",
         "ministre"),
        ("L'armée a repris la ville en affirmant avoir chassé les rebelles.", "affirmant",
         "armée"),
        # subject control: the claimant did it
        ("Le groupe a annoncé avoir détruit deux blindés.", "détruit", "groupe"),
        ("Les rebelles promettent de reprendre la ville.", "reprendre", "rebelles"),
        # object control: the accused did it, not the accuser
        ("Le gouvernement accuse les rebelles d'avoir tué des civils.", "tué", "rebelles"),
        # relative clause: the antecedent
        ("Les rebelles, qui ont pris la ville, contrôlent la route.", "pris", "rebelles"),
        # no agent at all
        ("Trois personnes ont été tuées mardi.", "tuées", None),
    ],
)
def test_arguments_agent(nlp, text, verb, agent):
    assert _agent(nlp, text, verb) == agent


@pytest.mark.parametrize(
    "text,verb,patient",
    [
        ("Trois soldats ont été tués par des hommes armés.", "tués", "soldats"),
        ("Des villageois enlevés par les miliciens ont été libérés.", "enlevés", "villageois"),
    ],
)
def test_arguments_patient(nlp, text, verb, patient):
    doc = nlp(text)
    assert patient_of(_verb(doc, verb)).text == patient


def _actor(record, actor_id):
    actor = next(a for a in record.actors if a.id == actor_id)
    return actor.name, actor.kind


def test_arguments_speaker_of_a_gerund_cue_is_the_main_subject(extract):
    record = extract("Le porte-parole du gouvernement a démenti, dénonçant « une manipulation ».")
    # the main verb's subject speaks: the government's spokesperson, an actor of its own
    assert [_actor(record, q.speaker)[0] for q in record.quotes] == ["porte-parole du gouvernement"]


def test_arguments_speaker_of_a_relative_cue_is_its_antecedent(extract):
    text = "Le couvre-feu a été levé par les militaires, qui soulignent « le retour au calme »."
    record = extract(text)
    assert [_actor(record, q.speaker)[0] for q in record.quotes] == ["militaires"]


def test_arguments_unnamed_speaker_becomes_an_actor(extract):
    record = extract("Un habitant a raconté : « Les tirs ont duré toute la nuit ».")
    speaker = next(a for a in record.actors if a.id == record.quotes[0].speaker)
    assert (speaker.name, speaker.kind, record.text[slice(*speaker.mentions[0])]) == (
        "habitant", "person", "habitant")


def test_arguments_byline_is_no_participant(extract):
    record = extract("Attaque à Kaboul\npar Jean Dupont\nLes talibans ont attaqué un poste.")
    assert "Jean Dupont" not in [a.name for a in record.actors]


def test_arguments_non_human_phrase_is_no_participant(extract):
    record = extract("Pour sa part, l'explosion a détruit trois maisons.")
    assert [a.name for a in record.actors if "explosion" in a.name or "part" in a.name] == []


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,verb,expected",
    [
        # the parser ends the subject's clause at the aside; the verb after the comma lost it
        ("L'Alliance Fleuve Congo, une coalition rebelle active dans l'est du pays, a attaqué "
         "les soldats.", "attaqué", "Alliance"),
        # a verb with its own subject, or a sentence opened by a prepositional phrase: none
        ("Les rebelles ont attaqué les soldats.", "attaqué", None),
        ("Dans l'est du pays, a attaqué les soldats.", "attaqué", None),
        # a passive's subject undergoes; a wire dateline opens no clause
        ("Le président, élu en 2021, a été destitué.", "destitué", None),
        ("NIAMEY (Reuters) - Les mutins, venus du nord, ont pris la radio.", "pris", "mutins"),
    ],
)
def test_arguments_lost_subject(nlp, text, verb, expected):
    found = lost_subject(_verb(nlp(text), verb))
    assert (found.text if found is not None else None) == expected
