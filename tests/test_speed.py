import pytest
import spacy
from spacy.attrs import DEP, MORPH, POS, TAG
from spacy.tokens import Doc

from vigie.speed import ColumnAttributeRuler, use_column_attribute_ruler

# Rules of the kinds the French models use (TAG from POS, whitespace tokens) and a few more plain
# one-token tests; later rules override earlier ones on the same token.
RULES = [
    ([[{"POS": "NOUN"}]], {"TAG": "NOUN"}),
    ([[{"POS": "VERB"}], [{"POS": "AUX"}]], {"TAG": "V"}),
    ([[{"LOWER": "le"}]], {"TAG": "DET", "POS": "DET"}),
    ([[{"ORTH": {"IN": ["!", "?"]}}]], {"POS": "PUNCT", "MORPH": "PunctType=Excl"}),
    ([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], {"DEP": "dep"}),
    ([[{"IS_SPACE": True}]], {"TAG": "SPACE", "POS": "SPACE", "MORPH": "_"}),
    ([[{"POS": "SPACE", "IS_SPACE": False}]], {"TAG": "X", "POS": "X"}),
]
WORDS = ["Le", "soldat", "a", "tiré", "\n\n", "!", "le", "\n", "rebelles", "?", "fuient"]
POS_TAGS = ["DET", "NOUN", "AUX", "VERB", "SPACE", "PUNCT", "SPACE", "SPACE", "NOUN", "PUNCT",
            "VERB"]
DEPS = ["det", "nsubj", "aux", "ROOT", "", "punct", "dep", "", "nsubj", "punct", "ROOT"]


def _rulers(rules):
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("attribute_ruler")
    for patterns, attrs in rules:
        ruler.add(patterns, attrs)
    return nlp, ruler


def test_speed_column_attribute_ruler_gives_spacys_attributes():
    nlp, ruler = _rulers(RULES)
    columns = ColumnAttributeRuler(nlp, "columns")
    columns.set_base(ruler, nlp.vocab.strings)
    heads = [1, 3, 3, 3, 3, 3, 3, 8, 10, 10, 10]
    doc = Doc(nlp.vocab, words=WORDS, pos=POS_TAGS, deps=DEPS, heads=heads)
    theirs, ours = ruler(doc.copy()), columns(doc.copy())
    assert ours.to_array([TAG, POS, DEP, MORPH]).tolist() == \
        theirs.to_array([TAG, POS, DEP, MORPH]).tolist()
    # "le" tagged SPACE: the rules test the POS given, and the last rule's X wins over DET
    assert [t.tag_ for t in ours] == ["DET", "NOUN", "V", "V", "SPACE", "", "X", "SPACE", "NOUN",
                                      "", "V"]
    assert [t.pos_ for t in ours][4:7] == ["SPACE", "PUNCT", "X"]
    assert [t.dep_ for t in ours][4:7] == ["", "punct", "dep"]
    assert [str(t.morph) for t in ours][4:6] == ["", "PunctType=Excl"]


@pytest.mark.parametrize("patterns", [
    [[{"LOWER": "le"}, {"POS": "NOUN"}]],  # two tokens
    [[{"LOWER": {"REGEX": "^l"}}]],  # a predicate other than IN / NOT_IN
    [[{"_": {"vigie": True}}]],  # an extension attribute
])
def test_speed_attribute_ruler_kept_when_patterns_need_the_matcher(patterns):
    nlp, ruler = _rulers([(patterns, {"TAG": "X"})])
    assert not use_column_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_speed_column_attribute_ruler_replaces_the_models(nlp):
    assert nlp.pipe_names.index("attribute_ruler") == 3
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "ColumnAttributeRuler"
