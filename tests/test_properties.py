"""Property tests: what holds for every input, checked on generated text (Hypothesis).

Runs are derandomized (a fixed seed derived from each test) and bounded, so the file is
reproducible in CI and fast. Three generators: arbitrary Unicode text (lone surrogates
included), soups of diplomatic fragments (titles, names, reporting verbs, quotation marks,
dates) glued at random, and well-formed generated articles built from sentence templates.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplonews
from _invariants import actor_refs, all_items, assert_invariants
from diplonews.mentions.spans import SpanSet
from diplonews.merge import token_f1

PUBLISHED = dt.date(2023, 6, 20)
PARSER = diplonews.Parser.default()
FAST = settings(derandomize=True, deadline=None, max_examples=300,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(derandomize=True, deadline=None, max_examples=120,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TITLES = ["Secretary of State", "Foreign Minister", "President", "Prime Minister", "spokesperson",
          "Chinese President", "U.S. Secretary of State", "Russian Foreign Minister", "Ambassador"]
PEOPLE = ["Antony Blinken", "Wang Yi", "Xi Jinping", "Sergei Lavrov", "John Kerry", "Emmanuel Macron",
          "Olaf Scholz", "Narendra Modi", "Yoko Kamikawa", "Penny Wong"]
COUNTRIES = ["the United States", "China", "Russia", "France", "Germany", "India", "Japan", "Australia",
             "the European Union", "NATO"]
PLACES = ["Beijing", "Geneva", "Paris", "New Delhi", "Tokyo", "Washington"]
DATES = ["on Monday", "yesterday", "last week", "on June 19", "on 19 June 2023", "next month", "today"]
VERBS = ["said", "told reporters", "stressed", "warned", "noted", "added", "urged", "called on",
         "demanded that", "met", "held talks with", "agreed to", "signed", "will visit", "welcomed"]
ACTIONS = ["lift sanctions", "stop the war", "respect the ceasefire", "resume the dialogue",
           "keep talking", "release the prisoners", "interfere in internal affairs"]
CLAUSES = ["we will not back down", "progress is hard but possible", "the talks were candid and constructive",
           "both sides must respect each other", "there is no alternative to diplomacy"]
QUOTE_MARKS = ["“", "”", '"', "«", "»", "‘", "’", "'", "„", "「", "」"]
FRAGMENTS = TITLES + PEOPLE + COUNTRIES + PLACES + DATES + VERBS + ACTIONS + CLAUSES + QUOTE_MARKS + [
    "and", "that", "the two sides", "They", "He", "She", "to", "not to", ",", ".", ":", ";", "\n", "\n\n"]

any_text = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(exclude_categories=[]), max_size=400),  # lone surrogates too
    st.text(alphabet=st.sampled_from("“”\"'‘’«» .,:;\n\r⟦⟧apcq0123{}()"), max_size=300),
)
fragment_soup = st.lists(st.sampled_from(FRAGMENTS), max_size=80).flatmap(
    lambda parts: st.lists(st.sampled_from([" ", "", "\n", ", "]), min_size=len(parts), max_size=len(parts))
    .map(lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True))))


def _sentence(draw: st.DrawFn, people: list[str]) -> str:
    """One sentence from a template; people are named in full and never meet themselves."""
    subject = draw(st.sampled_from(people))
    other = draw(st.sampled_from([p for p in people if p != subject]))
    country = draw(st.sampled_from(COUNTRIES))
    title = draw(st.sampled_from(TITLES))
    when = draw(st.sampled_from(DATES))
    action = draw(st.sampled_from(ACTIONS))
    clause = draw(st.sampled_from(CLAUSES))
    templates = [
        f"{title} {subject} met {other} in {draw(st.sampled_from(PLACES))} {when}.",
        f"{subject} and {other} held talks {when}.",
        f"{subject} said {clause}.",
        f"“{clause.capitalize()},” {subject} told reporters.",
        f"{subject} said: “{clause.capitalize()}.”",
        f"{subject} urged {country} to {action}.",
        f"{subject} called on {country} not to {action}.",
        f"{subject} and {other} agreed to {action}.",
        f"{subject} will visit {draw(st.sampled_from(PLACES))} {when}.",
        f"{subject} welcomed the agreement to {action}.",
    ]
    return draw(st.sampled_from(templates))


@st.composite
def articles(draw: st.DrawFn, people: list[str] = PEOPLE) -> str:
    """A small well-formed article: paragraphs of template sentences about ``people``."""
    paras = []
    for _ in range(draw(st.integers(1, 3))):
        n = draw(st.integers(1, 3))
        paras.append(" ".join(_sentence(draw, people) for _ in range(n)))
    return "\n\n".join(paras)


def _parse(text: str) -> diplonews.Article:
    article = PARSER.parse(text, published=PUBLISHED)
    assert_invariants(text, article)
    return article


@FAST
@given(any_text)
def test_arbitrary_text_parses_with_span_invariants(text: str) -> None:
    _parse(text)


@FAST
@given(fragment_soup)
def test_fragment_soup_parses_with_span_invariants(text: str) -> None:
    _parse(text)


@SLOW
@given(articles())
def test_generated_articles_parse_with_span_invariants(text: str) -> None:
    article = _parse(text)
    assert article.errors == [] or all("could not build" in e for e in article.errors)


@FAST
@given(st.one_of(fragment_soup, articles()))
def test_every_referenced_actor_is_in_the_actor_table(text: str) -> None:
    article = PARSER.parse(text, published=PUBLISHED)
    known = {a.id for a in article.actors}
    for _, item in all_items(article):
        assert set(actor_refs(item)) <= known


@SLOW
@given(st.one_of(any_text, fragment_soup, articles()))
def test_parsing_is_deterministic(text: str) -> None:
    first = PARSER.parse(text, published=PUBLISHED).model_dump()
    assert diplonews.parse(text, published=PUBLISHED).model_dump() == first
    assert PARSER.parse(text, published=PUBLISHED).model_dump() == first


# ---- concatenation ---------------------------------------------------------------------------
# Parsing A + "\n" + B must find at least the items of A and of B, "up to merging":
#
# * the joined parse may merge an item of A with a similar item of B (same speaker and similar
#   content, nested meeting participants) or absorb a one-participant meeting mention into an
#   earlier meeting, so an item of A or B need not survive as an item of its own;
# * what must survive is its evidence: for every evidence span of every item of A (and of B,
#   shifted by len(A) + 1) the joined parse has an item of the same kind, with evidence from the
#   same rule overlapping that span, which agrees with the original up to the merge thresholds:
#   the same actor (by name) in single-actor fields, a superset of participants/parties by name,
#   and content (statements, agreements) or action (demands) equal or at least as similar as
#   ``diplonews.merge`` requires before it merges two items.
#
# Legitimate coreference across the boundary is kept out by the generator, not by loosening the
# check: A and B talk about disjoint sets of people (a full name in A makes its tokens
# recognizable as surnames in B, which can shift B's mention boundaries), every sentence names
# its subject in full, and no article opens with a pronoun or a speakerless quotation (which
# would inherit A's last speaker).
MERGE_SIMILARITY = {"statements": ("content", 0.8), "demands": ("action", 0.7), "agreements": ("content", 0.6)}
PEOPLE_A, PEOPLE_B = PEOPLE[:5], PEOPLE[5:]


def _names(article: diplonews.Article, refs: list[str]) -> set[str]:
    return {a.name for a in (article.actor(r) for r in refs) if a is not None}


def _agrees(kind: str, small: diplonews.Item, a_small: diplonews.Article,
            big: diplonews.Item, a_big: diplonews.Article) -> bool:
    for name in type(small).actor_fields:
        value, other = getattr(small, name), getattr(big, name)
        if isinstance(value, list):
            if not _names(a_small, value) <= _names(a_big, other):
                return False
        elif value is not None and (other is None or _names(a_small, [value]) != _names(a_big, [other])):
            return False
    if kind in MERGE_SIMILARITY:
        field, threshold = MERGE_SIMILARITY[kind]
        mine, theirs = getattr(small, field), getattr(big, field)
        return bool(mine == theirs or token_f1(mine, theirs) >= threshold)
    return True


def _missing(part: diplonews.Article, offset: int, whole: diplonews.Article) -> list[str]:
    """Evidence of ``part``'s items (shifted by ``offset``) that no agreeing item of ``whole`` holds."""
    missing = []
    for kind, item in all_items(part):
        for ev in item.evidence:
            start, end = ev.start + offset, ev.end + offset
            holders = [big for k, big in all_items(whole) if k == kind and any(
                e.rule == ev.rule and e.start < end and start < e.end for e in big.evidence)]
            if not any(_agrees(kind, item, part, big, whole) for big in holders):
                missing.append(f"{kind} {item.rule} {ev.text!r}: {item.model_dump(exclude={'evidence'})}")
    return missing


