"""Which mentions are one actor beyond a shared key: surnames, acronyms, appositions.

Helpers of the Actors stage (find.py): a surname-only or acronym mention points at the actor it
abbreviates; members of a named body are that body ("les rebelles du M23"); a description in
apposition to a name is that name's actor and says what it is
("l'UPC, un important groupe rebelle": a group, REB); two descriptions in apposition are one
("trois otages (des femmes)").
"""

from __future__ import annotations

from spacy.tokens import Doc

from vigie.stages.actors.build import Builder, Cand, written_as_name
from vigie.stages.actors.lexicon import span_text, texts_of, tkey

# How far after "A, B," an "et" still makes a list of them (calibrated on short made-up lists:
# "A, B, C et D" is 3 tokens from B's comma to "et" with a two-word C).
LIST_REACH = 8
# Words an apposed description may run on after its head ("une coalition rebelle active dans
# l'est du pays,"): its adjectives and their complements.
QUALIFIER_REACH = 8


def resolve_key(builder: Builder, cand: Cand) -> Cand:
    """Point a surname-only or acronym mention at the actor it abbreviates."""
    if cand.key.startswith(("per:", "org:")) and cand.key not in builder.keys:
        short = cand.key.split(":", 1)[1]
        for key in (f"per:{short}", f"org:{short}"):
            if key in builder.keys:
                cand.key = key
                break
    return cand


def surname_aliases(cand: Cand, doc: Doc, keys: list[str]) -> Cand:
    """Later mentions may use a person's surname or an organisation's acronym in parentheses."""
    if cand.kind == "person" and cand.end - cand.start > 1:
        cand.aliases = (*cand.aliases, f"per:{keys[cand.end - 1]}")
    if cand.kind == "organization":
        cand.aliases = (*cand.aliases, *_parenthesised(doc, keys, cand.end))
    return cand


def _parenthesised(doc: Doc, keys: list[str], end: int) -> tuple[str, ...]:
    texts = texts_of(doc)
    if end + 2 < len(texts) and texts[end] == "(" and texts[end + 2] == ")":
        return (f"org:{keys[end + 1]}",)
    return ()


def members(cands: list[Cand]) -> None:
    """Members of a named body are that body's actor ("les rebelles du M23": the M23): a
    `member:<token>` key becomes the key of the mention at that token."""
    at = {cand.start: cand for cand in cands}
    for cand in cands:
        if cand.key.startswith("member:"):
            body = at.get(int(cand.key.split(":", 1)[1]))
            cand.key = body.key if body is not None else f"grp:{cand.name}:{cand.country}"


def apposed(doc: Doc, cands: list[Cand]) -> None:
    """Give a description in apposition to another mention that mention's key, everywhere.

    Args:
        doc: the doc the candidates come from.
        cands: mention candidates in text order; keys are rewritten in place.
    """
    owner: dict[int, int] = {}
    for n, cand in enumerate(cands):
        for t in range(cand.start, cand.end):
            owner.setdefault(t, n)
    renamed: dict[str, str] = {}
    for n, cand in enumerate(cands):
        root = doc[cand.start:cand.end].root
        other = owner.get(root.head.i) if root.dep_ == "appos" else None
        surface = _follows(doc, cands[n - 1], cand) if other is None and n > 0 else None
        if other is None and n > 0 and _heads(doc, cands[n - 1], cand):
            surface = "noun"  # "le journal satirique Charlie Hebdo", "l'ONG italienne Emergency"
        if other is None and n > 1 and _behind_name(doc, cands, n):
            other, surface = n - 2, ","  # "une coalition contre Boko Haram, la FMM,"
        else:
            other = n - 1 if surface else other
        if other is None or other == n:
            continue
        desc, name = _description_and_name(doc, cand, cands[other], surface == ",")
        if desc is not None and desc.key != name.key:
            renamed[desc.key] = name.key
            desc.describes, desc.kb_id = True, None  # "la coalition": no identity of its own
    for cand in cands:
        if cand.key in renamed:
            cand.key, cand.named = renamed[cand.key], False


