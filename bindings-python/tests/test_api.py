"""The Python API beyond the vectors: dates, errors, batches, DataFrames."""

import collections
import datetime
import json
import pathlib

import pytest

import zfxxgk

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "reports"


def demo(name):
    return json.loads((DEMO / name).read_text(encoding="utf-8"))


def test_dates_in_and_out():
    due = zfxxgk.add_working_days(datetime.date(2025, 1, 20), 20)
    assert due == datetime.date(2025, 2, 21)
    assert zfxxgk.add_working_days("2025-01-20", 20) == due
    assert zfxxgk.count_working_days(datetime.date(2025, 1, 20), due) == 20
    assert zfxxgk.is_working_day(datetime.date(2025, 1, 26)) is True  # 春节 make-up Sunday
    with pytest.raises(TypeError):
        zfxxgk.add_working_days(datetime.datetime(2025, 1, 20, 9, 0), 1)
    with pytest.raises(TypeError):
        zfxxgk.is_working_day(20250120)


def test_errors_are_typed_with_codes():
    with pytest.raises(zfxxgk.CalendarError) as e:
        zfxxgk.add_working_days("2027-03-01", 1)
    assert e.value.code == "calendar.year_not_covered"
    assert isinstance(e.value, zfxxgk.ZfxxgkError)
    with pytest.raises(zfxxgk.InputError) as e:
        zfxxgk.is_working_day("2025-02-30")
    assert e.value.code == "input.invalid_date"
    with pytest.raises(zfxxgk.JsonError) as e:
        zfxxgk.check_report({"requests": {"received": {"total": -1}}})
    assert e.value.code == "json.negative" and "requests.received.total" in e.value.message
    with pytest.raises(zfxxgk.FeeError):
        zfxxgk.information_fee(items=3, pages=3)


def test_bad_values_never_crash():
    for bad in [float("nan"), None, [], {"requests": []}, {"year": "2022"}, {"year": 10**30}]:
        with pytest.raises((zfxxgk.ZfxxgkError, TypeError, ValueError)):
            zfxxgk.check_report(bad)
    with pytest.raises((zfxxgk.ZfxxgkError, OverflowError)):
        zfxxgk.add_working_days("2025-01-20", -1)
    with pytest.raises(zfxxgk.InputError):
        zfxxgk.check_report("x" * (33 * 1024 * 1024))


def test_refused_event_raises_and_names_it():
    app = {"id": "a", "events": [
        {"type": "received", "at": datetime.date(2025, 3, 3), "channel": "online", "applicant": "natural_person"},
        {"type": "corrected", "at": "2025-03-05"},
    ]}
    with pytest.raises(zfxxgk.ApplicationError) as e:
        zfxxgk.replay_application(app)
    assert e.value.code == "app.event_refused" and "events[1]" in e.value.message
    assert len(app["events"]) == 2  # the caller's data is untouched


def test_check_many_is_check_report_in_order():
    reports = [demo("demo-2021.json"), demo("demo-2019.json"), demo("demo-2021-previous.json")] * 20
    assert zfxxgk.check_many(reports) == [zfxxgk.check_report(r) for r in reports]
    with pytest.raises(zfxxgk.JsonError) as e:
        zfxxgk.check_many([demo("demo-2019.json"), {"yaer": 1}])
    assert "reports[1]" in e.value.message


def python_json(value):
    """The package's pure-Python encoding of a value (dates as ISO strings, its errors): the
    reference for what the Rust readers and writers of plain dicts must agree with. A str is a
    report's text already."""
    if isinstance(value, str):
        return value
    return json.dumps(zfxxgk._plain(value), ensure_ascii=False, allow_nan=False)


def test_plain_dicts_written_in_rust_are_the_python_encoding():
    texts = [p.read_text(encoding="utf-8") for p in corpus_reports()]
    for r in zfxxgk.parse_many(texts) + [demo("demo-2021.json"), {"a": [1, -2, None, True, "\"\\\n\x01\u00e9"], "b": {}}]:
        text = zfxxgk._zfxxgk.plain_dict_json(r)
        assert text is not None and json.loads(text) == json.loads(python_json(r))
    for not_plain in [{"a": 1.5}, {1: 2}, {"a": 2 ** 64}, {"a": {1, 2}}, {"d": __import__("datetime").date(2025, 1, 2)}, [1]]:
        assert zfxxgk._zfxxgk.plain_dict_json(not_plain) is None, not_plain


