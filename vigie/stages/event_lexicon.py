"""The Events stage's trigger lexicon: loading triggers.yaml and matching it on a Doc."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy
import yaml
from spacy.tokens import Doc, Span, Token

LOGGER = logging.getLogger(__name__)
TRIGGERS = Path(__file__).parent.parent / "knowledge" / "data" / "lexicons" / "triggers.yaml"
DEFAULT_PRIOR = 0.7  # a trigger word alone, before arguments are found; see docs/events.md


@dataclass(frozen=True)
class Entry:
    """One trigger entry: a PLOVER type and mode, with the constraints that disambiguate it."""

    type: str
    mode: str | None = None
    pos: str | None = None
    reflexive: bool = False
    forbid_obj: frozenset[str] = frozenset()
    forbid_subj: frozenset[str] = frozenset()
    forbid_nmod: frozenset[str] = frozenset()
    require_arg: frozenset[str] = frozenset()
    veto: tuple[str, ...] = ()
    prior: float = DEFAULT_PRIOR
    context: tuple[str, ...] = ()
    host: str | None = None
    status: str | None = None


@dataclass
class Lexicon:
    """Indexes built once: phrases by first word, and the word lists status and arguments need."""

    phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    vetoes: dict[str, frozenset[str]] = field(default_factory=dict)
    support_verbs: frozenset[str] = frozenset()
    holder_nouns: frozenset[str] = frozenset()
    patient_nouns: frozenset[str] = frozenset()
    stop_verbs: frozenset[str] = frozenset()
    status_heads: dict[str, str] = field(default_factory=dict)  # lemma -> status
    hosts: dict[str, dict] = field(default_factory=dict)
    contexts: dict[str, list[str]] = field(default_factory=dict)
    figures: dict[str, frozenset[str]] = field(default_factory=dict)
    weapons: dict[str, str] = field(default_factory=dict)  # weapon lemma -> ASSAULT mode


@dataclass
class Match:
    """A trigger found in the text: its entry and the tokens that express it."""

    entry: Entry
    span: Span

    @property
    def root(self) -> Token:
        """The content word that heads the trigger ("avoir" in "n'avoir pas l'intention")."""
        span = self.span
        heads = [t for t in span if not span.start <= t.head.i < span.end or t.head is t]
        content = [t for t in heads if t.pos_ in ("VERB", "NOUN", "PROPN")]
        return content[0] if content else span.root


def _words(tokenizer, phrase: str) -> tuple[str, ...]:
    return tuple(t.lower_ for t in tokenizer(phrase) if not t.is_space)


def _entry(item: dict) -> Entry:
    return Entry(
        type=item["type"],
        mode=item.get("mode"),
        pos=item.get("pos"),
        reflexive=bool(item.get("reflexive")),
        forbid_obj=frozenset(item.get("forbid_obj") or ()),
        forbid_subj=frozenset(item.get("forbid_subj") or ()),
        forbid_nmod=frozenset(item.get("forbid_nmod") or ()),
        require_arg=frozenset(item.get("require_arg") or ()),
        veto=tuple(item.get("veto") or ()),
        prior=float(item.get("prior", DEFAULT_PRIOR)),
        context=tuple(item.get("context") or ()),
        host=item.get("host"),
        status=item.get("status"),
    )


@lru_cache(maxsize=4)
def load_lexicon(path: str = str(TRIGGERS)) -> Lexicon:
    """Load and index the trigger lexicon (cached).

    Args:
        path: the YAML file (the packaged triggers.yaml by default).

    Returns:
        The indexed lexicon.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    tokenizer = spacy.blank("fr").tokenizer
    lex = Lexicon(
        vetoes={k: frozenset(v) for k, v in (data.get("vetoes") or {}).items()},
        support_verbs=frozenset(data.get("support_verbs") or ()),
        holder_nouns=frozenset(data.get("holder_nouns") or ()),
        patient_nouns=frozenset(data.get("patient_nouns") or ()),
        stop_verbs=frozenset(data.get("stop_verbs") or ()),
        hosts=data.get("hosts") or {},
        contexts=data.get("contexts") or {},
        figures={k: frozenset(v) for k, v in (data.get("figures") or {}).items()},
    )
    for mode, words in (data.get("weapons") or {}).items():
        lex.weapons.update({word: mode for word in words})
    for status, words in (data.get("status_heads") or {}).items():
        lex.status_heads.update({_words(tokenizer, w)[-1]: status for w in words})
    for item in data.get("triggers") or []:
        entry = _entry(item)
        for phrase in item["words"]:
            words = _words(tokenizer, phrase)
            lex.phrases.setdefault(words[0], []).append((words, entry))
    for candidates in lex.phrases.values():
        candidates.sort(key=lambda c: -len(c[0]))  # longest phrase first
    return lex


def _fits(token: Token, word: str) -> bool:
    return token.lower_ == word or token.lemma_.lower() == word


def _phrase_at(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(doc):
        return False
    return all(_fits(doc[i + k], w) for k, w in enumerate(words))


def _lemmas(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens}


def _child_lemmas(token: Token, deps: tuple[str, ...]) -> set[str]:
    return {
        c.lemma_.lower() for c in token.children if c.dep_ in deps or c.dep_.split(":")[0] in deps
    }


def _argument_lemmas(root: Token) -> set[str]:
    """Lemmas of the object, passive subject or "de X", and of their own "de X" ("des milliers de
    soldats")."""
    args = [c for c in root.children if c.dep_ in ("obj", "nsubj:pass", "nmod")]
    return {t.lemma_.lower() for a in args for t in (a, *a.children) if t is a or t.dep_ == "nmod"}


def allowed(entry: Entry, span: Span, lex: Lexicon) -> bool:
    """Whether the constraints of `entry` hold for the trigger `span` in its sentence."""
    root = span.root
    pos = "VERB" if root.pos_ == "AUX" else ("NOUN" if root.pos_ == "PROPN" else root.pos_)
    if entry.pos and pos != entry.pos:
        return False
    if entry.reflexive and not any(c.lemma_ == "se" for c in root.children):
        return False
    if _child_lemmas(root, ("obj", "nsubj:pass")) & entry.forbid_obj:
        return False
    if entry.require_arg and not _argument_lemmas(root) & entry.require_arg:
        return False
    if entry.forbid_subj and _child_lemmas(root, ("nsubj",)) & entry.forbid_subj:
        return False
    if _child_lemmas(root, ("nmod",)) & (entry.forbid_nmod or entry.forbid_obj):
        return False
    sentence = _lemmas(span.sent)
    return not any(sentence & lex.vetoes.get(name, frozenset()) for name in entry.veto)


def _match_at(doc: Doc, i: int, lex: Lexicon) -> Match | None:
    token = doc[i]
    keys = {token.lower_, token.lemma_.lower()}
    candidates = [c for key in keys for c in lex.phrases.get(key, ())]
    for words, entry in sorted(candidates, key=lambda c: -len(c[0])):
        if _phrase_at(doc, i, words) and allowed(entry, doc[i:i + len(words)], lex):
            return Match(entry, doc[i:i + len(words)])
    return None


def find_triggers(doc: Doc, lex: Lexicon) -> list[Match]:
    """Trigger matches in text order; the longest match wins and matches do not overlap.

    Args:
        doc: a parsed Doc.
        lex: the lexicon from `load_lexicon()`.

    Returns:
        One Match per trigger.
    """
    found, i = [], 0
    while i < len(doc):
        match = _match_at(doc, i, lex)
        if match is None:
            i += 1
            continue
        found.append(match)
        i = match.span.end
    return found