def _follows(doc: Doc, first: Cand, cand: Cand) -> str | None:
    """Whether `cand` is apposed to `first` in the text, with or without the parser: "A, (un)
    (ADJ) B," or "A (des B)", B closing the apposition, and no list ("A, B, C et D"). Returns
    the opening punctuation ("," or "("), or None."""
    texts, i = texts_of(doc), first.end
    while i < cand.start and i - first.end < 3 and (doc[i].pos_ == "ADJ" or texts[i] in _SHUT):
        i += 1
    if i >= cand.start or texts[i] not in (",", "("):
        return None
    opening, i = texts[i], i + 1
    while i < cand.start and (doc[i].pos_ in ("DET", "ADJ") or texts[i] in _QUOTES):
        i += 1
    end = cand.end + (cand.end < len(texts) and texts[cand.end] in _QUOTES)
    closes = end >= len(texts) or texts[end] in _CLOSING[opening]
    if not closes and opening == ",":  # "A, une coalition rebelle active dans l'est, ..."
        end = _qualifiers_end(doc, end)
        closes = end >= len(texts) or texts[end] in _CLOSING[opening]
    # The parser's "conj" is no guide here: it often takes an apposition for a list item.
    if i != cand.start or not closes or _list_goes_on(doc, end):
        return None
    return opening


def _behind_name(doc: Doc, cands: list[Cand], n: int) -> bool:
    """Whether name n is apposed to the description two mentions before, across a name inside
    the description's complement ("une coalition régionale de lutte contre Boko Haram, la Force
    multinationale mixte (FMM),"): a name is seldom apposed to a name."""
    desc, inner, cand = cands[n - 2], cands[n - 1], cands[n]
    if not _describes(doc, desc) or _describes(doc, inner) or _describes(doc, cand):
        return False
    between = doc[desc.end:inner.start]
    return all(t.pos_ in _QUALIFIER_POS and not t.is_punct for t in between) and (
        _follows(doc, inner, cand) == ",")


def _qualifiers_end(doc: Doc, i: int) -> int:
    """Where the qualifiers after an apposed description end ("active dans l'est du pays"):
    adjectives, prepositional phrases and nouns, no verb (a determiner before an auxiliary is a
    noun the tagger misread: "l'est")."""
    start = i
    while i < len(doc) and i - start < QUALIFIER_REACH:
        token = doc[i]
        misread = token.pos_ == "AUX" and i > 0 and doc[i - 1].pos_ == "DET"
        if token.pos_ not in _QUALIFIER_POS and not misread:
            break
        i += 1
    return i


_QUALIFIER_POS = {"ADJ", "ADP", "DET", "NOUN", "PROPN", "ADV", "NUM"}


def _heads(doc: Doc, first: Cand, cand: Cand) -> bool:
    """A common noun of an organisation or a group right before its name, adjectives between."""
    between = range(first.end, cand.start)
    if first.kind == "person" or cand.kind == "person" or len(between) > 2:
        return False
    return all(doc[i].pos_ == "ADJ" for i in between) and _describes(doc, first) and not (
        _describes(doc, cand))


def _list_goes_on(doc: Doc, i: int) -> bool:
    """After "A, B," an "et"/"ou" comes before any verb: "A, B, C et D" is a list."""
    for token in doc[i + 1:i + 1 + LIST_REACH]:
        if token.pos_ in ("VERB", "AUX") or token.text in (".", ";", ":"):
            return False
        if token.lower_ in ("et", "ou"):
            return True
    return False


# What may end an apposition opened by a comma or a parenthesis; quotes and a parenthesis that
# close the first mention ("l'UPC)", "X »").
_CLOSING = {",": (",", ".", ";", "(", ")"), "(": (")",)}
_QUOTES = {'"', "«", "»", "“", "”"}
_SHUT = _QUOTES | {")"}


def _description_and_name(doc: Doc, a: Cand, b: Cand, surface: bool) -> tuple[Cand | None, Cand]:
    """Of two apposed mentions, the description and what it describes; two names, or a role
    word, are left alone; two descriptions only when the parser says so ("otages (des
    femmes)"), a comma between them being as often a list."""
    if a.key.startswith("role:") or b.key.startswith("role:"):
        return None, b
    a_desc, b_desc = _describes(doc, a), _describes(doc, b)
    if a_desc != b_desc:
        return (a, b) if a_desc else (b, a)
    return (a, b) if a_desc and not surface else (None, b)


