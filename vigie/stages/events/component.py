"""Events: PLOVER event coding with actors, place, time, figures and status.

Triggers come from the lexicon (lexicon.py), arguments from the argument layer
(arguments/acts.py), status from what frames the trigger (status.py); mentions of one action are
then merged (merge.py). Only sentences with a trigger are looked at. See docs/events.md.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from vigie.stages.arguments import acts
from vigie.stages.arguments.claims import responsible
from vigie.stages.arguments.clauses import antecedent, subject_of
from vigie.stages.arguments.frames import words_of
from vigie.stages.arguments.newcomers import newcomer
from vigie.stages.arguments.participants import actor_of, members_of
from vigie.stages.common import article_of, guarded, text_of
from vigie.stages.events import sense, speakers
from vigie.stages.events.condemned import CONDEMNING, blame_authors, condemned_act
from vigie.stages.events.confidence import event_confidence
from vigie.stages.events.evaluations import evaluation_args
from vigie.stages.events.lexicon import (
    DEFAULT_PRIOR,
    Lexicon,
    Match,
    find_triggers,
    load_lexicon,
    outside_names,
)
from vigie.stages.events.merge import merge_events
from vigie.stages.events.modes import weapon_mode
from vigie.stages.events.status import carrier, clause_status, framing
from vigie.stages.events.tolls import counted_by, cumulative
from vigie.stages.events.when import event_date, event_when, in_dateline
from vigie.stages.events.where import Scene, event_where
from vigie.stages.tokens import lemmas_of, sentence_of

LOGGER = logging.getLogger(__name__)

THREAT_MODES = {"ASSAULT": "violence", "COERCE": "arrest", "SANCTION": "restrict"}
REJECT_MODES = {"RETREAT": "yield", "CONSULT": "meet", "AID": "assist", "AGREE": "change"}
REQUEST_MODES = {"RETREAT": "yield", "CONSULT": "meet", "AID": "assist", "ASSAULT": "yield"}
CONTROLLERS = {"request", "accuse"}  # "demander / reprocher à X de ...": X does the embedded act
DEONTIC = {"devoir", "falloir"}  # "X doit renoncer": someone demands it of X
MATERIAL = {"ASSAULT", "COERCE", "RETREAT", "MOBILIZE", "AID"}  # events that strike a place

# Acts whose author a later claim or blame may name ("revendiqué par X", "attribués à Y").
CLAIMABLE = {"ASSAULT", "COERCE"}
ACT_CASES = {"dans", "lors", "par"}  # "tués lors d'une attaque": the attack is the killing
CAUSES = {"raison", "cause", "suite"}  # "en raison de", "à cause de", "à la suite de"

@dataclass
class EventHit:
    type: str
    trigger: str
    start: int  # the sentence or clause that carries the event
    end: int
    mode: str | None = None
    source: int | None = None  # index in doc._.vigie_actors
    target: int | None = None
    place: int | None = None  # index in doc._.vigie_places
    time: int | None = None  # index in doc._.vigie_times
    date: str | None = None  # ISO: the time's value, else the report's date (see when.event_date)
    time_precision: str | None = None  # the time's precision, or "published"
    figures: list[int] = field(default_factory=list)  # indices in doc._.vigie_figures
    status: str = "reported"
    claimed_by: int | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    confidence: float | None = None
    context: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    lemma: str | None = None  # the trigger's root lemma, used to merge mentions (not in the record)
    time_value: str | None = None  # normalised time, to merge "février" with "1er février"
    own_place: bool = False  # the place hangs on the trigger itself, not just on its sentence
    anaphoric: bool = False  # "la manifestation", "ce coup d'État": names an event told before
    target_word: str | None = None  # the target's head lemma ("le camp de Wendou": camp)
    prior: float = DEFAULT_PRIOR  # the trigger word's prior (triggers.yaml), for confidence.py
    condemned: tuple[int, str] | None = None  # (offset, type) of the act a condemnation names


@dataclass
class Ctx:
    """What every step on one doc needs: the doc, the lexicon, the triggers that frame others,
    and the earlier stages' results, read once (each doc._ access costs microseconds)."""

    doc: Doc
    lex: Lexicon
    hosts: dict[int, Match]  # trigger root index -> the host statement's match
    requesters: frozenset[str]  # lemmas of the host triggers that ask someone to act
    places: list
    times: list
    dated: list[tuple[int, object]]  # (index, time) of the times with a value
    figures: list
    quotes: list
    roots: frozenset[int] = frozenset()  # every trigger's root index (where: whose place is it)
    types: dict[int, str] = field(default_factory=dict)  # trigger root index -> PLOVER type