def test_check_many_encodes_any_report_value_as_check_report_does():
    import collections
    base = demo("demo-2021.json")
    odd = [
        dict(base, title='引号"、反斜杠\\、换行\n、制表\t、控制\x01'),
        dict(base, year=2022.0),  # a float: encoded by Python, refused by the contract as before
        dict(base, year=True),
        dict(base, year=2 ** 70),
        {1: 2},  # a non-str key
        collections.OrderedDict(base),
        dict(base, requests=None),
        dict(base, sections=dict(base.get("sections", {}), overview="\ud800")),  # a lone surrogate
        dict(base, review_litigation=(1, 2)),
        json.dumps(base, ensure_ascii=True),
        # Read straight from the dict in Rust where possible: each of these must give what the
        # JSON text gives (a report, or the same error code).
        dict(base, requests=dict(base["requests"], received=dict(base["requests"]["received"], total=-1))),
        dict(base, requests=dict(base["requests"], received=dict(base["requests"]["received"], total=True))),
        dict(base, requests=dict(base["requests"], received=dict(base["requests"]["received"], total=3.0))),
        dict(base, requests=dict(base["requests"], received=dict(base["requests"]["received"], total=2 ** 64))),
        dict(base, requests=dict(base["requests"], received=dict(base["requests"]["received"], total="3"))),
        dict(base, requests=dict(base["requests"], received=dict(base["requests"]["received"], totl=3))),
        dict(base, requests=dict(base["requests"], nonsense={})),
        dict(base, requests=[]),
        dict(base, review_litigation=[{"upheld": 1}]),
        # Tables 三 and 四 are read by their own reader: what it does not take goes to serde,
        # and what serde does not take to the JSON text.
        dict(base, requests=dict(base["requests"], received=None)),
        dict(base, requests=dict(base["requests"], received=dict(base["requests"]["received"], total=None))),
        dict(base, requests=dict(base["requests"], received=dict(base["requests"]["received"], total=type("Count", (int,), {})(3)))),
        dict(base, requests=dict(base["requests"], received=collections.OrderedDict(base["requests"]["received"]))),
        dict(base, requests=dict(base["requests"], received=[1, 2, 3, 4, 5, 6, 7])),
        dict(base, requests={1: {}}),
        dict(base, requests={type("Row", (str,), {})("received"): base["requests"]["received"]}),
        dict(base, requests=collections.OrderedDict(base["requests"])),
        dict(base, requests={}),
        dict(base, review_litigation=dict(base["review_litigation"], review=None)),
        dict(base, review_litigation=dict(base["review_litigation"], review=dict(base["review_litigation"]["review"], upheld=False))),
        dict(base, review_litigation=dict(base["review_litigation"], review=dict(base["review_litigation"]["review"], kept=1))),
        dict(base, review_litigation=dict(base["review_litigation"], appeal={})),
        dict(base, review_litigation=None),
        dict(base, review_litigation="表四"),
        # Table 二 too has its own reader.
        dict(base, proactive=None),
        dict(base, proactive={}),
        dict(base, proactive=dict(base["proactive"], regulations=None)),
        dict(base, proactive=dict(base["proactive"], regulations={"issued": -1, "repealed": None})),
        dict(base, proactive=dict(base["proactive"], regulations={"issued": True})),
        dict(base, proactive=dict(base["proactive"], regulations={"issued": 1.0})),
        dict(base, proactive=dict(base["proactive"], regulations={"issued": 2 ** 63})),
        dict(base, proactive=dict(base["proactive"], regulations={"issued": -(2 ** 63) - 1})),
        dict(base, proactive=dict(base["proactive"], regulations={"decisions": 1})),
        dict(base, proactive=dict(base["proactive"], fees={"amount": "12.50", "last_year": 3, "change": -3})),
        dict(base, proactive=dict(base["proactive"], fees={"amount": 12.5})),
        dict(base, proactive=dict(base["proactive"], fees={"amount": "12,5"})),
        dict(base, proactive=dict(base["proactive"], fees={"amount": type("Amount", (str,), {})("1.5")})),
        dict(base, proactive=dict(base["proactive"], procurement={"projects": 2, "amount": None})),
        dict(base, proactive=dict(base["proactive"], nonsense={})),
        dict(base, proactive=[1]),
        dict(base, format=2021),
        dict(base, format="2020"),
        dict(base, published="2023-02-30"),
        dict(base, published=["2023-02-01"]),
        dict(base, extra={"a": [[[[[]]]]]}),
        dict(base, year=-5),
        {"format": "2021"},
        {},
        dict(base, organ=type("Name", (str,), {})("某局")),
        # A dict subclass is encoded through its items(): read by the JSON path, not in place.
        type("Items", (dict,), {"items": lambda self: [("format", "2021"), ("year", 2021)]})(base),
    ]
    one = outcome
    for r in odd:
        reference = one(lambda: zfxxgk.check_report(python_json(r)))
        assert one(lambda: zfxxgk.check_many([r])[0]) == reference, r
        # After a report whose tables were read (their keys known: the odd dicts share them),
        # tables are read without taking references, by another reader, which must agree too.
        assert one(lambda: zfxxgk.check_many([base, r])[1]) == reference, r
        assert one(lambda: zfxxgk.check_report(r)) == reference, r
        assert one(lambda: zfxxgk.render_report(r)) == one(lambda: zfxxgk.render_report(python_json(r))), r
    with pytest.raises(TypeError):
        zfxxgk.check_many([base, 42])


