"""Cue spans and speakers: who a cue verb's subject is, as an index into doc._.vigie_actors
(pronouns and role nouns are resolved in referents.py)."""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from vigie.stages.arguments.clauses import agent_of
from vigie.stages.arguments.frames import words_of
from vigie.stages.arguments.newcomers import newcomer
from vigie.stages.common import lowers_of, text_of
from vigie.stages.quotes.referents import ActorIndex, pronoun, same_role

LOGGER = logging.getLogger(__name__)

PRONOUNS = {"il", "elle", "ils", "elles", "lui", "eux", "-il", "-elle", "-ils", "-elles"}
IMPERSONAL = {"on", "-on", "-t-on"}
_INVERSION = {"-t", "-il", "-elle", "-ils", "-elles", "-on", "-t-il", "-t-elle", "-t-on"}
_NP_INNER = {"flat:name", "flat", "compound", "amod", "det", "fixed"}
_FUNCTION_POS = {"DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "AUX", "NUM"}
_DEFINITE = {"le", "la", "l'", "l’", "les", "ce", "cette"}
_SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj"}
_CLAUSE_DEPS = {"acl:relcl", "acl", "advcl"}
_OF = {"de", "d'", "d’", "du", "des"}
_RELATIVE = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
_PARTITIVES = {"un", "une", "l'un", "l'une", "l’un", "l’une"}
# Tokens allowed between an auxiliary and its participle ("a également souligné", "n'a pas dit").
_BETWEEN_AUX = {"ADV", "PART"}
# How far back (in tokens) an auxiliary may sit before its participle.
AUX_WINDOW = 4
# How far (in tokens) an inverted subject may follow its cue ("a affirmé samedi à l'AFP X").
INVERTED_WINDOW = 12


def cue_start(doc: Doc, verb: Token) -> Token:
    """The first token of the cue: the auxiliary before a participle ("a-t-il déclaré")."""
    first = verb
    for i in range(verb.i - 1, max(0, verb.i - AUX_WINDOW) - 1, -1):
        tok = doc[i]
        if tok.pos_ == "AUX" and tok.lemma_ in ("avoir", "être"):
            first = tok
            break
        if tok.pos_ not in _BETWEEN_AUX and tok.lower_ not in _INVERSION | {"n'", "ne"}:
            break
    return first


def cue_end(doc: Doc, verb: Token) -> Token:
    """The last token of the cue: the verb, or the pronoun of "dit-il"."""
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in _INVERSION and nxt.idx == verb.idx + len(verb.text):
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        glued = after is not None and after.idx == nxt.idx + len(nxt.text)
        if glued and after.lower_ in _INVERSION:
            return after
        return nxt
    return verb


def _inversion_pronoun(doc: Doc, first: Token, last: Token) -> Token | None:
    words = lowers_of(doc)
    for i in range(first.i, last.i + 1):
        if words[i] in _INVERSION and words[i] != "-t":
            return doc[i]
    return None


def _in_pp(tok: Token) -> bool:
    """Whether a noun sits inside a prepositional phrase ("à l'AFP")."""
    head = tok
    while head.dep_ in _NP_INNER and head.head.i != head.i:
        head = head.head
    return any(c.dep_ == "case" for c in head.children) or tok.pos_ == "ADP"

# Brackets and quotation marks around an aside between a subject and its verb.
_OPENERS = {"(", "«", "“"}
_CLOSERS = {")", "»", "”"}


def inverted_subject(doc: Doc, last: Token, lexicon, stop: int) -> Token | None:
    """The subject that follows its cue ("..., a indiqué le ministre", "a déclaré samedi, à
    l'AFP, le porte-parole"), or None."""
    for i in range(last.i + 1, min(stop, last.i + 1 + INVERTED_WINDOW)):
        tok = doc[i]
        if tok.is_punct and tok.text != "-":
            if tok.text in ",(":
                continue  # commas around the cue's adjuncts of time and addressee
            return None
        if tok.lower_ in _PARTITIVES and any(c.dep_ == "nmod" for c in tok.children):
            return tok  # "a déclaré l'un des organisateurs": referent() reads the "des X"
        if tok.lower_ in lexicon.skip_after_cue or tok.pos_ in ("ADV", "NUM"):
            continue
        if _in_time(doc, tok):
            continue  # "a déclaré samedi 14 mai, ...": a date, not who speaks
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and not _in_pp(tok) and not _after_preposition(
                doc, tok):
            return tok
    return None


def _in_time(doc: Doc, tok: Token) -> bool:
    return any(t.start <= tok.idx < t.end for t in doc._.vigie_times or [])


def _after_preposition(doc: Doc, tok: Token) -> bool:
    """Right after a preposition and its article, whatever the parse ("à l'AFP": addressee)."""
    i = tok.i - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return i >= 0 and doc[i].pos_ == "ADP"


def preverbal_subject(verb: Token, is_cue=None) -> Token | None:
    """The cue verb's own subject (nsubj), climbing through coordination and participles.

    Args:
        verb: the cue verb.
        is_cue: tells whether a token is a cue verb; a gerund cue ("en précisant") attached to
            the verb of a reported clause then speaks with the cue governing that clause.
    """
    head = verb
    for _ in range(4):
        if is_cue is not None and head.i != verb.i and head.dep_ == "ccomp" and is_cue(
                head.head) and _gerund(verb):
            head = head.head  # "X a dit que Y avait fait Z, en précisant que": X speaks
        subjects = [c for c in head.children if c.dep_ in _SUBJECT_DEPS and c.lower_ != "-t"]
        if subjects:
            # Two subjects are a head and its apposed name misparsed ("Le porte-parole de
            # l'armée, le colonel X, a déclaré"): the one next to the verb names the speaker.
            return subjects[-1]
        if not _climbs(head):
            return None
        head = head.head
    return None


def _climbs(head: Token) -> bool:
    """Whether a verb with no subject takes its governor's: coordination, participles, and the
    main verb misparsed under a relative clause ("X, qui a fait Y, a déclaré")."""
    if head.head.i == head.i:
        return False
    return head.dep_ in ("conj", "advcl", "xcomp") or (
        head.dep_ == "parataxis" and head.head.dep_ == "acl:relcl")


def _gerund(verb: Token) -> bool:
    """Whether a verb is a gerund ("en précisant")."""
    return verb.i > 0 and verb.doc[verb.i - 1].lower_ == "en" and verb.tag_ != "NOUN"


def _candidates(tok: Token) -> Iterator[Token]:
    """The noun phrase's tokens: its apposed names first ("le journal Le Monde"), then the head,
    then the rest in text order (made as asked: the first ones usually name the speaker)."""
    children = list(tok.children)
    names = [c for c in children if c.dep_ in ("appos", "flat:name", "nmod") and c.pos_ == "PROPN"
             and _apposed(tok, c)]
    # An apposed name outranks the head's complements: "le porte-parole de la junte, le général
    # X" is X, not the junta.
    names += [t for c in children if c.dep_ == "appos" for t in c.subtree]
    # Function words never name a speaker (and an alias index may wrongly hold "un" for UN).
    yield from (t for t in (*names, tok) if t.pos_ not in _FUNCTION_POS)
    # A relative clause describes the speaker and names others ("L'ONG, qui suit l'armée, ...").
    clauses = {t.i for c in children if c.dep_ in _CLAUSE_DEPS or _adjunct(tok, c)
               for t in c.subtree}
    yield from (t for t in tok.subtree if t.i not in clauses and t.pos_ not in _FUNCTION_POS)


def _apposed(head: Token, name: Token) -> bool:
    """Whether a name stands next to its head noun ("le journal Le Monde", "Le Monde, le
    journal"), not in its complement ("de l'UE") or past it ("le chef de l'État sur X")."""
    if any(g.dep_ == "case" for g in name.children):
        return False
    lo, hi = sorted((head.i, name.left_edge.i))
    return all(t.pos_ in ("DET", "PUNCT", "ADJ") for t in head.doc[lo + 1: hi])


def _adjunct(head: Token, tok: Token) -> bool:
    """A complement that is not "de X" ("sur France Inter", "à la télévision"): not the speaker."""
    if tok.dep_ != "nmod":
        return False
    cases = [c.lower_ for c in tok.children if c.dep_ == "case"]
    if not cases:
        return tok.pos_ == "PROPN" and not _apposed(head, tok)
    return cases[0] not in _OF


def speaker_of(doc: Doc, tok: Token | None, index: ActorIndex, previous: int | None) -> int | None:
    """The actor a subject token stands for: a named actor, a pronoun or a role resolved."""
    if tok is None or tok.lower_ in IMPERSONAL:
        return None
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "acl:relcl":
        tok = tok.head.head  # "la préfecture, qui souligne ...": the antecedent speaks
    if tok.lower_ in PRONOUNS:
        return pronoun(doc, tok, index, previous)
    named = _named_before(doc, tok, index) if tok.lower_ in _PARTITIVES else None
    if named is not None:
        return named  # "Jonas, l'un des amis de la victime, a rapporté": Jonas
    for cand in _candidates(tok):
        found = index.at(cand.idx, cand.idx + len(cand.text))
        if found is not None:
            return found
    found = _by_name(tok, index)
    if found is not None:
        return found
    if tok.pos_ == "NOUN" and any(c.lower_ in _DEFINITE for c in tok.children):
        found = _anaphor(tok, index, previous)
        if found is not None:
            return found
    return newcomer(doc, tok, human_only=False)


def _named_before(doc: Doc, tok: Token, index: ActorIndex) -> int | None:
    """The named person a partitive subject is apposed to ("Jonas, l'un des amis de la
    victime, a dit"): the actor right before its comma, when it is a person's name."""
    i = tok.i - 1
    if doc[i].text == "'" or doc[i].lower_ in ("l'", "l’"):
        i -= 1  # "l'" tokenized apart
    if i < 1 or doc[i].text != ",":
        return None
    name = doc[i - 1]
    if name.pos_ != "PROPN":
        return None
    found = index.at(name.idx, name.idx + len(name.text))
    return found if found is not None and index.actors[found].kind == "person" else None


def _by_name(tok: Token, index: ActorIndex) -> int | None:
    """An actor named like the subject noun or its "de" complement where the Actors stage left
    no mention ("un groupe de soldats", "l'un des organisateurs" after the actor
    "organisateurs")."""
    nouns = [tok, *(c for c in tok.children if c.dep_ == "nmod" and c.pos_ == "NOUN")]
    for noun in nouns:
        if noun.pos_ in ("NOUN", "PROPN", "PRON"):
            found = index.named(noun.lower_)
            if found is not None:
                return found
    return None


def _anaphor(tok: Token, index: ActorIndex, previous: int | None = None) -> int | None:
    """"le ministre": the speaker just quoted when of the right kind, else the earlier actor
    with that role, else the nearest of the right kind."""
    word = tok.lemma_.lower()
    kinds = index.anaphors.get(word, ())
    # "« ... », a précisé le chef de l'État" after a quote of Zelensky: a role noun continuing a
    # statement is most often its speaker named again.
    if previous is not None and index.actors[previous].kind in kinds and same_role(
            index, index.actors[previous], word):
        return previous
    found = index.with_role(word, tok.idx)
    if found is None and word in index.generic_roles:
        # "le chef de l'État" names a leader: someone with a known role before anyone else.
        found = index.before(tok.idx, kinds=index.anaphors.get(word, ()), with_role=True)
    if found is None and word in index.anaphors:
        found = index.before(tok.idx, kinds=index.anaphors[word], role=word)
    if found is None:
        # "le ministre de l'Intérieur a dit ..." before "le ministre de l'Intérieur, X, ...".
        found = index.later_with_role(_role_phrase(tok), tok.idx)
    return found


def _role_phrase(tok: Token) -> str:
    """The role noun with its complement ("ministre de l'intérieur"), lowercased."""
    words = [t for t in tok.subtree if t.i >= tok.i and t.dep_ not in ("acl", "acl:relcl")]
    end = tok.i
    for t in sorted(words, key=lambda t: t.i):
        if t.i > end + 1 or t.is_punct:
            break
        end = t.i
    return tok.doc[tok.i: end + 1].text.lower()


@dataclass
class Found:
    """A quote candidate before it becomes a QuoteHit; `rank` orders overlapping candidates."""

    start: int
    end: int
    direct: bool
    speaker: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    rank: int = 0


class Ctx:
    """What every finder of one doc needs: the doc, lexicon, actor index and sentence bounds, and
    every token's offset and cue lemma (read by index: a Token is built on every access)."""

    def __init__(self, doc: Doc, lexicon, sentences: list[tuple[int, int]],
                 cues: list[str | None]):
        self.doc = doc
        self.lexicon = lexicon
        self.index = ActorIndex(doc, lexicon.anaphors)
        self.index.generic_roles = lexicon.generic_roles
        self.sentences = sentences
        self.sent_starts = [s for s, _ in sentences]
        self.tok_starts = doc.to_array(IDX).tolist()
        self.cues = cues  # lexicon.cues_of(doc)
        self._cue_tokens: dict[int, tuple[Token, Token]] = {}  # verb index -> (first, last)

    def token_at(self, char: int) -> int:
        """Index of the token that starts at or first after `char` (len(doc) past the end)."""
        return bisect.bisect_left(self.tok_starts, char)

    def sentence_of(self, char: int) -> tuple[int, int]:
        """The (start, end) char bounds of the sentence holding `char`."""
        i = max(0, bisect.bisect_right(self.sent_starts, char) - 1)
        return self.sentences[i] if self.sentences else (0, len(text_of(self.doc)))

    def cue_tokens(self, verb: Token) -> tuple[Token, Token]:
        """The first and last tokens of the cue around a cue verb (each verb is asked often)."""
        found = self._cue_tokens.get(verb.i)
        if found is None:
            found = self._cue_tokens[verb.i] = (cue_start(self.doc, verb), cue_end(self.doc, verb))
        return found

    def cue(self, verb: Token) -> tuple[int, int]:
        """Char span of the cue around a cue verb."""
        first, last = self.cue_tokens(verb)
        return first.idx, last.idx + len(last.text)

    def subject(self, verb: Token, stop: int, *, inverted: bool = False,
                leading: bool = False) -> Token | None:
        """The cue verb's subject: inversion pronoun, preverbal subject, or inverted subject.

        With `inverted`, the cue follows its clause ("..., a indiqué X"): only a subject after it
        counts. With `leading`, the cue comes before what is said ("X a dit que", "X a dit : «"),
        and a sentence-initial noun stands in for a subject the parse lost.
        """
        first, last = self.cue_tokens(verb)
        pronoun = _inversion_pronoun(self.doc, first, last)
        if pronoun is not None:
            return pronoun
        if inverted:
            return inverted_subject(self.doc, last, self.lexicon, stop)
        found = preverbal_subject(verb, lambda t: bool(self.cues[t.i]))
        start, _end = self.sentence_of(verb.idx)
        if found is not None and found.idx < start:
            found = None  # the parse ran across a paragraph break: its subject is elsewhere
        if found is None:
            found = agent_of(verb, words_of(self.doc).object_control)
            if found is not None and found.idx < start:
                found = None
        if found is None and leading:
            found = self.leading_noun(verb, start)
        found = found or inverted_subject(self.doc, last, self.lexicon, stop)
        return found or self.lost_subject(verb, start)

    def lost_subject(self, verb: Token, start: int) -> Token | None:
        """The actor named last before a cue verb whose subject the parse lost ("Lors de la
        réunion, X, « en tant que président », a dit"): a mention in the cue's sentence, in no
        prepositional phrase, with no verb between it and the cue outside brackets and quotes."""
        doc, index = self.doc, self.index
        first = self.cue_tokens(verb)[0]
        depth = 0
        for tok in reversed(doc[self.token_at(start): first.i]):
            if tok.text == '"':  # straight quotes open and close alike
                depth = 1 if depth == 0 else depth - 1
            elif tok.text in _CLOSERS:
                depth += 1
            elif tok.text in _OPENERS:
                depth = max(0, depth - 1)
            elif depth == 0 and tok.pos_ in ("VERB", "AUX"):
                return None
            elif depth == 0 and tok.pos_ == "PROPN" and not _in_pp(tok):
                if index.at(tok.idx, tok.idx + len(tok.text)) is not None:
                    return tok
        return None

    def leading_noun(self, verb: Token, start: int) -> Token | None:
        """The noun that opens the cue's sentence ("L'ONG, qui ..., a annoncé que"), the subject
        a misparse lost, when the sentence starts with a noun phrase."""
        for tok in self.doc[self.token_at(start): verb.i]:
            if tok.pos_ in ("DET", "SPACE"):
                continue
            return tok if tok.pos_ in ("NOUN", "PROPN") else None
        return None
