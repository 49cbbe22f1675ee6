"""HTML read as the text a browser shows, for users who feed pages straight from a crawler.

Parsed as plain text, a page loses most of its quotations (``&quot;``, ``&ldquo;`` are no
quotation marks), splits sentences at every source line and joins paragraphs that only
``<p>`` tags separate. The normalizer therefore rewrites a page in the same single pass that
tidies plain text, so every span still maps back to the characters the user gave: hidden
elements (scripts, styles, the head, comments) vanish, block-level tags become paragraph
breaks, inline tags vanish, source line breaks become spaces, and character references are
decoded. Character references are decoded in plain text too: "&amp;" is never what a
newsroom meant.

A text counts as a page only when it holds at least two HTML tags of common elements, so
a sentence that mentions "<b>" or compares "a < b" stays plain text.
"""

from __future__ import annotations

import html

import regex

__all__ = ["ENTITY", "MARKUP", "decode_entity", "looks_like_html"]

_ELEMENTS = (
    "html|head|body|title|meta|link|script|style|p|div|span|br|hr|a|b|i|u|em|strong|small|sup|sub|"
    "h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|article|section|header|footer|nav|aside|"
    "main|figure|figcaption|img|blockquote|pre|code|font|center|time|button|form|input|iframe|noscript"
)
_SIGN = regex.compile(r"<!DOCTYPE\s+html|</?(?:" + _ELEMENTS + r")(?=[\s/>])[^<>]{0,2000}>", regex.IGNORECASE)
"""A tag of a common element: its name ends at a space, a slash or the closing bracket, so an
address in angle brackets ("<a.mwangi@mfa.go.ke>") is no tag."""
_SAMPLE = 65_536
_MIN_TAGS = 2

_BLOCKS = (
    "p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tr|td|th|article|section|header|footer|"
    "nav|aside|main|figure|figcaption|blockquote|pre|title|body|html|form|center"
)

ENTITY = r"(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
"""A character reference ("&amp;", "&#8220;", "&#x2019;"), decoded in any text."""

MARKUP = (
    # An unclosed hidden element runs to the end of the page: the text after "<script>" with no
    # "</script>" is code, and matching up to the end keeps the scan linear.
    r"(?P<hidden><(?P<hidden_tag>script|style|head|noscript|template)\b[^<>]{0,2000}>"
    r".*?(?:</(?P=hidden_tag)\s*>|\Z))"
    r"|(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<block></?(?:" + _BLOCKS + r")\b[^<>]{0,2000}>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]{0,40}(?:\s[^<>]{0,2000})?/?>|<![^<>]{0,2000}>|<\?[^<>]{0,2000}\?>)"
    r"|(?P<source_break>\r?\n)"
)
"""Alternatives of the normalizer's single pass over a page, named by what they become:
``hidden`` and ``comment`` nothing, ``block`` a paragraph break, ``tag`` nothing, a
``source_break`` (a line break in the page's source) one space."""


def looks_like_html(text: str) -> bool:
    """Whether the text is an HTML page or fragment rather than plain text."""
    for found, _ in enumerate(_SIGN.finditer(text, 0, min(len(text), _SAMPLE)), start=1):
        if found >= _MIN_TAGS:
            return True
    return False


def decode_entity(reference: str) -> str:
    """The character a reference stands for, or the reference itself when it is unknown."""
    return html.unescape(reference)
