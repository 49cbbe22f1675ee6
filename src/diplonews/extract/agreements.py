"""Agreements: parties and what they agreed, with reached/reaffirmed/signed status."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import regex

from diplonews.extract.context import MatchContext, dropped, only_companies

if TYPE_CHECKING:
    from diplonews.rules.placeholders import PlaceholderTable

__all__ = ["GENERIC_AGREEMENT_NOUNS", "AgreementBuilder", "finish_agreement"]

_LEAD = regex.compile(r"^(?:to|that|on|upon)\s+", regex.IGNORECASE)


_FURTHER = regex.compile(r"(?:,\s*|;\s*)and\s+(?=(?:to\s+)?(?:also\s+)?\p{Ll}+\s)")
# "to A and to B": the repeated "to" marks a second infinitive, not a list inside A.
_AND_TO = regex.compile(r"(?:,|;)?\s+and\s+(?=to\s+(?:also\s+)?\p{Ll}+\s)")


def _starts_like_action(part: str) -> bool:
    words = _LEAD.sub("", part.strip()).split()
    return bool(words) and words[0].lower() not in _NOT_VERBS


def _parallel(parts: list[str]) -> list[str]:
    """The coordinated parts that continue the first one's form: after "agreed on strengthening
    A" (a gerund after "on") a gerund ("and on widening B") is a second thing agreed, while a bare verb ("and also
    welcome B") is the subject's next act, which ends the list."""
    def first_word(part: str) -> str:
        words = [w for w in _LEAD.sub("", part.strip()).split() if w.lower() != "also"]
        return words[0].lower() if words else ""

    if not parts[0].lstrip().lower().startswith(("on ", "upon ")) or not first_word(parts[0]).endswith("ing"):
        return parts  # "agreed to bring back A, and to reopen B": an infinitive list
    kept = [parts[0]]
    for part in parts[1:]:
        if not first_word(part).endswith("ing"):
            break
        kept.append(part)
    return kept


_NOT_VERBS = frozenset(["the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "other", "all", "both", "more", "most", "many"])


# Nouns that name an agreement without saying what it is about: bare, they are no content, and
# "the pact" after a named pact of the same parties is that pact again (merge.py).
GENERIC_AGREEMENT_NOUNS = frozenset(["agreement", "agreements", "deal", "deals", "pact", "pacts", "accord", "accords", "treaty",
                      "understanding", "memorandum", "document", "documents", "arrangement"])
_BY = regex.compile(r"\bby\s+\S")
# "two agreements", "nearly 40 accords", "separate MoUs": an agreement noun that counts several.
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNTED = regex.compile(r"^(?:(?:nearly|about|some|more\s+than|over|around|almost)\s+)?"
                         r"(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d+|several|separate|multiple)\s",
                         regex.IGNORECASE)
# What opens the list of a counted noun's particulars: a colon or a semicolon right after it.
_LIST_OPEN = regex.compile(r"\s*[:;]\s*(?P<list>.+?)[\s.]*$", regex.DOTALL)
_LIST_SEMICOLON = regex.compile(r"\s*;\s*(?:and\s+)?")
_LIST_COMMA = regex.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# "separate MoUs with A on X, with B on Y and with C on Z": one agreement per partner.
_WITH_EACH = regex.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?=with\s)", regex.IGNORECASE)
# A list of quoted names ('“A” and “B”') splits at the names, whatever words they hold.
_QUOTED_NAME = regex.compile(r"[\"“„]([^\"“”„]+)[\"”“]")
_WITH_TOKEN = regex.compile(r"\bwith\s+(?:the\s+)?(⟦[a-z]+\d+⟧)")
_TOPIC_LEAD = regex.compile(r"(?:on|for|over|about|regarding|concerning)\s", regex.IGNORECASE)
_QUOTES = "\"“”„‘’'"
# Where a coordinated object's next document starts: ', ', ', and', 'and', 'as well as', 'along with'.
_DOC_SEPARATOR = r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+|along\s+with\s+)?|\s+(?:and|as\s+well\s+as|along\s+with)\s+)"
# Where the last document of such a list stops in the text after the matched content.
_DOC_TAIL_END = r"(?=\s*[.;:!?]|,\s+(?:which|who|according|while|but|saying|officials)\b|\s*$)"
_LIST_CLOSE = regex.compile(r"\s(?:and|as\s+well\s+as|along\s+with)\s", regex.IGNORECASE)
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "such"])


