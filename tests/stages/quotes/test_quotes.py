"""Quotes stage: direct and reported statements, cues and speakers, on passages written for the tests."""
# ruff: noqa: E501 - French test passages stay one per line (STYLE.md 21), however long.

from __future__ import annotations

import pytest

from vigie.stages.quotes.lexicon import build_lexicon, load_cues
from vigie.stages.quotes.marks import find_marked, sentence_bounds


def _speaker_names(record, quote) -> set[str]:
    """The speaker actor's name and the surface of each of its mentions."""
    actor = next(a for a in record.actors if a.id == quote.speaker)
    return {actor.name} | {record.text[s:e] for s, e in actor.mentions}


def _check(record, text: str, quoted: str, direct: bool, speaker: str | None, cue: str | None):
    quote = next((q for q in record.quotes if q.text == quoted), None)
    assert quote is not None, [q.text for q in record.quotes]
    assert (quote.start, quote.end) == (text.index(quoted), text.index(quoted) + len(quoted))
    assert quote.direct is direct
    if cue is not None:
        assert quote.cue == cue
    if speaker is None:
        assert quote.speaker is None
    else:
        assert quote.speaker is not None and speaker in _speaker_names(record, quote)


# (passage, quote text, direct, speaker surface, cue)
CASES = [
    ("Emmanuel Macron a déclaré : « Nous ne céderons rien aux terroristes. »", "Nous ne céderons rien aux terroristes.", True, "Emmanuel Macron", "a déclaré"),
    ("Olaf Scholz a prévenu :«Nous resterons aux côtés de Kiev.»", "Nous resterons aux côtés de Kiev.", True, "Olaf Scholz", "a prévenu"),
    ("« La trêve doit tenir », a affirmé Antonio Guterres.", "La trêve doit tenir", True, "Antonio Guterres", "a affirmé"),
    ("Maria Zakharova a répondu aux journalistes. « Les combats ont repris à l'aube », a-t-elle indiqué.", "Les combats ont repris à l'aube", True, "Maria Zakharova", "a-t-elle indiqué"),
    ("Joe Biden est arrivé à Varsovie. « Nous ne laisserons pas tomber l'Ukraine », a-t-il dit.", "Nous ne laisserons pas tomber l'Ukraine", True, "Joe Biden", "a-t-il dit"),
    ("« Personne ne peut gagner cette guerre », dit Ahmed Hassan.", "Personne ne peut gagner cette guerre", True, "Ahmed Hassan", "dit"),
    ("Recep Tayyip Erdogan a lancé \"Nous ouvrirons nos frontières aux civils\" devant la presse.", "Nous ouvrirons nos frontières aux civils", True, "Recep Tayyip Erdogan", "a lancé"),
    ("Volodymyr Zelensky a écrit : “Les secours travaillent toute la nuit à Kharkiv.”", "Les secours travaillent toute la nuit à Kharkiv.", True, "Volodymyr Zelensky", "a écrit"),
    ("Josep Borrell a déclaré « Nous voulons un cessez-le-feu immédiat » et d'ajouter « Les sanctions resteront en place ».", "Les sanctions resteront en place", True, "Josep Borrell", "et d'ajouter"),
    ("Josep Borrell a déclaré « Nous voulons un cessez-le-feu immédiat » et d'ajouter « Les sanctions resteront en place ».", "Nous voulons un cessez-le-feu immédiat", True, "Josep Borrell", "a déclaré"),
    ("Pedro Sanchez a souligné que « l'Europe doit parler d'une seule voix ».", "l'Europe doit parler d'une seule voix", True, "Pedro Sanchez", "a souligné"),
    ("Giorgia Meloni a dénoncé « une provocation inacceptable et dangereuse ».", "une provocation inacceptable et dangereuse", True, "Giorgia Meloni", "a dénoncé"),
    ("Mahmoud Abbas a parlé longtemps. « Notre peuple souffre depuis des mois. Il faut que cela cesse », a-t-il conclu.", "Notre peuple souffre depuis des mois. Il faut que cela cesse", True, "Mahmoud Abbas", "a-t-il conclu"),
    ("Lula a répondu : « Nous avons dit « non » à cette proposition absurde ».", "Nous avons dit « non » à cette proposition absurde", True, "Lula", "a répondu"),
    ("Narendra Modi a averti que la frontière resterait fermée.", "la frontière resterait fermée", False, "Narendra Modi", "a averti"),
    ("Angela Merkel estime que l'Europe doit rester unie face à la crise.", "l'Europe doit rester unie face à la crise", False, "Angela Merkel", "estime"),
    ("Dmitri Peskov a assuré que les négociations se poursuivraient la semaine prochaine.", "les négociations se poursuivraient la semaine prochaine", False, "Dmitri Peskov", "a assuré"),
    ("Rishi Sunak a expliqué que les troupes britanniques ne seraient pas déployées.", "les troupes britanniques ne seraient pas déployées", False, "Rishi Sunak", "a expliqué"),
    ("Le porte-parole du Kremlin, Dmitri Peskov, a averti que Moscou riposterait.", "Moscou riposterait", False, "Dmitri Peskov", "a averti"),
    ("Antony Blinken a précisé que l'aide serait livrée avant l'hiver.", "l'aide serait livrée avant l'hiver", False, "Antony Blinken", "a précisé"),
    ("Amnesty International a dénoncé que des prisonniers avaient été torturés.", "des prisonniers avaient été torturés", False, "Amnesty International", "a dénoncé"),
    ("Le camp de réfugiés a été bombardé dans la nuit, a indiqué Philippe Lazzarini.", "Le camp de réfugiés a été bombardé dans la nuit", False, "Philippe Lazzarini", "a indiqué"),
    ("Les convois humanitaires sont bloqués depuis trois jours, a affirmé samedi Martin Griffiths.", "Les convois humanitaires sont bloqués depuis trois jours", False, "Martin Griffiths", "a affirmé"),
    ("La situation reste très tendue dans le nord du pays, juge Bertrand Badie.", "La situation reste très tendue dans le nord du pays", False, "Bertrand Badie", "juge"),
    ("Le régime cherche surtout à gagner du temps estime Karim Bitar, politologue.", "Le régime cherche surtout à gagner du temps", False, "Karim Bitar", "estime"),
    ("Selon Human Rights Watch, les forces de sécurité ont tiré sur la foule.", "les forces de sécurité ont tiré sur la foule", False, "Human Rights Watch", "Selon"),
    ("Les écoles resteront fermées jusqu'à nouvel ordre, selon Médecins sans frontières.", "Les écoles resteront fermées jusqu'à nouvel ordre", False, "Médecins sans frontières", "selon"),
    ("D'après Reporters sans frontières, le journaliste a été arrêté à son domicile.", "le journaliste a été arrêté à son domicile", False, "Reporters sans frontières", "D'après"),
    ("Pour Catherine Colonna, la France doit maintenir son ambassade ouverte.", "la France doit maintenir son ambassade ouverte", False, "Catherine Colonna", "Pour"),
    ("Pour le chef de la diplomatie turque, Hakan Fidan, la médiation peut encore réussir.", "la médiation peut encore réussir", False, "Hakan Fidan", "Pour"),
    ("Selon une source diplomatique, le sommet a été reporté.", "le sommet a été reporté", False, "source diplomatique", "Selon"),
    ("Antonio Guterres est arrivé lundi à Kiev. Le secrétaire général a déclaré que la paix restait possible.", "la paix restait possible", False, "Antonio Guterres", "a déclaré"),
    ("Kaja Kallas est arrivée à Bruxelles. Elle a affirmé que l'unité européenne était intacte.", "l'unité européenne était intacte", False, "Kaja Kallas", "a affirmé"),
    ("Le pont a été détruit, a-t-on appris de source militaire.", "Le pont a été détruit", False, None, "a-t-on appris"),
    ("Benyamin Netanyahou a affirmé : « Nous irons jusqu'au bout. » « Le Hamas sera détruit », a-t-il ajouté.", "Le Hamas sera détruit", True, "Benyamin Netanyahou", "a-t-il ajouté"),
]