def test_table_cells_of_every_kind_read_as_their_json_reads():
    # Random cells of every kind in tables 三 and 四 — counts at the edges of i64 and u64,
    # negatives, bools, floats, strs, None, int and dict subclasses, unknown keys, new key objects —
    # in batches whose first report makes the keys known, so that most tables meet the borrowed
    # reader and the rest the owned one. Each report's answer is its JSON text's (a seeded draw:
    # a failure names the report).
    import random
    rng = random.Random(20261122)
    Count = type("Count", (int,), {})
    values = [0, 1, 7, 2 ** 31, 2 ** 63 - 1, 2 ** 63, 2 ** 64 - 1, 2 ** 64, -1, -(2 ** 63), None, True, False,
              1.0, "3", Count(2), [], {}]
    for name in ("demo-2021.json", "demo-2019.json"):
        base = demo(name)
        batch = [base]
        for _ in range(150):
            r = json.loads(json.dumps(base)) if rng.random() < 0.2 else dict(base)
            for table in ("requests", "review_litigation"):
                rows = dict(r[table])
                for _ in range(rng.randrange(1, 4)):
                    row = rng.choice(list(rows))
                    cells = dict(rows[row]) if isinstance(rows[row], dict) else {}
                    column = rng.choice(list(cells) or ["total"])
                    if rng.random() < 0.1:
                        column = rng.choice(["unknown", "".join(["to", "tal"])])  # a new key object
                    cells[column] = rng.choice(values)
                    rows[row] = cells if rng.random() < 0.95 else rng.choice([None, [], collections.OrderedDict(cells)])
                r[table] = rows
            batch.append(r)
        for r in batch:
            reference = outcome(lambda: zfxxgk.check_report(python_json(r)))
            assert outcome(lambda: zfxxgk.check_many([batch[0], r])[1]) == reference, r
        readable = [r for r in batch if not isinstance(outcome(lambda: zfxxgk.check_report(python_json(r))), tuple)]
        assert zfxxgk.check_many(readable) == [zfxxgk.check_report(python_json(r)) for r in readable]


def test_tables_changed_by_another_thread_meanwhile():
    # Another thread changes the batch's tables while it is read (it runs whenever a report's
    # encoder, or anything else, lets go of the GIL): whatever each report holds when read is
    # what is checked, and nothing crashes.
    import threading
    base = demo("demo-2021.json")
    batch = [dict(base, requests={k: dict(v) for k, v in base["requests"].items()}) for _ in range(64)]
    batch += [datetime.date(2024, 1, 1)] * 4  # not reports: their encoder runs Python code, then raises
    stop = threading.Event()

    def meddle():
        n = 0
        while not stop.is_set():
            n += 1
            rows = batch[n % 64]["requests"]
            cells = rows["received"]
            cells["total"] = n if n % 3 else None
            cells.pop("natural_person", None) if n % 5 == 0 else cells.setdefault("natural_person", 1)
            rows.pop("carried_in", None) if n % 7 == 0 else rows.setdefault("carried_in", dict(cells))

    t = threading.Thread(target=meddle)
    t.start()
    try:
        for _ in range(100):
            with pytest.raises(zfxxgk.ZfxxgkError):
                zfxxgk.check_many(batch)
            assert all(isinstance(fs, list) for fs in zfxxgk.check_many(batch[:64]))
    finally:
        stop.set()
        t.join()


