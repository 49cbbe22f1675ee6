"""Who speaks a quotation that names no speaker in its own sentence: a ranked procedure.

News attributes a quotation in its own sentence most of the time, and the rules see that. A
quotation standing alone needs the paragraph: first an attribution right after it ("“Is this
fair?” Smith asked." is split into two sentences) or right before it (a sentence ending in
"Smith said:", or a lead-in naming a new voice as its subject: "Councillor Abebe disagreed."),
then the previous *speaker* of the paragraph or of the two paragraphs before (a
continuation quote belongs to whoever was quoted, not to the last person named, who may be the
one talked about; AP-style copy puts each quoted paragraph apart), else nobody. A pronoun speaker is held to the
same standard: "he" cannot be a person named so far only inside quotation marks, and "he said" right
after a person's statement is that speaker's unless someone new has since been named as a subject
outside quotes ("Praising Ms Diaz, Mr Ito said …. He added …" is Ito's; "… Ms Diaz then rose. She said
…" is hers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import regex

from diplonews.mentions.actors import subject_like
from diplonews.mentions.mask import MaskedSentence

__all__ = ["QuoteAttribution", "QuotePatterns"]

_STANDALONE = regex.compile(r"^\s*(?:⟦q\d+⟧[\s,.;:!?\u2014\u2013-]*)+$")
# An interview printed as questions and answers: "Q: …" / "A: …" (or QUESTION / ANSWER).
_ANSWER = regex.compile(r"^\s*(?:A|ANSWER|Answer)\s*:\s")
_QUESTION = regex.compile(r"^\s*(?:Q|QUESTION|Question)\s*:\s")
# A transcript line's label ("Foreign Minister Ivanov: …", "Question: …"): a new turn begins.
_LABEL = regex.compile(r"^\s*(?:⟦[a-z]+\d+⟧|[\p{L}.’'-]+)(?:\s+(?:⟦[a-z]+\d+⟧|[\p{L}.’'-]+)){0,6}\s*:\s")
_QUOTE_TOKEN = regex.compile(r"⟦q\d+⟧")


@dataclass(frozen=True)
class QuotePatterns:
    """Masked-sentence patterns (from the lexicon) with a ``speaker`` group."""

    after: regex.Pattern[str]
    """A sentence that is only an attribution, following a quotation: "Smith said."."""
    before: regex.Pattern[str]
    """A sentence that announces the quotation after it: "Smith said:"."""
    lead_in: regex.Pattern[str] | None = None
    """A sentence that names a new voice and how they stand: "Councillor Abebe disagreed."."""


def _speaker(sentence: MaskedSentence, match: regex.Match[str] | None) -> str | None:
    if match is None or match.start("speaker") < 0:
        return None
    for mention in sentence.tokens_in(match.start("speaker"), match.end("speaker")):
        if mention.actor_ids and "m" not in mention.flags:
            return mention.actor_ids[0]
    return None


class QuoteAttribution:
    """The state of one parse: speakers so far, by paragraph, and actors named outside quotes."""

    def __init__(self, sentences: Sequence[MaskedSentence], patterns: QuotePatterns):
        self._sentences = sentences
        self._patterns = patterns
        self._last_speaker: tuple[int, str] | None = None  # (paragraph, actor id)
        self._named: set[str] = set()
        self._persons: set[str] = set()  # actors named as persons outside quotes
        # Persons named as a subject outside quotes since the last statement's sentence: each
        # may take a later "he"/"she" from the last speaker.
        self._newcomers: set[str] = set()
        self._last_person: str | None = None  # the last person named outside quotes and questions
        self._interviewee: str | None = None
        # The speaker of the transcript turn under way ("NAME: …" opened it): its later sentences
        # and paragraphs are that person's words until another label or quoted narration.
        self._turn: str | None = None
        self._index = {id(sentence): i for i, sentence in enumerate(sentences)}

    def _neighbour(self, index: int, step: int) -> MaskedSentence | None:
        here = self._sentences[index]
        i = index + step
        while 0 <= i < len(self._sentences):
            other = self._sentences[i]
            if not other.in_quote:  # an announcement may close the paragraph before
                near = other.paragraph == here.paragraph or (step < 0 and other.paragraph == here.paragraph - 1)
                return other if near else None
            i += step
        return None

    def donor(self, index: int) -> dict[str, Any] | None:
        """The fields a standalone quotation inherits (``{}``: no speaker); None if the sentence
        is not a quotation standing alone."""
        sentence = self._sentences[index]
        if not sentence.in_quote and _ANSWER.match(sentence.masked):
            return self._answerer()
        if sentence.in_quote or not _STANDALONE.match(sentence.masked):
            return None
        following = self._neighbour(index, 1)
        if following is not None:
            found = _speaker(following, self._patterns.after.search(following.masked))
            if found is not None:
                return {"speaker": found}
        previous = self._neighbour(index, -1)
        if previous is not None:
            found = _speaker(previous, self._patterns.before.search(previous.masked))
            if found is not None:
                return {"speaker": found}
        if previous is not None:
            opener = self._lead_in_subject(previous)
            if opener is not None:
                return {"speaker": opener}
        if self._last_speaker is not None:
            paragraph, speaker = self._last_speaker
            if paragraph >= sentence.paragraph - 2:
                return {"speaker": speaker}
        return {}

    def _lead_in_subject(self, sentence: MaskedSentence) -> str | None:
        """The person a lead-in sentence introduces ("Opposition leader Sam Ito disagreed."):
        news hands the quotation that follows to them, not to whoever was quoted before. Only a
        sentence that says how the person stands counts; one telling what was done to them ("…
        was arrested on Sunday") is about them, and the quotation after it is someone else's."""
        if self._patterns.lead_in is None:
            return None
        return _speaker(sentence, self._patterns.lead_in.search(sentence.masked))

    def turn(self, index: int) -> dict[str, Any] | None:
        """The speaker a sentence inherits as the continuation of a transcript turn ("NAME: …"
        opened it; a ministry transcript runs a minister's answer over several paragraphs with
        no attribution of its own), or None. A new label ends the turn (its own line may open
        the next one); so does a sentence with a quotation, which is narration again."""
        sentence = self._sentences[index]
        if sentence.in_quote:
            return None
        if _LABEL.match(sentence.masked) or _QUOTE_TOKEN.search(sentence.masked):
            self._turn = None
            return None
        return {"speaker": self._turn} if self._turn is not None else None

    def _answerer(self) -> dict[str, Any]:
        """Who answers in a printed interview: the first answer's speaker is the one quoted
        last, else the person the text named last before it (the introduction's "we spoke with
        coach Marco Silva"); every later answer is theirs too."""
        if self._interviewee is None:
            last = self._last_speaker[1] if self._last_speaker is not None else None
            self._interviewee = last or self._last_person
        return {"speaker": self._interviewee} if self._interviewee else {}

    def repair(self, fields: dict[str, Any], sentence: MaskedSentence) -> None:
        """A pronoun speaker resolved to someone named only inside quotes, or inside the very
        quotation it attributes ("“I thank Mayor Ruiz,” he said"), is the previous speaker."""
        speaker = fields.get("speaker")
        if not speaker or self._last_speaker is None or self._last_speaker[1] == speaker:
            return
        if self._last_speaker[0] < sentence.paragraph - 2:
            return
        # "the two sides" names the speaker among others, not as the one who speaks
        tokens = [m for m in sentence.tokens if speaker in m.actor_ids and "m" not in m.flags]
        if not tokens or not all("n" in m.flags for m in tokens):
            return
        if speaker not in self._named or speaker in self._quoted_in(sentence) or (
                self._last_speaker[0] >= sentence.paragraph - 1 and self._last_speaker[1] in self._persons
                and not self._newcomers - {self._last_speaker[1]}):
            fields["speaker"] = self._last_speaker[1]

    def _quoted_in(self, sentence: MaskedSentence) -> set[str]:
        """Actors named inside the quotations of a sentence (their insides follow it as
        ``in_quote`` sentences)."""
        quotes = [(m.start, m.end) for m in sentence.tokens if "q" in m.flags]
        named: set[str] = set()
        if not quotes:
            return named
        index = self._index.get(id(sentence))
        if index is None:
            return named
        for other in self._sentences[index + 1:]:
            if not other.in_quote:
                break
            if any(s <= other.start and other.end <= e for s, e in quotes):
                for mention in other.tokens:
                    if "n" not in mention.flags:
                        named.update(mention.actor_ids)
        return named

    def note_names(self, sentence: MaskedSentence) -> None:
        """Actors this sentence names outside quotation marks (call before ``repair``)."""
        if sentence.in_quote:
            return
        question = _QUESTION.match(sentence.masked) is not None
        for token_start, mention in sentence.placed_tokens():
            if "n" not in mention.flags:
                self._named.update(mention.actor_ids)
                if "p" in mention.flags and "m" not in mention.flags and mention.actor_ids and not question:
                    self._last_person = mention.actor_ids[0]
                    self._persons.add(self._last_person)
                    if subject_like(sentence.masked, token_start):
                        self._newcomers.add(self._last_person)

    def spoke(self, fields: dict[str, Any], sentence: MaskedSentence) -> None:
        speaker = fields.get("speaker")
        if speaker and not sentence.in_quote:
            self._last_speaker = (sentence.paragraph, speaker)
            self._newcomers.clear()
            if fields.get("verb") == ":" and _LABEL.match(sentence.masked):
                self._turn = speaker
