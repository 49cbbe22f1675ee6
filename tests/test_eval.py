"""diplonews.evaluate scores exactly like the reference scorer, on hand-computed and real data."""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import diplonews
from diplonews.cli import main
from diplonews.evaluate import (
    ActorRef,
    GoldActors,
    evaluate,
    format_table,
    golden_pairs,
    load_gold,
    published_of,
    score_article,
    token_f1,
)

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "corpus" / "dev"
REFERENCE_FIXTURE = ROOT / "tests" / "data" / "reference_scores.json"
"""The reference scorer's answers, recorded by ``python tests/test_eval.py PATH/TO/score.py``:
rerun it when the dev gold files or the scoring rules change."""

GOLD: dict[str, Any] = {
    "id": "synthetic",
    "published": "2023-06-20",
    "actors": {
        "Antony Blinken": {"kind": "person", "country": "United States", "aliases": ["Blinken"]},
        "Xi Jinping": {"kind": "person", "country": "China"},
        "Wang Yi": {"kind": "person", "country": "China"},
        "United States": {"kind": "country"},
        "China": {"kind": "country", "aliases": ["Beijing"]},
    },
    "meetings": [{"participants": ["Antony Blinken", "Xi Jinping"], "date": "2023-06-19",
                  "location": ["Great Hall of the People", "Beijing"], "status": "held"}],
    "statements": [{"speaker": "Antony Blinken", "kind": "direct", "content": "Progress is hard"},
                   {"speaker": "Wang Yi", "kind": "direct", "content": "China will not back down"}],
    "demands": [{"demander": "Wang Yi", "addressee": "United States",
                 "action": ["lift sanctions against China"]}],
    "agreements": [{"parties": ["United States", "China"], "content": ["stabilize ties"]},
                   {"parties": ["Wang Yi", "Antony Blinken"], "content": ["meet again"], "optional": True}],
}

PRED: dict[str, Any] = {
    "actors": [{"id": "ab", "name": "Antony J. Blinken", "aliases": []}, {"id": "xi", "name": "Xi"},
               {"id": "wy", "name": "Wang"}, {"id": "us", "name": "U.S."}, {"id": "cn", "name": "Beijing"}],
    "meetings": [
        {"participants": ["ab", "xi"], "date": {"value": "2023-06-19"}, "location": {"name": "Beijing"},
         "status": "occurred", "rule": "m.one"},
        {"participants": ["xi", "ab"], "date": None, "location": None, "status": "held", "rule": "m.two"},
    ],
    "statements": [
        {"speaker": "ab", "content": "Progress is hard.", "kind": "direct", "rule": "s.one"},
        {"speaker": "xi", "content": "China will not back down", "kind": "direct", "rule": "s.two"},
    ],
    "demands": [{"demander": {"name": "China"}, "addressee": "Washington", "action": "lift the sanctions",
                 "rule": "d.one"}],
    "agreements": [
        {"parties": ["us", "cn"], "content": "to stabilize U.S.-China ties", "rule": "a.one"},
        {"parties": ["wy"], "content": "meet again soon", "rule": "a.two"},
    ],
}


def test_token_f1_by_hand() -> None:
    # "lift the sanctions" vs "lift sanctions against china": 2 common, P 2/3, R 2/4 -> 4/7
    assert token_f1("lift the sanctions", "lift sanctions against China") == pytest.approx(4 / 7)
    # "U.S.-China" normalizes to "us china"; the leading article and punctuation go
    assert token_f1("The U.S.-China ties!", "us china ties") == 1.0
    assert token_f1("", "anything") == 0.0


@pytest.mark.parametrize(("name", "gold", "expected"), [
    ("Blinken", "Antony Blinken", True),                 # gold alias
    ("Antony J. Blinken", "Antony Blinken", True),       # a fuller name of a person
    ("Anthony Blinken", "Antony Blinken", True),         # same surname and initial
    ("U.S.", "United States", True),                     # a common country variant
    ("he", "Antony Blinken", False),                     # pronouns never match
    ("Xi", "Antony Blinken", False),
])
def test_actor_names(name: str, gold: str, expected: bool) -> None:
    assert GoldActors(GOLD["actors"]).same(ActorRef(name), gold) is expected


