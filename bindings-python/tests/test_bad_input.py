"""Bad input from Python callers: every refusal is a typed ``zfxxgk.ZfxxgkError`` subclass with a
stable ``.code``, nothing crashes, the caller's data is untouched, and the module answers as before."""

import copy
import datetime
import json
import math
import pathlib

import pytest

import zfxxgk

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEMO = json.loads((ROOT / "examples" / "reports" / "demo-2021.json").read_text(encoding="utf-8"))
APP = json.loads((ROOT / "examples" / "applications" / "demo-application.json").read_text(encoding="utf-8"))

# Answers before any bad input, compared after each.
BASELINE = {
    "check": zfxxgk.check_report(DEMO),
    "replay": zfxxgk.replay_application(APP),
    "due": zfxxgk.add_working_days("2025-09-26", 20),
    "fee": zfxxgk.information_fee(pages=250),
}


def still_answers():
    assert zfxxgk.check_report(DEMO) == BASELINE["check"]
    assert zfxxgk.replay_application(APP) == BASELINE["replay"]
    assert zfxxgk.add_working_days("2025-09-26", 20) == BASELINE["due"] == datetime.date(2025, 10, 30)
    assert zfxxgk.information_fee(pages=250) == BASELINE["fee"] == 4700


def refused(call, code, cls=zfxxgk.ZfxxgkError):
    """Runs ``call``; it must raise ``cls`` (a ZfxxgkError) with ``code``. Returns the error."""
    with pytest.raises(zfxxgk.ZfxxgkError) as e:
        call()
    assert isinstance(e.value, cls), type(e.value)
    assert e.value.code == code, (e.value.code, e.value.message)
    assert "/ " in e.value.message  # bilingual: 中文 / English
    still_answers()
    return e.value


WRONG_TYPES = [5, 2.5, None, True, b"{}", bytearray(b"x"), [DEMO], (1, 2), {1, 2}, object()]


@pytest.mark.parametrize("bad", WRONG_TYPES, ids=repr)
def test_wrong_types_for_a_report(bad):
    e = refused(lambda: zfxxgk.check_report(bad), "input.wrong_type", zfxxgk.InputTypeError)
    assert isinstance(e, TypeError) and "report" in e.message
    if bad is not None:  # None is "no previous report"
        refused(lambda: zfxxgk.check_report(DEMO, previous=bad), "input.wrong_type", zfxxgk.InputTypeError)
    refused(lambda: zfxxgk.parse_report(bad), "input.wrong_type", zfxxgk.InputTypeError)
    refused(lambda: zfxxgk.replay_application(bad), "input.wrong_type", zfxxgk.InputTypeError)


@pytest.mark.parametrize("bad", [5, None, b"x", DEMO, "text", datetime.datetime(2025, 1, 20, 9, 0)], ids=repr)
def test_wrong_types_for_batches_and_dates(bad):
    refused(lambda: zfxxgk.check_many(bad), "input.wrong_type", zfxxgk.InputTypeError)
    refused(lambda: zfxxgk.parse_many(bad), "input.wrong_type", zfxxgk.InputTypeError)
    if not isinstance(bad, str):  # a str is JSON Lines for aggregate, a date for the calendar
        refused(lambda: zfxxgk.aggregate(bad, 2025), "input.wrong_type", zfxxgk.InputTypeError)
        refused(lambda: zfxxgk.add_working_days(bad, 1), "input.wrong_type", zfxxgk.InputTypeError)
        refused(lambda: zfxxgk.is_working_day(bad), "input.wrong_type", zfxxgk.InputTypeError)
        refused(lambda: zfxxgk.count_working_days("2025-01-20", bad), "input.wrong_type", zfxxgk.InputTypeError)


def test_wrong_types_inside_a_batch_name_the_item():
    e = refused(lambda: zfxxgk.parse_many(["某局2022年度政府信息公开工作年度报告", 7]), "input.wrong_type")
    assert "texts[1]" in e.message
    e = refused(lambda: zfxxgk.check_many([DEMO, b"{}"]), "input.wrong_type")
    assert "reports[1]" in e.message
    e = refused(lambda: zfxxgk.aggregate([APP, 3], 2025), "input.wrong_type")
    assert "applications[1]" in e.message