def outcome(fn):
    """What a call gives: its value, or the kind of error it raised."""
    try:
        return fn()
    except zfxxgk.ZfxxgkError as e:
        return ("error", e.code)
    except (TypeError, ValueError) as e:
        return ("raised", type(e))


def test_findings_made_once_per_batch_are_each_their_own():
    # Findings that repeat across a batch (a blank cell) are copies of one made first: equal to
    # what each report's JSON text gives, in reports of both formats, and separate objects.
    reports = []
    for name in ("demo-2021.json", "demo-2019.json"):
        base = demo(name)
        requests = {row: (dict(cells, natural_person=None) if cells else cells) for row, cells in base["requests"].items()}
        review = {g: (dict(cells, upheld=None) if cells else cells) for g, cells in base["review_litigation"].items()}
        reports.append(dict(base, requests=requests, review_litigation=review))
    batch = reports * 3
    ours = zfxxgk.check_many(batch)
    reference = [zfxxgk.check_report(python_json(r)) for r in batch]
    assert ours == reference
    blank = [f for fs in ours for f in fs if f["code"].endswith("blank_cell")]
    assert len(blank) > 6
    assert len({id(f) for f in blank}) == len(blank) and len({id(f["location"]) for f in blank}) == len(blank)
    blank[0]["location"]["row"] = "changed"
    assert zfxxgk.check_many(batch) == reference  # the change is the caller's alone


def test_previous_year():
    findings = zfxxgk.check_report(demo("demo-2021.json"), previous=demo("demo-2021-previous.json"))
    assert "cross_year.carry_mismatch" in {f["code"] for f in findings}


def test_to_frame():
    import pandas as pd
    frame = zfxxgk.to_frame(zfxxgk.check_many([demo("demo-2021.json"), demo("demo-2019.json")]))
    assert isinstance(frame, pd.DataFrame)
    assert {"report", "code", "severity", "section", "row", "column", "expected", "found"} <= set(frame.columns)
    assert set(frame["report"]) == {0, 1}
    assert (frame["code"] == "table3.row_total").any()


def test_schema():
    schema = zfxxgk.report_schema()
    assert schema["additionalProperties"] is False and "requests" in schema["properties"]


CORPUS = pathlib.Path(__import__("os").environ.get("ZFXXGK_CORPUS", ROOT.parent / "shared" / "corpus"))


def corpus_reports():
    reports = sorted((CORPUS / "dev" / "reports").glob("*"))
    if not reports:
        assert not __import__("os").environ.get("CI"), f"corpus missing at {CORPUS}"
    return reports


def test_published_reports_parse_and_check_like_the_core():
    paths = corpus_reports()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    parsed = zfxxgk.parse_many(texts)
    assert len(parsed) == len(texts)
    for path, text, report in zip(paths, texts, parsed):
        assert report == zfxxgk.parse_report(text), path.name
        truth = CORPUS / "dev" / "truth" / (path.stem + ".json")
        if truth.exists():
            t = json.loads(truth.read_text(encoding="utf-8"))
            assert report["year"] == t["year"], path.name
            received = next(iter(t["table3"].values()))
            assert report["requests"]["received"]["total"] == received[6], path.name
    findings = zfxxgk.check_many(texts)
    assert findings == [zfxxgk.check_report(t) for t in texts]
    codes = {f["code"] for fs in findings for f in fs}
    assert "table3.balance" in codes and "doc.pre2019_format" in codes


def test_parse_rejects_non_text():
    with pytest.raises(TypeError):
        zfxxgk.parse_report(b"bytes")


def test_render_report_reads_back():
    report = demo("demo-2021.json")
    for to in ("text", "markdown", "html"):
        page = zfxxgk.render_report(report, to)
        back = zfxxgk.parse_report(page)
        for key in ("format", "year", "organ", "organ_kind", "index_no", "period", "published", "sections",
                    "proactive", "requests", "review_litigation"):
            assert back[key] == report[key], (to, key)
    assert zfxxgk.render_report(json.dumps(report)) == zfxxgk.render_report(report, "text")
    with pytest.raises(zfxxgk.RenderError) as e:
        zfxxgk.render_report(report, "pdf")
    assert e.value.code == "render.unknown_format"
    with pytest.raises(TypeError):
        zfxxgk.render_report(report, to=None)


