"""Media named after a noun of media ("selon la chaîne d'information X", "le site Y a
rapporté", "l'hebdomadaire satirique Z"): the name is a medium (MED organization), whatever the
model tagged it (a person, a place or nothing); its later bare mentions join it.

Helpers of the Actors stage (find.py); the nouns are `media_nouns` in the actors lexicon.
"""

from __future__ import annotations

from spacy.tokens import Doc

from vigie.french.normalize import fold
from vigie.stages.actors.build import Cand
from vigie.stages.actors.filters import reporting_channel
from vigie.stages.actors.initials import initials
from vigie.stages.actors.lexicon import Keys, Lexicon, tkey

# Adjectives a media noun may take before the name ("l'hebdomadaire satirique X").
ADJECTIVES_REACH = 2
# Words of a medium's name ("Courrier international" is 2; 6 is any title seen in news).
NAME_REACH = 6


def _phrase_end(lex: Lexicon, keys: Keys, i: int) -> int | None:
    """End of the longest media noun phrase at token i, or None."""
    for size in (3, 2, 1):
        if tuple(keys[i:i + size]) in lex.media_nouns:
            return i + size
    return None


def _name_end(doc: Doc, start: int) -> int:
    """End of a capitalised name at `start`: the model's entity there, over the capitalised
    words right after it ("Rangoun" LOC + "Now")."""
    end = start
    while end < len(doc) and end - start < NAME_REACH and doc[end].is_alpha and (
            doc[end].text[:1].isupper()):
        end += 1
    if doc[start].ent_iob_ == "B":
        ent_end = start + 1
        while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
            ent_end += 1
        end = max(end, ent_end)
    return end


def media_cands(doc: Doc, lex: Lexicon, keys: Keys, taken: set[int],
                known: set[int]) -> list[Cand]:
    """Candidates for the media named after a noun of media, outside `taken` tokens and the
    knowledge base's names (`known`: those are found already); the noun's and the name's tokens
    are added to `taken`.

    Args:
        doc: the doc.
        lex: the actors lexicon.
        keys: the doc's folded token keys.
        taken: tokens already part of a mention (updated in place).
        known: tokens of the knowledge base's names.

    Returns:
        One candidate per name, keyed `org:<folded name>`.
    """
    out = []
    for i in range(len(doc)):
        noun_end = _phrase_end(lex, keys, i) if i not in taken else None
        if noun_end is None or doc[i].pos_ not in ("NOUN", "PROPN"):
            continue
        j = noun_end
        while j < len(doc) and j - noun_end < ADJECTIVES_REACH and doc[j].pos_ == "ADJ" and (
                doc[j].text.islower()):
            j += 1
        if j >= len(doc) or not doc[j].is_alpha or not doc[j].text[:1].isupper():
            continue
        end = _name_end(doc, j)
        if (taken | known) & set(range(j, end)) or reporting_channel(doc, keys, i, end,
                                                           lex.speech_verbs):
            continue
        name = doc[j:end].text
        key = f"org:{' '.join(keys[j:end])}"
        out.append(Cand(j, end, key, name, "organization", sector="MED",
                        aliases=(f"org:{tkey(initials(name))}",)))
        # the noun is a mention of the medium too ("la radio privée X"): no actor of its own
        out.append(Cand(i, j, key, doc[i:j].text, "organization", sector="MED", named=False))
        taken.update(range(i, end))
    return out


def media_names(cands: list[Cand]) -> dict[str, str]:
    """Folded name -> key of the media found, for their later bare mentions."""
    return {fold(c.name): c.key for c in cands}