@pytest.mark.parametrize(
    "n, code",
    [("3", "input.wrong_type"), (2.0, "input.wrong_type"), (None, "input.wrong_type"), (True, "input.wrong_type"),
     (-1, "input.out_of_range"), (2**32, "input.out_of_range"), (10**400, "input.out_of_range")],
    ids=repr,
)
def test_integer_arguments(n, code):
    cls = zfxxgk.InputTypeError if code == "input.wrong_type" else zfxxgk.InputValueError
    refused(lambda: zfxxgk.add_working_days("2025-01-20", n), code, cls)
    if n is not None and n != 2**32:  # 2**32 items is in range for the fee (u64)
        refused(lambda: zfxxgk.information_fee(items=n), code, cls)
        refused(lambda: zfxxgk.information_fee(pages=n), code, cls)
    refused(lambda: zfxxgk.information_fee(items=2**64), "input.out_of_range", zfxxgk.InputValueError)


def test_year_argument():
    refused(lambda: zfxxgk.aggregate([], "2025"), "input.wrong_type", zfxxgk.InputTypeError)
    refused(lambda: zfxxgk.aggregate([], 2**31), "input.out_of_range", zfxxgk.InputValueError)
    refused(lambda: zfxxgk.aggregate([], -(2**31) - 1), "input.out_of_range", zfxxgk.InputValueError)
    # In range but before table 三 existed.
    refused(lambda: zfxxgk.aggregate([], -1), "stats.no_requests_table", zfxxgk.StatsError)


def test_huge_integers_in_the_largest_ranges():
    assert zfxxgk.information_fee(items=0) == 0
    # u64::MAX pages is in range for the argument; the fee itself overflows in the core.
    refused(lambda: zfxxgk.information_fee(pages=2**64 - 1), "input.overflow", zfxxgk.InputError)
    refused(lambda: zfxxgk.add_working_days("2025-01-20", 2**32 - 1), "calendar.year_not_covered", zfxxgk.CalendarError)


def test_huge_strings_are_too_large():
    huge = "x" * (40 * 1024 * 1024)
    for call in [
        lambda: zfxxgk.parse_report(huge),
        lambda: zfxxgk.check_report(huge),
        lambda: zfxxgk.check_report({"title": huge}),
        lambda: zfxxgk.replay_application(huge),
        lambda: zfxxgk.replay_application({"id": huge, "events": []}),
        lambda: zfxxgk.check_report(DEMO, previous=huge),
    ]:
        refused(call, "input.too_large", zfxxgk.InputError)
    e = refused(lambda: zfxxgk.parse_many(["某局2022年度政府信息公开工作年度报告", huge]), "input.too_large")
    assert "texts[1]" in e.message
    refused(lambda: zfxxgk.aggregate(huge, 2025), "input.too_large", zfxxgk.InputError)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf], ids=repr)
def test_nan_and_infinity(bad):
    e = refused(lambda: zfxxgk.check_report({"format": "2021", "year": bad}), "json.invalid_value", zfxxgk.JsonError)
    assert "year" in e.message
    r = copy.deepcopy(DEMO)
    r["requests"]["received"]["total"] = bad
    e = refused(lambda: zfxxgk.check_report(r), "json.invalid_value", zfxxgk.JsonError)
    assert "requests.received.total" in e.message
    refused(lambda: zfxxgk.replay_application({"id": "x", "events": [{"type": "extended", "at": "2025-01-20", "days": bad}]}),
            "json.invalid_value", zfxxgk.JsonError)


