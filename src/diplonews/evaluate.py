"""Score parses against gold annotations, as a library.

The figures follow the scoring rules of the annotation guide (``docs/annotation.md``): the same
text normalization, actor matching (canonical name, gold alias, a person's surname or a close
spelling, common country variants, and for every slot but a statement's speaker the body an actor
speaks for and its country), the same pair scores with the 0.5 threshold, one-to-one matching
best pairs first, duplicates counted apart, optional gold items neither rewarded nor punished,
and slot accuracy over matched items. Having it importable lets tests, the pytest plugin and the
``diplonews eval`` command share one implementation, and keeps the misses and false positives as
objects (with the rule that produced each prediction) instead of printed lines.

>>> from diplonews.evaluate import token_f1
>>> round(token_f1("lift the sanctions", "lift sanctions now"), 3)
0.667
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplonews.text.inputs import read_text_file

if TYPE_CHECKING:
    from diplonews.model import Article
    from diplonews.parser import Parser

__all__ = [
    "KINDS",
    "THRESHOLD",
    "ActorRef",
    "DocumentScore",
    "EvalReport",
    "FalsePositive",
    "GoldActors",
    "KindScore",
    "Miss",
    "PredItem",
    "WrongSlot",
    "describe_gold",
    "evaluate",
    "format_table",
    "golden_pairs",
    "load_gold",
    "name_variants",
    "norm",
    "normalize_prediction",
    "pair_score",
    "published_of",
    "score_article",
    "token_f1",
]

KINDS: tuple[str, ...] = ("meetings", "statements", "demands", "agreements")
THRESHOLD = 0.5
"""A predicted and a gold item can only be paired when their pair score reaches this."""

GoldItem = Mapping[str, Any]

_VARIANTS: dict[str, tuple[str, ...]] = {
    "united states": ("us", "usa", "america", "united states of america"),
    "united kingdom": ("uk", "britain", "great britain"),
    "russia": ("russian federation",),
    "china": ("prc", "peoples republic of china"),
    "south korea": ("republic of korea", "rok", "korea"),
    "north korea": ("dprk", "democratic peoples republic of korea"),
    "european union": ("eu",),
    "united nations": ("un",),
    "iran": ("islamic republic of iran",),
    "united arab emirates": ("uae",),
    "north atlantic treaty organization": ("nato",),
}
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "their"})
_STATUS_SYNONYMS: dict[str, str] = {
    "occurred": "held", "past": "held", "completed": "held", "took place": "held",
    "scheduled": "planned", "expected": "planned", "proposed": "planned", "future": "planned",
    "announced": "planned", "canceled": "cancelled", "postponed": "cancelled", "called off": "cancelled",
}
_NON_WORD = re.compile(r"[^\w\s]")
_ARTICLE = re.compile(r"^(the|a|an)\s+")
_SPACES = re.compile(r"\s+")


# ---- text comparison ---------------------------------------------------------------------------
def norm(text: object) -> str:
    """Comparable form of a string: no accents, case, punctuation, possessive 's or leading article."""
    decomposed = unicodedata.normalize("NFKD", str(text)).casefold()
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("\u2019", "'").replace("'s ", " ").replace(".", "")
    plain = _NON_WORD.sub(" ", plain)
    plain = _ARTICLE.sub("", plain.strip())
    return _SPACES.sub(" ", plain).strip()


def token_f1(a: object, b: object) -> float:
    """F1 of the normalized token multisets of two strings (0.0 when either is empty)."""
    ta, tb = norm(a).split(), norm(b).split()
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    precision, recall = common / len(ta), common / len(tb)
    return 2 * precision * recall / (precision + recall)


def _best_f1(text: str | None, alternatives: object) -> float:
    """Token F1 against the best of a gold slot's acceptable strings."""
    if not text:
        return 0.0
    alts = alternatives if isinstance(alternatives, list) else [alternatives]
    return max((token_f1(text, alt) for alt in alts if alt), default=0.0)


# ---- actors ------------------------------------------------------------------------------------
def name_variants(name: str) -> set[str]:
    """A name normalized, with the common variants of a country or organization name it belongs to."""
    canonical = norm(name)
    found = {canonical}
    for country, variants in _VARIANTS.items():
        if canonical == country or canonical in variants:
            found.update((country, *variants))
    return found


@dataclass(frozen=True)
class ActorRef:
    """A predicted actor as the scorer sees it: its name and the aliases the parse gave."""

    name: str
    aliases: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.name


