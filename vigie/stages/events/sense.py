"""Sense before type: a trigger word becomes an event only when its words fit the type.

The restrictions are data, next to the triggers (`triggers.yaml`, docs/events.md "Sense"):

- `needs: {agent: [classes], target: [classes]}`: the trigger's agent (its subject, "par X", the
  setting of a harm verb "tués dans X") or its target must be one of these: `actor` (an actor of
  the Actors stage or a proper name), a word class of `classes`, or `none` (the text need not
  state it). "le séisme qui a frappé la Turquie": a natural force is no agent of an ASSAULT.
- `excludes: [classes]`: words of these classes in the trigger's own phrase make it another sense
  ("s'affronter au second tour", "une attaque cardiaque", "déplorer la mort de ...").

And three constructions of French, for every trigger: a bare noun complement names a kind of
thing, not an event ("des groupes de tir", "un avion de combat"); a trigger in a quoted name or
slogan is not an event ("un événement intitulé « Macron démission ! »"); a purpose clause states
an aim ("créée pour renverser le président").
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Token

from vigie.stages.arguments.clauses import agent_of, pronoun_antecedent
from vigie.stages.arguments.frames import words_of
from vigie.stages.arguments.participants import actor_of
from vigie.stages.common import article_of, text_of
from vigie.stages.events.lexicon import Lexicon, Match
from vigie.stages.events.speakers import cued_speaker
from vigie.stages.tokens import lemmas_of, morph_of, sentence_of, tree_of

LOGGER = logging.getLogger(__name__)

# Relations that open a clause: its words are not the trigger's own phrase.
CLAUSAL = {"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "conj", "csubj", "punct"}
# Relations through which a word describes the noun it hangs on ("le cyclone Freddy").
DESCRIBING = {"amod", "appos", "flat:name", "flat", "compound", "nmod"}
# Cases of an oblique that gives the cause of a harm ("tués dans le séisme", "par la crue").
CAUSE_CASES = {"par", "dans", "sous", "suite", "à"}
PURPOSE_MARKS = {"pour", "afin"}  # "pour renverser le président": an aim, not an event
QUOTE_OPEN, QUOTE_CLOSE = "«“\"", "»”\""
NAMING_WINDOW = 3  # words between a naming word and the quotation mark it introduces
COMPLEMENTS = {"xcomp", "ccomp", "obj", "obl:arg"}  # what a statement says will be done
UNFIT = ("natural", "competitor")  # classes whose words never act in an ASSAULT
LEDE_MIN = 200  # the lede runs to the first line break after this many characters
_NATURAL_KEY = ("vigie", "natural_story")
_WORD = re.compile(r"\w+")


def own_lemmas(root: Token, skip: tuple[int, int] = (0, 0)) -> list[str]:
    """Lemmas of the trigger's own phrase: its dependents and theirs, clauses left out."""
    doc, tree = root.doc, tree_of(root.doc)
    lemmas, found, todo = lemmas_of(doc), [], [root.i]
    while todo:
        i = todo.pop()
        for c in tree.children(i):
            if tree.deps[c] not in CLAUSAL and not skip[0] <= c < skip[1]:
                found.append(c)
                todo.append(c)
    return [lemmas[i] for i in sorted(found)]


def in_class(words: list[str], members: frozenset[str]) -> bool:
    """Whether a word, or a run of consecutive words ("second tour"), belongs to the class."""
    if any(w in members for w in words):
        return True
    joined = f" {' '.join(words)} "
    return any(" " in m and f" {m} " in joined for m in members)


def _described(token: Token) -> list[str]:
    """The lemmas of a noun and of the words that describe it ("le cyclone Freddy")."""
    tree, lemmas = tree_of(token.doc), lemmas_of(token.doc)
    words = [lemmas[token.i]]
    words += [lemmas[c] for c in tree.children(token.i) if tree.deps[c] in DESCRIBING]
    if tree.deps[token.i] in ("appos", "flat:name") and token.head.i != token.i:
        words.append(lemmas[token.head.i])  # "Freddy" hung on "cyclone" the other way round
    return words


def belongs(token: Token, classes: frozenset[str], lex: Lexicon, actor: int | None) -> bool:
    """Whether the phrase headed by `token` is one of `classes` (see the module doc).

    A pronoun stands for its antecedent; an unknown word fits no class; a pronoun whose
    antecedent is unknown gets the benefit of the doubt.
    """
    if token.pos_ == "PRON":
        found = pronoun_antecedent(token) if "3" in morph_of(token.doc, token.i, "Person") else None
        if found is None:
            return True
        token, actor = found, None
    words = _described(token)
    if in_class(words, lex.classes.get("natural", frozenset())):
        return False  # "le cyclone Freddy": a named storm is still a storm
    if "actor" in classes and (actor is not None or _named(token)
                               or actor_of(token.doc, token) is not None):
        return True
    if "event" in classes and words[0] in lex.phrases:
        return True  # "l'explosion a tué", "des bombardements qui visent"
    return any(in_class(words, lex.classes.get(name, frozenset())) for name in classes)