@pytest.mark.parametrize("text, quoted, direct, speaker, cue", CASES)
def test_quotes_form_span_and_speaker(extract, text, quoted, direct, speaker, cue):
    _check(extract(text), text, quoted, direct, speaker, cue)


# Passages with no statement: scare quotes, titles, names, figures attributed with "selon".
NOT_QUOTES = [
    "Le président a qualifié l'attaque de « lâche » devant les députés.",
    "Le film « Autant en emporte le vent » ressort en salles cette semaine.",
    "Le groupe « État islamique » a revendiqué l'attentat.",
    "Selon l'ONU, 51 000 personnes ont fui les combats.",
    "Au moins 200 civils ont été tués depuis lundi, selon l'OMS.",
    "Pour sa part, le gouvernement a réuni son conseil de défense.",
    "Le ministre, qui est arrivé hier soir, a annoncé sa démission.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_quotes_no_statement(extract, text):
    assert extract(text).quotes == []


def test_quotes_interrupted_by_cue_gives_two_parts(extract):
    text = "« Nous ferons tout, a déclaré Emmanuel Macron, pour que la paix revienne »."
    record = extract(text)
    assert [(q.text, q.cue) for q in record.quotes] == [
        ("Nous ferons tout", "a déclaré"),
        ("pour que la paix revienne", "a déclaré"),
    ]
    assert record.quotes[0].speaker == record.quotes[1].speaker
    assert "Emmanuel Macron" in _speaker_names(record, record.quotes[0])


def test_quotes_dialogue_dash_and_carried_speaker(extract):
    text = "Ahmed Hassan a raconté sa fuite : « Nous avons tout perdu. »\n« Ma maison a brûlé la première nuit. »\n— Nous partirons demain, dit Ahmed Hassan."
    record = extract(text)
    assert [q.text for q in record.quotes] == [
        "Nous avons tout perdu.", "Ma maison a brûlé la première nuit.", "Nous partirons demain"]
    assert len({q.speaker for q in record.quotes}) == 1 and record.quotes[0].speaker is not None


def test_quotes_open_guillemet_closes_at_paragraph_end(extract):
    text = "Fatima Ali a témoigné : « Les bombes sont tombées toute la nuit.\n« Nous avons fui à pied vers le sud. »"
    record = extract(text)
    assert [q.text for q in record.quotes] == [
        "Les bombes sont tombées toute la nuit.", "Nous avons fui à pied vers le sud."]
    assert all(q.direct for q in record.quotes)


def test_quotes_marks_pairing_keeps_outermost():
    text = "Il a dit « oui « non » peut-être » puis “bien” et \"ok\"."
    assert [(m.start, m.end) for m in find_marked(text)] == [(11, 32), (41, 45), (51, 53)]


def test_quotes_sentence_bounds_skip_abbreviations():
    text = "M. Dupont est venu. Il a parlé à l'ONU. Fin"
    assert sentence_bounds(text) == [(0, 19), (20, 39), (40, 43)]


def test_quotes_sentence_bounds_runs_of_stops_initials_and_line_breaks():
    text = "Il a crié : « Non ! » Puis il est parti… Le St. Laurent gèle. J.-P. Sartre écrit.\nA. Fin?! « Oui »"
    assert [text[s:e] for s, e in sentence_bounds(text)] == [
        "Il a crié : « Non ! » Puis il est parti…", "Le St. Laurent gèle.", "J.-P. Sartre écrit.",
        "A. Fin?!", "« Oui »",
    ]


def test_quotes_lexicon_generates_forms():
    lexicon = build_lexicon({"verbs": [{"lemma": "juger"}, {"lemma": "dire", "forms": ["dit"]}]})
    assert lexicon.forms["juge"] == lexicon.forms["jugé"] == lexicon.forms["jugea"] == "juger"
    assert lexicon.forms["dit"] == "dire" and "dire" in lexicon.lemmas
    assert {"selon", "d'après", "pour"} <= set(load_cues().attributions)


SAMPLE = [
    (907, 991, True, "Sergueï Lavrov", "A déclaré"),
    (1009, 1076, True, "Sergueï Lavrov", "et d'ajouter"),
    (1294, 1358, True, "John Kerry", "a souligné"),
    (2080, 2256, False, "Mohammad Javad Zarif", "Pour"),
    (2814, 2978, False, "Koert Debeuf", "juge"),
]


def test_quotes_sample_five_statements(sample_record):
    quotes = {(q.start, q.end): q for q in sample_record.quotes}
    for start, end, direct, speaker, cue in SAMPLE:
        quote = quotes[(start, end)]
        assert (quote.direct, quote.cue) == (direct, cue)
        assert quote.text == sample_record.text[start:end]
        assert speaker in _speaker_names(sample_record, quote)
    assert len(sample_record.quotes) == 5


# Round two: speakers through apposed names, role nouns, earlier statements, infinitive cues.
SPEAKERS = [
    ("Marc Dupont a affirmé avoir vu des soldats tirer sur la foule.", "avoir vu des soldats tirer sur la foule", False, "Marc Dupont", "a affirmé"),
    ("Claire Morel a assuré ne jamais avoir reçu de menaces.", "ne jamais avoir reçu de menaces", False, "Claire Morel", "a assuré"),
    ("Le porte-parole de l'armée, le colonel Jean Martin, a déclaré que les troupes s'étaient retirées.", "les troupes s'étaient retirées", False, "Jean Martin", "a déclaré"),
    ("« Nous ne reculerons pas », a déclaré Volodymyr Zelensky. « L'aide doit arriver vite », a ajouté le chef de l'État.", "L'aide doit arriver vite", True, "Volodymyr Zelensky", "a ajouté"),
    ("Amnesty International a dénoncé que des opposants avaient été arrêtés. L'organisation ajoute que les avocats n'ont pas accès aux détenus.", "les avocats n'ont pas accès aux détenus", False, "Amnesty International", "ajoute"),
]


@pytest.mark.parametrize("text, quoted, direct, speaker, cue", SPEAKERS)
def test_quotes_round_two_speakers(extract, text, quoted, direct, speaker, cue):
    _check(extract(text), text, quoted, direct, speaker, cue)


def test_quotes_infinitive_count_is_a_figure_claim(extract):
    record = extract("L'armée a annoncé avoir détruit 40 chars ennemis.")
    assert record.quotes == []


NOT_STATEMENTS = [
    "Le porte-parole des « casques bleus » a déclaré que la route était coupée.",
    "Les militants ont répondu selon lui à « l'appel du syndicat national ».",
    "Le groupe a créé une page intitulée « Nous marcherons sur la capitale demain » sur le réseau.",
]


@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_quotes_labels_in_a_phrase_are_no_statement(extract, text):
    assert all("«" not in text[q.start - 2: q.start] for q in extract(text).quotes)


def test_quotes_role_noun_is_not_the_last_speaker_of_another_role(extract):
    text = "« Rien n'est décidé », a affirmé le porte-parole du parti, Paul Girard. Le ministre a évoqué « une sortie de crise »."
    record = extract(text)
    quote = next(q for q in record.quotes if q.text == "une sortie de crise")
    speaker = next(a for a in record.actors if a.id == quote.speaker)
    assert (speaker.name, speaker.kind) == ("ministre", "person")  # a new actor, not Paul Girard


@pytest.mark.parametrize(
    "text,quote",
    [
        ("GOMA, 3 mai (AFP) - Les rebelles ont repris la colline de Kibumba, a annoncé l'armée.",
         "Les rebelles ont repris la colline de Kibumba"),
        ("LIMA, 9 juin 2021 (Reuters) - Le scrutin sera recompté dans trois régions, a indiqué le jury "
         "électoral.", "Le scrutin sera recompté dans trois régions"),
    ],
)
def test_quotes_reported_clause_leaves_the_dateline_out(extract, text, quote):
    record = extract(text)
    assert [q.text for q in record.quotes] == [quote]