def test_affiliation_counts_except_for_speakers() -> None:
    actors = GoldActors(GOLD["actors"])
    assert actors.match(ActorRef("China"), "Wang Yi", affiliation=True)      # the country he speaks for
    assert actors.match(ActorRef("Wang Yi"), "China", affiliation=True)      # and the other way round
    assert not actors.match(ActorRef("China"), "Wang Yi", affiliation=False)


def test_synthetic_pair_counts_computed_by_hand() -> None:
    doc = score_article(PRED, GOLD, name="synthetic")
    counts = {k: (s.tp, s.fp, s.fn, s.dup) for k, s in doc.kinds.items()}
    assert counts == {
        "meetings": (1, 0, 0, 1),     # the second meeting repeats the first: a duplicate
        "statements": (1, 1, 1, 0),   # Xi is not Wang Yi (no affiliation for speakers): FP and a miss
        "demands": (1, 0, 0, 0),      # China speaks for Wang Yi; action F1 4/7 >= 0.5
        "agreements": (1, 0, 0, 0),   # the optional agreement is neither rewarded nor punished
    }
    assert (doc.precision, doc.recall, doc.f1) == pytest.approx((0.8, 0.8, 0.8))
    assert doc.kinds["meetings"].slots == {"date": 1.0, "location": 1.0, "status": 1.0}
    assert doc.kinds["statements"].slots == {"kind": 1.0}
    assert doc.kinds["demands"].slots == {"addressee": 0.0}  # "Washington" is no alias here
    assert [m.gold["speaker"] for m in doc.misses] == ["Wang Yi"]
    assert [f.rule for f in doc.false_positives] == ["s.two"]
    assert [(w.slot, w.pred.rule) for w in doc.wrong_slots] == [("addressee", "d.one")]


