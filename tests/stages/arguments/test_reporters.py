"""Who reports an act and who did it: an authority reporting its own measure, the speaker of an
inverted cue, and bands of people named by who they are ("un groupe de soldats")."""

import pytest


def _name(record, actor_id):
    actor = next((a for a in record.actors if a.id == actor_id), None)
    return None if actor is None else actor.name


def _events(record):
    return [(e.type, _name(record, e.source), _name(record, e.target)) for e in record.events]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,expected",
    [
        # an authority that reports a measure the text gives no author is its author
        ("Le chef de l'opposition a été arrêté lundi, a indiqué la police.",
         [("COERCE", "police", "opposition")]),
        ("Le président, qui avait succédé à son père en 2009, a été placé en résidence "
         "surveillée, a annoncé l'armée à la télévision.",
         [("COERCE", "armée", "président")]),
        ("Le colonel a ajouté qu'un couvre-feu avait été décrété.",
         [("COERCE", "colonel", None)]),
        # a band of people named by who they are, as reporter or as agent
        ("Le président du pays, Jean Dupont, a été destitué, a annoncé un groupe de militaires.",
         [("COERCE", "militaires", "Jean Dupont")]),
        ("Le président était retenu dans son palais par des membres de la garde présidentielle, "
         "selon une source sécuritaire.", [("COERCE", "garde présidentielle", "président")]),
        ("Une dizaine de policiers ont arrêté le journaliste.",
         [("COERCE", "policiers", "journaliste")]),
        # never an attack: the army that counts its dead did not kill them
        ("Trois soldats ont été tués mardi dans le nord, a annoncé l'armée.",
         [("ASSAULT", None, "armée")]),
        # never a body that is no authority, nor a foreign government
        ("Le journaliste a été arrêté, a dénoncé l'ONU.",
         [("COERCE", None, "journaliste"), ("ACCUSE", "Organisation des Nations unies", None)]),
        ("L'opposant russe a été arrêté, a dénoncé le gouvernement français.",
         [("COERCE", None, "opposant russe"), ("ACCUSE", "gouvernement français", None)]),
    ],
)
def test_reporters_authority_and_bands(extract, text, expected):
    assert _events(extract(text)) == expected


@pytest.mark.issue(18)
def test_reporters_cue_of_regret_is_no_accusation(extract):
    # "a regretté X" after a quote: X speaks, and regret with no one blamed accuses no one
    record = extract("« Nous avons perdu beaucoup d'hommes », a regretté le général Issa Diallo.")
    assert [e.type for e in record.events] == []


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,expected",
    [
        # a condemnation targets the author of the act it condemns: the act told before...
        ("Des militaires ont renversé le président Paul Mba mardi. Le secrétaire général de "
         "l'ONU condamne fermement la tentative de coup d'État en cours au Gabon.",
         ("ACCUSE", "secrétaire général", "militaires")),
        ("Des rebelles ont attaqué un camp militaire mardi. Le gouvernement a condamné cette "
         "attaque.", ("ACCUSE", "gouvernement", "rebelles")),
        # ...or the act's own "par X" / "commis par X", never its victims
        ("L'Union africaine a condamné l'attentat commis par les jihadistes.",
         ("ACCUSE", "Union africaine", "jihadistes")),
        ("Le gouvernement a dénoncé la répression des manifestants par la police.",
         ("ACCUSE", "gouvernement", "police")),
        # an act with no known author leaves the condemnation's own target
        ("Le ministre a condamné l'arrestation de l'opposant Jean Mba.",
         ("ACCUSE", "ministre", "Jean Mba")),
    ],
)
def test_reporters_condemnation_targets_the_author(extract, text, expected):
    assert expected in _events(extract(text))


