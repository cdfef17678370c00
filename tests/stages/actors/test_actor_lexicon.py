"""The actors lexicon's name splitting and per-Doc keys (vigie/stages/actor_lexicon.py)."""

from __future__ import annotations

from vigie.knowledge import overlay
from vigie.knowledge.base import load_kb
from vigie.stages.actors.lexicon import Splitter, doc_keys, texts_of


def _names() -> list[str]:
    kb = load_kb(())
    names = {n for c in kb.countries.values()
             for n in [c.name, *c.names, *c.demonyms, *c.metonyms]}
    names |= {n for e in kb.entries for n in [e.name, *e.aliases]}
    names |= {w for r in kb.roles for w in r.words}
    names |= {w for r in overlay.read("actors").get("roles") or [] for w in r["words"]}
    return sorted(names)


def test_splitter_splits_every_name_as_the_tokenizer_does(nlp):
    split = Splitter(nlp)
    assert split.fast  # else the fast path is never taken and this test proves nothing
    tricky = ["XD", "l'ONU", "Al-Qaïda", "  Hamas", "M23", "Etat islamique", "aujourd'hui", ""]
    for name in [*_names(), *tricky]:
        assert split(name) == [t.text for t in nlp.make_doc(name)], name


def test_doc_keys_are_built_once_per_doc(nlp):
    doc = nlp.make_doc("Les États-Unis et l'ONU")
    assert doc_keys(doc) is doc_keys(doc)
    assert texts_of(doc) == [t.text for t in doc]
    assert list(doc_keys(doc)) == ["les", "etats-unis", "et", "l'", "onu"]
