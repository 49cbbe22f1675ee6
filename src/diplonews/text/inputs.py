"""Reading input text so that bad bytes are reported, never silently turned into a parse.

A file that is not UTF-8 used to be decoded with U+FFFD in place of its bad bytes and parsed as
if nothing happened, and a binary file "parsed" with no items and no complaint. Both are wrong
data without a word. Here text that is mostly valid gets a warning naming what was replaced
(it ends up in ``Article.errors``), and input that is not text at all is refused with
:class:`InputError`, a typed error a caller can catch and a batch run can record.
"""

from __future__ import annotations

import os
from pathlib import Path

import regex

__all__ = ["InputError", "binary_reason", "decode_bytes", "read_text_file"]

_SAMPLE = 65_536
_MAX_JUNK_SHARE = 0.05
"""Above this share of control characters and U+FFFD in a sample, input is not text. Real news
text has none of either; a stray bad byte or two stays far below it."""
_MIN_JUNK = 8
"""Fewer junk characters than this never make a text binary: a lone NUL or two stray control
characters are noise to skip, not a file that was never text."""
_JUNK = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
"""Control characters (C0 but tab, newline, vertical tab, form feed and carriage return; DEL
and C1) and the replacement character. A regex finds them in one scan of the sample, which
a Python test of each character took a hundred times longer over."""


class InputError(ValueError):
    """Input that is not text (binary data), so no parse of it could mean anything."""


def binary_reason(text: str) -> str | None:
    """Why ``text`` looks like binary data rather than text, or None when it looks like text.

    The share of control characters (NUL included) and replacement characters in the first
    64 KB decides (the check is linear and bounded).
    """
    sample = text[:_SAMPLE]
    if not sample:
        return None
    junk = len(_JUNK.findall(sample))
    if junk >= _MIN_JUNK and junk / len(sample) > _MAX_JUNK_SHARE:
        return (f"{junk} of its first {len(sample)} characters are control or replacement characters "
                "(binary data, not text)")
    return None


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, list[str]]:
    """Text and warnings from bytes that should be UTF-8 (a byte-order mark is dropped).

    Invalid bytes become U+FFFD and one warning says how many and where the first was;
    data that is not text at all raises :class:`InputError`.
    """
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd")
        warnings.append(f"{name} is not valid UTF-8: {bad} invalid byte sequence(s) replaced with U+FFFD "
                        f"(first at byte {exc.start}); the parse may miss or garble words there")
    reason = binary_reason(text)
    if reason is not None:
        raise InputError(f"{name} does not look like text: {reason}")
    return text, warnings


def read_text_file(path: str | os.PathLike[str]) -> tuple[str, list[str]]:
    """A text file's content and decoding warnings; :class:`InputError` for a binary file."""
    return decode_bytes(Path(path).read_bytes(), name=str(path))
