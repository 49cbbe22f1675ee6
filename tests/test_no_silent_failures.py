"""Bad input and empty runs are reported (a typed error, a recorded warning, a non-zero exit),
never passed off as a clean result."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import diplonews
from diplonews.batch import parse_many, read_folder
from diplonews.cli import main
from diplonews.explain import explain, format_explanation
from diplonews.text.inputs import InputError, binary_reason, decode_bytes, read_text_file

DEMAND = "Foreign Minister Penny Wong urged Fiji to release the detained journalists."


def _binary(path: Path) -> Path:
    rng = random.Random(7)
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    return path


# ---- non-UTF-8 and binary input --------------------------------------------------------------
def test_binary_file_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not look like text"):
        read_text_file(_binary(tmp_path / "junk.txt"))


@pytest.mark.parametrize("data", [b"\x00\x01\x02abc" * 4, bytes(range(1, 32)) * 20])
def test_control_bytes_are_not_text(data: bytes) -> None:
    with pytest.raises(InputError):
        decode_bytes(data)


def test_latin1_text_decodes_with_a_warning() -> None:
    text, warnings = decode_bytes("Le ministre a salué l'accord.".encode("latin-1"), name="f.txt")
    assert "\ufffd" in text
    assert len(warnings) == 1 and "not valid UTF-8" in warnings[0] and "f.txt" in warnings[0]


@pytest.mark.parametrize("text", ["\x00", "A lone \x00 in a long enough sentence about talks in Suva."])
def test_a_stray_control_character_is_not_binary(text: str) -> None:
    assert binary_reason(text) is None


def test_junk_characters_are_controls_but_layout_ones_and_the_replacement_character() -> None:
    junk = {chr(i) for i in range(0x110000) if binary_reason(chr(i) * 8) is not None}
    layout = set("\t\n\v\f\r")
    assert junk == {chr(i) for i in [*range(0x20), *range(0x7F, 0xA0), 0xFFFD]} - layout


def test_clean_utf8_has_no_warning_and_bom_is_dropped() -> None:
    assert decode_bytes("\ufeffMinister Wong met Mr Rabuka.".encode()) == ("Minister Wong met Mr Rabuka.", [])
    assert binary_reason("An ordinary sentence.\n\tIndented.") is None


def test_cli_parse_binary_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(_binary(tmp_path / "junk.txt"))]) == 2
    assert "does not look like text" in capsys.readouterr().err


def test_cli_parse_records_decoding_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(DEMAND.replace("journalists", "journalists \xe9").encode("latin-1"))
    assert main(["parse", str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert any("not valid UTF-8" in e for e in result["errors"])


def test_parser_flags_binary_looking_text() -> None:
    article = diplonews.parse("\x00\x01\x02 junk \x03\x04" * 50)
    assert article.errors and "does not look like text" in article.errors[0]


def test_batch_folder_binary_file_is_an_error_record(tmp_path: Path) -> None:
    _binary(tmp_path / "junk.txt")
    (tmp_path / "ok.txt").write_text(DEMAND, encoding="utf-8")
    records = {r.id: r for r in parse_many(read_folder(tmp_path))}
    assert not records["junk"].ok and "InputError" in (records["junk"].error or "")
    assert records["ok"].ok


def test_batch_jsonl_binary_text_is_not_ok() -> None:
    [record] = parse_many([{"id": "x", "text": "\x00\x01\x02\x03" * 100}])
    assert not record.ok and "does not look like text" in (record.error or "")


def test_batch_folder_keeps_decoding_warning(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(DEMAND.replace("Fiji", "Fiji \xe9").encode("latin-1"))
    [record] = parse_many(read_folder(tmp_path))
    assert record.article is not None and any("not valid UTF-8" in e for e in record.article.errors)


# ---- over-long sentences -----------------------------------------------------------------------
def test_over_long_sentence_is_reported() -> None:
    article = diplonews.parse(DEMAND[:-1] + " and " + "more words " * 700)
    assert any("skipped a sentence" in e and "no rules ran" in e for e in article.errors)


def test_ordinary_text_has_no_errors() -> None:
    assert diplonews.parse(DEMAND).errors == []


# ---- eval ----------------------------------------------------------------------------------------
def test_eval_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path / "nope")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_eval_folder_without_gold_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(DEMAND, encoding="utf-8")
    assert main(["eval", str(tmp_path)]) == 2
    assert "no NAME.gold.json" in capsys.readouterr().err


def test_eval_table_counts_an_empty_kind_as_perfect(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(DEMAND, encoding="utf-8")
    gold = {"actors": {"Penny Wong": {"kind": "person"}, "Fiji": {"kind": "country"}},
            "demands": [{"demander": "Penny Wong", "addressee": "Fiji",
                         "action": ["release the detained journalists"]}]}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["eval", str(tmp_path)]) == 0
    rows = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines() if line}
    assert rows["meetings"][1:3] == ["0", "0"]  # nothing to find, nothing found
    assert rows["meetings"][-3:] == ["1.000", "1.000", "1.000"]


# ---- export ----------------------------------------------------------------------------------------
def test_export_of_a_non_batch_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = tmp_path / "events.jsonl"
    events.write_text(json.dumps({"event_id": "e1", "source": "USA", "target": "CHN"}) + "\n", encoding="utf-8")
    assert main(["export", str(events), str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "not a 'diplonews batch' result" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_export_of_a_binary_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(_binary(tmp_path / "junk.jsonl")), str(tmp_path / "out")]) == 2
    assert "not a 'diplonews batch' output" in capsys.readouterr().err


# ---- batch exit status ------------------------------------------------------------------------------
def _jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_batch_exits_1_when_every_record_failed(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": 1}, {"id": "b", "text": None}])
    assert main(["batch", str(src), str(tmp_path / "out.jsonl"), "--quiet"]) == 1


def test_batch_strict_exits_1_when_any_record_failed(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": DEMAND}, {"id": "b", "text": 1}])
    out = str(tmp_path / "out.jsonl")
    assert main(["batch", str(src), out, "--quiet"]) == 0
    assert main(["batch", str(src), out, "--quiet", "--strict"]) == 1
    assert main(["batch", str(_jsonl(tmp_path / "good.jsonl", [{"id": "a", "text": DEMAND}])), out,
                 "--quiet", "--strict"]) == 0


# ---- table output and explain -----------------------------------------------------------------------
def test_table_shows_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "long.txt"
    path.write_text(DEMAND + " " + "word " * 1200, encoding="utf-8")
    assert main(["parse", str(path), "--format", "table"]) == 0
    assert "ERROR" in capsys.readouterr().out


@pytest.mark.parametrize(("text", "reason"), [
    ("Prime Minister Sitiveni Rabuka said it matters.", "indirect statement content under 3 words"),
    ("Jordan and Egypt agreed to cooperate.", "agreement content under 2 words"),
])
def test_explain_names_the_builder_filter(text: str, reason: str) -> None:
    result = explain(text)
    assert any(m.dropped_by and reason in m.dropped_by for m in result.unused), result.unused
    assert reason in format_explanation(result)


def test_eval_and_coverage_name_a_binary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _binary(tmp_path / "junk.txt")
    (tmp_path / "junk.gold.json").write_text("{}", encoding="utf-8")
    assert main(["eval", str(tmp_path)]) == 2
    assert "junk.txt does not look like text" in capsys.readouterr().err
    assert main(["explain", "--coverage", str(tmp_path)]) == 2
    assert "junk.txt does not look like text" in capsys.readouterr().err