@dataclass
class Draft:
    """A trigger on its way to an EventHit, with the tokens its arguments were read from."""

    match: Match
    hit: EventHit
    source_token: Token | None = None
    target_token: Token | None = None
    absorbed_into: int | None = None  # root index of the host or event this one folds into
    tally: bool = False  # a cumulative total counts the target: the clause sums many events


def clause_bounds(span) -> tuple[int, int]:
    """The trigger's sentence, cut at line breaks: the parser sometimes runs a sentence over a
    paragraph end, and a paragraph is a new statement."""
    _, _, sent_start, sent_end = sentence_of(span.doc, span.start)
    text = text_of(span.doc)
    start = max(sent_start, text.rfind("\n", 0, span.start_char) + 1)
    stop = text.find("\n", span.end_char)
    end = sent_end if stop < 0 else min(sent_end, stop)
    return start, end


def _hit(doc: Doc, match: Match, lex: Lexicon) -> EventHit:
    span, entry = match.span, match.entry
    context = list(entry.context or lex.contexts.get(entry.type, []))
    start, end = clause_bounds(span)
    first, last = span.start_char, span.end_char
    return EventHit(
        type=entry.type, trigger=text_of(doc)[first:last], mode=entry.mode,
        start=start, end=end,
        trigger_start=first, trigger_end=last,
        mentions=[(first, last)], context=context,
        lemma=lemmas_of(doc)[match.root.i], anaphoric=sense.anaphoric(match.root),
        prior=entry.prior,
    )


def _locate(ctx: Ctx, hit: EventHit, match: Match) -> None:
    start, end = hit.start, hit.end
    direct = tuple(q for q in ctx.quotes if q.direct)  # reported speech is the story's narrative
    scene = Scene(direct, ctx.roots, hit.type in MATERIAL, hit.type in speakers.SPOKEN)
    hit.place, hit.own_place = event_where(ctx.doc, ctx.places, match.root, start, end, scene)
    saying = ctx.lex.classes.get("saying", frozenset())
    hit.time, linked = event_when(ctx.doc, ctx.dated, match.root, start, end, saying)
    if linked:
        hit.time_value = ctx.times[hit.time].value
    hit.date, hit.time_precision = event_date(ctx.doc, ctx.times, hit.time, saying)
    kinds = ctx.lex.figures.get(hit.type)
    if kinds:
        for i, figure in enumerate(ctx.figures):
            if start <= figure.start < end and figure.kind in kinds and not figure.cumulative:
                hit.figures.append(i)  # a total "depuis 2015" is no one event's toll


def _frame(ctx: Ctx, draft: Draft) -> None:
    hit, match, lex = draft.hit, draft.match, ctx.lex
    frame = framing(match, lex, ctx.hosts)
    if match.entry.host and frame.status != "hypothetical":
        frame = None  # a statement keeps its own status, unless it is only possible
    if frame is not None and frame.status != "reported":
        hit.status = frame.status
        if frame.host is not None and lex.hosts[frame.host.entry.host].get("absorb"):
            draft.absorbed_into = frame.host.root.i
        if hit.status == "claimed":
            claimant = frame.head if frame.host is None else frame.host.root
            speaker = subject_of(claimant) or acts.controller(claimant, lex, frozenset())
            hit.claimed_by = actor_of(ctx.doc, speaker, lex.holder_nouns)
    if hit.status == "reported" and match.entry.status:
        hit.status = match.entry.status
    own = clause_status(match)
    if own in ("denied", "hypothetical") or (own and hit.status == "reported"):
        hit.status = own


