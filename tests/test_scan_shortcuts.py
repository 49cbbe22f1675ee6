"""Faster ways to scan that must find exactly what the plain scan finds.

The title starts are searched in the lower-cased text, and the descriptive-speaker pattern is
tried only where one of its openings ends, and transcript labels only at the starts of lines
holding a colon; all are speed-ups that may not change a match.
Each test runs the plain scan beside the shortcut over the dev corpus and over its upper-,
lower- and title-cased copies (capitals change which words are names and where titles start).
"""

from __future__ import annotations

import diplonews
from _invariants import dev_texts
from diplonews.extract.speakers import _OPENINGS, _opening_scan
from diplonews.mentions.actors import _colon_line_starts
from diplonews.text.normalize import normalize
from diplonews.text.paragraphs import paragraphs
from diplonews.text.quotes import find_quotes
from diplonews.text.sentences import split_sentences


def _variants() -> list[str]:
    texts = [normalize(t).text for t in dev_texts()[:30]]
    return [v for t in texts for v in (t, t.upper(), t.lower(), t.title())]


def test_title_starts_in_lower_case_are_the_caseless_scans(parser: diplonews.Parser) -> None:
    actors = parser._actors
    extra = ["the acting PRESIDENT met former Foreign Minister Lee",
             "İstanbul: the President spoke",  # lower-cases to a longer text
             "the Preſident and the chief executive"]  # the long s matches "s" only caselessly
    for text in [*_variants(), *extra]:
        plain = sorted({m.start() for m in actors._title_start.finditer(text, overlapped=True)})
        assert actors._title_starts(text) == plain


def test_speaker_pattern_tried_at_openings_finds_what_the_scan_finds(parser: diplonews.Parser) -> None:
    speakers = parser._speakers
    assert speakers._pattern is not None and speakers._openings is not None
    found = 0
    for text in _variants():
        paras = paragraphs(text)
        for sentence in split_sentences(text, paras, find_quotes(text, paras)):
            piece = text[sentence.start:sentence.end]
            plain = [m.span() for m in speakers._pattern.finditer(piece)]
            assert [m.span() for m in speakers._matches(piece)] == plain
            found += len(plain)
    assert found > 50


def test_a_pattern_of_another_shape_gets_no_opening_scan() -> None:
    assert _opening_scan(r"\b(?:(?<=\bsaid\s+)officials|spokesman)", _OPENINGS) is None  # an alternative without one
    assert _opening_scan(r"(?<=,\s*)officials", _OPENINGS) is None  # no word boundary before the alternatives
    assert _opening_scan(r"\b(?:(?<=\bwarned\s+)officials)", _OPENINGS) is None  # an opening the table lacks
    assert _opening_scan(r"(?:\b(?:(?<=\b(?:quoted|citing)\s+)officials))", _OPENINGS) is not None


def test_transcript_labels_at_lines_with_a_colon_are_the_multiline_scan(parser: diplonews.Parser) -> None:
    label = parser._actors._transcript_name
    extra = ["JANE HOLT: We have the votes.\nTOM REED: We do not.\nNo label here: but a colon",
             "Moderator: Welcome.\n\nJane Holt:  Thank you.\nJane Holt : no\n:\nTom Reed: x",
             "no colon at all\nJane Holt said so"]
    found = 0
    for text in [*_variants(), *extra]:
        plain = [m.span() for m in label.finditer(text)]
        starts = _colon_line_starts(text)
        assert all(s == 0 or text[s - 1] == "\n" for s in starts)
        assert [m.span() for m in (label.match(text, s) for s in starts) if m is not None] == plain
        found += len(plain)
    assert found >= 4