def test_check_many_reads_dicts_as_check_report_reads_their_json():
    # check_many (and check_report) read plain dicts straight into reports and build the findings
    # in Rust; the reference is the report's JSON text written in Python. Same findings, same keys
    # in the same order.
    texts = [p.read_text(encoding="utf-8") for p in corpus_reports()]
    full = [r for r in zfxxgk.parse_many(texts) if "requests" in r]
    tables = [{k: r[k] for k in ("format", "year", "requests", "review_litigation") if k in r} for r in full]
    for batch in (full, tables):
        ours = zfxxgk.check_many(batch)
        theirs = [zfxxgk.check_report(python_json(r)) for r in batch]
        assert json.dumps(ours, ensure_ascii=False) == json.dumps(theirs, ensure_ascii=False)
        assert [zfxxgk.check_report(r) for r in batch] == ours
    # With last year's report (a report of the year before, for the cross-year rules).
    years = [r.get("year") for r in full]
    year = max(set(years), key=years.count, default=None)
    prev = dict(full[-1], year=year - 1) if year else None
    for batch in ([r for r in full if r.get("year") == year], [r for r in tables if r.get("year") == year]):
        if batch:
            ours = zfxxgk.check_many(batch, previous=prev)
            theirs = [zfxxgk.check_report(python_json(r), previous=python_json(prev)) for r in batch]
            assert json.dumps(ours, ensure_ascii=False) == json.dumps(theirs, ensure_ascii=False)
    if full:
        codes = {f["code"] for fs in zfxxgk.check_many(full) for f in fs}
        assert any(c.startswith("table3.") for c in codes) and any(c.startswith("narrative.") for c in codes), codes


def test_a_rule_selection_keeps_the_findings_of_what_it_names():
    # Every corpus report: a selection's findings are exactly the full check's findings of the
    # families and codes named, whichever path reads the report (dict with the texts skipped,
    # dict with them read, JSON text, published text).
    texts = [p.read_text(encoding="utf-8") for p in corpus_reports()]
    full = zfxxgk.parse_many(texts)
    everything = zfxxgk.check_many(full)
    for rules in (["table3", "table4"], ["narrative"], ["doc", "table3.balance"], "meta", []):
        names = [rules] if isinstance(rules, str) else rules
        def named(code):
            return code in names or code.split(".")[0] in names
        expected = [[f for f in fs if named(f["code"])] for fs in everything]
        assert zfxxgk.check_many(full, rules=rules) == expected, rules
        assert [zfxxgk.check_report(python_json(r), rules=rules) for r in full] == expected, rules
    # From the published text, parse findings are the parse family.
    page = [zfxxgk.check_report(t, rules=["parse"]) for t in texts]
    assert all(f["code"].startswith("parse.") for fs in page for f in fs)
    assert [zfxxgk.check_report(t, rules="table3") for t in texts] == [
        [f for f in fs if f["code"].startswith("table3.")] for fs in (zfxxgk.check_report(t) for t in texts)]


def test_a_selection_that_reads_no_texts_still_checks_their_types():
    base = demo("demo-2021.json")
    for odd in (dict(base, sections={"overview": 5}), dict(base, sections={"chapter": "x"}),
                dict(base, sections=["x"]), dict(base, headings={"overview": 1}),
                dict(base, sections={"overview": type("Text", (str,), {})("某")}),
                dict(base, sections=None), dict(base, headings={"overview": None}),
                dict(base, title=5), dict(base, organ=None), dict(base, index_no=["x"]),
                dict(base, title=type("Title", (str,), {})("某局报告"))):
        def one(fn):
            try:
                return len(fn())
            except zfxxgk.ZfxxgkError as e:
                return e.code
        reference = one(lambda: zfxxgk.check_report(python_json(odd), rules=["table3"]))
        assert one(lambda: zfxxgk.check_many([odd], rules=["table3"])[0]) == reference, odd
        for rules in (["narrative", "table3"], ["meta"]):
            assert one(lambda: zfxxgk.check_many([odd], rules=rules)[0]) == one(
                lambda: zfxxgk.check_report(python_json(odd), rules=rules)), (odd, rules)


def test_rule_names_are_checked():
    base = demo("demo-2021.json")
    with pytest.raises(zfxxgk.InputError) as e:
        zfxxgk.check_many([base], rules=["table3", "table5"])
    assert e.value.code == "input.unknown_rule" and "table5" in str(e.value)
    for bad in (5, [5], {"table3": 1}, b"table3"):
        with pytest.raises(zfxxgk.InputTypeError):
            zfxxgk.check_report(base, rules=bad)
