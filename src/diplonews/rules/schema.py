"""The shape of rule files and gazetteers, as pydantic models that forbid unknown keys.

A rule file is plain data (TOML or JSON): nothing in it is ever executed as code. Validation
happens once, when a ``Parser`` is built, so a typo fails loudly before any text is parsed.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "ActorEntry",
    "GazetteerFile",
    "OverlapPolicy",
    "PlaceholderSpec",
    "RuleExample",
    "RuleFile",
    "RuleSpec",
]

OverlapPolicy = Literal["all", "longest", "first", "priority"]

# A word list compiles into every rule that uses it; past this size the compile cost (tens of
# seconds) outweighs any use, so the file is refused up front with a clear error instead.
MAX_WORDS = 50_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleExample(_Strict):
    """A sentence a rule must match, and the fields it must fill (substring comparison)."""

    text: str
    expect: dict[str, str | list[str]] = Field(default_factory=dict)


class RuleSpec(_Strict):
    """One extraction rule: a pattern over a sentence whose named placeholders fill fields."""

    id: str = Field(min_length=1, pattern=r"^[\w.:-]+$")
    kind: str = Field(min_length=1, description="Item kind: meeting, statement, demand, agreement…")
    pattern: str = Field(min_length=1)
    priority: int = 0
    enabled: bool = True
    description: str = ""
    set: dict[str, str] = Field(default_factory=dict, description="Constant field values.")
    inherit: list[str] = Field(
        default_factory=list,
        description="Fields taken, when empty, from the previous item of the kind ('speaker'), or "
        "from the latest item of another kind ('demander=statement.speaker'); '+=' adds the value "
        "to a list field's own ('participants+=statement.speaker').",
    )
    examples: list[RuleExample] = Field(default_factory=list)
    counterexamples: list[str] = Field(default_factory=list)


class PlaceholderSpec(_Strict):
    """A named piece of language: a word list, a pattern that may use other placeholders, or a
    verb class (lemmas whose inflected verb groups the engine generates: ``{NAME.passive}``)."""

    words: list[str] | None = Field(default=None, max_length=MAX_WORDS)
    pattern: str | None = Field(default=None, max_length=20_000)
    verbs: list[str] | None = Field(
        default=None, max_length=MAX_WORDS,
        description="Lemmas ('urge', 'call on'); every inflection and auxiliary chain is generated.",
    )
    description: str = ""
    source: str = Field(default="", description="Where the words come from (resource and licence).")

    @model_validator(mode="after")
    def _one_source(self) -> PlaceholderSpec:
        if sum(x is not None for x in (self.words, self.pattern, self.verbs)) != 1:
            raise ValueError("a placeholder has exactly one of 'words', 'pattern' or 'verbs'")
        return self


class RuleFile(_Strict):
    """A rule file: placeholders it defines or extends, and rules with their overlap policy."""

    overlap: OverlapPolicy = "priority"
    placeholders: dict[str, PlaceholderSpec] = Field(default_factory=dict)
    extend: dict[str, Annotated[list[str], Field(max_length=MAX_WORDS)]] = Field(
        default_factory=dict, description="Words added to existing word-list placeholders."
    )
    inflections: dict[str, Annotated[list[str], Field(min_length=2, max_length=4)]] = Field(
        default_factory=dict,
        description="Irregular verbs: lemma -> [past, participle] or [third, past, participle, ing].",
    )
    rules: list[RuleSpec] = Field(default_factory=list)
    disable: list[str] = Field(default_factory=list, description="Ids of rules to switch off.")


class ActorEntry(_Strict):
    """A known actor: canonical name, the other names it goes by, and what it belongs to."""

    name: str = Field(min_length=1)
    kind: Literal["person", "country", "organization", "group"] = "person"
    aliases: list[str] = Field(default_factory=list)
    title: str | None = None
    country: str | None = None
    alpha3: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    demonyms: list[str] = Field(default_factory=list)
    metonyms: list[str] = Field(default_factory=list)
    territory: bool = False


class GazetteerFile(_Strict):
    """A file of known actors."""

    countries: list[ActorEntry] = Field(default_factory=list)
    organizations: list[ActorEntry] = Field(default_factory=list)
    actors: list[ActorEntry] = Field(default_factory=list)