class GoldActors:
    """The actor table of one gold file, and the rules by which a predicted actor matches it."""

    def __init__(self, table: Mapping[str, Mapping[str, Any]]):
        self.table = table

    def _entry(self, gold: str) -> Mapping[str, Any]:
        return self.table.get(gold) or {}

    def names(self, gold: str) -> set[str]:
        """Every normalized name that stands for a gold actor."""
        found = name_variants(gold) | {norm(a) for a in self._entry(gold).get("aliases", [])}
        found.discard("")
        return found

    def kind(self, gold: str) -> str:
        default = "country" if norm(gold) in _VARIANTS else ""
        return str(self._entry(gold).get("kind", default))

    def ancestors(self, gold: str) -> list[str]:
        """The bodies an actor speaks for: its affiliation, then their countries, transitively."""
        found: list[str] = []
        todo = [gold]
        while todo:
            entry = self._entry(todo.pop())
            for up in (entry.get("affiliation"), entry.get("country")):
                if up and up not in found and up != gold:
                    found.append(up)
                    todo.append(up)
        return found

    def named_by(self, pred: ActorRef) -> list[str]:
        """The gold actors a predicted actor names."""
        return [g for g in self.table if self.same(pred, g)]

    def same(self, pred: ActorRef, gold: str) -> bool:
        """Whether a predicted actor names this gold actor (no affiliation involved)."""
        names = self.names(gold)
        # Empty raw names are dropped before normalizing, as the reference scorer does: the
        # first remaining name is the one compared as a person's name below.
        mine_all = [norm(n) for n in (pred.name, *pred.aliases) if n]
        mine_all = [n for n in mine_all if n not in _PRONOUNS]
        if any(n in names for n in mine_all):
            return True
        if self.kind(gold) == "person" and mine_all:
            mine, theirs = mine_all[0].split(), norm(gold).split()
            if mine and (set(mine) <= set(theirs) or set(theirs) <= set(mine)):
                return True  # "Blinken", "Antony J. Blinken" for "Antony Blinken"
            if len(mine) > 1 and len(theirs) > 1 and mine[-1] == theirs[-1] and mine[0][0] == theirs[0][0]:
                return True  # "Anthony Blinken" for "Antony Blinken"
        return False

    def match(self, pred: ActorRef | None, gold: object, affiliation: bool = False) -> bool:
        """Whether a predicted actor fills a gold actor slot; ``affiliation`` also accepts its bodies."""
        if pred is None or not gold:
            return False
        gold_name = str(gold)
        if self.same(pred, gold_name):
            return True
        if not affiliation:
            return False
        if any(self.same(pred, up) for up in self.ancestors(gold_name)):
            return True
        return any(gold_name in self.ancestors(g) for g in self.named_by(pred))


# ---- predictions -------------------------------------------------------------------------------
@dataclass(frozen=True)
class PredItem:
    """One predicted item in the scorer's terms (the fields ``docs/contract.md`` lists)."""

    kind: str
    index: int
    """Position of the item in its list in the parse."""
    rule: str | None = None
    actors: tuple[ActorRef, ...] = ()
    """Participants, parties, or the single speaker or demander (empty when unknown)."""
    text: str | None = None
    """Content or action; None for meetings."""
    addressee: ActorRef | None = None
    date: str | None = None
    location: str | None = None
    status: str | None = None
    statement_kind: str | None = None

    @property
    def actor(self) -> ActorRef | None:
        """The speaker or demander."""
        return self.actors[0] if self.actors else None

    def describe(self) -> str:
        """A one-line summary for failure messages and ``--show`` listings."""
        who = " + ".join(a.name for a in self.actors) or "?"
        if self.kind == "meetings":
            body = f"{who} | {self.status} | {self.date or '-'} | {self.location or '-'}"
        elif self.kind == "statements":
            body = f"{who} ({self.statement_kind}): {self.text}"
        elif self.kind == "demands":
            body = f"{who} -> {self.addressee or '-'}: {self.text}"
        else:
            body = f"{who}: {self.text}"
        return f"{body}  [rule {self.rule}]" if self.rule else body


def _actor_ref(ref: object, index: Mapping[str, ActorRef]) -> ActorRef | None:
    """An actor reference in a parse: a name, an id into ``actors``, or an inline object."""
    if ref is None:
        return None
    if isinstance(ref, dict):
        if "name" not in ref and ref.get("id") in index:
            return index[ref["id"]]
        name = ref.get("name") or ref.get("canonical_name") or ""
        return ActorRef(str(name), tuple(a for a in ref.get("aliases", []) if isinstance(a, str)))
    key = str(ref)
    return index.get(key, ActorRef(key))


