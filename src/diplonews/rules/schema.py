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
        "from the latest item of another kind ('demander=statement.speaker').",
    )
    examples: list[RuleExample] = Field(default_factory=list)
    counterexamples: list[str] = Field(default_factory=list)


class PlaceholderSpec(_Strict):
    """A named piece of language: a word list, or a pattern that may use other placeholders."""

    words: list[str] | None = Field(default=None, max_length=MAX_WORDS)
    pattern: str | None = Field(default=None, max_length=20_000)
    description: str = ""

    @model_validator(mode="after")
    def _one_source(self) -> PlaceholderSpec:
        if (self.words is None) == (self.pattern is None):
            raise ValueError("a placeholder has exactly one of 'words' or 'pattern'")
        return self


class RuleFile(_Strict):
    """A rule file: placeholders it defines or extends, and rules with their overlap policy."""

    overlap: OverlapPolicy = "priority"
    placeholders: dict[str, PlaceholderSpec] = Field(default_factory=dict)
    extend: dict[str, Annotated[list[str], Field(max_length=MAX_WORDS)]] = Field(
        default_factory=dict, description="Words added to existing word-list placeholders."
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
