"""The API and CLI behave as a new user expects: lookups by name, kinds by singular or plural,
lossless JSON, custom kinds and date maps from the command line, a rule file's own check."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import diplonews
from diplonews.cli import main
from diplonews.kinds import load_kind
from diplonews.model import UnknownKindError
from diplonews.testing import assert_extracts

MEETING = ("Australian Foreign Minister Penny Wong met Fijian Prime Minister Sitiveni Rabuka in Suva "
           "on Friday. Rabuka said the talks had been warm and frank.")
DEMAND = "Foreign Minister Penny Wong urged Fiji to release the detained journalists."

MODELS = '''
import diplonews


class Sanction(diplonews.Item):
    """Who imposed which measures on whom."""

    actor_fields = frozenset({"imposer", "target"})

    imposer: str | None = None
    target: str | None = None
    measure: str | None = None
'''

SANCTION_RULES = r'''
[[rules]]
id = "sanction.imposed"
kind = "sanction"
pattern = "{imposer:ACTOR}\\s+imposed\\s+(?P<measure>(?:new\\s+)?sanctions)\\s+on\\s+{target:ACTOR}"
counterexamples = ["Canada lifted sanctions on Belarus."]
[[rules.examples]]
text = "Canada imposed new sanctions on Belarus."
expect = { imposer = "Canada", target = "Belarus", measure = "new sanctions" }
'''


# ---- Article ----------------------------------------------------------------------------------
def test_article_equals_its_json_round_trip() -> None:
    article = diplonews.parse(MEETING + " " + DEMAND, published="2024-05-04")
    assert article.meetings
    assert diplonews.Article.model_validate_json(article.model_dump_json()) == article


@pytest.mark.parametrize("kind", ["meetings", "meeting"])
def test_items_takes_plural_or_singular(kind: str) -> None:
    article = diplonews.parse(MEETING)
    assert article.items(kind) == article.meetings
    assert article.meetings


def test_items_refuses_an_unknown_kind() -> None:
    with pytest.raises(UnknownKindError, match=r"unknown kind 'meetngs'.*did you mean 'meetings'"):
        diplonews.parse(MEETING).items("meetngs")


@pytest.mark.parametrize(("key", "name"), [
    ("Sitiveni Rabuka", "Sitiveni Rabuka"),   # canonical name
    ("sitiveni  rabuka", "Sitiveni Rabuka"),  # case and spacing ignored
    ("Rabuka", "Sitiveni Rabuka"),            # an alias the article used
    ("Jacinda Ardern", None),                 # not in the article
])
def test_actor_by_name_or_alias(key: str, name: str | None) -> None:
    article = diplonews.parse(MEETING)
    actor = article.actor(key)
    assert (actor.name if actor else None) == name
    if actor is not None:
        assert article.actor(actor.id) == actor


def test_default_parser_is_built_once() -> None:
    assert diplonews.Parser.default() is diplonews.Parser.default()
    assert diplonews.parser.default_parser() is diplonews.Parser.default()


# ---- assertions ---------------------------------------------------------------------------------
def test_assert_extracts_names_an_unknown_kind() -> None:
    with pytest.raises(AssertionError, match="unknown kind 'sanction'") as info:
        assert_extracts(DEMAND, items={"sanction": [{"target": "Fiji"}]})
    assert "missing sanctio" not in str(info.value)


def test_assert_extracts_hides_its_own_frame(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=f"""
        from diplonews.testing import assert_extracts

        def test_it():
            assert_extracts({DEMAND!r}, demands=[{{"action": "free the fishermen"}}])
    """)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    assert "missing demand" in out and "assert_extracts(" in out  # the user's own line
    assert "problems.append" not in out  # not the library's source


def test_custom_kind_with_no_items_is_known(tmp_path: Path) -> None:
    (tmp_path / "kindmodels.py").write_text(MODELS, encoding="utf-8")
    name, plural, model = load_kind(f"{tmp_path / 'kindmodels.py'}:Sanction")
    parser = diplonews.Parser.default().with_kind(name, model, plural)
    assert parser.parse(DEMAND).items("sanction") == []


# ---- CLI: custom kinds, check-rules, dates ----------------------------------------------------------
def test_cli_parse_with_a_custom_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mymodels.py").write_text(MODELS, encoding="utf-8")
    rules = tmp_path / "sanctions.toml"
    rules.write_text(SANCTION_RULES, encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("The European Union imposed new sanctions on Belarus.", encoding="utf-8")
    assert main(["parse", str(text), "--rules", str(rules)]) == 2  # DN107 without the kind
    assert "DN107" in capsys.readouterr().err
    monkeypatch.chdir(tmp_path)
    assert main(["parse", str(text), "--rules", str(rules), "--kind", "mymodels:Sanction"]) == 0
    [item] = json.loads(capsys.readouterr().out)["extra_items"]["sanctions"]
    assert item["measure"] == "new sanctions"


def test_cli_kind_errors_are_clear(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "-", "--kind", "no_such_module_xyz:Thing"]) == 2
    assert "cannot import no_such_module_xyz" in capsys.readouterr().err
    assert main(["parse", "-", "--kind", "diplonews.model:Article"]) == 2
    assert "not a subclass of diplonews.Item" in capsys.readouterr().err


def test_check_rules_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mymodels.py").write_text(MODELS, encoding="utf-8")
    good = tmp_path / "sanctions.toml"
    good.write_text(SANCTION_RULES, encoding="utf-8")
    kind = f"{tmp_path / 'mymodels.py'}:Sanction"
    assert main(["check-rules", str(good), "--kind", kind]) == 0
    assert "all pass" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text(SANCTION_RULES.replace('measure = "new sanctions"', 'measure = "old tariffs"'),
                   encoding="utf-8")
    assert main(["check-rules", str(bad), "--kind", kind]) == 1
    out = capsys.readouterr()
    assert "FAIL rule 'sanction.imposed'" in out.out and "old tariffs" in out.out
    assert "the rules saw: ⟦" in out.out  # the masked sentence explains what the rule matched
    assert "1 failed" in out.err


def test_check_rules_command_on_an_invalid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "typo.toml"
    bad.write_text('[[rules]]\nid = "x"\nkind = "demand"\npatern = "{ACTOR}"\n', encoding="utf-8")
    assert main(["check-rules", str(bad)]) == 2
    assert "DN102" in capsys.readouterr().err


def test_batch_published_and_dates_file(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(MEETING, encoding="utf-8")
    dates = tmp_path / "dates.csv"
    dates.write_text("id,published\nb,2024-06-12\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), str(out), "--quiet", "--published", "2024-05-04",
                 "--dates", str(dates)]) == 0
    results = {r["id"]: r["result"] for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert results["a"]["published"] == "2024-05-04"
    assert results["a"]["meetings"][0]["date"]["value"] == "2024-05-03"  # the Friday before
    assert results["b"]["published"] == "2024-06-12"
    assert results["b"]["meetings"][0]["date"]["value"] == "2024-06-07"


def test_batch_bad_dates_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dates = tmp_path / "dates.csv"
    dates.write_text("id,published\nb,12/06/2024\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    assert main(["batch", str(tmp_path), str(tmp_path / "o.jsonl"), "--quiet", "--dates", str(dates)]) == 2
    assert "line 2" in capsys.readouterr().err


def test_check_rules_failure_shows_the_masked_sentence() -> None:
    spec = textwrap.dedent(SANCTION_RULES).replace('measure = "new sanctions"', 'measure = "tariffs"')
    import tomllib

    parser = diplonews.Parser.default()
    failures = [f for f in parser.with_rules(tomllib.loads(spec.replace('kind = "sanction"', 'kind = "demand"')
                                                           .replace("imposer", "demander")
                                                           .replace("target", "addressee")
                                                           .replace("measure", "action"))).check_rules()
                if f.rule == "sanction.imposed"]
    assert failures and all(f.masked for f in failures)
    assert "the rules saw:" in str(failures[0])
