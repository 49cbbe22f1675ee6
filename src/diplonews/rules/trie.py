"""Word lists compiled as a trie-shaped regex.

A plain alternation of a thousand names makes the regex engine try each name at every
position; sharing prefixes ("United (?:States|Kingdom|Nations)") lets it discard most of them
at the first characters. Same language, many times faster on big gazetteers and word lists.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

__all__ = ["trie_regex"]

_END = ""


def _escape(char: str) -> str:
    return r"\s+" if char == " " else regex.escape(char)


def trie_regex(words: Iterable[str]) -> str:
    """Regex source matching exactly the given strings (spaces match any run of whitespace)."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    count = 0
    for word in words:
        word = " ".join(word.split())
        if not word:
            continue
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
        count += 1
    if count == 0:
        return r"(?!)"
    return _render(root)


def _render(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    optional = _END in node
    branches = []
    for char in sorted(k for k in node if k != _END):
        child = node[char]
        branches.append(_escape(char) + (_render(child) if child else ""))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return f"(?:{body})?"
    return body