class AgreementBuilder:
    """Turns an agreement match into items: splits joined agreements, drops hypothetical or
    denied ones and contents that name nothing, and sets the status (reached, reaffirmed,
    signed, or planned when the verb group before the content looks ahead: 'will sign',
    'are expected to sign').

    `stops` (the rules' DEAL_NP_STOP words) and `verb_stops` (DOC_VERB_STOP, verbs of signing)
    can never be a document's modifier: between an article and an agreement noun they mark a
    new clause or a relative ('the side that wanted a treaty'), so the words up to the noun are
    no document of a coordinated list. `list_verbs` (DOC_LIST_VERB) may open the next document
    of such a list ('signed A and ratified B')."""

    def __init__(self, corporate_heads: Sequence[str] = (), corporate_leads: Sequence[str] = (),
                 pending: Sequence[str] = (), nouns: Sequence[str] = (), stops: Sequence[str] = (),
                 verb_stops: Sequence[str] = (), list_verbs: Sequence[str] = (),
                 generic_modifiers: Sequence[str] = ()):
        self._corporate = frozenset(h.lower() for h in corporate_heads)
        self._corporate_lead = frozenset(h.lower() for h in corporate_leads)
        words = "|".join(r"\s+".join(map(regex.escape, w.split())) for w in sorted(pending, key=len, reverse=True))
        # Only the verb group right before the content counts: "X and Y, hoping to end a dispute,
        # signed a treaty" is signed; "X and Y hope to sign a treaty" is not.
        self._pending = regex.compile(rf"(?<![\w-])(?:{words})(?![\w-])(?:[^\S\n]+[\w'’-]+){{0,3}}[^\S\n]*$",
                                      regex.IGNORECASE) if words else None
        self._nouns = frozenset(n.lower() for n in nouns) | GENERIC_AGREEMENT_NOUNS
        # "the pact", "a final agreement", "the accord they reached": a generic noun, with at most
        # a modifier that says nothing of its subject and a clause on who reached it.
        kinds = "|".join(sorted(GENERIC_AGREEMENT_NOUNS, key=len, reverse=True))
        mods = "|".join(regex.escape(m.lower()) for m in generic_modifiers)
        modifier = rf"(?:(?:{mods})\s+)?" if mods else ""
        reached = (r"(?:\s+(?:that\s+|which\s+)?(?:they|we|the\s+two\s+(?:sides|countries|leaders)|both\s+sides)"
                   r"\s+(?:had\s+|have\s+|has\s+)?(?:\p{Ll}+ed|struck|made|inked|agreed\s+(?:up)?on))?")
        self._generic = regex.compile(rf"(?:{'|'.join(_DETERMINERS)})\s+{modifier}(?:{kinds}){reached}",
                                      regex.IGNORECASE)
        heads = "|".join(r"\s+".join(map(regex.escape, n.split())) for n in sorted(self._nouns, key=len, reverse=True))
        # The words between the article and the noun are modifiers, never a verb or a clause word
        # ('…, and the Vietnamese leader signed a treaty' is a new clause, not a document).
        barred = "|".join(regex.escape(w) for w in sorted({w.lower() for w in (*stops, *verb_stops)}, key=len,
                                                          reverse=True))
        modifier = rf"(?!(?:{barred})\b)[\w’'-]+\s+" if barred else r"[\w’'-]+\s+"
        document = rf"(?:a|an|the)\s+(?:{modifier}){{0,4}}?(?:{heads})(?![\w-])"
        self._document = regex.compile(document, regex.IGNORECASE)
        # A second verb of the same subject may open the next document: 'signed A and ratified B'.
        signing = "|".join(regex.escape(w) for w in sorted({w.lower() for w in list_verbs}, key=len, reverse=True))
        verb = rf"(?:(?<=\band\s)(?:also\s+)?(?:{signing})\s+)?" if signing else ""
        self._document_split = regex.compile(rf"{_DOC_SEPARATOR}{verb}(?={document})", regex.IGNORECASE)
        self._document_more = regex.compile(
            rf"\s*,?\s*(?:and|as\s+well\s+as|along\s+with)\s+{verb}(?P<more>{document}.*?){_DOC_TAIL_END}",
            regex.IGNORECASE | regex.DOTALL)
        # 'signed a trade pact, a visa deal and a memorandum on X': the list goes on after a bare
        # comma when an 'and' closes it further on (a comma alone may open an apposition).
        self._document_list = regex.compile(rf"\s*,\s*(?P<more>{document}.*?){_DOC_TAIL_END}",
                                            regex.IGNORECASE | regex.DOTALL)

    @classmethod
    def from_rules(cls, placeholders: PlaceholderTable) -> AgreementBuilder:
        """The builder the rules describe: their CORPORATE_HEAD, CORPORATE_LEAD,
        AGREEMENT_PENDING and TREATY words, and DEAL_NP_STOP, DOC_VERB_STOP (the stops that end
        a document's modifiers), DOC_LIST_VERB and GENERIC_DEAL_MODIFIER when the rules define them, so that rule packs
        without them still load."""
        names = placeholders.names

        def optional(name: str) -> list[str]:
            return placeholders.words(name) if name in names else []

        return cls(placeholders.words("CORPORATE_HEAD"), placeholders.words("CORPORATE_LEAD"),
                   placeholders.words("AGREEMENT_PENDING"), placeholders.words("TREATY"),
                   optional("DEAL_NP_STOP"), optional("DOC_VERB_STOP"), optional("DOC_LIST_VERB"),
                   optional("GENERIC_DEAL_MODIFIER"))

    def _corporate_only(self, values: dict[str, Any], ctx: MatchContext) -> bool:
        """Whether every party is named as a company: a business deal, not diplomacy."""
        return only_companies(set(values.get("parties") or []), ctx, self._corporate, self._corporate_lead)

    def _particulars(self, content: str, values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
        """The agreements a counted agreement noun lists: 'reached two agreements: “A” and “B”',
        'signed three accords; one to …; a second …; and the third …', 'inked separate MoUs with
        A on X, with B on Y and with C on Z' (each with its own partner). Each is an agreement of
        its own (the guide's one item per real-world agreement); the list must have as many parts
        as the count says, so a list of topics inside one agreement ('two accords: on trade and
        on energy and transport') is left whole. Empty when the content counts nothing or lists
        nothing."""
        counted = _COUNTED.match(content)
        if counted is None:
            return []
        count = _NUMBERS.get(counted["count"].lower()) or (int(counted["count"]) if counted["count"].isdigit() else 0)
        head, _, _ = content.partition(" with ")
        if head.split()[-1].lower().strip(",;") in self._nouns and len(parts := _WITH_EACH.split(content)) > 1:
            return self._with_each(parts, values, ctx) if count in (0, len(parts)) else []
        noun = content.split()[-1]
        if noun.lower() not in self._nouns:
            return []
        span = values.get("_content_span")
        listed = _LIST_OPEN.match(ctx.text, span[1], ctx.sentence.end) if span else None
        if listed is None:
            return []
        names = _QUOTED_NAME.findall(listed["list"])
        if _QUOTED_NAME.sub("", listed["list"]).strip(" ,;") in ("", "and"):
            parts = names
        else:
            parts = next((found for separator in (_LIST_SEMICOLON, _LIST_COMMA)
                          if len(found := [p.strip(_QUOTES + " ") for p in separator.split(listed["list"])
                                           if p.strip(_QUOTES + " ")]) > 1 and count in (0, len(found))), [])
        if len(parts) < 2 or count not in (0, len(parts)):
            return []
        # "four memoranda: on fisheries, on …": a bare topic keeps the noun it is the topic of.
        return [{**values, "content": f"{noun} {p}" if _TOPIC_LEAD.match(p) else p} for p in parts]

    @staticmethod
    def _with_each(parts: list[str], values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
        """'separate MoUs with A on X, with B on Y': each part's partner is the actor after its
        'with' (the subject's parties stay); a partner the actor layer did not name leaves the
        part with the subject alone."""
        found = [ctx.sentence.tokens_in(m.start(1), m.end(1))
                 for m in _WITH_TOKEN.finditer(ctx.sentence.masked, ctx.match_start, ctx.match_end)]
        partners = [mentions[0].actor_ids[0] for mentions in found if mentions and mentions[0].actor_ids]
        if len(partners) != len(parts):
            return [{**values, "content": part} for part in parts]
        own = [p for p in values.get("parties") or [] if p not in partners]
        return [{**values, "content": part, "parties": [*own, partner]} for part, partner in zip(parts, partners, strict=True)]

    def _documents(self, content: str, values: dict[str, Any], ctx: MatchContext) -> list[str]:
        """The documents of a coordinated object: 'signed a protocol on X, a joint declaration on
        Y, as well as a treaty on Z' names three agreements, each a noun phrase that opens with
        an article and is headed by an agreement noun within a few words; so does a second verb of
        signing with its own document ('signed a pact on A and ratified a treaty on B'). The
        rule's content may stop before the list does ('…, as well as …'); the rest of the list,
        up to the clause's end, is read from the text after it. Empty unless there are two
        documents or more."""
        content = _LEAD.sub("", content)
        if not self._document.match(content):
            return []
        parts = [p.strip(" ,;") for p in self._document_split.split(content) if p.strip(" ,;")]
        span = values.get("_content_span")
        more = self._document_more.match(ctx.text, span[1], ctx.sentence.end) if span else None
        if more is not None:
            parts += [p.strip(" ,;") for p in self._document_split.split(more["more"]) if p.strip(" ,;")]
        elif span and (listed := self._document_list.match(ctx.text, span[1], ctx.sentence.end)) is not None:
            rest = [p.strip(" ,;") for p in self._document_split.split(listed["more"]) if p.strip(" ,;")]
            if len(rest) > 1 and _LIST_CLOSE.search(listed["more"]):
                parts += rest
        return parts if len(parts) > 1 else []

    def finish(self, values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
        """Build agreements; 'agreed to A, and to B' is two agreements of the same parties, and so
        are the particulars listed after 'two agreements:' and the documents of a coordinated
        object ('signed an accord on A, a protocol on B and a memorandum on C')."""
        content = values.get("content")
        if content and (particulars := self._particulars(content.strip(), values, ctx)):
            return [item for part in particulars for item in self._one(part, ctx)]
        if content and (documents := self._documents(content.strip(), values, ctx)):
            return [item for part in documents for item in self._one({**values, "content": part}, ctx)]
        further = _AND_TO if content and content.lstrip().lower().startswith("to ") and _AND_TO.search(content) \
            else _FURTHER
        if content and further.search(content):
            parts = [p for p in further.split(content) if p.strip()]
            # "A, B, and C" is one list; only "A, and B" (no other comma) joins two agreements.
            listed = further is _FURTHER and any("," in p for p in parts[:-1])
            if not listed and all(_starts_like_action(p) for p in parts[1:]):
                return [item for part in _parallel(parts) for item in self._one({**values, "content": part}, ctx)]
        return self._one(values, ctx)

    @staticmethod
    def _lead(values: dict[str, Any], ctx: MatchContext) -> str:
        """The matched words before the content: the parties and their verb group."""
        span = values.get("_content_span")
        start, end = ctx.sentence.to_text(ctx.match_start, ctx.match_end)
        return ctx.text[start:span[0]] if span and start <= span[0] <= end else ""

    def _one(self, values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
        content = values.get("content")
        if not content or not values.get("parties"):
            return dropped(values, "no parties" if content else "no content")
        if self._corporate_only(values, ctx):
            return dropped(values, "a business deal between companies (CORPORATE_HEAD)")
        possible = ctx.cues.possibility.search(ctx.sentence.masked, ctx.match_start, ctx.match_end)
        if ctx.cues.nonfactual(ctx) or possible:
            return dropped(values, "hypothetical or denied agreement (HYPOTHETICAL_CUE, POSSIBILITY_CUE)")
        if self._pending is not None and self._pending.search(self._lead(values, ctx)):
            return dropped(values, "an agreement still sought, not reached (AGREEMENT_PENDING)")
        content = _LEAD.sub("", content.strip()).rstrip(" ,.;")
        words = content.split()
        matched = ctx.sentence.masked[ctx.match_start:ctx.match_end]
        # "the pact", "a final agreement": a bare generic noun names no content of its own, unless
        # its clause says who signed it ("the treaty was signed by X and Y"); "a ceasefire" does.
        bare = self._generic.fullmatch(content) is not None
        if len(words) < 2:
            return dropped(values, f"agreement content under 2 words: {content!r}")
        if bare and not _BY.search(matched):
            return dropped(values, f"agreement content is a bare generic noun: {content!r}")
        values["content"] = content
        if "status" not in values:
            if ctx.cues.reaffirm.search(ctx.sentence.masked):
                values["status"] = "reaffirmed"
            elif ctx.cues.future.search(self._lead(values, ctx)):
                values["status"] = "planned"
            elif ctx.cues.sign.search(matched):
                values["status"] = "signed"
            else:
                values["status"] = "reached"
        return [values]


_BUILDER = AgreementBuilder()
finish_agreement = _BUILDER.finish