def _as_text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("text", "value", "name"):
            if isinstance(value.get(key), str):
                return str(value[key])
    return str(value)


def _as_date(value: object) -> str | None:
    if isinstance(value, dict):
        value = next((value[k] for k in ("value", "date", "iso", "start") if value.get(k)), None)
    return str(value) if value else None


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def normalize_prediction(parse: Article | Mapping[str, Any]) -> dict[str, list[PredItem]]:
    """The items of a parse (an ``Article`` or its JSON form) in scorer terms, by kind."""
    data: Mapping[str, Any] = parse if isinstance(parse, Mapping) else parse.model_dump(mode="json")
    index: dict[str, ActorRef] = {}
    for actor in data.get("actors") or []:
        if isinstance(actor, dict):
            entry = _actor_ref(actor, {})
            if entry is None:  # pragma: no cover - a dict always resolves
                continue
            for key in ("id", "name"):
                if actor.get(key):
                    index[str(actor[key])] = entry

    def refs(values: object) -> tuple[ActorRef, ...]:
        found = (_actor_ref(v, index) for v in (values if isinstance(values, list | tuple) else []))
        return tuple(a for a in found if a is not None)

    def one(value: object) -> tuple[ActorRef, ...]:
        actor = _actor_ref(value, index)
        return (actor,) if actor is not None else ()

    out: dict[str, list[PredItem]] = {k: [] for k in KINDS}
    for i, m in enumerate(data.get("meetings") or []):
        out["meetings"].append(PredItem(
            "meetings", i, m.get("rule"), refs(m.get("participants") or []), None, None,
            _as_date(m.get("date")), _as_text(m.get("location")), _optional_str(m.get("status"))))
    for i, s in enumerate(data.get("statements") or []):
        out["statements"].append(PredItem(
            "statements", i, s.get("rule"), one(s.get("speaker")), _as_text(s.get("content")),
            statement_kind=_optional_str(s.get("kind"))))
    for i, d in enumerate(data.get("demands") or []):
        out["demands"].append(PredItem(
            "demands", i, d.get("rule"), one(d.get("demander")), _as_text(d.get("action")),
            addressee=_actor_ref(d.get("addressee"), index)))
    for i, a in enumerate(data.get("agreements") or []):
        out["agreements"].append(PredItem(
            "agreements", i, a.get("rule"), refs(a.get("parties") or []), _as_text(a.get("content"))))
    return out


# ---- pairing -----------------------------------------------------------------------------------
def _participant_f1(pred: Sequence[ActorRef], gold: Sequence[str], actors: GoldActors) -> float:
    if not pred or not gold:
        return 0.0
    used: set[int] = set()
    for p in pred:
        for j, g in enumerate(gold):
            if j not in used and actors.match(p, g, affiliation=True):
                used.add(j)
                break
    return 2 * len(used) / (len(pred) + len(gold))


def pair_score(kind: str, pred: PredItem, gold: GoldItem, actors: GoldActors) -> float:
    """How well a predicted item fits a gold item of the same kind (0.0 to 1.0)."""
    if kind == "meetings":
        return _participant_f1(pred.actors, list(gold.get("participants") or []), actors)
    if kind == "statements":
        ok = actors.match(pred.actor, gold.get("speaker"))
        return _best_f1(pred.text, gold.get("content")) if ok else 0.0
    if kind == "demands":
        ok = actors.match(pred.actor, gold.get("demander"), affiliation=True)
        return _best_f1(pred.text, gold.get("action")) if ok else 0.0
    parties = gold.get("parties") or []
    ok = any(actors.match(p, g, affiliation=True) for p in pred.actors for g in parties)
    return _best_f1(pred.text, gold.get("content")) if ok else 0.0


def _slot_results(kind: str, pred: PredItem, gold: GoldItem, actors: GoldActors) -> dict[str, bool]:
    slots: dict[str, bool] = {}
    if kind == "meetings":
        if gold.get("date"):
            want = str(gold["date"])
            slots["date"] = bool(pred.date) and (pred.date or "")[: len(want)] == want
        if gold.get("location"):
            loc = norm(pred.location or "")
            places = gold["location"]  # a list of names; iterated as-is, like the reference scorer
            slots["location"] = bool(loc) and any(norm(a) in loc or loc in norm(a) for a in places)
        if gold.get("status"):
            status = norm(pred.status or "")
            slots["status"] = _STATUS_SYNONYMS.get(status, status) == gold["status"]
    elif kind == "statements" and gold.get("kind"):
        slots["kind"] = norm(pred.statement_kind or "") == gold["kind"]
    elif kind == "demands" and gold.get("addressee"):
        slots["addressee"] = actors.match(pred.addressee, gold["addressee"], affiliation=True)
    return slots