def _unfit_complement(token: Token, lex: Lexicon) -> bool:
    """A noun's "de X" may be its author, its victim or a quality ("une attaque de grande
    ampleur"): only a word of a class that cannot act rules the event out."""
    words = _described(token)
    return any(in_class(words, lex.classes.get(name, frozenset())) for name in UNFIT)


def _named(token: Token) -> bool:
    """A proper name, or a noun of a name ("l'attitude du Nigeria"): someone the text names."""
    return token.pos_ == "PROPN" or any(
        c.pos_ == "PROPN" and c.dep_ in ("nmod", "appos", "flat:name") for c in token.children)


def _natural_cause(root: Token, lex: Lexicon) -> bool:
    """Whether a natural force is the setting or the agent of the trigger ("tués dans le séisme",
    "une attaque lors de la tempête" is not)."""
    if root.pos_ not in ("VERB", "AUX"):
        return False
    tree, natural = tree_of(root.doc), lex.classes.get("natural", frozenset())
    return any(tree.deps[c].startswith("obl") and tree.cases[c] in CAUSE_CASES
               and in_class(_described(root.doc[c]), natural) for c in tree.children(root.i))


def fits_needs(match: Match, lex: Lexicon, roles: dict) -> bool:
    """Whether the stated arguments fit what the entry needs, and its phrase excludes nothing.

    Args:
        match: the trigger.
        lex: the lexicon.
        roles: role name -> (the argument's head token or None, its actor index or None).
    """
    entry, root = match.entry, match.root
    for role, classes in entry.needs:
        token, actor = roles.get(role, (None, None))
        if role == "complement":
            if actor not in classes:
                return False  # "a promis de reprendre la ville" threatens; "a promis une aide" not
            continue
        if role == "agent" and token is None and _natural_cause(root, lex):
            return False  # "tués dans le séisme", "emportés par la crue"
        if token is None and "none" not in classes:
            return False  # the role must be stated ("déplorer" needs someone to blame)
        if token is None:
            continue
        if role == "head":
            lemma = lemmas_of(root.doc)[token.i]
            if not any(lemma in lex.classes.get(name, ()) for name in classes):
                return False
            continue
        if role == "agent" and root.pos_ not in ("VERB", "AUX"):
            if _unfit_complement(token, lex):
                return False  # "la frappe du joueur", "les ravages du cyclone"
        elif not belongs(token, classes, lex, actor):
            return False
    if not entry.excludes:
        return True
    span = (match.span.start, match.span.end)
    own = own_lemmas(root, span) + _subject_words(root)
    return not any(in_class(own, lex.classes.get(name, frozenset())) for name in entry.excludes)


def _subject_words(root: Token) -> list[str]:
    tree = tree_of(root.doc)
    return [w for c in tree.children(root.i) if tree.deps[c].startswith("nsubj")
            for w in _described(root.doc[c])]


def kind_of_thing(match: Match, lex: Lexicon, triggers: set[int]) -> bool:
    """A bare singular noun complement names a kind, not an event: "des groupes de tir", "un
    avion de combat", "en cas d'attaque"; not after a word that measures or frames events ("une
    journée de grève", "une offre de cessez-le-feu") nor after another trigger ("une menace
    d'attentat")."""
    root = match.root
    doc, tree = root.doc, tree_of(root.doc)
    if root.pos_ != "NOUN" or tree.deps[root.i] != "nmod" or tree.cases[root.i] not in ("de", "d'"):
        return False
    if "Plur" in morph_of(doc, root.i, "Number") or root.head.i in triggers:
        return False
    if any(tree.deps[c] in ("det", "nummod") for c in tree.children(root.i)):
        return False
    head = lemmas_of(doc)[root.head.i]
    return not (head in lex.classes.get("measure", frozenset()) or head in lex.status_heads
                or head in lex.stop_verbs)


def named_in_quotes(match: Match, lex: Lexicon) -> bool:
    """A trigger inside quotation marks that a naming word introduces: a title or a slogan
    ("un événement intitulé « Acte 3 Macron démissionne ! »", "aux cris de « Assassins ! »")."""
    doc = match.span.doc
    text, start = text_of(doc), match.span.start_char
    _, _, sent_start, _ = sentence_of(doc, match.span.start)
    opened = max(text.rfind(q, sent_start, start) for q in QUOTE_OPEN)
    if opened < 0 or (text[opened] == '"' and text.count('"', sent_start, start) % 2 == 0):
        return False
    if any(q in text[opened + 1:start] for q in QUOTE_CLOSE if q != '"'):
        return False  # the quote closed before the trigger
    before = doc.char_span(sent_start, opened, alignment_mode="contract")
    if before is None:
        return False
    lemmas = lemmas_of(doc)[max(before.start, before.end - NAMING_WINDOW):before.end]
    return in_class(lemmas, lex.classes.get("naming", frozenset()))