def _describes(doc: Doc, cand: Cand) -> bool:
    """A description: an unnamed group or person, or a knowledge-base word written in lower
    case ("la coalition")."""
    return cand.unnamed or not written_as_name(span_text(doc, cand.start, cand.end))


def refers_back(builder: Builder, cand: Cand, doc: Doc) -> Cand:
    """A definite singular description is the actor named before with that head word ("la
    coalition arabe ... la coalition", "l'Institut national de la statistique ... l'institut",
    "la Force multinationale mixte ... la Force"): of the same sector, or a description whose
    words are all in that name ("l'institut des statistiques"); not a national body of another
    sector ("l'Armée syrienne libre" is no "armée"), nor a description that says more than the
    name ("la commission électorale" is not "la Commission européenne")."""
    bare = _bare_head(doc, cand)
    if cand.key in builder.keys or cand.kind == "person" or not (bare or _describes(doc, cand)):
        return cand
    head = doc[cand.start:cand.end].root
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    if bare:
        dets = [doc[cand.start - 1].lower_]
    if not dets or dets[0] not in ("le", "la", "l'") or "Plur" in head.morph.get("Number"):
        return cand
    word = tkey(head.text)
    loose = cand.key.startswith(("grp:", "org:", "kb:"))  # no national body ("mil:SYR")
    for key, idx in reversed(list(builder.keys.items())):
        hit = builder.hits[idx]
        words = hit.name.split()
        if len(words) < 2 or tkey(words[0]) != word or hit.kind == "person":
            continue
        if hit.sector == cand.sector or loose and _said_by(doc, cand, hit.name):
            cand.key, cand.named, cand.kb_id = key, False, None
            break
    return cand


def _bare_head(doc: Doc, cand: Cand) -> bool:
    """A capitalised head word alone after "le/la/l'" ("la Force", "la Mission"): the short
    name of a body named before in full."""
    return (cand.end - cand.start == 1 and cand.kind != "person" and cand.start > 0
            and doc[cand.start - 1].lower_ in ("le", "la", "l'")
            and doc[cand.start].text[:1].isupper() and not doc[cand.start].text.isupper())


def _stem(word: str) -> str:
    return word.rstrip("sx")


def _said_by(doc: Doc, cand: Cand, name: str) -> bool:
    """Whether every content word of the description is a word of the name, plural or not
    ("l'institut des statistiques" and "Institut national de la statistique")."""
    own = {_stem(tkey(w)) for w in name.replace("'", "' ").split()}
    return all(_stem(tkey(t.text)) in own for t in doc[cand.start:cand.end]
               if t.pos_ in ("NOUN", "PROPN", "ADJ"))


def short_names(builder: Builder, doc: Doc, used: set[int]) -> None:
    """A capitalised head word alone after "le/la/l'" that no mention took ("la Force" after
    "la Force multinationale mixte", "la Mission" after "la Mission de l'ONU au Mali"): a later
    mention of the body named before in full with that first word."""
    firsts: dict[str, tuple[int, int]] = {}  # first word -> (actor, its first mention's start)
    for idx, hit in enumerate(builder.hits):
        words = hit.name.split()
        if hit.kind != "person" and len(words) > 1 and written_as_name(hit.name):
            firsts.setdefault(tkey(words[0]), (idx, min(s for s, _ in hit.mentions)))
    for token in doc[1:]:
        i = token.i
        found = firsts.get(tkey(token.text)) if i not in used and token.text[:1].isupper() else None
        if found is None or doc[i - 1].lower_ not in ("le", "la", "l'") or token.idx <= found[1]:
            continue
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and (nxt.text[:1].isupper() or nxt.pos_ == "ADJ"):
            continue  # "la Force Licorne": another name
        hit = builder.hits[found[0]]
        hit.mentions.append((token.idx, token.idx + len(token.text)))
