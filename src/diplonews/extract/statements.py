"""Statements: who said what, quoted or reported."""

from __future__ import annotations

from typing import Any

import regex

from diplonews.extract.context import MatchContext, dropped

__all__ = ["finish_statement"]

# "highlighted the fact that X", "stressed that X": what was said is X.
_LEAD = regex.compile(r"^(?:(?:the\s+)?fact\s+that|that|,|:|\s)+", regex.IGNORECASE)
# A trailing date or place is cut off as an adjunct of the reporting verb; a preposition left
# dangling by that cut ("will be balanced by [next year]") goes with it.
_DANGLING = regex.compile(r"(?:\s+(?:by|until|till|from|in|on|at|of|for|to|within|through|during))+$",
                          regex.IGNORECASE)
# A reported clause that looks ahead ("would reopen", "plans to visit", "will be held") owns the
# date at the sentence's end: "said the border would reopen next month" reports when it reopens,
# not when it was said.
_FORWARD = regex.compile(r"(?<![\w-])(?:will|would|shall|can|cannot|is\s+to|are\s+to|was\s+to|were\s+to|to|could|might|may|must|"
                         r"going\s+to|due\s+to|set\s+to|expected\s+to)(?:\s+(?:not|be|have|been|also|soon|"
                         r"only|again|now|finally|formally|officially))*\s+[\p{L}-]+(?:\s+[\p{L}'-]+){0,4}$",
                         regex.IGNORECASE)
_QUOTE_MARKS = "\u201c\u201d\"'\u2018\u2019 "
_WORD = regex.compile(r"[\p{L}][\p{L}'-]*")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with",
                          "by", "from", "as", "over", "after", "amid", "vs", "but", "into", "about"})


# What may stay of a sentence after a noun-phrase content once its dates and places are cut.
_ADJUNCT_REST = regex.compile(r"(?:\s*(?:on|in|at|from|during|late|early|last|this|earlier|later|again|too)\b)*[\s.!?\"\u201d'\u2019)]*",
                              regex.IGNORECASE)
# Verbs of denial take a bare noun as all they report: "denied wrongdoing", "denies involvement".
_DENIAL = regex.compile(r"^(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:denied|denies|deny|denying)$", regex.IGNORECASE)

# A verb of asking before a wh-clause reports a question, which asserts nothing: "asked whether
# the bridge could be repaired", "asked the coach why he was dropped" (the audience may come first).
_ASKING = regex.compile(r"^(?:asked|asks|ask|asking|wondered|wonders|inquired|inquires|enquired|enquires|queried)$",
                        regex.IGNORECASE)
_QUESTION = regex.compile(r"^(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w'.-]+\s+){0,3}?"
                          r"(?:whether|if|why|how|what|when|where|who|which)\b", regex.IGNORECASE)

# "called on" with no infinitive after its object is a visit ("called on the president at his
# office"), not a call on someone to act ("called on the president to resign").
_CALLED_ON = regex.compile(r"^(?:has\s+|have\s+|had\s+)?(?:also\s+)?call(?:ed|s|ing)?\s+(?:on|upon)$", regex.IGNORECASE)
_ASKED_TO = regex.compile(r"\b(?i:to|for|not)\s+[\"\u201c\u2018]?\p{Ll}|\b(?i:that)\b")

_PRONOUNS = frozenset({"it", "this", "that", "them", "him", "her", "everything", "anything", "nothing",
                       "so", "all", "these", "those", "any", "none", "both"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "these", "those", "any", "all",
                          "this", "that", "such", "no"})


