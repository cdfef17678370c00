"""The Events stage's trigger lexicon: loading triggers.yaml and matching it on a Doc."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.tokens import Doc, Span, Token

from vigie.knowledge import overlay
from vigie.stages.common import lowers_of, text_of
from vigie.stages.tokens import lemmas_of, sentence_of, tree_of

LOGGER = logging.getLogger(__name__)
TRIGGERS = overlay.LEXICONS / "triggers.yaml"
DEFAULT_PRIOR = 0.7  # a trigger word alone, before arguments are found; see docs/events.md
CONTENT_POS = ("VERB", "NOUN", "PROPN")


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
    require_case: frozenset[str] = frozenset()
    veto: tuple[str, ...] = ()
    prior: float = DEFAULT_PRIOR
    context: tuple[str, ...] = ()
    host: str | None = None
    status: str | None = None
    needs: tuple[tuple[str, frozenset[str]], ...] = ()  # (role, classes one of which it must be)
    excludes: frozenset[str] = frozenset()  # classes whose words in its own phrase unmake it
    evaluation: bool = False  # an evaluative adjective: an accusation by whoever says it


@dataclass
class Lexicon:
    """Indexes built once: phrases by first word, and the word lists status and arguments need."""

    phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    vetoes: dict[str, frozenset[str]] = field(default_factory=dict)
    support_verbs: frozenset[str] = frozenset()
    holder_nouns: frozenset[str] = frozenset()
    patient_nouns: frozenset[str] = frozenset()
    harm_nouns: frozenset[str] = frozenset()
    decision_verbs: frozenset[str] = frozenset()
    stop_verbs: frozenset[str] = frozenset()
    status_heads: dict[str, str] = field(default_factory=dict)  # lemma -> status
    hosts: dict[str, dict] = field(default_factory=dict)
    contexts: dict[str, list[str]] = field(default_factory=dict)
    figures: dict[str, frozenset[str]] = field(default_factory=dict)
    weapons: dict[str, str] = field(default_factory=dict)  # weapon lemma -> ASSAULT mode
    classes: dict[str, frozenset[str]] = field(default_factory=dict)  # word classes (sense.py)
    # (type, mode) -> sectors of the authorities whose report of such a measure with no author
    # makes them its author, and the words of diplomatic speakers (triggers.yaml)
    announced: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    diplomatic: frozenset[str] = frozenset()


@dataclass
class Match:
    """A trigger found in the text: its entry and the tokens that express it."""

    entry: Entry
    span: Span
    root: Token = field(init=False)  # the content word that heads the trigger (see _content_root)

    def __post_init__(self):
        self.root = _content_root(self.span)


def _content_root(span: Span) -> Token:
    """The content word that heads a trigger ("avoir" in "n'avoir pas l'intention"): its first
    verb or noun whose head is outside it, else the span's root."""
    for token in span:
        if not span.start <= token.head.i < span.end and token.pos_ in CONTENT_POS:
            return token
    return span.root


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
        require_case=frozenset(item.get("require_case") or ()),
        veto=tuple(item.get("veto") or ()),
        prior=float(item.get("prior", DEFAULT_PRIOR)),
        context=tuple(item.get("context") or ()),
        host=item.get("host"),
        status=item.get("status"),
        needs=tuple((role, frozenset(names)) for role, names in (item.get("needs") or {}).items()),
        excludes=frozenset(item.get("excludes") or ()),
        evaluation=bool(item.get("evaluation")),
    )


def load_lexicon(path: str = str(TRIGGERS), kb_files: tuple[str, ...] = ()) -> Lexicon:
    """Load and index the trigger lexicon (cached per file and set of user files).

    Args:
        path: the YAML file (the packaged triggers.yaml by default).
        kb_files: user knowledge-base files whose `lexicons: triggers:` sections merge over it.

    Returns:
        The indexed lexicon.
    """
    return _load(str(path), tuple(kb_files))


