"""Event coreference: the mentions of one meeting or agreement become one item.

Articles mention the same meeting many times ("met yesterday with Xi", "after meeting Xi",
"the 35-minute session at the Great Hall"). Items merge when their participants nest and
their dates and statuses do not conflict; a mention that names no participants attaches to
the meeting just before it. Evidence of every mention is kept.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

import regex

from diplonews.extract.agreements import GENERIC_AGREEMENT_NOUNS
from diplonews.mentions.gazetteer import slug
from diplonews.model import Agreement, Demand, Evidence, Meeting, Statement

__all__ = ["merge_agreements", "merge_demands", "merge_meetings", "merge_statements"]

# Mentions of one event sit near each other: each item is compared with the latest _WINDOW
# merged items only, which keeps merging linear in the length of the text.
_WINDOW = 100


_ItemT = TypeVar("_ItemT", Meeting, Agreement, Demand, Statement)


def _own(item: _ItemT) -> _ItemT:
    """A copy that merging may grow without touching the input: its lists are its own.

    Only lists are ever changed in place (participants added, evidence inserted); a deep copy
    of every item, dates and spans included, cost more than the rest of merging.
    """
    lists = {name: list(value) for name, value in item.__dict__.items() if isinstance(value, list)}
    return item.model_copy(update=lists)


@functools.lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Counter[str], int]:
    """The words of a text and their number; cached, as merging compares each item with many."""
    counts = Counter(w.strip(".,;:\"'“”").lower() for w in text.split())
    return counts, counts.total()


def token_f1(a: str, b: str) -> float:
    (ta, na), (tb, nb) = _tokens(a), _tokens(b)
    if len(ta) > len(tb):
        ta, tb = tb, ta
    # The words both hold, counted as a multiset intersection would; read off the smaller
    # Counter instead of building ``ta & tb``, which walks and copies in pure Python.
    common = sum(min(count, tb[word]) for word, count in ta.items() if word in tb)
    if not common:
        return 0.0
    p, r = common / na, common / nb
    return 2 * p * r / (p + r)


def _evidence(a: list[Evidence], b: list[Evidence]) -> list[Evidence]:
    """``a`` with the new spans of ``b`` inserted in text order (``a`` is updated in place).

    Mentions mostly arrive in text order, so each insertion is a bisection and an append;
    re-sorting the whole list for every mention made a much-mentioned event quadratic.
    """
    for e in b:
        i = bisect.bisect_left(a, e.start, key=lambda x: x.start)
        if any(x.end == e.end for x in a[i:i + 4] if x.start == e.start):
            continue
        while i < len(a) and a[i].start == e.start:
            i += 1
        a.insert(i, e)
    return a


def merge_meetings(meetings: list[Meeting], country_of: Callable[[str], str | None],
                   mentioned: Callable[[Meeting], set[str]] | None = None,
                   descriptive: Callable[[str], bool] | None = None) -> list[Meeting]:
    """One meeting per real-world event.

    A mention naming fewer than two participants ("the 35-minute session at the Great Hall")
    joins the earlier meeting that shares most actors with its sentence (``mentioned``).
    ``descriptive`` tells the actors named by a description ("Mexican officials", "his Indian
    counterpart"): next to a participant both mentions share, such an actor stands for its
    country, so "met Mexican officials" and "met her Mexican counterparts" are one meeting.
    """
    if descriptive is not None:
        country_of = _standing_for(country_of, descriptive)
    merged: list[Meeting] = []
    waiting: list[Meeting] = []  # partial mentions before the meeting they belong to
    for m in meetings:
        if _with_own_country(m, country_of):
            continue
        if len(m.participants) < 2:
            context = set(m.participants) | (mentioned(m) if mentioned else set())
            target = _best_partial_target(merged, m, context, country_of)
            if target is not None:
                _absorb(target, _without_countries_of(m, target, country_of))
            else:
                waiting.append(m)
            continue
        if _unsplit(m, merged, country_of):
            continue
        # A match its builder split on purpose ("met on 7 and 9 February": two days) stays split.
        target = next((x for x in reversed(merged[-_WINDOW:])
                       if _same_meeting(x, m, country_of) and not _split_apart(x, m)), None)
        if target is None:
            merged.append(_own(m))
        else:
            _absorb(target, m, country_of)
    for m in waiting:
        context = set(m.participants) | (mentioned(m) if mentioned else set())
        target = _best_partial_target(merged, m, context, country_of)
        if target is not None:
            _absorb(target, _without_countries_of(m, target, country_of))
    _inherit_setting(merged)
    return merged


# How far back (characters) a meeting without a place looks for the place of the one before it.
_PLACE_REACH = 600


def _inherit_setting(meetings: list[Meeting]) -> None:
    """A meeting named without a place (or a planned one without a date) takes it from the one before.

    Stories about a summit or a tour list the day's meetings one sentence after another
    ("Upon arrival in Bishkek, Putin will hold talks with Modi. Later he will meet the host…"):
    the place is said once. Only a near neighbour counts, so a story's second event elsewhere
    keeps no borrowed place.
    """
    ordered = sorted((m for m in meetings if m.evidence), key=lambda m: m.evidence[0].start)
    for before, meeting in itertools.pairwise(ordered):
        if meeting.evidence[0].start - before.evidence[-1].end > _PLACE_REACH:
            continue
        if meeting.location is None and before.location is not None:
            meeting.location = before.location
        # A planned meeting "later in the day" shares the day of the one planned before it; held
        # meetings get their day from the article's dates (backfill) instead.
        if meeting.date is None and before.date is not None and meeting.status == before.status != "held":
            meeting.date = before.date


class _standing_for:
    """``country_of`` that also answers, for a descriptive actor, which country it stands for.

    A callable object rather than a closure so that ``side`` can be asked separately: the
    country a description stands for, or the actor itself.
    """

    def __init__(self, country_of: Callable[[str], str | None], descriptive: Callable[[str], bool]):
        self.country_of = country_of
        self.descriptive = descriptive

    def __call__(self, actor: str) -> str | None:
        return self.country_of(actor)

    def side(self, actor: str) -> str:
        country = self.country_of(actor)
        return country if country is not None and self.descriptive(actor) else actor


def _key(actor: str) -> str:
    """An actor id compared across spellings: "amir-abdollahian" and "amirabdollahian" alike."""
    return actor.replace("-", "")


def _keys(meeting: Meeting, country_of: Callable[[str], str | None]) -> set[str]:
    """The participants as compared: spelling-free ids, descriptions standing for their country."""
    side = country_of.side if isinstance(country_of, _standing_for) else (lambda a: a)
    return {_key(side(a)) for a in meeting.participants}


def _with_own_country(m: Meeting, country_of: Callable[[str], str | None]) -> bool:
    """"Abiy Ahmed" and "Ethiopia" as the only parties: a person with their own country is no meeting."""
    if len(m.participants) != 2:
        return False
    a, b = m.participants
    return country_of(a) == b or country_of(b) == a


def _places_conflict(a: Meeting, b: Meeting, country_of: Callable[[str], str | None] | None = None) -> bool:
    """Two named places of the same kind that differ: not the same meeting.

    A place that is the country of a participant ("in China", "Japan") does not conflict with a
    city: the host country and its capital name one setting, however the place finder typed them.
    """
    if a.location is None or b.location is None or a.location.kind != b.location.kind:
        return False
    if a.location.name.casefold() == b.location.name.casefold():
        return False
    if country_of is not None:
        national = _national(a, country_of) | _national(b, country_of)
        if _key(slug(a.location.name)) in national or _key(slug(b.location.name)) in national:
            return False
    return True


def _national(m: Meeting, country_of: Callable[[str], str | None]) -> set[str]:
    """The participants' countries (and the participants themselves), as comparison keys."""
    return {_key(x) for a in m.participants for x in (a, country_of(a)) if x is not None}


def _without_countries_of(m: Meeting, target: Meeting, country_of: Callable[[str], str | None]) -> Meeting:
    """A partial mention without the parties that are only the country of a target's participant."""
    national = {country_of(p) for p in target.participants} - {None} - set(target.participants)
    if not national & set(m.participants):
        return m
    return m.model_copy(update={"participants": [p for p in m.participants if p not in national]})


def _best_partial_target(merged: list[Meeting], m: Meeting, context: set[str],
                         country_of: Callable[[str], str | None] | None = None) -> Meeting | None:
    """The meeting a mention naming fewer than two parties belongs to: one that names its party,
    or a person of it ("the president of Venezuela held discussions" joins "Ali and Maduro")."""
    def sides(x: Meeting) -> set[str]:
        found = set(x.participants)
        if country_of is not None:
            found |= {c for c in map(country_of, x.participants) if c is not None}
        return found
    candidates = [x for x in merged[-_WINDOW:] if x.status == m.status and set(m.participants) <= sides(x)
                  and not _places_conflict(x, m)]
    if not candidates:
        return None
    scored = [(len(context & set(x.participants)), i) for i, x in enumerate(candidates)]
    best, index = max(scored)
    if best == 0 and context - set(m.participants):
        return None
    return candidates[index]


def _unsplit(m: Meeting, merged: list[Meeting], country_of: Callable[[str], str | None]) -> bool:
    """Whether ``m`` reads as one meeting what its own words already gave as separate ones.

    "held bilateral meetings with A, B and C" is one meeting with each (extract/meetings.py);
    another rule matching the same words names everyone at once, and nested into the last of
    the separate meetings it would swallow the others' parties. The separate meetings that
    start where it starts and together name all its parties say what it is.
    """
    if not m.evidence:
        return False
    start = m.evidence[0].start
    keys = _keys(m, country_of)
    siblings = [x for x in merged[-_WINDOW:] if x.evidence and x.evidence[0].start == start
                and _keys(x, country_of) < keys]
    return len(siblings) > 1 and keys <= set().union(*(_keys(x, country_of) for x in siblings))


def _same_meeting(a: Meeting, b: Meeting, country_of: Callable[[str], str | None]) -> bool:
    # Participants are compared as keys: spelling-free ids, descriptions as their country.
    pa, pb = _keys(a, country_of), _keys(b, country_of)
    countries = {_key(i): _key(c) for i in (*a.participants, *b.participants) if (c := country_of(i)) is not None}
    nested = pa <= pb or pb <= pa
    # "China and India" and "Li Keqiang and Manmohan Singh" are one meeting when one side of the
    # comparison names only countries or bodies; two sets of persons must nest by themselves.
    bodies_only = any(all(i not in countries for i in side) for side in (pa, pb))
    # "Xi and Prabowo" and "Prabowo's visit to China": the same meeting when the actors that
    # differ are a country on one side and (persons of) that country on the other.
    only_a, only_b = pa - pb, pb - pa
    country_for_person = bool(pa & pb) and bool(only_a) and bool(only_b) and (
        only_a <= {countries.get(i) for i in only_b} or only_b <= {countries.get(i) for i in only_a})
    if not nested and (bodies_only or country_for_person):
        ca, cb = {countries.get(i, i) for i in pa}, {countries.get(i, i) for i in pb}
        nested = ca <= cb or cb <= ca
    if not nested:
        return False
    if a.status != b.status and "held" in (a.status, b.status):
        return False
    if _places_conflict(a, b, country_of):
        return False
    if a.date and b.date and a.date.value and b.date.value:
        return a.date.value[:7] == b.date.value[:7] or a.date.value.startswith(b.date.value) \
            or b.date.value.startswith(a.date.value)
    return True


def _absorb(target: Meeting, other: Meeting, country_of: Callable[[str], str | None] | None = None) -> None:
    # A participant's own country as the place ("in China") gives way to the city named by another
    # mention ("in Beijing").
    national = _national(target, country_of) if country_of is not None else set()
    if other.status == "cancelled":
        target.status = "cancelled"
    known = {_key(p) for p in target.participants}
    # Actors both mentions name are settled: a description named twice ("the Venezuelan
    # opposition" beside "Maduro") is a party of its own, not a stand-in for a compatriot.
    shared = known & {_key(p) for p in other.participants}
    for p in other.participants:
        if _key(p) not in known:
            known.add(_key(p))
            target.participants.append(p)
    if isinstance(country_of, _standing_for):
        # "his Indian counterpart" and "Jaishankar" in one meeting: the name replaces the description.
        named = {country_of(p) for p in target.participants if not country_of.descriptive(p)} - {None}
        target.participants[:] = [p for p in target.participants if _key(p) in shared
                                  or not (country_of.descriptive(p) and country_of(p) in named)]
    if (target.date is None and other.date is not None) or (target.date is not None and other.date is not None and target.date.precision != "day" \
            and other.date.precision == "day"):
        target.date = other.date
    if other.location is not None and (target.location is None or (
            other.location.kind == "venue" and target.location.kind != "venue") or (
            other.location.kind == target.location.kind and _key(slug(target.location.name)) in national)):
        target.location = other.location
    if target.duration is None:
        target.duration = other.duration
    if target.kind == "meeting":
        target.kind = other.kind
    target.evidence = _evidence(target.evidence, other.evidence)


# "the memorandum", "this accord": a mention that names its agreement by the bare noun only.
_BACK_REFERENCE = frozenset(["the", "this", "that", "these", "those"])


def _back_reference(content: str) -> bool:
    """Whether a content is only a definite agreement noun ('the memorandum', 'this accord')."""
    words = content.lower().split()
    return len(words) == 2 and words[0] in _BACK_REFERENCE and words[1] in GENERIC_AGREEMENT_NOUNS


def merge_agreements(agreements: list[Agreement],
                     country_of: Callable[[str], str | None] | None = None,
                     voice: Callable[[Agreement], str] | None = None,
                     descriptive: Callable[[str], bool] | None = None) -> list[Agreement]:
    """One agreement per real-world agreement.

    Mentions merge when their sides overlap (a person counts for the country it speaks for:
    "Kenya and Uganda" and "Ruto and Museveni" are one side pair) and their contents say the
    same, or when the later one names the earlier deal only by its noun ("a memorandum on
    fisheries … the memorandum was signed by both parties"), or when they are one event told in
    two voices (``voice``: see ``_merge_retold``; ``descriptive`` tells the actors named by a
    description, "her Japanese counterpart", who may be the named person of their country).
    """

    def side(parties: list[str]) -> set[str]:
        found = set(parties)
        if country_of is not None:
            found |= {c for c in map(country_of, parties) if c is not None}
        return found

    def same(x: Agreement, a: Agreement) -> bool:
        return bool(side(x.parties) & side(a.parties)) and (token_f1(x.content, a.content) >= 0.6 or (
            _back_reference(a.content) and not _back_reference(x.content)))

    def sides(x: Agreement, a: Agreement) -> bool:
        return bool(side(x.parties) & side(a.parties)) and _same_sides(x.parties, a.parties, country_of, descriptive)

    def absorb(target: Agreement, a: Agreement) -> None:
        target.evidence = _evidence(target.evidence, a.evidence)

    return _merge_retold(agreements, same, sides, lambda a: a.content, absorb, voice)


def merge_demands(demands: list[Demand], country_of: Callable[[str], str | None] | None = None,
                  voice: Callable[[Demand], str] | None = None) -> list[Demand]:
    """One demand per demanded action: a headline and its story's lead state it twice, once by
    the country ("China urges…") and once by its spokesperson, often in other words."""

    def side(actor: str | None) -> set[str]:
        found = {actor, country_of(actor) if country_of and actor else None}
        return {a for a in found if a is not None}

    def sides(x: Demand, d: Demand) -> bool:
        return bool(side(x.demander) & side(d.demander))

    def absorb(target: Demand, d: Demand) -> None:
        if target.addressee is None:
            target.addressee = d.addressee
        target.evidence = _evidence(target.evidence, d.evidence)

    return _merge_retold(demands, lambda x, d: sides(x, d) and token_f1(x.action, d.action) >= 0.6, sides,
                         lambda d: d.action, absorb, voice)


def _same_sides(a: list[str], b: list[str], country_of: Callable[[str], str | None] | None,
                descriptive: Callable[[str], bool] | None = None) -> bool:
    """Whether two party lists name one pair of sides: they nest, or one names only countries or
    bodies and the other's persons stand for them, or the persons that differ are a description
    on one side ("her Japanese counterpart") and a person of that country on the other. Two
    lists of named persons must nest by themselves: "Blinken and Xi" agreeing to honour what
    "Biden and Xi" agreed is another agreement."""
    pa, pb = set(a), set(b)
    if pa <= pb or pb <= pa:
        return True
    if country_of is None:
        return False
    if any(all(country_of(p) is None for p in side) for side in (pa, pb)):
        ca, cb = {country_of(p) or p for p in pa}, {country_of(p) or p for p in pb}
        return ca <= cb or cb <= ca
    only_a, only_b = pa - pb, pb - pa
    return descriptive is not None and any(
        all(map(descriptive, one)) and {country_of(p) for p in one} <= {country_of(p) for p in other}
        for one, other in ((only_a, only_b), (only_b, only_a)))


_EventT = TypeVar("_EventT", Agreement, Demand, Meeting)


def _merge_retold(items: list[_EventT], same: Callable[[_EventT, _EventT], bool],
                  sides: Callable[[_EventT, _EventT], bool], wording: Callable[[_EventT], str],
                  absorb: Callable[[_EventT, _EventT], None],
                  voice: Callable[[_EventT], str] | None) -> list[_EventT]:
    """Mentions folded into events: ``same`` says two mentions are one, ``absorb`` folds one in.

    A story also tells its main events in several voices (``voice``: "headline", "lead", "quote"
    or "narrative"): the headline ("S. Korea, Japan agree to cooperate on disarming N. Korea"), the
    lead sentence that sums the story up ("have agreed to continue cooperation to address North
    Korean issues"), the narration ("agreed to work closely toward the denuclearization of North Korea") and the
    readout it quotes ("They agreed to cooperate closely … to attain their common goal of
    denuclearizing North Korea"). The wordings differ too much for ``same``, but a quotation
    and the narration with the same ``sides`` and half of the shorter wording's topic words in
    common (two at least) tell one event, once per voice. Within one voice a second wording is a
    second event ("agreed to boost trade … also agreed to boost investment"). A headline, in
    compressed words, retells the one event of the body whose wording shares most topic words
    with it (one is enough), so it is matched last, against all of them.
    """
    voice_of = voice or (lambda _: "narrative")
    merged: list[_EventT] = []
    told: dict[int, list[tuple[str, frozenset[str]]]] = {}
    headlines: list[_EventT] = []
    for item in items:
        v = voice_of(item)
        if v == "headline":
            headlines.append(item)
            continue
        stems = _stems(wording(item))
        target = next((x for x in reversed(merged[-_WINDOW:]) if not _split_apart(x, item) and (same(x, item) or (
            sides(x, item) and _retold(told[id(x)], v, stems)))), None)
        if target is None:
            merged.append(_own(item))
            told[id(merged[-1])] = [(v, stems)]
        else:
            absorb(target, item)
            told[id(target)].append((v, stems))
    for item in headlines:
        stems = _stems(wording(item))
        ranked = [(same(x, item), len(stems & frozenset().union(*(s for _, s in told[id(x)]))), -i, x)
                  for i, x in enumerate(merged[:_WINDOW]) if same(x, item) or sides(x, item)]
        best = max(ranked, key=lambda r: r[:3], default=None)
        if best is not None and (best[0] or best[1] >= 1):
            absorb(best[3], item)
        else:
            merged.append(_own(item))
            told[id(merged[-1])] = [("headline", stems)]
    return merged


def _split_apart(x: _EventT, item: _EventT) -> bool:
    """Whether ``item`` comes from a match that already gave ``x``: its builder split the match
    into several events on purpose ("signed three accords: one on A; one on B; …", "stop A and
    lift B"), however alike their wordings."""
    if not item.evidence:
        return False
    first = item.evidence[0]
    # Evidence is kept in text order (_evidence), so only the spans starting where ``first``
    # does need a look: a much-mentioned event stays linear.
    spans = x.evidence
    i = bisect.bisect_left(spans, first.start, key=lambda e: e.start)
    while i < len(spans) and spans[i].start == first.start:
        if spans[i].end == first.end and spans[i].rule == first.rule:
            return True
        i += 1
    return False


def _retold(mentions: list[tuple[str, frozenset[str]]], voice: str, stems: frozenset[str]) -> bool:
    """Whether a mention in ``voice`` retells an event told by ``mentions`` in another voice."""
    if any(v == voice for v, _ in mentions):
        return False
    return any((shared := len(stems & other)) >= 2 and 2 * shared >= min(len(stems), len(other))
               for _, other in mentions)


# Words that name no topic: two wordings of one event are compared by the others.
_FUNCTION_WORDS = frozenset(["the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "and", "or", "as",
                             "from", "into", "over", "under", "between", "among", "toward", "towards", "their",
                             "its", "his", "her", "our", "this", "that", "these", "those", "both", "two", "all",
                             "more", "any", "be", "is", "are", "was", "were", "will", "would", "should", "can",
                             "could", "not", "has", "have", "had", "also"])
_WORD = regex.compile(r"[^\W_]+")


def _stems(text: str) -> frozenset[str]:
    """The topic words of a wording, cut to five letters: 'denuclearization' and
    'denuclearizing', 'Korea' and 'Korean' compare equal."""
    return frozenset(w[:5] for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _FUNCTION_WORDS)


_RESTATED_WORDS = 8


def _run_on(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` (at least _RESTATED_WORDS words) run on into the next
    sentence for want of a full stop: it goes on, after the same words, with a capitalised word
    and no punctuation ("… beyond the EU agreement The European Union signed …"). A standfirst
    that the body repeats does this; a fuller restatement ("…, even if …") does not."""
    short, long = " ".join(short.split()), " ".join(long.split())
    rest = long[len(short):]
    return short.count(" ") + 1 >= _RESTATED_WORDS and long.startswith(short) and \
        rest[:1] == " " and rest[1:2].isupper()


def merge_statements(statements: list[Statement]) -> list[Statement]:
    """One item per thing said: mentions of one speaker with (nearly) the same content merge.

    When one content is the other run on into the next sentence (``_run_on``), the shorter is
    kept: its boundary is the right one.
    """
    merged: list[Statement] = []
    for s in statements:
        for i in range(max(0, len(merged) - _WINDOW), len(merged)):
            kept = merged[i]
            if kept.speaker != s.speaker or kept.kind != s.kind:
                continue
            if _run_on(s.content, kept.content):
                shorter = _own(s)
                shorter.evidence = _evidence(list(kept.evidence), s.evidence)
                merged[i] = shorter
                break
            if token_f1(kept.content, s.content) >= 0.8 or _run_on(kept.content, s.content):
                kept.evidence = _evidence(kept.evidence, s.evidence)
                break
        else:
            merged.append(_own(s))
    return merged