# ---- results -----------------------------------------------------------------------------------
def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def describe_gold(kind: str, gold: GoldItem) -> str:
    """A one-line summary of a gold item."""
    def alts(value: object) -> str:
        return " | ".join(map(str, value)) if isinstance(value, list) else str(value)

    if kind == "meetings":
        return (f"{' + '.join(map(str, gold.get('participants') or []))} | {gold.get('status')}"
                f" | {gold.get('date') or '-'} | {alts(gold.get('location') or '-')}")
    if kind == "statements":
        return f"{gold.get('speaker')} ({gold.get('kind')}): {alts(gold.get('content'))}"
    if kind == "demands":
        return f"{gold.get('demander')} -> {gold.get('addressee') or '-'}: {alts(gold.get('action'))}"
    return f"{' + '.join(map(str, gold.get('parties') or []))}: {alts(gold.get('content'))}"


@dataclass(frozen=True)
class Miss:
    """A required gold item that no prediction matched."""

    document: str
    kind: str
    gold: GoldItem

    def __str__(self) -> str:
        return f"MISSED {self.kind[:-1]}: {describe_gold(self.kind, self.gold)}"


@dataclass(frozen=True)
class FalsePositive:
    """A prediction that matched no gold item at all."""

    document: str
    kind: str
    pred: PredItem

    @property
    def rule(self) -> str | None:
        return self.pred.rule

    def __str__(self) -> str:
        return f"FALSE  {self.kind[:-1]}: {self.pred.describe()}"


@dataclass(frozen=True)
class WrongSlot:
    """A matched pair whose slot (date, location, status, kind, addressee) disagrees."""

    document: str
    kind: str
    slot: str
    pred: PredItem
    gold: GoldItem

    def __str__(self) -> str:
        return (f"SLOT {self.kind[:-1]}.{self.slot}: got {self.pred.describe()}\n"
                f"      want {describe_gold(self.kind, self.gold)}")


@dataclass
class KindScore:
    """Counts for one item kind; add several together to total a corpus."""

    kind: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    dup: int = 0
    slots_total: Counter[str] = field(default_factory=Counter)
    slots_ok: Counter[str] = field(default_factory=Counter)

    @property
    def gold(self) -> int:
        """Required gold items (matched or missed)."""
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        """Predictions counted: true and false positives and duplicates."""
        return self.tp + self.fp + self.dup

    @property
    def precision(self) -> float:
        return _prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return _prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return _prf(self.tp, self.fp, self.fn)[2]

    @property
    def slots(self) -> dict[str, float]:
        """Accuracy of each slot over the matched items whose gold fills it."""
        return {s: self.slots_ok[s] / n for s, n in self.slots_total.items() if n}

    def add(self, other: KindScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.dup += other.dup
        self.slots_total.update(other.slots_total)
        self.slots_ok.update(other.slots_ok)


def _micro(scores: Iterable[KindScore]) -> tuple[int, int, int, int]:
    tp = fp = fn = dup = 0
    for s in scores:
        tp, fp, fn, dup = tp + s.tp, fp + s.fp, fn + s.fn, dup + s.dup
    return tp, fp, fn, dup


@dataclass
class DocumentScore:
    """The score of one article: counts per kind, and what went wrong."""

    name: str
    kinds: dict[str, KindScore]
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)
    wrong_slots: list[WrongSlot] = field(default_factory=list)
    chars: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        tp, fp, fn, _ = _micro(self.kinds.values())
        return _prf(tp, fp, fn)[0]

    @property
    def recall(self) -> float:
        tp, fp, fn, _ = _micro(self.kinds.values())
        return _prf(tp, fp, fn)[1]

    @property
    def f1(self) -> float:
        """Micro-averaged F1 over the four kinds (0.0 for an article with nothing to find or found)."""
        tp, fp, fn, _ = _micro(self.kinds.values())
        return _prf(tp, fp, fn)[2]

    def problems(self) -> list[str]:
        """Misses, false positives and wrong slots, one readable entry each."""
        return [*map(str, self.misses), *map(str, self.false_positives), *map(str, self.wrong_slots)]