def test_numbers_out_of_the_contract():
    for value, code in [(-1, "json.negative"), (10**30, "json.out_of_range"), (2**64, "json.out_of_range"),
                        (2.5, "json.wrong_type"), ("3", "json.wrong_type"), (10**5000, "json.out_of_range")]:
        r = copy.deepcopy(DEMO)
        r["requests"]["received"]["total"] = value
        e = refused(lambda: zfxxgk.check_report(r), code, zfxxgk.JsonError)
        assert "requests.received.total" in e.message
    refused(lambda: zfxxgk.check_report({"year": 10**30}), "json.out_of_range", zfxxgk.JsonError)
    refused(lambda: zfxxgk.check_report({"year": -(2**40)}), "json.out_of_range", zfxxgk.JsonError)


def test_null_where_a_number_belongs():
    # A blank cell is null: allowed, and the row total rule cannot be decided.
    r = copy.deepcopy(DEMO)
    r["requests"]["received"]["total"] = None
    assert isinstance(zfxxgk.check_report(r), list)
    # A null count of extension days is no count: the field is missing.
    e = refused(lambda: zfxxgk.replay_application({"id": "x", "events": [
        {"type": "received", "at": "2025-01-20", "channel": "online", "applicant": "natural_person"},
        {"type": "extended", "at": "2025-02-10", "days": None}]}), "json.missing_key", zfxxgk.JsonError)
    assert "events[1]" in e.message and "days" in e.message


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13-01", "20250120", "", "2025-1-2", "0000-00-00", "２０２５-01-20",
                                 "2025-01-20T00:00", "\x00", "9" * 1000])
def test_invalid_dates(bad):
    refused(lambda: zfxxgk.add_working_days(bad, 1), "input.invalid_date", zfxxgk.InputError)
    refused(lambda: zfxxgk.is_working_day(bad), "input.invalid_date", zfxxgk.InputError)
    # Inside JSON, an invalid date is an invalid value at its path.
    e = refused(lambda: zfxxgk.check_report({"format": "2021", "year": 2022, "published": bad}), "json.invalid_value")
    assert "published" in e.message and "无效日期" in e.message
    e = refused(lambda: zfxxgk.replay_application({"id": "x", "events": [
        {"type": "received", "at": bad, "channel": "online", "applicant": "natural_person"}]}), "json.invalid_value")
    assert "events[0].at" in e.message


def test_dates_and_datetimes_inside_dicts():
    r = copy.deepcopy(DEMO)
    r["published"] = datetime.date.fromisoformat(DEMO["published"])
    assert zfxxgk.check_report(r) == BASELINE["check"]
    r["published"] = datetime.datetime(2022, 1, 31, 8, 0)
    e = refused(lambda: zfxxgk.check_report(r), "json.wrong_type", zfxxgk.JsonError)
    assert "published" in e.message


def test_values_json_cannot_hold():
    for bad in [b"bytes", {1, 2}, object(), 1j]:
        e = refused(lambda: zfxxgk.check_report({"format": "2021", "title": bad}), "json.wrong_type", zfxxgk.JsonError)
        assert "title" in e.message
    e = refused(lambda: zfxxgk.check_report({"requests": {1: 2}}), "json.wrong_type", zfxxgk.JsonError)
    assert "requests" in e.message
    loop = {}
    loop["requests"] = loop
    refused(lambda: zfxxgk.check_report(loop), "json.too_deep", zfxxgk.JsonError)
    deep = []
    for _ in range(100_000):
        deep = [deep]
    refused(lambda: zfxxgk.check_report({"sections": deep}), "json.too_deep", zfxxgk.JsonError)
    refused(lambda: zfxxgk.check_report("[" * 100_000), "json.wrong_type", zfxxgk.JsonError)