@pytest.mark.issue(17)
def test_reporters_agent_of_a_patient_noun_hung_on_its_complement(extract):
    # "par la police" parsed on "manifestants": still the agent of the repression
    record = extract("Le gouvernement a dénoncé la répression des manifestants par la police.")
    assert ("ASSAULT", "police", "manifestants") in _events(record)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,expected",
    [
        # the parser's passive subject of a compound past with "avoir" is the active subject
        ("Les soldats ont également mis en garde contre toute intervention étrangère.",
         [("THREATEN", "soldats", None)]),
        ("Trois soldats ont été tués.", [("ASSAULT", None, "soldats")]),
        # the subject of a decision verb decides the act its object names, also a later one
        # coordinated by "ainsi que"
        ("Le gouvernement a annoncé dimanche l'arrestation de trois suspects.",
         [("COERCE", "gouvernement", "suspects")]),
        ("Le gouvernement a ordonné la libération des otages, ainsi que l'arrestation de trois "
         "suspects.", [("RETREAT", "gouvernement", "otages"),
                       ("COERCE", "gouvernement", "suspects")]),
    ],
)
def test_reporters_subjects_the_parse_mislabels(extract, text, expected):
    assert _events(extract(text)) == expected


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,expected",
    [
        # "entre X et Y": the two parties of a clash, a truce or talks
        ("Un cessez-le-feu entre Israël et le Hamas est entré en vigueur dimanche.",
         [("RETREAT", "Israël", "Hamas")]),
        ("Les combats entre Israël et le Hezbollah se poursuivent.",
         [("ASSAULT", "Israël", "Hezbollah")]),
        # also when the parser makes the second party the verb's subject
        ("De violents affrontements entre les rebelles et l'armée ont fait dix morts.",
         [("ASSAULT", "rebelles", "armée")]),
        ("Des pourparlers entre le gouvernement et l'opposition ont repris à Dakar.",
         [("CONSULT", "gouvernement", "opposition")]),
        # people killed because of an act: one event, the act's
        ("Dix personnes ont été tuées en raison des affrontements entre les rebelles et "
         "l'armée.", [("ASSAULT", "rebelles", "armée")]),
    ],
)
def test_reporters_parties_between(extract, text, expected):
    assert _events(extract(text)) == expected


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,expected",
    [
        # a subject pronoun stands for the last subject of its number and gender before it
        ("Les rebelles ont pris la ville de Goma lundi. Ils ont ensuite attaqué un camp "
         "militaire.", [("ASSAULT", "rebelles", None)]),
        # not for the nearer object of the same number ("dix personnes")
        ("Des éléments armés de l'UPC ont tué dix personnes lundi, a assuré le porte-parole. "
         "Ils avaient auparavant attaqué les positions des forces de sécurité.",
         [("ASSAULT", "UPC", "personnes"), ("ASSAULT", "UPC", "forces de sécurité")]),
        ("La police a dispersé la foule. Elle a ensuite arrêté trois manifestants.",
         [("COERCE", "police", "manifestants")]),
    ],
)
def test_reporters_pronoun_subjects(extract, text, expected):
    assert _events(extract(text)) == expected


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "text,expected",
    [
        # care and relief given to people in need is aid, to whom it is given
        ("Médecins sans frontières a soigné des dizaines de blessés à Gaza.",
         [("AID", "Médecins sans frontières", "blessés")]),
        ("Le Tchad a accueilli des réfugiés soudanais.",
         [("AID", "Tchad", "réfugiés soudanais")]),
        ("Le Programme alimentaire mondial a distribué des vivres aux déplacés.",
         [("AID", "Programme alimentaire mondial", "déplacés")]),
        # an amount is not whose aid it is
        ("L'Union européenne a annoncé une aide humanitaire de 50 millions d'euros.",
         [("AID", "Union européenne", None)]),
        # hosting a summit, a match, leaflets: no aid
        ("Le président a accueilli son homologue français à Dakar.", []),
        ("Le club a accueilli le match de samedi.", []),
        ("Les militants ont distribué des tracts.", []),
    ],
)
def test_reporters_aid_to_people_in_need(extract, text, expected):
    assert _events(extract(text)) == expected


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,expected",
    [
        # a speaker who judges the measure did not take it, whatever its sector
        ("Le journaliste américain a été arrêté à Moscou, a déploré le département d'État.",
         [("COERCE", None, "journaliste américain")]),
        ("Trois militants ont été arrêtés, a dénoncé le gouvernement.",
         [("COERCE", None, "militants"), ("ACCUSE", "gouvernement", None)]),
        # object control reaches an infinitive below the verb, never a finite clause beside it
        ("Le ministre a accusé les rebelles d'avoir tué dix civils.",
         [("ACCUSE", "ministre", "rebelles"), ("ASSAULT", "rebelles", "civils")]),
    ],
)
def test_reporters_judging_speakers(extract, text, expected):
    assert _events(extract(text)) == expected


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,expected",
    [
        # an authority of another country than the place's or the target's took no measure
        ("Un journaliste français a été interpellé à Moscou, a indiqué le ministère français "
         "des Affaires étrangères.", [("COERCE", None, "journaliste français")]),
        ("Un soldat américain a été arrêté en Russie, a confirmé le département d'État "
         "américain.", [("COERCE", None, "soldat américain")]),
        # an expulsion, a seizure of power by civilians: rarely announced by their author
        ("L'ambassadeur de France a été expulsé, a annoncé le ministère français des Affaires "
         "étrangères.", [("COERCE", None, "ambassadeur")]),
        ("Le président a été renversé, a annoncé le gouvernement en exil.",
         [("COERCE", None, "président")]),
        # an agent the parser hung elsewhere is still the author; an embassy arrests no one
        ("Cinq trafiquants ont été arrêtés à la frontière par les douaniers, a indiqué le "
         "ministère de l'Intérieur.", [("COERCE", None, "trafiquants")]),
        ("Le suspect a été arrêté, a annoncé l'ambassade des États-Unis.",
         [("COERCE", None, "suspect")]),
    ],
)
def test_reporters_authorities_that_took_no_measure(extract, text, expected):
    assert _events(extract(text)) == expected