def _title_case(text: str) -> bool:
    """A headline in title case ("Woman Who Accused Mayor Drops Her Claim"): its capitals are
    typography, so its 'names' are no speakers and it reports nothing the body does not."""
    if text.rstrip().endswith((".", "\u201d", '"')):
        return False  # a sentence, no headline: most texts end here, before their words are read
    words: list[str] = [w for w in _WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    if len(words) < 4:
        return False
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals >= 0.85 * len(words)


def _is_quote(span: tuple[int, int], ctx: MatchContext) -> bool:
    tokens = [m for m in ctx.sentence.tokens if m.start >= span[0] and m.end <= span[1]]
    return len(tokens) == 1 and "q" in tokens[0].flags and tokens[0].start == span[0] \
        and tokens[0].end == span[1]


def _ends_sentence(span: tuple[int, int] | None, ctx: MatchContext) -> bool:
    return span is not None and not ctx.text[span[1]:ctx.sentence.end].strip(" .!?\"\u201d'")


def _ends_clause(span: tuple[int, int] | None, ctx: MatchContext) -> bool:
    """Whether nothing but dates and places (with their prepositions) follows ``span`` in its
    sentence: "denied the allegations on Monday" ends its clause at "allegations"."""
    if span is None:
        return False
    rest = ctx.text[span[1]:ctx.sentence.end]
    for mention in reversed([m for m in ctx.sentence.tokens if m.start >= span[1] and ("d" in m.flags or "l" in m.flags)]):
        rest = rest[:mention.start - span[1]] + rest[mention.end - span[1]:]
    return _ADJUNCT_REST.fullmatch(rest) is not None


def _quote_text(text: str) -> str:
    return " ".join(text.split()).strip(_QUOTE_MARKS).rstrip(",").strip(_QUOTE_MARKS)


def _forward_date(content: str, span: tuple[int, int] | None, ctx: MatchContext) -> str:
    """The content with the sentence-final date its forward-looking verb governs, if it was cut
    off as an adjunct of the reporting verb."""
    if span is None or not _FORWARD.search(content):
        return content
    dates = [m for m in ctx.sentence.tokens if "d" in m.flags and m.start >= span[1]]
    if not dates:
        return content
    date = dates[0]
    between = ctx.text[span[1]:date.start]
    if not regex.fullmatch(r"\s+(?:(?:on|in|by|until|before|from|within|at)\s+)?", between, regex.IGNORECASE) \
            or not _ends_sentence((date.start, date.end), ctx):
        return content
    return f"{content} {' '.join(ctx.text[span[1]:date.end].split())}"


def finish_statement(values: dict[str, Any], ctx: MatchContext) -> list[dict[str, Any]]:
    content = values.get("content")
    if not content or not values.get("speaker"):
        # an unattributed quotation is not a statement
        return dropped(values, "no speaker" if content else "no content")
    if _title_case(ctx.sentence_text):
        return dropped(values, "a title-case line (a headline) is no statement")
    verb = str(values.get("verb") or "").strip()
    if _ASKING.match(verb.split()[-1] if verb else "") and _QUESTION.match(str(content)):
        return dropped(values, "a reported question asserts nothing")
    if _CALLED_ON.match(verb) and not _ASKED_TO.search(str(content)):
        return dropped(values, "'called on' someone with nothing to do is a visit, not words")
    span = values.get("_content_span")
    parts: list[tuple[int, int]] = values.get("_content_spans") or ([span] if span is not None else [])
    is_quote = bool(parts) and all(_is_quote(part, ctx) for part in parts)
    if is_quote and len(parts) > 1:  # "“X,” she said, “Y.”" is one quotation: "X Y"
        content = " ".join(_quote_text(ctx.text[s:e]) for s, e in parts)
    elif is_quote:
        content = _quote_text(content)
    else:
        if len(parts) > 1:  # "The budget, she said, will balance": the clause around its attribution
            content = " ".join(" ".join(ctx.text[s:e].split()).strip(" ,") for s, e in parts)
        if len(parts) == 1:
            content = _forward_date(content.rstrip(), span, ctx)
        content = _DANGLING.sub("", _LEAD.sub("", content).rstrip(" ,.")).rstrip(" ,")
    words = content.split()
    short_np = not is_quote and _ends_clause(span, ctx) and (
        (len(words) == 2 and words[0].lower() in _DETERMINERS)
        or (len(words) == 1 and words[0].islower() and words[0] not in _PRONOUNS and _DENIAL.match(str(values.get("verb") or "").strip()) is not None))
    if (len(words) < 2 and not short_np) or (len(words) < 3 and not is_quote and not short_np):
        # two words report something only as a noun phrase: "denied the charge"
        limit = 2 if is_quote else 3
        return dropped(values, f"{'quoted' if is_quote else 'indirect'} statement content under {limit} words: "
                               f"{content!r}")
    values["content"] = content
    values.setdefault("kind", "direct" if is_quote else "indirect")
    return [values]