def test_surrogates_and_nul_characters():
    refused(lambda: zfxxgk.parse_report("年度报告\ud800"), "input.not_utf8", zfxxgk.InputError)
    refused(lambda: zfxxgk.check_report({"title": "\udcff"}), "input.not_utf8", zfxxgk.InputError)
    refused(lambda: zfxxgk.is_working_day("\ud800"), "input.not_utf8", zfxxgk.InputError)
    # JSON text escaping a lone surrogate says so, at the string's path.
    e = refused(lambda: zfxxgk.check_report('{"title": "\\ud800"}'), "input.not_utf8", zfxxgk.InputError)
    assert "title" in e.message
    e = refused(lambda: zfxxgk.parse_report('{"sections": {"overview": "x\\udcff"}}'), "input.not_utf8")
    assert "sections.overview" in e.message
    # NUL is a character like any other.
    report = zfxxgk.parse_report("某局2022年度政府信息公开工作年度报告\x00\x00")
    assert report["year"] == 2022
    assert zfxxgk.check_report({"format": "2021", "title": "a\x00b"}) is not None


def test_unknown_keys_everywhere():
    for bad, path in [({"yaer": 2022}, "yaer"), ({"requests": {"recieved": {}}}, "requests.recieved"),
                      ({"period": {"start": "2022-01-01", "stop": "2022-12-31"}}, "period.stop")]:
        e = refused(lambda: zfxxgk.check_report(bad), "json.unknown_key", zfxxgk.JsonError)
        assert path in e.message
    e = refused(lambda: zfxxgk.replay_application({"id": "x", "events": [], "extra": 1}), "json.unknown_key")
    assert "extra" in e.message
    e = refused(lambda: zfxxgk.replay_application({"id": "x", "events": [
        {"type": "received", "at": "2025-01-20", "channel": "online", "applicant": "natural_person", "note": "x"}]}),
        "json.unknown_key")
    refused(lambda: zfxxgk.aggregate([{"id": "x", "events": [], "extra": 1}], 2025), "json.unknown_key")


def test_refused_events_change_nothing():
    app = {"id": "a", "events": [
        {"type": "received", "at": datetime.date(2025, 3, 3), "channel": "online", "applicant": "natural_person"},
        {"type": "fee_paid", "at": "2025-03-05"},
    ]}
    before = copy.deepcopy(app)
    for _ in range(3):
        e = refused(lambda: zfxxgk.replay_application(app), "app.event_refused", zfxxgk.ApplicationError)
        assert "events[1]" in e.message and "fee_paid" in e.message
    assert app == before  # the caller's data is untouched
    # Without the refused event, the state is what it would have been.
    ok = zfxxgk.replay_application({"id": "a", "events": app["events"][:1]})
    assert ok["state"] == "received" and ok["due"] is not None
    refused(lambda: zfxxgk.replay_application({"id": "a", "events": []}), "app.no_events", zfxxgk.ApplicationError)
    many = {"id": "a", "events": [{"type": "withdrawn", "at": "2025-01-20"}] * 10_001}
    refused(lambda: zfxxgk.replay_application(many), "app.too_many_events", zfxxgk.ApplicationError)
    refused(lambda: zfxxgk.aggregate([app], 2025), "app.event_refused", zfxxgk.ApplicationError)


def test_bad_input_does_not_touch_the_callers_data():
    r = copy.deepcopy(DEMO)
    r["requests"]["received"]["total"] = -5
    frozen = copy.deepcopy(r)
    refused(lambda: zfxxgk.check_report(r), "json.negative", zfxxgk.JsonError)
    refused(lambda: zfxxgk.check_many([DEMO, r]), "json.negative", zfxxgk.JsonError)
    assert r == frozen


def test_format_argument():
    refused(lambda: zfxxgk.aggregate([], 2025, format="2020"), "json.invalid_value", zfxxgk.JsonError)
    refused(lambda: zfxxgk.aggregate([], 2025, format=2021), "input.wrong_type", zfxxgk.InputTypeError)


def test_numpy_scalars_are_numbers():
    np = pytest.importorskip("numpy")
    r = copy.deepcopy(DEMO)
    r["year"] = np.int64(DEMO["year"])
    r["requests"]["received"]["total"] = np.int32(DEMO["requests"]["received"]["total"])
    assert zfxxgk.check_report(r) == BASELINE["check"]
    r["requests"]["received"]["total"] = np.float64("nan")
    refused(lambda: zfxxgk.check_report(r), "json.invalid_value", zfxxgk.JsonError)