@pytest.mark.issue(17)
def test_reporters_partitive_apposed_to_a_name_is_that_person(extract):
    text = ("Un militaire a été blessé samedi à Lyon par un tir. Selon plusieurs témoins, le "
            "tir venait d'un policier. Paul, l'un des amis de la victime a rapporté à l'AFP : "
            "\"J'ai vu le projectile frapper le visage de mon ami\".")
    record = extract(text)
    names = {a.id: a.name for a in record.actors}
    assert [names.get(q.speaker) for q in record.quotes] == ["témoins", "Paul"]
    assert "amis de la victime" not in names.values()


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,expected",
    [
        # "ils" in a quote is the speaker's to resolve, not a subject of the narrative
        ("Les rebelles ont été chassés de Kamako par l'armée. Les habitants sont rentrés chez "
         "eux. « Ils ont attaqué notre village à l'aube », a raconté une habitante.",
         [("ASSAULT", None, None)]),
        # two subjects of the pronoun's number compete: left unsaid
        ("Les rebelles du M23 ont pris la localité de Rubaya. Les soldats congolais ont fui. "
         "Ils ont ensuite attaqué le camp de Mugunga.", [("ASSAULT", None, None)]),
        # a passive's subject is a patient, not a candidate agent
        ("Dix civils ont été tués lundi par des rebelles dans le village. Les assaillants "
         "ont pillé des maisons. Ils ont ensuite enlevé trois enseignants.",
         [("ASSAULT", "rebelles", "civils"), ("ASSAULT", "rebelles", "enseignants")]),
    ],
)
def test_reporters_pronoun_subjects_left_unsaid(extract, text, expected):
    assert _events(extract(text)) == expected


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,expected",
    [
        # "entre X et Y" says who clashed, not who protested
        ("Des heurts entre la police et des manifestants ont éclaté à Dakar.",
         [("PROTEST", None, None)]),
        # a killing with its own author is not the act it followed
        ("Les rebelles ont tué trois civils mardi à la suite de l'attaque de l'armée contre "
         "leur camp.", [("ASSAULT", "rebelles", "civils"), ("ASSAULT", "armée", None)]),
    ],
)
def test_reporters_parties_and_causes_kept_apart(extract, text, expected):
    assert _events(extract(text)) == expected


@pytest.mark.issue(17)
def test_reporters_condemning_a_kind_of_act_targets_no_author(extract):
    record = extract("L'armée a bombardé des positions rebelles lundi. L'ONU condamne toute "
                     "attaque contre les civils.")
    assert ("ACCUSE", "Organisation des Nations unies", None) in _events(record)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,expected",
    [
        # who claims or justifies an act named as its object did it
        ("Le groupe État islamique a revendiqué l'attentat de Kaboul.",
         [("ASSAULT", "État islamique", None)]),
        ("La situation reste confuse dans la capitale. L'armée, qui justifie le putsch par des "
         "fraudes, a promis des élections.", [("COERCE", "armée", None)]),
        # a city after an act noun is where it happened, not its author
        ("L'attentat de Kaboul a fait dix morts.", [("ASSAULT", None, None)]),
    ],
)
def test_reporters_claimed_acts_and_their_places(extract, text, expected):
    assert _events(extract(text)) == expected


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,expected",
    [
        # care of patients, costs, subsidies: no aid of a conflict
        ("Le CHU de Lille prend en charge les patients souffrant de maladies rares.", []),
        ("Le Sénat veut supprimer l'aide médicale d'État pour les étrangers.", []),
        ("Bercy a promis un soutien financier aux entreprises du secteur automobile.", []),
        # a number of people is who acts, not an amount
        ("Une manifestation de milliers d'opposants a eu lieu samedi à Dakar.",
         [("PROTEST", "opposants", None)]),
        # a passive's subject acts again when no active subject competes, unless killed
        ("Les manifestants ont été dispersés par la police. Ils ont ensuite incendié un "
         "commissariat.", [("ASSAULT", "manifestants", None)]),
        ("Les soldats ont été attaqués mardi près de Gao. Ils ont riposté en tuant trois "
         "assaillants.", [("ASSAULT", None, "soldats"), ("ASSAULT", "soldats", "assaillants")]),
    ],
)
def test_reporters_after_review(extract, text, expected):
    assert _events(extract(text)) == expected


@pytest.mark.issue(17)
def test_reporters_decision_by_a_subject_behind_an_aside(extract):
    text = ("L'Alliance Fleuve Congo, une coalition rebelle active dans l'est du pays, a annoncé "
            "lundi un cessez-le-feu unilatéral.")
    assert _events(extract(text)) == [("RETREAT", "Alliance fleuve Congo", None)]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "text,expected",
    [
        # who reports that people were killed or taken did not kill or take them
        ("L'agence Reuters a rapporté que deux soldats avaient été tués à Kidal.",
         [("ASSAULT", None, "soldats")]),
        ("L'ONG a affirmé que trois civils avaient été enlevés.",
         [("ASSAULT", None, "civils")]),
        # an authority reporting its own measure still is its author (announced_by_author)
        ("Le colonel a ajouté que les frontières avaient été fermées.",
         [("COERCE", "colonel", None)]),
    ],
)
def test_reporters_passive_in_a_report_inherits_no_agent(extract, text, expected):
    assert _events(extract(text)) == expected
