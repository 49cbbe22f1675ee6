"""Demands: one item per demanded action, conjunctions split, polarity kept."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import regex

from diplonews.extract.context import MatchContext, dropped
from diplonews.mentions.base import Mention
from diplonews.mentions.spans import SpanSet
from diplonews.rules.literals import TextGate, compile_caseless

if TYPE_CHECKING:
    from diplonews.mentions.actor_table import ActorTable
    from diplonews.rules.placeholders import PlaceholderTable
    from diplonews.text.sentences import Sentence

__all__ = ["AddresseeFinder", "DemandSplitter"]

_NEGATIVE = regex.compile(r"^(?:not|never|stop|cease|refrain|end|halt|avoid|do not|don't|no longer)\b",
                          regex.IGNORECASE)


_LEAD = regex.compile(r"^(?:[\"“„‘']\s*)?(?:that\s+)?(?:to\s+)?(?:[\"“„‘']\s*)?", regex.IGNORECASE)
# A quotation that opens after the addressee, mid-clause (the UN “must assume …”), carries the
# modal that makes it a demand; a rule marks such a match with this strength, and the action
# is what follows the modal (no modal there: the quotation is no demand).
_QUOTED_MODAL = "quoted modal"
_MODAL_LEAD = regex.compile(r"^(?:[\"“„‘']\s*)?(?:must|should|has\s+to|have\s+to|needs?\s+to|ought\s+to)\s+(?:not\s+)?",
                            regex.IGNORECASE)
# The modals of obligation a rule records as the demand's strength (MODAL_MUST, MODAL_MUST_PAST).
_MODAL_STRENGTHS = frozenset({"must", "should", "needs to", "need to", "has to", "have to", "had to",
                              "needed to", "ought to", "must not", "should not"})
_TO = regex.compile(r"^to\s+")
_THE = regex.compile(r"^the\s+")
# "called for the need to reform …", "pushed for the urgent necessity to …": a need named as the
# thing demanded; the act needed is the demand.
_NEED_LEAD = regex.compile(r"^(?:the\s+)?(?:urgent\s+|pressing\s+|vital\s+)?(?:need|necessity)\s+to\s+(?=\p{Ll})",
                           regex.IGNORECASE)
# A joint subject written out ("A and B", "A, B and C"), not a reference back ("both ministers").
_COORDINATED = regex.compile(r",|\sand\s")
# "both sides", "the two parties": a joint subject that names itself only as the sides of an exchange.
_SIDES = regex.compile(r"(?<![\w-])(?:sides|parties)(?![\w-])", regex.IGNORECASE)
_PARALLEL = regex.compile(r"^(?:not|to|do\s+not|don't|stop|never|cease)\b", regex.IGNORECASE)
# "pushing the region to “the brink of the abyss”": quoted words after "to" that open with a
# determiner name where something is pushed, not what anyone is to do.
_QUOTED_NOUN_PHRASE = regex.compile(
    r"^(?:not\s+)?to\s+[\"\u201c\u2018']\s*(?:the|a|an|its|their|his|her|this|that|these|those|our|my)\b",
    regex.IGNORECASE)
# "to “take a different path” from its crackdown": the opening mark went with "to", so the
# closing one inside the action closes nothing.
_LONE_CLOSE = regex.compile(r"^(?P<before>[^\u201c\u201d\"]+)[\u201d\"](?P<after>[^\u201c\u201d\"]*)$")


def _closing_of_stripped_opening(action: str) -> str:
    """The action without a closing quotation mark that no opening mark in it pairs with."""
    lone = _LONE_CLOSE.match(action)
    return f"{lone.group('before')}{lone.group('after')}" if lone is not None else action


# An action captured after "to" is a verb phrase, whatever verb starts it.
_INFINITIVE_LEAD = regex.compile(r"^(?:[\"“„‘']\s*)?(?:not\s+)?to\s", regex.IGNORECASE)
# "warned Kyiv against escalating": the demand is that the addressee not do it.
_AGAINST = regex.compile(r"^against\s+", regex.IGNORECASE)
# What trails a demanded action without being part of it (a purpose clause, the source, an
# attribution "…, the ministry said") is the rules' {DEMAND_TRAILER}, built over the SAY verbs;
# this fallback serves a splitter made without rules.
_TRAILER = regex.compile(r"(?:,\s+in\s+order\s+to\b.*|,?\s+according\s+to\b.*)[\s.\"”'’]*$", regex.IGNORECASE)
# A date the clause end left behind takes its preposition with it ("prepare proposals by [June]").
_DANGLING = regex.compile(r"\s+(?:by|on|in|at|until|before|after|from|since|during|for|of|to|and|or)$", regex.IGNORECASE)
# A nominal demand ("the release of A, the end of B and its withdrawal from C"): one item per noun phrase.
_NOMINAL = regex.compile(r"^(?:the|a|an|its|their|his|her|our|further|more|greater|renewed|an?\s+end)\b",
                         regex.IGNORECASE)
# "an end to A and a thorough investigation of B": 'and' before a determiner and a derived noun
# with its preposition starts another act; "the release of A and the aid workers" stays one.
_NOMINAL_SPLIT = regex.compile(r",\s+(?:and\s+)?(?=(?:the|its|their|an?)\s)|\s+and\s+(?:also\s+)?for\s+|"
                               r"\s+and\s+(?=(?:the|its|their|an?)\s+(?:[\w-]+\s+){0,2}?\p{Ll}{3,}(?:tion|sion|ment|ance|ence|ure|al)\s+(?:of|to|for|on|into|with|from)\s)",
                               regex.IGNORECASE)
_FOR_SPLIT = regex.compile(r",?\s+and\s+(?:also\s+)?for\s+", regex.IGNORECASE)
# "called on X to abide by the law and for the release of the hostages": after a verbal action,
# "and for" before a determiner's "N of …" frame is a second, nominal demand of the same call;
# not a frame of time or cause ("and for the sake / rest / duration of …"), nor "for X to do"
# (an addressee with an action of its own).
_VERBAL_THEN_FOR = regex.compile(
    r",?\s+and\s+(?:also\s+)?for\s+(?=(?:the|an?)\s+(?:[\w-]+\s+){0,4}?"
    r"(?!(?:sake|rest|remainder|duration|course|length|time|period|benefit|good|part|head|heads|leader|leaders)\b)"
    r"(?-i:\p{Ll})+\s+of\s(?:(?!\bto\s+(?!(?:the|a|an|its|their|his|her)\b)(?-i:\p{Ll}))[^;])*$)",
    regex.IGNORECASE)
# "work for peace and for the rule of law": the verb phrase's own "for" list, one demand.
_OWN_FOR = regex.compile(r"\bfor\s", regex.IGNORECASE)
_INFINITIVE_INSIDE = regex.compile(r"(?<!\bend\s)\bto\s+(?!(?:the|a|an|its|their|his|her|this|that)\b)\p{Ll}+", regex.IGNORECASE)
# A quotation read from the inside may run over several sentences: the action ends with its own.
_SENTENCE_BREAK = regex.compile(r"(?<=\p{Ll}{2}|[)\]])[.!?][\"”’]?\s+(?=[\"“‘]?\p{Lu}).*$", regex.DOTALL)
# A relative clause on the action's last noun ("a solution that guarantees …") is a description,
# not a further demand; verbs whose object is a that-clause keep it ("ensure that …").
_RELATIVE = regex.compile(
    r"(?<!\b(?:ensure|ensures|guarantee|recognize|recognise|accept|acknowledge|show|confirm|make\s+sure|"
    r"see\s+to\s+it|declare|state|agree|insist|demand|say|admit|verify|prove))"
    r",?\s+(?:that|which)\s+(?=\p{Ll}+s\s).*$", regex.DOTALL)


# An opening single quotation mark: '‘' anywhere, or "'" at a word's start.
_SINGLE_OPEN = regex.compile(r"\u2018|(?:^|(?<=\s))'")

# Single-word demands when the lexicon defines no DEMAND_ONE_WORD list.
_ONE_WORD = ("stop", "withdraw", "leave", "disband", "disarm", "resign", "retreat", "negotiate", "compromise")


class DemandSplitter:
    """Splits 'stop A, lift B and do not C' into actions, using the lexicon's action verbs.

    It also judges demands made by several actors at once, since its `finish` step sees the
    whole subject: `joint_own_aim` are the verbs of wanting ('A and B want / seek / hope …') by
    which a joint subject tells of its own aim, not a demand (only these: a joint subject's
    modals and ultimatums still demand); `joint_self` are actions a joint subject takes on
    itself ('closer bilateral ties'), no demand when no one else is named; `collectives` are
    bodies a subject joins ('joined the West in urging …'), the chorus it aligns with rather
    than a further demander."""

    def __init__(self, action_verbs: list[str], agent_cues: Sequence[str] = (),
                 trailer: regex.Pattern[str] | None = None, one_word: Sequence[str] = _ONE_WORD,
                 joint_self: Sequence[str] = (), joint_own_aim: Sequence[str] = (),
                 collectives: Sequence[str] = ()):
        self._trailer = trailer or _TRAILER
        # "Both ministers called for closer bilateral ties": a joint subject's call on itself.
        words = "|".join(sorted((regex.escape(w) for w in joint_self), key=len, reverse=True))
        self._joint_self = regex.compile(rf"(?<![\w-])(?:{words})(?![\w-])", regex.IGNORECASE) if words else None
        aims = "|".join(sorted((regex.escape(w) for w in joint_own_aim), key=len, reverse=True))
        self._joint_own_aim = regex.compile(rf"(?<![\w-])(?:{aims})", regex.IGNORECASE) if aims else None
        # "joined the West in urging …": a collective joined is the
        # chorus the subject aligns with, not a further demander the text names.
        self._collectives = frozenset(_THE.sub("", c.lower()) for c in collectives)
        # A demanded action is a phrase; a few single words are whole demands ("urged restraint").
        self._one_word = frozenset(w.lower() for w in one_word)
        # "an end to advances by the rebels", "a truce between A and B": the nominal demand's
        # agent is whom it is made of, when no addressee is named.
        cues = "|".join(sorted((regex.escape(c) for c in agent_cues), key=len, reverse=True))
        self._agent = regex.compile(rf"(?<![\w-])(?:{cues})\s+(?:the\s+)?(?:[\w-]+\s+(?:of|in)\s+(?:the\s+)?)?$",
                                    regex.IGNORECASE) if cues else None
        verbs = "|".join(sorted((regex.escape(v) for v in action_verbs), key=len, reverse=True))
        lead = r"(?:to\s+|not\s+|also\s+|further\s+|earnestly\s+|immediately\s+|\w+ly\s+)?"
        self._verbal = regex.compile(rf"^(?:\w+ly\s+(?:and\s+\w+ly\s+)?)?{lead}(?:{verbs})\b", regex.IGNORECASE)
        self._split_listed = regex.compile(
            rf"(?:,\s*(?:and|or)\s+|;\s*(?:and\s+)?|,\s+|\s+as\s+well\s+as\s+)(?={lead}(?:{verbs})\b)",
            regex.IGNORECASE)
        self._split_and = regex.compile(rf"\s+and\s+(?={lead}(?:{verbs})\b)", regex.IGNORECASE)
        self._infinitive = regex.compile(rf"\bto\s+{lead}(?:{verbs})\b", regex.IGNORECASE)
        self._gerund_and = regex.compile(r",?\s+and\s+(?=\p{Ll}+ing\b)")
        self._gerund_lead = regex.compile(r"^(?:(?:stop|cease|refrain\s+from|avoid|keep|continue|start|resume)\s+)?"
                                          r"\p{Ll}+ing\b", regex.IGNORECASE)

    @classmethod
    def from_rules(cls, placeholders: PlaceholderTable) -> DemandSplitter:
        """The splitter the rules describe: their action verbs, agent cues and trailer, and
        the JOINT_SELF, JOINT_OWN_AIM and COLLECTIVE_ACTOR words for joint demanders, each only when
        the rules define it, so that rule packs without them still load (and keep every joint
        demand)."""
        trailer = placeholders.expand("{DEMAND_TRAILER}") if "DEMAND_TRAILER" in placeholders.names else ""
        one_word = placeholders.words("DEMAND_ONE_WORD") if "DEMAND_ONE_WORD" in placeholders.names else _ONE_WORD
        joint_self = placeholders.words("JOINT_SELF") if "JOINT_SELF" in placeholders.names else ()
        joint_own_aim = placeholders.words("JOINT_OWN_AIM") if "JOINT_OWN_AIM" in placeholders.names else ()
        collectives = placeholders.words("COLLECTIVE_ACTOR") if "COLLECTIVE_ACTOR" in placeholders.names else ()
        return cls(placeholders.words("ACTION_VERB"), placeholders.words("DEMAND_AGENT_CUE"),
                   regex.compile(rf"(?:{trailer})[\s.\"”'’]*$", regex.IGNORECASE) if trailer else None, one_word,
                   joint_self, joint_own_aim, collectives)

    def _agent_of(self, values: dict[str, Any], ctx: MatchContext) -> str | None:
        """The actor a nominal action names as its doer ('advances by X', 'a truce between X and Y')."""
        span = values.get("_action_span")
        if self._agent is None or not span:
            return None
        start, end = span
        found: list[Mention] = [m for m in ctx.sentence.tokens if m.actor_ids and start <= m.start < end]
        for mention in found:
            if self._agent.search(ctx.text, start, mention.start):
                return next((a for a in mention.actor_ids if a != values.get("demander")), None)
        return None

    @staticmethod
    def _rejoin(pieces: list[str]) -> list[str]:
        kept = [pieces[0]]
        for piece in pieces[1:]:
            if _PARALLEL.match(piece):
                kept.append(piece)
            else:
                kept[-1] = f"{kept[-1]} and {piece}"
        return kept

    def split(self, action: str, verbal: bool = False) -> list[str]:
        """The separate actions of a coordinated demand.

        A verb phrase (``verbal``: it came after "to") splits before each listed verb; a noun
        phrase ("a ceasefire, the release of A and for talks") splits before each
        determiner-led phrase of its list instead, so the nouns of a verbal action ("respect
        for the law") never start a demand of their own.
        """
        verbal = verbal or bool(self._verbal.match(action))
        if self._gerund_lead.match(action) and not verbal:
            return [p.strip(" ,;") for p in self._gerund_and.split(action) if p.strip(" ,;")]
        if _NOMINAL.match(action) or not verbal:
            pieces: list[str] = []
            for chunk in _FOR_SPLIT.split(action):
                # "dialogue to ensure peace, the rule of law and …": the list is the infinitive's object.
                if _INFINITIVE_INSIDE.search(chunk):
                    pieces.append(chunk)
                else:
                    pieces.extend(_NOMINAL_SPLIT.split(chunk))
            return [p.strip(" ,;") for p in pieces if p.strip(" ,;")]
        verbal_part, *nominal_parts = _VERBAL_THEN_FOR.split(action)
        if nominal_parts and not _OWN_FOR.search(verbal_part):
            return [*self.split(verbal_part, verbal=True),
                    *(n.strip(" ,;") for n in nominal_parts if n.strip(" ,;"))]
        parts: list[str] = []
        for chunk in self._split_listed.split(action):
            # A plain 'and' inside an embedded infinitive ("work with China to manage A and avoid B")
            # joins that infinitive's verbs, not separate demands.
            pieces = self._split_and.split(chunk)
            if self._infinitive.search(pieces[0]):
                pieces = self._rejoin(pieces)
            for piece in pieces:
                if self._gerund_lead.match(piece.strip()):
                    parts.extend(self._gerund_and.split(piece))
                else:
                    parts.append(piece)
        return [p.strip(" ,;") for p in parts if p and p.strip(" ,;")]

    def finish(self, values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
        action = values.get("action")
        if not action:
            return dropped(values, "no action")
        demander, addressee = values.get("demander"), values.get("addressee")
        if addressee is not None and addressee == demander:
            # "she said she must leave": an obligation of one's own, not a demand
            return dropped(values, "addressee is the demander")
        if values.get("strength") == _QUOTED_MODAL:
            lead = _MODAL_LEAD.match(action.strip())
            if lead is None:
                return dropped(values, "a quotation after the addressee with no modal: no demand")
            words = lead.group(0).strip(" \"“„‘'").split()
            values["strength"] = " ".join(w for w in words if w.lower() != "not").lower()
            action = ("not " if words[-1].lower() == "not" else "") + action.strip()[lead.end():]
        need = _NEED_LEAD.match(action.strip())
        if need is not None:
            # "called for / pushed for the need to reform …": the need is the demanded act
            action = action.strip()[need.end():]
        # After a modal of obligation ("told X it must A and B") the action is a verb phrase,
        # whether or not its first verb is a listed one.
        verbal = (need is not None or bool(_INFINITIVE_LEAD.match(action))
                  or str(values.get("strength") or "").lower() in _MODAL_STRENGTHS)
        if _QUOTED_NOUN_PHRASE.match(action.strip()):
            return dropped(values, "a quoted noun phrase after 'to' is a place reached, not an act")
        action = _LEAD.sub("", action.strip())
        against = bool(_AGAINST.match(action))
        action = _AGAINST.sub("", action)
        action = _SENTENCE_BREAK.sub("", action)
        action = self._trailer.sub("", action)
        action = _RELATIVE.sub("", action)
        action = _DANGLING.sub("", action.rstrip(" ,.;"))
        action = action.rstrip(" ,.;")
        if action.count("\u201c") <= action.count("\u201d") - 1 or "\u201c" not in action:
            action = action.rstrip("\u201d\"\u201c\u201e").rstrip(" ,.;")
        action = _closing_of_stripped_opening(action)
        parts = self.split(action, verbal)
        if addressee is None and not verbal and not self._verbal.match(action):
            values["addressee"] = self._agent_of(values, ctx)
        items = []
        for part in parts or [action]:
            part = _TO.sub("", part)
            # "must ‘keep calm’ and …": the opening single mark went with the lead words.
            if part.endswith(("\u2019", "'")) and not _SINGLE_OPEN.search(part):
                part = part.rstrip("\u2019'").rstrip(" ,.;")
            if len(part.split()) < 2 and part.lower() not in self._one_word:
                continue
            if against:
                part = f"not {part}"
            item = dict(values)
            item["action"] = part
            item["polarity"] = "negative" if _NEGATIVE.match(part) else "positive"
            items.append(item)
        if not items:
            return dropped(values, f"every demanded action under 2 words: {action!r}")
        groups = values.get("_demander_groups") or []
        if len(groups) == 1 and len(set(groups[0])) > 1:
            # one subject standing for several actors ('A and B urged …', 'both ministers urged …'),
            # not several subjects a rule names apart ('X joined Y in urging …', _per_demander)
            if self._joint_own_aim is not None and self._joint_own_aim.search(str(values.get("strength") or "")):
                # "A and B want / seek …" tells of the subjects' own aim; the broader test (any verb
                # but the calling ones) also dropped modals, ultimatums and "the need to"
                return dropped(values, "a joint subject telling of its own aim")
            span = values.get("_demander_span")
            if span and _SIDES.search(ctx.text, *span):
                # "the two sides called for …": the parties to an exchange call on themselves
                return dropped(values, "the sides of an exchange as joint demanders")
            if span and not _COORDINATED.search(ctx.text, *span) and values.get("addressee") is None:
                # "both ministers called for …", "the two countries seek …" with no one else named:
                # a plural reference back with no one else named is as likely the pair's own aim,
                # and counting it added false positives when scored; such a reference demands
                # only of a named other ("the two countries urged Bolivia to …")
                return dropped(values, "a plural reference back with no addressee named")
            if values.get("addressee") is None and self._joint_self is not None and self._joint_self.search(action):
                # several demanders at once, no one else named, the act their own: a call on themselves
                return dropped(values, f"a joint call on the speakers themselves: {action!r}")
        if len(groups) > 1 and self._collectives:
            named = {m.actor_ids[0]: _THE.sub("", " ".join(ctx.text[m.start:m.end].lower().split()))
                     for m in ctx.sentence.tokens if m.actor_ids}
            kept = [g for g in groups if not g or named.get(g[0]) not in self._collectives]
            if kept and len(kept) < len(groups):
                values = dict(values, _demander_groups=kept)
                items = [dict(item, demander=kept[0][0]) if item.get("demander") not in
                         [g[0] for g in kept if g] else item for item in items]
        return self._per_demander(items, values)

    @staticmethod
    def _per_demander(items: list[dict[str, Any]], values: dict[str, Any]) -> list[dict[str, Any]]:
        """One copy of each item per demander a rule names ('X joined Y in urging …': Y too).

        The rules capture each demander as its own span of the demander group ({CO_MEMBER}),
        so a span stands for one actor (its first id), never the several ids one token may
        carry. A joint subject before the verb ('Chile and Peru urged …') is not read so: the
        guide makes the copies for its other members optional, and adding them gave false
        positives when scored."""
        groups: list[list[str]] = values.get("_demander_groups") or []
        demanders: list[str] = []
        for group in groups:
            if group and group[0] not in demanders:
                demanders.append(group[0])
        if len(demanders) < 2:
            return items
        addressee = values.get("addressee")
        return [dict(item, demander=demander) for demander in demanders if demander != addressee
                for item in items]


class AddresseeFinder:
    """Descriptive addressees: groups that only the demand made of them reveals.

    "urged rebel commanders to …", "demands that all external parties cease …": no gazetteer
    names such a group and nothing anchors it to a country, yet it is whom the demand is made
    of. Where the lexicon's ``DESCRIPTIVE_ADDRESSEE`` pattern (20-demands.toml) finds a group
    head right after a demand verb and before the demanded action, this finder adds a group
    mention there, named without its quantifier ("all") or "members of", so every demand rule
    sees an actor token in its addressee slot. Like the descriptive speakers, it never
    replaces a mention the actor finder made.
    """

    def __init__(self, table: PlaceholderTable):
        self._pattern: regex.Pattern[str] | None = None
        self._gate: TextGate | None = None
        if "DESCRIPTIVE_ADDRESSEE" in table.names:
            expanded = table.expand("{DESCRIPTIVE_ADDRESSEE}")
            self._pattern = compile_caseless(expanded)
            # A group head and a demand verb: few sentences have both (see TextGate).
            self._gate = TextGate(expanded)

    def find(self, text: str, sentences: Sequence[Sentence], mentions: list[Mention],
             actors: ActorTable) -> list[Mention]:
        """``mentions`` (in text order) with the descriptive addressees added."""
        if self._pattern is None:
            return mentions
        # Quotations are read from the inside too: a demand quoted there has its addressee.
        taken = SpanSet((m.start, m.end) for m in mentions)
        added: list[Mention] = []
        for sentence in sentences:
            piece = text[sentence.start:sentence.end]
            if self._gate is not None and not self._gate.admits(piece):
                continue
            for match in self._pattern.finditer(piece):
                start, end = sentence.start + match.start("mention"), sentence.start + match.end("mention")
                if taken.overlaps(start, end):
                    continue
                name = " ".join(match.group("name").split())
                record = actors.descriptive(name, "group", None, None)
                record.add(" ".join(text[start:end].split()), start, end)
                added.append(Mention(start, end, "ag", (record.id,), source="descriptive-addressee"))
        if not added:
            return mentions
        return sorted([*mentions, *added], key=lambda m: m.start)
