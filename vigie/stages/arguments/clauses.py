"""Who does and who undergoes a verb, read from the dependency parse.

A verb's agent is its subject (through the auxiliary the parser may have hung it on), the "par X"
of a passive, or, for a verb with neither, the agent of the clause it belongs to: a gerund or
participle takes its governing verb's subject ("X a démenti, dénonçant"), a coordinated verb its
first conjunct's ("X a attaqué le village et enlevé vingt personnes"), an infinitive its
controller's ("X a annoncé avoir détruit": X; "accuser X d'avoir tué": X), a relative clause its
antecedent ("les rebelles, qui ont pris la ville").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from vigie.french.dateline import skip_dateline
from vigie.stages.common import text_of
from vigie.stages.tokens import morph_of, sentence_of, tree_of

PRONOUN_LOOKBACK = 2  # sentences searched for the antecedent of "il", "elle"
KILLED = {"tuer", "abattre", "exécuter", "massacrer", "décapiter"}  # the dead do not act again

# Clauses an agent is inherited through; deeper chains rarely keep the same agent.
MAX_INHERIT = 4
AGENT_CASES = {"par"}
# How far back (tokens) a lost subject may open the sentence, and what ends the one before.
LOST_REACH = 30
SENTENCE_ENDS = {".", "!", "?", "\n", "\n\n", ";"}
ADDRESSEE_CASES = {"à", "aux", "au"}


def case_of(token: Token) -> str | None:
    """The lower form of the token's first "case" or "mark" child ("contre" X), or None."""
    return tree_of(token.doc).cases[token.i]


def kids(doc: Doc, i: int, deps: set[str], cases: set[str] | None = None) -> list[int]:
    """Indices of token i's children by relation, and by case marker when `cases` is given."""
    tree = tree_of(doc)
    return [
        c for c in tree.children(i)
        if tree.deps[c] in deps and (cases is None or tree.cases[c] in cases)
    ]


def children(token: Token, deps: set[str], cases: set[str] | None = None) -> list[Token]:
    """The token's children by relation, and by case marker when `cases` is given."""
    doc = token.doc
    return [doc[c] for c in kids(doc, token.i, deps, cases)]