@lru_cache(maxsize=4)
def _load(path: str, kb_files: tuple[str, ...]) -> Lexicon:
    data = overlay.read("triggers", kb_files, path)
    tokenizer = spacy.blank("fr").tokenizer
    lex = Lexicon(
        vetoes={k: frozenset(v) for k, v in (data.get("vetoes") or {}).items()},
        support_verbs=frozenset(data.get("support_verbs") or ()),
        holder_nouns=frozenset(data.get("holder_nouns") or ()),
        patient_nouns=frozenset(data.get("patient_nouns") or ()),
        harm_nouns=frozenset(data.get("harm_nouns") or ()),
        decision_verbs=frozenset(data.get("decision_verbs") or ()),
        stop_verbs=frozenset(data.get("stop_verbs") or ()),
        hosts=data.get("hosts") or {},
        contexts=data.get("contexts") or {},
        figures={k: frozenset(v) for k, v in (data.get("figures") or {}).items()},
    )
    announced = dict(data.get("announced_by_author") or {})
    lex.diplomatic = frozenset(w.lower() for w in announced.pop("diplomatic", None) or ())
    lex.announced = {(etype, mode): frozenset(sectors or ())
                     for etype, modes in announced.items() for mode, sectors in modes.items()}
    for mode, words in (data.get("weapons") or {}).items():
        lex.weapons.update({word: mode for word in words})
    lex.classes = {name: frozenset(words) for name, words in (data.get("classes") or {}).items()}
    lex.classes["weapon"] = lex.classes.get("weapon", frozenset()) | frozenset(lex.weapons)
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


def _phrase_at(lowers: list[str], lemmas: list[str], i: int, words: tuple[str, ...]) -> bool:
    """Whether every word of the phrase is the form or the lemma of the token at i onwards."""
    if i + len(words) > len(lowers):
        return False
    return all(lowers[i + k] == w or lemmas[i + k] == w for k, w in enumerate(words))


def _child_lemmas(doc: Doc, kids: list[int], deps: tuple[str, ...]) -> set[str]:
    dep, lemmas = tree_of(doc).deps, lemmas_of(doc)
    return {lemmas[c] for c in kids if dep[c] in deps or dep[c].split(":")[0] in deps}


def _argument_lemmas(doc: Doc, kids: list[int]) -> set[str]:
    """Lemmas of the object, passive subject or "de X", and of their own "de X" ("des milliers de
    soldats")."""
    tree, lemmas = tree_of(doc), lemmas_of(doc)
    args = [c for c in kids if tree.deps[c] in ("obj", "nsubj:pass", "nmod")]
    own = [t for a in args for t in tree.children(a) if tree.deps[t] == "nmod"]
    return {lemmas[t] for t in args + own}


def _cases(doc: Doc, kids: list[int]) -> set[str | None]:
    """Case markers of the trigger's complements and of its object's ("appeler les deux camps
    *à* conclure": the parser may hang the "à" clause on the object)."""
    tree = tree_of(doc)
    objects = [c for c in kids if tree.deps[c] == "obj"]
    return {tree.cases[c] for c in kids} | {tree.cases[g] for o in objects
                                            for g in tree.children(o)}


