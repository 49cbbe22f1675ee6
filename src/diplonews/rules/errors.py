"""Errors raised for bad rule files, each with a stable code users can search for.

Codes (documented in ``docs/rules.md``):

* ``DN101`` the file cannot be read or is not valid TOML/JSON
* ``DN102`` the file's content does not fit the rule-file schema (unknown key, wrong type…)
* ``DN103`` a rule's pattern is not a valid regular expression
* ``DN104`` a pattern names a placeholder that does not exist
* ``DN105`` placeholders refer to each other in a cycle
* ``DN106`` two rules share an id
* ``DN107`` a rule names an item kind the parser does not know, or a field the kind lacks
* ``DN108`` a rule's own example or counterexample fails
* ``DN109`` a gazetteer entry is invalid
"""

from __future__ import annotations

__all__ = ["RuleError"]


class RuleError(ValueError):
    """A rule file or rule is invalid; says where (file, rule id) and what (code, message)."""

    def __init__(self, code: str, message: str, *, source: str | None = None, rule: str | None = None):
        self.code = code
        self.source = source
        self.rule = rule
        where = ", ".join(part for part in (source and f"file {source}", rule and f"rule {rule!r}") if part)
        super().__init__(f"[{code}] {where + ': ' if where else ''}{message}")