def child(token: Token, deps: set[str], cases: set[str] | None = None) -> Token | None:
    """The token's first child by relation (and case marker), or None."""
    found = kids(token.doc, token.i, deps, cases)
    return token.doc[found[0]] if found else None


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("le régime qui ..." -> régime), also when the
    parser hung the relative clause on the verb ("levé par la préfecture, qui souligne")."""
    doc = token.doc
    if "Rel" not in morph_of(doc, token.i, "PronType"):
        return token
    if token.head.dep_.startswith("acl"):
        return token.head.head
    before = token.i - 1
    while before >= 0 and doc[before].pos_ == "PUNCT":
        before -= 1
    return doc[before] if before >= 0 and doc[before].pos_ in ("NOUN", "PROPN") else token


def pronoun_antecedent(token: Token, *, agent: bool = False) -> Token | None:
    """The noun a third-person pronoun subject most likely stands for: the last noun subject of
    the same gender and number before it, in its sentence or the two before. For the `agent`
    of an act, active subjects come first and None when two compete ("Les rebelles ont pris la
    ville. Les soldats ont fui. Ils ont attaqué"); a passive's subject only when none is active
    and its verb does not kill ("Les manifestants ont été dispersés. Ils ont incendié ...")."""
    doc = token.doc
    first, _, _, _ = sentence_of(doc, token.i)
    for _ in range(PRONOUN_LOOKBACK):
        first = sentence_of(doc, first - 1)[0] if first > 0 else first
    tree, gender, number = tree_of(doc), morph_of(doc, token.i, "Gender"), morph_of(
        doc, token.i, "Number")
    active, passive_subject = [], None
    for i in range(token.i - 1, first - 1, -1):
        if not tree.deps[i].startswith("nsubj") or doc[i].pos_ not in ("NOUN", "PROPN"):
            continue
        if gender and morph_of(doc, i, "Gender") not in ((), gender):
            continue
        if number and morph_of(doc, i, "Number") not in ((), number):
            continue
        if not agent:
            return doc[i]
        if tree.deps[i] != "nsubj:pass":
            active.append(doc[i])
        elif passive_subject is None and doc[i].head.lemma_ not in KILLED:
            passive_subject = doc[i]
    if len({t.lemma_ for t in active}) > 1:
        return None
    return active[0] if active else passive_subject


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, also when the parser hung it on the auxiliary."""
    doc = verb.doc
    auxes = _auxes(verb)
    for holder in (verb.i, *auxes):
        subject = kids(doc, holder, {"nsubj"})
        if subject:
            return doc[subject[0]]
    return _misread(verb, auxes)


def misread_subject(verb: Token) -> Token | None:
    """A passive's subject on a verb whose past is with "avoir" and no "être": the parser's
    mistake for an active subject ("Les soldats ont mis en garde", "Elle a arrêté")."""
    return _misread(verb, _auxes(verb))


def _auxes(verb: Token) -> list[int]:
    tree = tree_of(verb.doc)
    return [c for c in tree.children(verb.i) if tree.deps[c].startswith("aux")]


def _misread(verb: Token, auxes: list[int]) -> Token | None:
    doc, tree = verb.doc, tree_of(verb.doc)
    if any(tree.deps[a] == "aux:pass" for a in auxes):
        return None
    if not any(doc[a].lemma_ == "avoir" for a in auxes):
        return None
    subject = kids(doc, verb.i, {"nsubj:pass"})
    return doc[subject[0]] if subject else None


def lost_subject(verb: Token) -> Token | None:
    """The noun phrase that opens the sentence of a finite verb whose subject the parser lost
    behind an aside ("L'Alliance, une coalition active dans l'est, a attaqué ..."): the verb's
    auxiliary follows a comma and the sentence starts with a noun outside any prepositional
    phrase."""
    doc = verb.doc
    auxes = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    first = min([verb.i, *(a.i for a in auxes)])
    if subject_of(verb) is not None or first == 0 or doc[first - 1].text != ",":
        return None
    if passive(verb) or child(verb, {"nsubj:pass"}) is not None:
        return None  # "X, Y, a été destitué": the subject undergoes, it is no agent
    i = first - 1
    while i > 0 and first - i < LOST_REACH and doc[i - 1].text not in SENTENCE_ENDS:
        i -= 1
    if i > 0 and doc[i - 1].text not in SENTENCE_ENDS:
        return None
    line_end = skip_dateline(text_of(doc), doc[i].idx)
    while i < first and (doc[i].pos_ in ("DET", "SPACE") or doc[i].idx < line_end):
        i += 1  # articles, and a wire dateline ("NIAMEY, 27 juillet (Reuters) -")
    opener = doc[i]
    if opener.pos_ not in ("NOUN", "PROPN") or case_of(opener) is not None:
        return None
    return opener


def bare_participle(verb: Token) -> bool:
    """A past participle hanging on a noun without auxiliary: "des civils *tués*"."""
    doc = verb.doc
    return (
        verb.dep_ == "acl" and "Past" in morph_of(doc, verb.i, "Tense")
        and "Part" in morph_of(doc, verb.i, "VerbForm")
        and not kids(doc, verb.i, {"aux", "aux:tense", "aux:pass"})
    )


def passive(verb: Token) -> bool:
    """A passive verb ("a été blessé") or a past participle qualifying a noun ("civils tués")."""
    doc = verb.doc
    if "Pass" in morph_of(doc, verb.i, "Voice") or kids(doc, verb.i, {"aux:pass"}):
        return True
    return bare_participle(verb)


def patient_of(verb: Token) -> Token | None:
    """Who undergoes a passive verb: its passive subject, the noun its participle qualifies, or
    the subject of the verb it completes ("X affirme avoir été blessé": X)."""
    found = child(verb, {"nsubj:pass"})
    if found is None and verb.dep_ == "acl":
        found = verb.head
    if found is None and verb.dep_ == "xcomp":
        found = subject_of(verb.head)
    return found


def passive_agent(verb: Token) -> Token | None:
    """The "par X" of a passive verb or participle ("enlevés par X"), or None."""
    return child(verb, {"obl:agent"}) or child(verb, {"obl", "obl:mod"}, AGENT_CASES)


def _gerund(verb: Token) -> bool:
    """A present participle or gerund ("dénonçant", "en affirmant")."""
    doc = verb.doc
    return "Part" in morph_of(doc, verb.i, "VerbForm") and "Pres" in morph_of(doc, verb.i, "Tense")


def inherited_agent(verb: Token, object_control: frozenset[str]) -> Token | None:
    """The agent a verb without a subject takes from the clause it belongs to, or None."""
    current = verb
    for _ in range(MAX_INHERIT):
        dep, parent = current.dep_, current.head
        if parent is current or parent.i == current.i:
            return None
        if dep == "acl:relcl":
            return parent  # "les rebelles, qui ont pris": the antecedent
        if dep == "xcomp" and parent.lemma_ in object_control:
            return child(parent, {"obj", "iobj", "obl:arg"}) or subject_of(parent)
        if dep == "acl" and parent.dep_ in ("obj", "iobj") and parent.head.lemma_ in object_control:
            return parent  # "accuser X d'avoir tué", parsed with the infinitive on X
        if not (dep in ("xcomp", "conj") or (dep == "advcl" and _gerund(current))):
            return None
        if parent.pos_ not in ("VERB", "AUX"):
            return None
        found = subject_of(parent)
        if found is not None and not passive(parent):
            return found
        if found is None and (agent := passive_agent(parent)) is not None and passive(parent):
            return agent
        current = parent
    return None


def agent_of(verb: Token, object_control: frozenset[str]) -> Token | None:
    """The head token of the phrase that does what `verb` says, or None.

    Args:
        verb: a verb (or the auxiliary-bearing head of a verbal predicate).
        object_control: lemmas of verbs whose object acts in the clause below ("accuser X de").
    """
    if passive(verb):
        found = passive_agent(verb)
        if found is not None:
            return found
        subject = child(verb, {"nsubj"})  # a pronominal passive's true subject
        return antecedent(subject) if subject is not None else None
    subject = subject_of(verb)
    if subject is not None:
        return antecedent(subject)
    found = inherited_agent(verb, object_control)
    return antecedent(found) if found is not None else None
