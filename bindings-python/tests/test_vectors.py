"""Every conformance vector of tests/vectors, through the Python package: the same answers as Rust."""

import json
import pathlib

import pytest

import zfxxgk

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "vectors"


def cases(function):
    out = []
    for path in sorted((VECTORS / function).glob("*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(body if isinstance(body, list) else [body]):
            out.append(pytest.param(case["input"], case["expected"], id=f"{path.stem}[{i}]"))
    assert out, function
    return out


def outcome(fn):
    try:
        return fn()
    except zfxxgk.ZfxxgkError as e:
        return {"error": e.code}


def without_messages(findings):
    for f in findings:
        assert f.pop("message") and f.pop("message_en")
    return findings


@pytest.mark.parametrize("inp,expected", cases("check_report"))
def test_check_report(inp, expected):
    report = inp["report_json"] if "report_json" in inp else inp["report"]
    got = outcome(lambda: without_messages(zfxxgk.check_report(report, inp.get("previous"), inp.get("rules"))))
    if isinstance(expected, dict):
        assert got == {"error": expected["error"]}
    else:
        assert got == expected
    # The same through check_many, from the dict and from its JSON text (a selection that reads no
    # texts takes the dict path that skips them).
    for item in (report, report if isinstance(report, str) else json.dumps(report, ensure_ascii=False)):
        many = outcome(lambda: without_messages(zfxxgk.check_many([item], inp.get("previous"), inp.get("rules"))[0]))
        assert many == got


@pytest.mark.parametrize("inp,expected", cases("add_working_days"))
def test_add_working_days(inp, expected):
    got = outcome(lambda: zfxxgk.add_working_days(inp["date"], inp["n"]).isoformat())
    assert got == expected


@pytest.mark.parametrize("inp,expected", cases("count_working_days"))
def test_count_working_days(inp, expected):
    assert outcome(lambda: zfxxgk.count_working_days(inp["start"], inp["end"])) == expected


@pytest.mark.parametrize("inp,expected", cases("is_working_day"))
def test_is_working_day(inp, expected):
    assert outcome(lambda: zfxxgk.is_working_day(inp["date"])) == expected


@pytest.mark.parametrize("inp,expected", cases("replay_application"))
def test_replay_application(inp, expected):
    assert outcome(lambda: zfxxgk.replay_application(inp)) == expected


@pytest.mark.parametrize("inp,expected", cases("aggregate"))
def test_aggregate(inp, expected):
    assert outcome(lambda: zfxxgk.aggregate(inp["applications"], inp["year"], inp.get("format"))) == expected


@pytest.mark.parametrize("inp,expected", cases("information_fee"))
def test_information_fee(inp, expected):
    assert outcome(lambda: zfxxgk.information_fee(inp.get("items"), inp.get("pages"))) == expected


@pytest.mark.parametrize("inp,expected", cases("render_report"))
def test_render_report(inp, expected):
    assert outcome(lambda: zfxxgk.render_report(inp["report"], inp["to"])) == expected
@pytest.mark.parametrize("inp,expected", cases("rollup"))
def test_rollup(inp, expected):
    def run():
        got = zfxxgk.rollup(inp["reports"], inp["summary"])
        without_messages(got["findings"])
        return got
    assert outcome(run) == expected


@pytest.mark.parametrize("inp,expected", cases("report_metrics"))
def test_report_metrics(inp, expected):
    assert outcome(lambda: zfxxgk.report_metrics(inp["report"])) == expected