def allowed(entry: Entry, span: Span, lex: Lexicon) -> bool:
    """Whether the constraints of `entry` hold for the trigger `span` in its sentence."""
    doc, root = span.doc, span.root
    pos = "VERB" if root.pos_ == "AUX" else ("NOUN" if root.pos_ == "PROPN" else root.pos_)
    if entry.pos and pos != entry.pos:
        return False
    kids = tree_of(doc).children(root.i)
    if entry.reflexive and not any(doc[c].lemma_ == "se" for c in kids):
        return False
    objects = ("obj", "nsubj:pass", "obl:arg")  # "attaquer le problème", "s'attaquer au chômage"
    if entry.forbid_obj and _child_lemmas(doc, kids, objects) & entry.forbid_obj:
        return False
    if entry.require_arg and not _argument_lemmas(doc, kids) & entry.require_arg:
        return False
    if entry.require_case and not _cases(doc, kids) & entry.require_case:
        return False
    if entry.forbid_subj and _child_lemmas(doc, kids, ("nsubj",)) & entry.forbid_subj:
        return False
    forbid_nmod = entry.forbid_nmod or entry.forbid_obj
    if forbid_nmod and _child_lemmas(doc, kids, ("nmod",)) & forbid_nmod:
        return False
    if not entry.veto:
        return True
    start, end, _, _ = sentence_of(doc, span.start)
    sentence = set(lemmas_of(doc)[start:end])
    return not any(sentence & lex.vetoes.get(name, frozenset()) for name in entry.veto)


def _candidates(lex: Lexicon, lower: str, lemma: str) -> list[tuple[tuple[str, ...], Entry]]:
    """The phrases starting with the word's form or lemma, longest first."""
    by_form = lex.phrases.get(lower, [])
    if lemma == lower or lemma not in lex.phrases:
        return by_form
    return sorted(by_form + lex.phrases[lemma], key=lambda c: -len(c[0]))


def _match_at(doc: Doc, i: int, lex: Lexicon, lowers: list[str], lemmas: list[str]) -> Match | None:
    for words, entry in _candidates(lex, lowers[i], lemmas[i]):
        if _phrase_at(lowers, lemmas, i, words):
            span = doc[i:i + len(words)]
            if allowed(entry, span, lex):
                return Match(entry, span)
    return None


def find_triggers(doc: Doc, lex: Lexicon) -> list[Match]:
    """Trigger matches in text order; the longest match wins and matches do not overlap.

    Args:
        doc: a parsed Doc.
        lex: the lexicon from `load_lexicon()`.

    Returns:
        One Match per trigger.
    """
    lowers, lemmas, phrases = lowers_of(doc), lemmas_of(doc), lex.phrases
    # most words start no phrase: find the ones that may before making any Token
    starts = [
        i for i, (lower, lemma) in enumerate(zip(lowers, lemmas, strict=True))
        if lower in phrases or lemma in phrases
    ]
    found, end = [], 0
    for i in starts:
        if i < end:
            continue  # inside the previous match
        match = _match_at(doc, i, lex, lowers, lemmas)
        if match is not None:
            found.append(match)
            end = match.span.end
    return found


def _name_spans(doc: Doc, places: list) -> tuple[list[tuple[int, int, bool]], bytearray]:
    """Actor and place mentions as (start, end, is_actor), and the characters they cover."""
    actors = [(*m, True) for actor in doc._.vigie_actors or [] for m in actor.mentions]
    named = actors + [(*m, False) for place in places for m in place.mentions]
    covered = bytearray(len(text_of(doc)))
    for s, e, _ in named:
        covered[s:e] = b"\x01" * (e - s)
    return named, covered


def _inside_name(match: Match, names: tuple[list[tuple[int, int, bool]], bytearray]) -> bool:
    """A trigger word inside a longer actor name ("Groupe international de soutien") or a place
    name ("La Réunion") is no event."""
    named, covered = names
    start, end = match.span.start_char, match.span.end_char
    if not covered[start]:
        return False  # most triggers are outside every name
    return any(
        s <= start and end <= e and (e - s > end - start or not actor) for s, e, actor in named
    )


def outside_names(doc: Doc, matches: list[Match], places: list) -> list[Match]:
    """The matches that are not part of a longer actor name or of a place name (see
    `_inside_name`).

    Args:
        doc: a Doc the Actors and Places stages have run on.
        matches: trigger matches from `find_triggers`.
        places: doc._.vigie_places.
    """
    named = _name_spans(doc, places)
    return [m for m in matches if not _inside_name(m, named)]