def _draft(ctx: Ctx, match: Match) -> Draft:
    doc, lex = ctx.doc, ctx.lex
    hit = _hit(doc, match, lex)
    hit.mode = weapon_mode(match, hit.type, hit.mode, lex)
    source, target = acts.arg_tokens(match, lex, ctx.requesters)
    source = speakers.within_quote(ctx.quotes, match.root, source)
    draft = Draft(match, hit, source_token=source)
    draft.target_token = target
    draft.tally = target is not None and cumulative(ctx.figures, target)
    hit.target_word = None if target is None or target.pos_ != "NOUN" else target.lemma_
    hit.source = actor_of(doc, source, lex.holder_nouns)
    if hit.source is None and source is not None and speakers.first_person(doc, source, match.root):
        hit.source = speakers.quoted_by(ctx.quotes, source)  # "« Nous avons riposté », a dit X": X
    holders = lex.holder_nouns
    if target is not None and match.entry.type in acts.STATEMENTS:
        holders = holders | {target.lemma_}  # "rejeter la proposition de X": X
    hit.target = actor_of(doc, target and antecedent(target), holders)
    if match.entry.type in CONDEMNING:
        said = acts.child(match.root, {"obj"}) if match.root.pos_ == "VERB" else None
        hit.condemned = condemned_act(said or target, ctx.types)  # its author: the target
    if hit.source is None and source is not None:
        # "l'attentat de Kaboul": a city after an act noun is where, not who
        of_place = match.root.pos_ == "NOUN" and acts.case_of(source) in acts.OF_CASES
        hit.source = newcomer(doc, source, human_only=True, capitals=not of_place)
    if hit.source is None and match.entry.type in CLAIMABLE:
        claimant = responsible(match.root, words_of(doc))  # "l'attaque a été revendiquée par X"
        hit.source = actor_of(doc, claimant) if claimant is not None else None
        if hit.source is None and claimant is not None:
            hit.source = newcomer(doc, claimant, human_only=True)
    if hit.target is None and target is not None and match.entry.type in acts.STATEMENTS:
        hit.target = counted_by(ctx.doc, ctx.figures, target)  # "Ce chiffre est contesté"
    if hit.target is None and target is not None and not draft.tally:
        material = match.entry.type in CLAIMABLE
        hit.target = newcomer(doc, target, human_only=True, capitals=not material,
                              counted=material)
        members = members_of(target) if material and hit.target is None else None
        if members is not None:  # "ont attaqué un camp de personnes déplacées"
            hit.target = actor_of(doc, members)
            if hit.target is None:
                hit.target = newcomer(doc, members, human_only=True, counted=True)
    cued = speakers.cued_speaker(match, ctx.quotes)
    if cued is not None and match.entry.type in acts.STATEMENTS:
        hit.source = cued  # "X a été arrêté, a dénoncé Y": Y accuses, the parse made Y its object
        if hit.target == cued:
            hit.target = draft.target_token = None
    if hit.source == hit.target:
        hit.target = None
    _frame(ctx, draft)
    _locate(ctx, hit, match)
    if hit.source is None and source is None:  # no author in the text at all
        hit.source = speakers.announcer(doc, ctx.quotes, hit, match, lex, ctx.types)
    return draft


def _deontic(ctx: Ctx, draft: Draft) -> EventHit | None:
    """A trigger under "devoir" is demanded; with a known speaker it is also a REQUEST event."""
    verb = carrier(draft.match.root)
    if verb.dep_ != "xcomp" or verb.head.lemma_ not in DEONTIC or draft.match.entry.host:
        return None
    modal, inner = verb.head, draft.hit
    inner.status = "demanded"
    speaker = speakers.speaker(ctx.doc, ctx.quotes, modal, ctx.lex)
    if speaker is None:
        return None
    subject = antecedent(subject_of(modal) or modal)
    target = actor_of(ctx.doc, subject, ctx.lex.holder_nouns)
    return EventHit(
        type="REQUEST", trigger=modal.text, start=inner.start, end=inner.end,
        mode=REQUEST_MODES.get(inner.type, "change"), source=speaker, target=target,
        trigger_start=modal.idx, trigger_end=modal.idx + len(modal),
        mentions=[(modal.idx, modal.idx + len(modal))],
        context=list(ctx.lex.contexts.get("REQUEST", [])), lemma=modal.lemma_,
    )


