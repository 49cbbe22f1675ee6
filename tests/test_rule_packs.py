"""The shipped rule packs are one vocabulary: no pack silently redefines another's placeholder.

Placeholders are global, and a later file's definition replaces an earlier one's. That is what
a user's rule file wants (override the default), but between the shipped packs it is a bug:
the meeting pack's ``{PARTIES}`` would quietly become the agreement pack's, and every meeting
rule would capture the wrong field.
"""

from __future__ import annotations

from collections import defaultdict

from diplonews.rules.loader import default_rule_files


def test_no_two_default_rule_files_define_the_same_placeholder() -> None:
    defined: dict[str, list[str]] = defaultdict(list)
    for source, rule_file in default_rule_files():
        for name in rule_file.placeholders:
            defined[name].append(source)
    clashes = {name: sources for name, sources in defined.items() if len(sources) > 1}
    assert not clashes, f"placeholders defined in more than one shipped file: {clashes}"


def test_rule_ids_are_namespaced_by_their_kind() -> None:
    for source, rule_file in default_rule_files():
        for rule in rule_file.rules:
            assert rule.id.split(".")[0] == rule.kind, f"{source}: rule {rule.id} of kind {rule.kind}"
