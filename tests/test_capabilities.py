"""The capability suite: the default suite holds its baseline, and the template engine behaves.

The default suite (``tests/capabilities``) runs once per session; the test fails when a
capability falls under its floor, a known failure starts passing, or ``docs/capabilities.md``
differs from the run. After a change to extraction, re-measure with the one command in
``diplonews.cli.REBASELINE``.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
from pathlib import Path

import pytest

from _docs import DOCS, ROOT
from diplonews.capability import (
    FORMS,
    Baseline,
    Capability,
    Suite,
    SuiteReport,
    default_lexicons,
    expand,
    fill,
    format_markdown,
    inflect,
    load_suite,
    run_suite,
)
from diplonews.capability.perturb import perturb
from diplonews.cli import REBASELINE, main

SUITE = ROOT / "tests" / "capabilities"


@pytest.fixture(scope="module")
def default_report() -> SuiteReport:
    return run_suite(load_suite(SUITE))


# ---- the default suite -----------------------------------------------------------------------
def test_default_suite_holds_its_baseline(default_report: SuiteReport) -> None:
    assert default_report.has_baseline
    assert default_report.problems() == [], f"re-measure with: {REBASELINE}"


def test_default_suite_is_large_and_covers_every_kind(default_report: SuiteReport) -> None:
    assert len(default_report.results) >= 60 and default_report.cases >= 3000
    assert set(default_report.by_kind()) == {"actors", "agreements", "demands", "meetings", "statements"}
    assert set(default_report.by_type()) == {"mft", "inv", "neg"}


def test_docs_capabilities_page_matches_a_fresh_run(default_report: SuiteReport) -> None:
    page = (DOCS / "capabilities.md").read_text(encoding="utf-8")
    assert page == format_markdown(default_report, command=REBASELINE), f"regenerate with: {REBASELINE}"


def test_negatives_hold_apart_from_known_gaps(default_report: SuiteReport) -> None:
    assert default_report.negative_rate_without_known_gaps >= 0.98


def test_every_baseline_entry_is_a_capability_of_the_suite() -> None:
    suite = load_suite(SUITE)
    assert suite.baseline is not None
    assert set(suite.baseline.floors) == {c.name for c in suite.capabilities}


# ---- inflection ------------------------------------------------------------------------------
@pytest.mark.parametrize(("entry", "form", "expected"), [
    ({"text": "urge"}, "past", "urged"),
    ({"text": "urge"}, "present_progressive", "is urging"),
    ({"text": "press"}, "present", "presses"),
    ({"text": "call on"}, "present_perfect_pl", "have called on"),
    ({"text": "stop"}, "past", "stopped"),
    ({"text": "open"}, "past", "opened"),
    ({"text": "meet", "past": "met"}, "past_passive", "was met"),
    ({"text": "speak with", "past": "spoke with", "participle": "spoken with"}, "past_perfect", "had spoken with"),
    ({"text": "hold talks with", "past": "held talks with"}, "going_to", "is going to hold talks with"),
    ({"text": "agree"}, "past_negative", "did not agree"),
    ({"text": "tell", "past": "told"}, "never", "never told"),
    ({"text": "apply"}, "present", "applies"),
])
def test_inflect(entry: dict[str, str], form: str, expected: str) -> None:
    assert inflect(entry, form) == expected


def test_every_form_has_a_plural() -> None:
    assert all(inflect({"text": "urge"}, f"{form}_pl") for form in FORMS)
    with pytest.raises(ValueError, match="unknown verb form"):
        inflect({"text": "urge"}, "pluperfect")


# ---- expansion -------------------------------------------------------------------------------
def _cap(**kw: object) -> Capability:
    data: dict[str, object] = {"name": "t", "kind": "demands",
                               "templates": ["{official} {urge:past} {country} to {action}."],
                               "expect": [{"demander": "{official}", "addressee": "{country}"}]}
    data.update(kw)
    return Capability.model_validate(data)


def test_expansion_is_deterministic_and_sampled() -> None:
    lex = default_lexicons()
    first, again = expand(_cap(sample=25), lex), expand(_cap(sample=25), lex)
    assert [c.text for c in first] == [c.text for c in again] and len(first) == 25
    assert [c.text for c in expand(_cap(sample=25, seed=3), lex)] != [c.text for c in first]


def test_small_products_expand_fully_with_distinct_fillers() -> None:
    lex = {"country": [{"text": t, "name": t} for t in ("Peru", "Chile", "Ghana")],
           "verb.urge": [{"text": "urge", "base": "urge"}], "action": [{"text": "act"}]}
    cap = _cap(templates=["{country} {urge:past|present_perfect} {country2} to {action}."],
               expect=[{"demander": "{country}", "addressee": "{country2}"}], sample=100)
    cases = expand(cap, lex)
    assert len(cases) == 3 * 2 * 2  # ordered pairs of different countries, two forms
    assert all(c.fillers["country"] != c.fillers["country2"] for c in cases)
    assert cases[0].expect == [{"demander": "Peru", "addressee": "Chile"}]


def test_fillers_never_name_one_country_twice() -> None:
    cases = expand(_cap(sample=200), default_lexicons())
    assert all(c.fillers["official"]["country"] != c.fillers["country"]["name"] for c in cases)


def test_attributes_literals_and_sentence_capitals() -> None:
    lex = default_lexicons()
    official = lex["official"][0]
    text = fill("{official} arrived. {official.pronoun} {=said|added} no.", {"official": official}, ("added",))
    assert text == f"{official['text']} arrived. {official['pronoun'].capitalize()} added no."


def test_template_with_its_own_expectations() -> None:
    cap = _cap(templates=["{country} {urge:past} {country2} to {action}.",
                          {"text": "{organization} {urge:past} {country} to {action}.",
                           "expect": [{"demander": "{organization}"}]}],
               expect=[{"demander": "{country}"}], sample=4)
    by_template = {c.template: c.expect for c in expand(cap, default_lexicons())}
    assert by_template[1][0]["demander"] in {e["name"] for e in default_lexicons()["organization"]}


@pytest.mark.parametrize(("kw", "message"), [
    ({"templates": ["{nosuchthing} said so."]}, "neither a lexicon"),
    ({"expect": [{"demander": "{official2}"}]}, "does not fill"),
    ({"slots": {"urge": "verb.nothing"}}, "unknown lexicon"),
])
def test_capability_errors_name_the_problem(kw: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        expand(_cap(**kw), default_lexicons())


def test_perturbations() -> None:
    lex = default_lexicons()
    cap = _cap(templates=["\"We {urge:present_pl} {country} to {action},\" {official} said."],
               expect=[], sample=1)
    case = expand(cap, lex)[0]
    rng = random.Random(1)
    pools = {"official": lex["official"], "country": lex["country"], "urge": lex["verb.urge"], "action": lex["action"]}

    def run(name: str) -> str:
        return perturb(name, case, cap.templates[0], pools, rng, lex)[0]  # type: ignore[arg-type]

    assert run("curly_quotes").startswith("“We urge") and "”" in run("curly_quotes")
    dated = run("dateline")
    assert dated.endswith(case.text) and dated[:-len(case.text)].split()[0].isupper()
    assert run("adverbial") == case.text  # never before an opening quotation
    swapped, fillers = perturb("swap:country", case, cap.templates[0], pools, rng, lex)  # type: ignore[arg-type]
    assert fillers["country"] != case.fillers["country"] and fillers["country"]["text"] in swapped
    with pytest.raises(ValueError, match="unknown perturbation"):
        run("shout")


def test_shipped_lexicons_are_complete() -> None:
    lex = default_lexicons()
    countries = {e["name"] for e in lex["country"]}
    for person in lex["official"]:
        assert {"name", "surname", "title", "office", "country", "pronoun", "possessive"} <= set(person)
        assert person["country"] in countries and person["surname"] in person["name"]
    assert all({"demonym", "capital"} <= set(c) for c in lex["country"])
    reference = (DOCS / "capability-reference.md").read_text(encoding="utf-8")
    assert [name for name in lex if f"| `{name}` |" not in reference] == []


# ---- running, floors and known failures -------------------------------------------------------
_PASSING = "Kenyan Foreign Minister Amina Wekesa urged Peru to reopen the border crossing."


def _tiny_suite(baseline: Baseline | None = None) -> Suite:
    lex = default_lexicons()
    lex["official"] = lex["official"][:1]
    lex["country"] = [c for c in lex["country"] if c["name"] == "Peru"]
    lex["action"] = [{"text": "reopen the border crossing"}]
    cap = _cap(name="urge.once")
    return Suite([cap], lex, baseline=baseline)


def test_a_passing_case_passes_and_reports_json() -> None:
    report = run_suite(_tiny_suite())
    assert report.ok and report.results[0].cases[0].text == _PASSING
    data = report.to_json()
    assert data["cases"] == 1 and data["kinds"]["demands"]["rate"] == 1.0


def test_a_known_failure_that_passes_fails_the_run() -> None:
    report = run_suite(_tiny_suite(Baseline({"urge.once": 0.0}, {"urge.once": [_PASSING]})))
    assert not report.ok and "now pass" in report.problems()[0]


def test_a_capability_under_its_floor_fails_the_run_and_shows_what_came_out() -> None:
    suite = _tiny_suite()
    suite.capabilities = [_cap(name="urge.wrong", expect=[{"demander": "Peru"}])]
    report = run_suite(suite)
    assert not report.ok and "under its floor" in report.problems()[0]
    case = report.results[0].cases[0]
    assert not case.passed and any("Amina Wekesa" in row for row in case.found)
    baseline = report.baseline()
    assert baseline.floors == {"urge.wrong": 0.0} and baseline.expected_failures == {"urge.wrong": [_PASSING]}
    assert report.with_baseline(baseline).ok


def test_negative_and_invariance_capabilities() -> None:
    suite = _tiny_suite()
    suite.capabilities = [
        _cap(name="neg", type="neg", templates=["{official} met the deadline set by {country}."], expect=[]),
        _cap(name="inv", type="inv", perturb=["dateline", "adverbial", "british"]),
    ]
    report = run_suite(suite)
    assert [len(r.cases) for r in report.results] == [1, 2]  # 'british' changes nothing here
    assert report.ok, report.problems()


def test_a_negatives_forbidden_items_name_each_sentences_fillers() -> None:
    """A forbid spec that names a slot forbids that sentence's filler, so a negative can fail:
    the demand the tiny suite's sentence yields is forbidden by its demander's name."""
    suite = _tiny_suite()
    suite.capabilities = [_cap(name="neg.bound", type="neg", expect=[], forbid=[{"demander": "{official}"}]),
                          _cap(name="neg.other", type="neg", expect=[], forbid=[{"demander": "{country}"}])]
    cases = [r.cases[0] for r in run_suite(suite).results]
    assert [c.passed for c in cases] == [False, True]
    assert "Amina Wekesa" in cases[0].expected


def test_a_template_with_its_own_forbidden_items() -> None:
    cap = _cap(type="neg", expect=[], forbid=[{"demander": "{official}"}], sample=4,
               templates=["{official} {urge:past} {country} to {action}.",
                          {"text": "{country} said no.", "forbid": [{"speaker": "{country}"}]}])
    by_template = {c.template: c.forbid for c in expand(cap, default_lexicons())}
    assert by_template[0][0]["demander"] in {e["name"] for e in default_lexicons()["official"]}
    assert by_template[1][0]["speaker"] in {e["name"] for e in default_lexicons()["country"]}


def test_an_mft_forbid_fails_a_case_that_has_its_expected_items() -> None:
    """An mft capability may forbid items beside those it expects: the tiny suite's demand is
    found, and a forbid naming its action (a boundary that must not run on) fails the case and
    says so; a forbid no item matches leaves it passing. Without a forbid of its own an mft
    capability forbids nothing (the neg default, any item, is not applied)."""
    suite = _tiny_suite()
    suite.capabilities = [_cap(name="mft.forbidden", forbid=[{"action": "reopen the border crossing"}]),
                          _cap(name="mft.allowed", forbid=[{"action": "close the airport"}]),
                          _cap(name="mft.plain")]
    cases = [r.cases[0] for r in run_suite(suite).results]
    assert [c.passed for c in cases] == [False, True, True]
    assert "and no demands matching" in cases[0].expected
    assert expand(_cap(), default_lexicons())[0].forbid == []


def test_actor_capabilities() -> None:
    suite = _tiny_suite()
    suite.capabilities = [Capability(name="who", kind="actors", templates=["{official} said the talks went well."],
                                     expect=[{"name": "{official}", "kind": "person", "country": "{official.country}",
                                              "title": "{official.title}"}])]
    assert run_suite(suite).ok


# ---- the command line ------------------------------------------------------------------------
def _write_user_suite(folder: Path) -> Path:
    suite = folder / "suite"
    suite.mkdir()
    (folder / "rules.toml").write_text(
        '[[rules]]\nid = "demand.beseech"\nkind = "demand"\n'
        'pattern = "{demander:ACTOR}\\\\s+beseeched\\\\s+{addressee:ACTOR}\\\\s+to\\\\s+(?P<action>{ACTION}){CLAUSE_END}"\n',
        encoding="utf-8")
    (suite / "beseech.toml").write_text(
        '[lexicon.verb]\nbeseech = [{ base = "beseech", past = "beseeched" }]\n\n'
        '[[capability]]\nname = "beseech"\nkind = "demands"\n'
        'templates = ["{official} {beseech:past} {country} to {action}."]\n'
        'expect = [{ demander = "{official}", addressee = "{country}", action = "{action}", rule = "demand.beseech" }]\n'
        'sample = 8\n', encoding="utf-8")
    return suite


def _check(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", *args])
    return code, out.getvalue()


def test_cli_runs_a_user_suite_on_a_custom_rule_file(tmp_path: Path) -> None:
    suite = _write_user_suite(tmp_path)
    code, out = _check(str(suite), "--show")
    assert code == 1 and "FAIL" in out and "beseeched" in out
    code, out = _check(str(suite), "--rules", str(tmp_path / "rules.toml"), "--json")
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["cases"] == 8 and data["results"][0]["rate"] == 1.0


def test_cli_writes_a_baseline_and_a_page(tmp_path: Path) -> None:
    suite = _write_user_suite(tmp_path)
    page = tmp_path / "caps.md"
    code, _ = _check(str(suite), "--write-baseline", "--markdown", str(page))
    assert code == 0 and "| `beseech` | demands | mft | 8 | 0.000 |" in page.read_text(encoding="utf-8")
    assert json.loads((suite / "baseline.json").read_text(encoding="utf-8"))["capabilities"]["beseech"]["floor"] == 0.0
    code, out = _check(str(suite), "--rules", str(tmp_path / "rules.toml"))
    assert code == 1 and "now pass" in out  # progress must be recorded by rewriting the baseline


def test_cli_reports_a_malformed_suite(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('[[capability]]\nname = "x"\nkind = "demands"\ntemplates = ["{nope}"]\n',
                                       encoding="utf-8")
    assert _check(str(tmp_path))[0] == 2