def test_evaluate_reads_a_corpus_and_ready_made_parses(tmp_path: Path) -> None:
    corpus, preds = tmp_path / "corpus", tmp_path / "preds"
    corpus.mkdir()
    preds.mkdir()
    (corpus / "synthetic.txt").write_text("unused", encoding="utf-8")
    (corpus / "synthetic.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (corpus / "empty.txt").write_text("unused", encoding="utf-8")
    (corpus / "empty.gold.json").write_text(json.dumps({"demands": GOLD["demands"]}), encoding="utf-8")
    (preds / "synthetic.json").write_text(json.dumps(PRED), encoding="utf-8")  # no empty.json: empty parse
    report = evaluate(corpus, pred_dir=preds)
    assert [d.name for d in report.documents] == ["empty", "synthetic"]
    assert report.counts == (4, 1, 2, 1)
    assert report.micro_f1 == pytest.approx(2 * (4 / 5) * (4 / 6) / (4 / 5 + 4 / 6))
    table = format_table(report, show=True)
    assert "MISSED demand: Wang Yi -> United States: lift sanctions against China" in table
    assert "FALSE  statement: Xi (direct): China will not back down  [rule s.two]" in table
    assert table.rstrip().endswith(f"micro-F1 {report.micro_f1:.3f}")


def _load_reference(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("diplonews_reference_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _reference_counts(ref: ModuleType, parse: dict[str, Any], gold: dict[str, Any]) -> dict[str, list[int]]:
    actors = ref.Actors(gold.get("actors", {}))
    pred = ref.normalize_parse(parse)
    out = {}
    for kind in ref.KINDS:
        res = ref.score_kind(kind, pred[kind], gold.get(kind, []), actors)
        out[kind] = [res["tp"], res["fp"], res["fn"], res["dup"], len(res["misses"]), len(res["false"]),
                     len(res["wrong_slots"])]
    return out


def _our_counts(parse: dict[str, Any], gold: dict[str, Any]) -> dict[str, list[int]]:
    doc = score_article(parse, gold)
    return {kind: [s.tp, s.fp, s.fn, s.dup, sum(m.kind == kind for m in doc.misses),
                   sum(f.kind == kind for f in doc.false_positives),
                   sum(w.kind == kind for w in doc.wrong_slots)] for kind, s in doc.kinds.items()}


def _frozen_parse(article: diplonews.Article) -> dict[str, Any]:
    """A parse without what scoring never reads (text, evidence, mention spans): small enough to
    keep in the repository, so the comparison needs neither the reference scorer nor today's rules."""
    data = article.model_dump(mode="json", exclude={"text"})
    for actor in data["actors"]:
        actor.pop("mentions", None)
    for kind in ("meetings", "statements", "demands", "agreements"):
        for item in data[kind]:
            item.pop("evidence", None)
    return data


def build_reference_fixture(score_py: Path) -> dict[str, Any]:
    """What the reference scorer answers on the synthetic pair and on frozen parses of the dev
    corpus (and worse variants of them), recorded once so the tests run on any checkout."""
    ref = _load_reference(score_py)
    parses = {}
    for name, text_path, gold_path in golden_pairs(DEV):
        article = diplonews.parse(text_path.read_text(encoding="utf-8"), published=published_of(load_gold(gold_path)))
        parses[name] = _frozen_parse(article)
    documents = {}
    for name, parse in parses.items():
        gold = load_gold(DEV / f"{name}.gold.json")
        documents[name] = {"parse": _reference_counts(ref, parse, gold),
                           "perturbed": _reference_counts(ref, _perturbed(parse), gold)}
    with tempfile.TemporaryDirectory() as tmp:
        for name, parse in parses.items():
            (Path(tmp) / f"{name}.json").write_text(json.dumps(parse), encoding="utf-8")
        out = Path(tmp) / "reference.json"
        ref.main([str(DEV), "--pred-dir", tmp, "--json", str(out)])
        corpus_json = json.loads(out.read_text(encoding="utf-8"))
    return {"synthetic": _reference_counts(ref, PRED, GOLD), "parses": parses, "documents": documents,
            "corpus_json": corpus_json}


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    fixture: dict[str, Any] = json.loads(REFERENCE_FIXTURE.read_text(encoding="utf-8"))
    return fixture


def test_synthetic_pair_agrees_with_reference(reference: dict[str, Any]) -> None:
    assert _our_counts(PRED, GOLD) == reference["synthetic"]


def test_dev_corpus_figures_equal_reference_json(reference: dict[str, Any], tmp_path: Path) -> None:
    for name, parse in reference["parses"].items():
        (tmp_path / f"{name}.json").write_text(json.dumps(parse), encoding="utf-8")
    assert evaluate(DEV, pred_dir=tmp_path).to_json() == reference["corpus_json"]


def _perturbed(parse: dict[str, Any]) -> dict[str, Any]:
    """A worse parse: actors by inline name, speakers rotated, texts cut, items repeated."""
    names = {a["id"]: a["name"] for a in parse["actors"]}
    speakers = [s["speaker"] for s in parse["statements"]]
    out: dict[str, Any] = {"meetings": parse["meetings"] + parse["meetings"][:1],
                           "demands": [{**d, "demander": names.get(d["demander"], d["demander"]),
                                        "action": " ".join(d["action"].split()[: 1 + i % 3])}
                                       for i, d in enumerate(parse["demands"])],
                           "agreements": [{**a, "parties": [{"name": names.get(p, p)} for p in a["parties"]]}
                                          for a in parse["agreements"]]}
    out["statements"] = [{**s, "speaker": {"id": speakers[i - 1]}} for i, s in enumerate(parse["statements"])]
    out["actors"] = parse["actors"]
    return out


def test_dev_corpus_per_document_agrees_with_reference_on_perturbed_parses(reference: dict[str, Any]) -> None:
    assert reference["parses"].keys() == {name for name, _, _ in golden_pairs(DEV)}
    for name, parse in reference["parses"].items():
        gold = load_gold(DEV / f"{name}.gold.json")
        expected = reference["documents"][name]
        assert _our_counts(parse, gold) == expected["parse"], name
        assert _our_counts(_perturbed(parse), gold) == expected["perturbed"], name


def test_cli_eval_json_and_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Chinese Foreign Minister Wang Yi urged the United States to lift sanctions.",
                                    encoding="utf-8")
    gold = {"actors": {"Wang Yi": {"kind": "person"}, "United States": {"kind": "country"}},
            "demands": [{"demander": "Wang Yi", "addressee": "United States", "action": ["lift sanctions"]}]}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["eval", str(tmp_path), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["documents"] == 1
    assert figures["demands"]["tp"] == 1 and figures["demands"]["slots"] == {"addressee": 1.0}
    assert main(["eval", str(tmp_path), "--show"]) == 0
    out = capsys.readouterr().out
    assert "demands" in out and "micro-F1" in out


if __name__ == "__main__":
    REFERENCE_FIXTURE.parent.mkdir(exist_ok=True)
    REFERENCE_FIXTURE.write_text(json.dumps(build_reference_fixture(Path(sys.argv[1])), indent=None,
                                            separators=(",", ":")) + "\n", encoding="utf-8")