@SLOW
@given(articles(PEOPLE_A), articles(PEOPLE_B))
def test_concatenation_keeps_each_articles_items(a: str, b: str) -> None:
    joined = a + "\n" + b
    whole = _parse(joined)
    first, second = _parse(a), _parse(b)
    assert _missing(first, 0, whole) == []
    assert _missing(second, len(a) + 1, whole) == []


def test_concatenation_check_is_not_vacuous() -> None:
    """The property compares real items: a known pair yields items on both sides, and the
    check notices when the joined parse lacks them."""
    a = "U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Monday."
    b = "Wang Yi urged the United States to lift sanctions."
    whole = _parse(a + "\n" + b)
    first, second = _parse(a), _parse(b)
    assert first.meetings and second.demands
    assert _missing(first, 0, whole) == [] and _missing(second, len(a) + 1, whole) == []
    assert _missing(second, 0, whole) != []  # wrong offset: the demand's evidence is not there
    assert _missing(first, 0, second) != []


# ---- the overlap index the mention finders share ---------------------------------------------
spans = st.lists(st.tuples(st.integers(0, 300), st.integers(1, 120)).map(lambda p: (p[0], p[0] + p[1])),
                 max_size=40)


@FAST
@given(spans=spans, probe=st.tuples(st.integers(0, 400), st.integers(1, 60)))
def test_span_set_agrees_with_a_scan_of_every_span(spans: list[tuple[int, int]], probe: tuple[int, int]) -> None:
    start, end = probe[0], probe[0] + probe[1]
    expected = any(s < end and e > start for s, e in spans)
    assert SpanSet(spans).overlaps(start, end) is expected