def _fold(drafts: list[Draft]) -> list[EventHit | None]:
    """Fold absorbed triggers into their host, and a verb into the nominal trigger it restates.

    Returns one entry per draft: its hit, or None when it was folded into another.
    """
    by_root = {d.match.root.i: d for d in drafts}
    return [_fold_one(draft, by_root) for draft in drafts]


def _fold_one(draft: Draft, by_root: dict[int, Draft]) -> EventHit | None:
    host = by_root.get(draft.absorbed_into) if draft.absorbed_into is not None else None
    if host is not None:
        _absorb_mode(host.hit, draft.hit)
        return None
    owner = _owner(draft, by_root)
    if owner is not None and owner is not draft and owner.hit.type == draft.hit.type:
        if owner.hit.target is None:
            owner.hit.target = draft.hit.target
        if owner.hit.source is None:
            owner.hit.source = draft.hit.source
        if owner.hit.source == owner.hit.target:
            owner.hit.target = None  # no actor acts on itself
        if draft.hit.own_place and not owner.hit.own_place:
            owner.hit.place, owner.hit.own_place = draft.hit.place, True  # "tués à X lors de"
        owner.hit.mentions.extend(draft.hit.mentions)
        return None
    return draft.hit


def _owner(draft: Draft, by_root: dict[int, Draft]) -> Draft | None:
    """The nominal trigger a verbal one restates: its subject ("des raids qui tuent"), or the
    object of the verb it depends on ("effectuer des sorties pour frapper")."""
    subject = draft.source_token
    if subject is not None and subject.i in by_root:
        return by_root[subject.i]
    root = draft.match.root
    if root.pos_ == "VERB" and root.dep_ in ("advcl", "xcomp", "conj"):
        for child in root.head.children:
            if child.dep_ == "obj" and child.i in by_root:
                return by_root[child.i]
    if root.pos_ == "VERB":
        # "tués (et blessés) par des tirs", "tués dans une attaque": the act that did it; a
        # gapped conjunct ("tués et une centaine blessées par") is parsed as a noun phrase
        verbs = [root, *(c for c in root.children if c.dep_ == "conj")]
        for verb in verbs:
            for child in _acts_below(verb):
                if child.i in by_root:
                    return by_root[child.i]
        for other in by_root.values():  # "blessés lors d'une attaque"
            setting = acts.setting_verb(other.match.root)
            if setting is not None and setting in verbs:
                return other
    return None


def _acts_below(verb: Token) -> list[Token]:
    """The verb's agent and its adjuncts of place and time that may be the act that harmed
    ("tués par des tirs", "lors d'une attaque"), and the noun after a complex preposition of
    cause ("tués en raison des affrontements", "à la suite de l'attaque")."""
    found, agentless = [], acts.subject_of(verb) is None
    for child in verb.children:
        if child.lemma_ in CAUSES and child.dep_.startswith("obl"):
            if not agentless:
                continue  # "les rebelles ont tué trois civils à la suite de l'attaque de X"
            found += [c for c in child.children if c.dep_ == "nmod"]
        elif child.dep_ == "obl:agent" or (child.dep_.startswith(("obl", "nmod"))
                                           and acts.case_of(child) in ACT_CASES):
            found.append(child)
    return found


def _absorb_mode(host: EventHit, inner: EventHit) -> None:
    modes = {"THREATEN": THREAT_MODES, "REQUEST": REQUEST_MODES}.get(host.type, REJECT_MODES)
    if host.mode is None:
        host.mode = modes.get(inner.type)
    host.mentions.append((inner.trigger_start, inner.trigger_end))