def _score_kind(document: str, kind: str, preds: Sequence[PredItem], golds: Sequence[GoldItem],
                actors: GoldActors, result: DocumentScore) -> KindScore:
    pairs = sorted(((pair_score(kind, p, g, actors), i, j) for i, p in enumerate(preds)
                    for j, g in enumerate(golds)), key=lambda t: (-t[0], t[1], t[2]))
    pairs = [t for t in pairs if t[0] >= THRESHOLD]
    gold_of: dict[int, int] = {}
    pred_of: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in gold_of and j not in pred_of:
            gold_of[i], pred_of[j] = j, i
    candidates: dict[int, list[int]] = {}
    for _, i, j in pairs:
        candidates.setdefault(i, []).append(j)
    score = KindScore(kind)
    for i, pred in enumerate(preds):
        if i in gold_of:
            gold = golds[gold_of[i]]
            if gold.get("optional"):
                continue  # finding a borderline item is not rewarded
            score.tp += 1
            for slot, ok in _slot_results(kind, pred, gold, actors).items():
                score.slots_total[slot] += 1
                score.slots_ok[slot] += ok
                if not ok:
                    result.wrong_slots.append(WrongSlot(document, kind, slot, pred, gold))
        elif i in candidates:
            if not all(golds[j].get("optional") for j in candidates[i]):
                score.dup += 1
        else:
            score.fp += 1
            result.false_positives.append(FalsePositive(document, kind, pred))
    for j, gold in enumerate(golds):
        if j not in pred_of and not gold.get("optional"):
            score.fn += 1
            result.misses.append(Miss(document, kind, gold))
    return score


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read a ``NAME.gold.json`` file."""
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def score_article(article: Article | Mapping[str, Any], gold: Mapping[str, Any] | str | Path,
                  name: str | None = None) -> DocumentScore:
    """Score one parse (an ``Article`` or its JSON form) against one gold annotation."""
    gold_data: Mapping[str, Any] = gold if isinstance(gold, Mapping) else load_gold(gold)
    document = name or str(gold_data.get("id") or "")
    actors = GoldActors(gold_data.get("actors") or {})
    pred = normalize_prediction(article)
    result = DocumentScore(document, {})
    for kind in KINDS:
        result.kinds[kind] = _score_kind(document, kind, pred[kind], gold_data.get(kind) or [],
                                         actors, result)
    return result


@dataclass
class EvalReport:
    """The score of a corpus: totals per kind, micro-averages, and every document's details."""

    documents: list[DocumentScore] = field(default_factory=list)
    seconds: float = 0.0
    """Time spent parsing (0.0 when ready-made parses were scored)."""

    @property
    def kinds(self) -> dict[str, KindScore]:
        totals = {k: KindScore(k) for k in KINDS}
        for doc in self.documents:
            for kind, score in doc.kinds.items():
                totals[kind].add(score)
        return totals

    @property
    def counts(self) -> tuple[int, int, int, int]:
        """Corpus totals: tp, fp, fn, dup."""
        return _micro(self.kinds.values())

    @property
    def precision(self) -> float:
        return _prf(*self.counts[:3])[0]

    @property
    def recall(self) -> float:
        return _prf(*self.counts[:3])[1]

    @property
    def micro_f1(self) -> float:
        return _prf(*self.counts[:3])[2]

    @property
    def chars(self) -> int:
        return sum(d.chars for d in self.documents)

    @property
    def misses(self) -> list[Miss]:
        return [m for d in self.documents for m in d.misses]

    @property
    def false_positives(self) -> list[FalsePositive]:
        return [f for d in self.documents for f in d.false_positives]

    def to_json(self) -> dict[str, Any]:
        """The figures as JSON, the shape ``diplonews eval --json`` prints (``docs/contract.md``)."""
        out: dict[str, Any] = {"documents": len(self.documents)}
        for kind, s in self.kinds.items():
            out[kind] = {"precision": s.precision, "recall": s.recall, "f1": s.f1,
                         "tp": s.tp, "fp": s.fp, "fn": s.fn, "dup": s.dup, "slots": s.slots}
        tp, fp, fn, dup = self.counts
        out["all"] = {"precision": self.precision, "recall": self.recall, "f1": self.micro_f1,
                      "tp": tp, "fp": fp, "fn": fn, "dup": dup}
        if self.seconds:
            out["seconds"], out["chars_per_second"] = self.seconds, self.chars / self.seconds
        return out