def aim(root: Token, triggers: dict[int, str]) -> bool:
    """A verbal trigger in a purpose clause states an aim, not an act: "une alliance créée pour
    renverser le président", "a déployé des troupes pour soutenir X". After a protest it is what
    the protest does: "ils sont descendus dans la rue pour soutenir les militaires"."""
    if root.pos_ not in ("VERB", "AUX") or root.dep_ not in ("advcl", "acl"):
        return False
    tree = tree_of(root.doc)
    if not any(tree.deps[c] == "mark" and root.doc[c].lower_ in PURPOSE_MARKS
               for c in tree.children(root.i)):
        return False
    return triggers.get(root.head.i) != "PROTEST"


def fits(draft, lex: Lexicon, triggers: dict[int, str], quotes: list) -> bool:
    """Whether a drafted trigger (component.Draft) is an event of its type (see the module doc).

    Args:
        draft: the trigger's match, hit and argument tokens.
        lex: the lexicon.
        triggers: root index -> PLOVER type, of every trigger of the doc.
        quotes: doc._.vigie_quotes.
    """
    match, hit = draft.match, draft.hit
    if kind_of_thing(match, lex, set(triggers)) or named_in_quotes(match, lex):
        return False
    roles = {"agent": _agent(draft), "target": (draft.target_token, hit.target),
             "head": (_head(match.root), None)}
    if "complement" in dict(match.entry.needs):
        roles["complement"] = (None, _complement(match.root, triggers))
    if hit.target is not None and hit.target == cued_speaker(match, quotes):
        roles["target"] = (None, None)  # the subject after a quote, read as an object
    if not fits_needs(match, lex, roles):
        return False
    return not (_agentless(match, roles) and natural_story(match.span.doc, lex))


def _agent(draft) -> tuple[Token | None, int | None]:
    """The agent and its actor: a verb's from the argument layer (a passive's is its "par X",
    never its subject), a noun's from its source."""
    root, hit = draft.match.root, draft.hit
    if root.pos_ not in ("VERB", "AUX"):
        return draft.source_token, hit.source
    token = agent_of(root, words_of(root.doc).object_control)
    if token is None:
        return None, None
    same = draft.source_token is not None and token.i == draft.source_token.i
    return token, hit.source if same else None


def _complement(root: Token, triggers: dict[int, str]) -> str | None:
    """The type of the first trigger in the complement of a statement ("promis de *reprendre*
    la ville": ASSAULT), or None."""
    tree = tree_of(root.doc)
    todo = [c for c in tree.children(root.i) if tree.deps[c] in COMPLEMENTS]
    while todo:
        i = todo.pop(0)
        if i in triggers:
            return triggers[i]
        todo += tree.children(i)
    return None


def _head(root: Token) -> Token | None:
    """The word a noun trigger hangs on, through coordination ("des drones et des missiles")
    and quantities ("plus de 20 missiles"); None at the top of its sentence."""
    token = root
    for _ in range(3):
        if token.dep_ == "conj" or token.head.lemma_ in ("plus", "moins", "dizaine", "centaine",
                                                        "millier", "salve", "série"):
            token = token.head
            continue
        break
    return None if token.head.i == token.i else token.head


def _agentless(match: Match, roles: dict) -> bool:
    """An entry that needs an agent, with no agent stated."""
    return "agent" in dict(match.entry.needs) and roles["agent"] == (None, None)


def natural_story(doc, lex: Lexicon) -> bool:
    """Whether the title or the lede names a natural force: in such a story, harm with no agent
    is the disaster's ("6 444 bâtiments détruits"), and its tolls stay figures (cached per Doc)."""
    cached = doc.user_data.get(_NATURAL_KEY)
    if cached is None:
        natural = lex.classes.get("natural", frozenset())
        title = article_of(doc).get("title") or ""
        words = [w.lower().rstrip("s") for w in _WORD.findall(title)]
        text = text_of(doc)
        lede = text.find("\n", LEDE_MIN)
        end = len(text) if lede < 0 else lede
        span = doc.char_span(0, end, alignment_mode="contract")
        words += lemmas_of(doc)[:span.end] if span is not None else []
        cached = doc.user_data[_NATURAL_KEY] = in_class(words, natural)
    return cached


def anaphoric(root: Token) -> bool:
    """A noun with a definite, demonstrative or possessive determiner refers back to an event
    the text has told ("la manifestation", "ce coup d'État", "leurs attaques")."""
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    doc = root.doc
    for c in root.children:
        if c.dep_ == "det" and ("Def" in morph_of(doc, c.i, "Definite") or set(
                morph_of(doc, c.i, "PronType")) & {"Dem"} or "Yes" in morph_of(doc, c.i, "Poss")):
            return True
    return False