def _drafted(ctx: Ctx, matches: list[Match], types: dict[int, str]) -> list[Draft]:
    """Drafts of the triggers whose words fit their type (sense.fits); statements first, so
    that one which does not fit frames nothing ("a promis une aide" is no threat)."""

    def fitting(group):
        return [d for d in (_draft(ctx, m) for m in group)
                if sense.fits(d, ctx.lex, types, ctx.quotes)]

    hosts = fitting([m for m in matches if m.entry.host])
    ctx.hosts = {d.match.root.i: d.match for d in hosts}
    drafts = hosts + fitting([m for m in matches if not (m.entry.host or m.entry.evaluation)])
    said = (_evaluation(ctx, m) for m in matches if m.entry.evaluation)
    return sorted(drafts + [d for d in said if d is not None], key=lambda d: d.match.span.start)


def _evaluation(ctx: Ctx, match: Match) -> Draft | None:
    """An evaluation someone says is an accusation (evaluations.py); one nobody says, none."""
    said_by = speakers.speaker(ctx.doc, ctx.quotes, match.root, ctx.lex)
    args = evaluation_args(match.root, ctx.lex, said_by)
    if args is None:
        return None
    hit = _hit(ctx.doc, match, ctx.lex)
    hit.source, hit.target = args
    _locate(ctx, hit, match)
    return Draft(match, hit)


def find_events(doc: Doc, lex: Lexicon | None = None) -> list[EventHit]:
    """PLOVER events of the doc, one per distinct action.

    Args:
        doc: a Doc processed by the earlier vigie stages.
        lex: the trigger lexicon (the packaged one by default).

    Returns:
        Event hits in order of first mention.
    """
    lex = lex or load_lexicon()
    places = doc._.vigie_places or []
    matches = outside_names(doc, find_triggers(doc, lex), places)
    times = doc._.vigie_times or []
    ctx = Ctx(
        doc, lex,
        hosts={m.root.i: m for m in matches if m.entry.host},
        requesters=frozenset(m.root.lemma_ for m in matches if m.entry.host in CONTROLLERS),
        places=places, times=times,
        dated=[(i, t) for i, t in enumerate(times) if t.value and not in_dateline(doc, t.start)],
        figures=doc._.vigie_figures or [], quotes=doc._.vigie_quotes or [],
        roots=frozenset(m.root.i for m in matches),
        types={m.root.i: m.entry.type for m in matches},
    )
    types = ctx.types
    drafts = _drafted(ctx, matches, types)
    hits = []
    for draft, hit in zip(drafts, _fold(drafts), strict=True):
        if hit is not None and (sense.aim(draft.match.root, types) or hit.status == "hypothetical"
                                or clause_status(draft.match) == "denied"):
            continue  # an aim ("créée pour renverser"), a condition, a question, "n'a pas tiré"
        if hit is not None and draft.tally:
            continue  # "17 000 civils ont été tués depuis 2015": a total, no one event
        request = _deontic(ctx, draft) if hit is not None else None
        hits.extend(h for h in (request, hit) if h is not None)
    actors = doc._.vigie_actors or []
    said = speakers.speech_clauses(doc, ctx.quotes)
    events = merge_events(hits, places, actors, text_of(doc), said)
    blame_authors(events)
    for event in events:
        event.confidence = event_confidence(event, actors)
    return events


class EventsComponent:
    def __init__(self, nlp: Language, name: str, *, kb_files: Sequence[str] = ()):
        self.name = name
        self.kb_files = kb_files
        self.lexicon = load_lexicon(kb_files=tuple(kb_files))

    def __call__(self, doc: Doc) -> Doc:
        article_of(doc)
        doc._.vigie_events = guarded(doc, self.name, lambda: find_events(doc, self.lexicon), [])
        return doc


@Language.factory(
    "vigie_events",
    requires=[
        "doc._.vigie_actors",
        "doc._.vigie_places",
        "doc._.vigie_times",
        "doc._.vigie_quotes",
        "doc._.vigie_figures",
    ],
    assigns=["doc._.vigie_events"],
    default_config={"kb_files": []},
)
def make_events(nlp: Language, name: str, kb_files: list[str]) -> EventsComponent:
    return EventsComponent(nlp, name, kb_files=kb_files)