def _figures(tp: int, fp: int, fn: int, precision: float, recall: float, f1: float) -> str:
    """P, R and F1 columns; 1.000 when there was nothing to find and nothing was found.

    A kind absent from the gold and from the parse is a perfect result, as the pytest plugin
    counts it; 0.000 there read as a failure. (``to_json`` keeps the reference scorer's 0.0.)
    """
    if tp + fp + fn == 0:
        precision = recall = f1 = 1.0
    return f"{precision:>7.3f}{recall:>7.3f}{f1:>7.3f}"


def format_table(report: EvalReport, show: bool = False) -> str:
    """The figures as a text table (and, with ``show``, every miss, false positive and wrong slot)."""
    lines: list[str] = []
    if show:
        for doc in report.documents:
            if doc.problems():
                lines.append(f"== {doc.name}  (F1 {doc.f1:.3f})")
                lines.extend(f"  {p}" for p in doc.problems())
        if lines:
            lines.append("")
    lines.append(f"{'kind':<11}{'gold':>6}{'pred':>6}{'tp':>5}{'fp':>5}{'fn':>5}{'dup':>5}"
                 f"{'P':>7}{'R':>7}{'F1':>7}")
    for kind, s in report.kinds.items():
        lines.append(f"{kind:<11}{s.gold:>6}{s.predicted:>6}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.dup:>5}"
                     + _figures(s.tp, s.fp, s.fn, s.precision, s.recall, s.f1))
    tp, fp, fn, dup = report.counts
    lines.append(f"{'all':<11}{'':>6}{'':>6}{tp:>5}{fp:>5}{fn:>5}{dup:>5}"
                 + _figures(tp, fp, fn, report.precision, report.recall, report.micro_f1))
    slot_line = ", ".join(f"{kind[:-1]}.{slot} {s.slots_ok[slot]}/{n}"
                          for kind, s in report.kinds.items() for slot, n in s.slots_total.items())
    lines.append(f"slots: {slot_line or 'none matched'}")
    if report.seconds:
        lines.append(f"parsed {len(report.documents)} documents, {report.chars} characters in "
                     f"{report.seconds:.3f} s ({report.chars / report.seconds:,.0f} chars/s)")
    tp, fp, fn, _ = report.counts
    lines.append(f"micro-F1 {report.micro_f1 if tp + fp + fn else 1.0:.3f}")
    return "\n".join(lines) + "\n"


def golden_pairs(corpus_dir: str | Path) -> list[tuple[str, Path, Path]]:
    """``(name, text path, gold path)`` for every ``NAME.gold.json`` with its ``NAME.txt``, by name."""
    root = Path(corpus_dir)
    found = []
    for gold_path in sorted(root.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        found.append((name, root / f"{name}.txt", gold_path))
    return found


def published_of(gold: Mapping[str, Any]) -> dt.date | None:
    """The publication date a gold file records (the parser's reference for relative dates)."""
    value = gold.get("published")
    return dt.date.fromisoformat(str(value)) if value else None


def evaluate(corpus_dir: str | Path, parser: Parser | None = None, *,
             pred_dir: str | Path | None = None) -> EvalReport:
    """Parse every ``NAME.txt`` of a corpus and score it against ``NAME.gold.json``.

    ``parser`` defaults to the default parser; with ``pred_dir``, ready-made ``NAME.json``
    parses are scored instead (a missing file counts as an empty parse).
    """
    if parser is None and pred_dir is None:
        from diplonews.parser import default_parser

        parser = default_parser()
    report = EvalReport()
    for name, text_path, gold_path in golden_pairs(corpus_dir):
        gold = load_gold(gold_path)
        text, _ = read_text_file(text_path)  # a binary NAME.txt is an InputError naming the file
        seconds = 0.0
        parse: Article | Mapping[str, Any]
        if pred_dir is not None:
            pred_path = Path(pred_dir) / f"{name}.json"
            parse = json.loads(pred_path.read_text(encoding="utf-8")) if pred_path.exists() else {}
        else:
            assert parser is not None
            start = time.perf_counter()
            parse = parser.parse(text, published=published_of(gold))
            seconds = time.perf_counter() - start
        doc = score_article(parse, gold, name=name)
        doc.chars, doc.seconds = len(text), seconds
        report.documents.append(doc)
        report.seconds += seconds
    return report
