"""zfxxgk — 政府信息公开 (government information disclosure) for Python.

The annual report schema and its consistency checks, working-day deadlines, the 依申请公开
application workflow, year aggregation and the 信息处理费, all computed by the Rust core.
Reports, findings and application states are plain dicts in the JSON contract's shape; dates are
``datetime.date`` (ISO strings are accepted too).
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import math as _math
import numbers as _numbers
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from . import _zfxxgk
from .contract import ApplicationState, Finding, Location, Period, Report

__version__ = _zfxxgk.__version__

__all__ = [
    "ApplicationState", "Finding", "Location", "Period", "Report",
    "ZfxxgkError", "JsonError", "InputError", "InputTypeError", "InputValueError", "CalendarError",
    "ApplicationError", "FeeError", "StatsError", "RenderError", "RollupError",
    "parse_report", "parse_many", "check_report", "check_many", "render_report", "report_schema", "add_working_days",
    "count_working_days", "is_working_day", "replay_application", "aggregate", "information_fee", "to_frame",
    "rollup", "report_metrics",
]


class ZfxxgkError(Exception):
    """An error of zfxxgk: ``code`` is its stable code (e.g. ``json.unknown_key``), ``message``
    its bilingual text (中文 / English)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class JsonError(ZfxxgkError):
    """Input that is not valid Report / application JSON (codes ``json.*``)."""


class InputError(ZfxxgkError):
    """Unusable input: too large, not UTF-8, an invalid date or amount (codes ``input.*``)."""


class InputTypeError(InputError, TypeError):
    """An argument of the wrong type (code ``input.wrong_type``); also a ``TypeError``."""


class InputValueError(InputError, ValueError):
    """An integer argument out of its range (code ``input.out_of_range``); also a ``ValueError``."""


class CalendarError(ZfxxgkError):
    """A date the working-day calendar does not cover, or a reversed range (``calendar.*``)."""


class ApplicationError(ZfxxgkError):
    """An application event that cannot happen, or an application without events (``app.*``)."""


class FeeError(ZfxxgkError):
    """A fee asked for with no basis or both (``fee.*``)."""


class StatsError(ZfxxgkError):
    """Aggregation into a layout without table 三 (``stats.*``)."""


class RenderError(ZfxxgkError):
    """An output layout that ``render_report`` does not know (``render.*``)."""
class RollupError(ZfxxgkError):
    """Reports that cannot be summed together: none, mixed layouts or years, no tables (``rollup.*``)."""


_FAMILIES = {
    "json": JsonError,
    "input": InputError,
    "calendar": CalendarError,
    "app": ApplicationError,
    "fee": FeeError,
    "stats": StatsError,
    "render": RenderError,
    "rollup": RollupError,
}


_CODES = {"input.wrong_type": InputTypeError, "input.out_of_range": InputValueError}


def _error(code: str, message: str) -> ZfxxgkError:
    cls = _CODES.get(code) or _FAMILIES.get(code.split(".", 1)[0], ZfxxgkError)
    return cls(code, message)


def _call(fn, *args):
    try:
        return fn(*args)
    except _zfxxgk.CoreError as e:
        code, message = e.args
        raise _error(code, message) from None
    except UnicodeEncodeError as e:
        # A str holding a lone surrogate has no UTF-8 form: the core never sees it.
        raise _error(
            "input.not_utf8",
            f"输入不是 UTF-8 编码（第 {e.start} 个字符为代理字符）/ input is not valid UTF-8 "
            f"(a lone surrogate at character {e.start})",
        ) from None


# The messages below follow the core's (zfxxgk::Error) for the same codes.

def _wrong_type(what: str, expected: str, value: Any) -> InputTypeError:
    found = type(value).__name__
    return InputTypeError(
        "input.wrong_type", f"“{what}”类型错误：应为 {expected}，实为 {found} / {what}: expected {expected}, found {found}"
    )


def _int(what: str, value: Any, lo: int, hi: int) -> int:
    """An integer argument within [lo, hi] (the Rust type's range), or a typed error."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong_type(what, "int", value)
    if not lo <= value <= hi:
        shown = str(value) if value.bit_length() < 200 else f"{'-' if value < 0 else ''}2^{value.bit_length() - 1}…"
        raise InputValueError(
            "input.out_of_range",
            f"“{what}”超出范围：{shown}，应在 {lo} 至 {hi} 之间 / {what} out of range: {shown}, expected {lo} to {hi}",
        )
    return value


def _str(what: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _wrong_type(what, "str", value)
    return value


def _iterable(what: str, value: Any, expected: str) -> list:
    """The items of a batch argument; a str, bytes or dict is one item, not a batch."""
    if isinstance(value, (str, bytes, bytearray, Mapping)):
        raise _wrong_type(what, expected, value)
    try:
        return list(value)
    except TypeError:
        raise _wrong_type(what, expected, value) from None


_U32_MAX = 2**32 - 1
_U64_MAX = 2**64 - 1
_I32 = (-(2**31), 2**31 - 1)

# The core's JSON nesting limit (zfxxgk::json::MAX_JSON_DEPTH).
_MAX_DEPTH = 127


def _json_error(code: str, path: str, zh: str, en: str) -> JsonError:
    return JsonError(code, f"{zh}（{path}）/ {en} at {path}")


def _plain(value: Any, path: str = "$", depth: int = 0) -> Any:
    """A JSON-ready copy of ``value`` with dates as ISO strings. What JSON cannot hold (NaN, bytes,
    sets, non-string keys, integers past 64 bits, nesting past the core's limit) is a JsonError
    naming its path, as the core names the path of what it refuses."""
    if depth > _MAX_DEPTH:
        return _raise(_json_error("json.too_deep", path, f"JSON 嵌套过深：上限 {_MAX_DEPTH} 层",
                                  f"JSON nested too deep: the limit is {_MAX_DEPTH} levels"))
    if value is None or isinstance(value, (str, bool)):
        return value
    if not isinstance(value, (int, float)) and isinstance(value, (_numbers.Integral, _numbers.Real)):
        # numpy and pandas scalars (int64, float64) are numbers, not JSON values: take their value.
        value = int(value) if isinstance(value, _numbers.Integral) else float(value)
    if isinstance(value, int):
        if value.bit_length() > 64:
            _raise(_json_error("json.out_of_range", path, "数值超出范围", "number out of range"))
        return int(value)
    if isinstance(value, float):
        if not _math.isfinite(value):
            _raise(_json_error("json.invalid_value", path, f"取值无效：{value!r} 不是有限数值",
                               f"invalid value: {value!r} is not a finite number"))
        return value
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                _raise(_json_error("json.wrong_type", path, f"类型错误：键应为字符串，实为 {type(k).__name__}",
                                   f"invalid type: a key must be a string, found {type(k).__name__}"))
            out[k] = _plain(v, k if path == "$" else f"{path}.{k}", depth + 1)
        return out
    if isinstance(value, (list, tuple)):
        return [_plain(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)]
    found = type(value).__name__
    return _raise(_json_error("json.wrong_type", path, f"类型错误：{found} 不是 JSON 值",
                              f"invalid type: {found} is not a JSON value"))


def _raise(e: Exception) -> Any:
    raise e


def _dumps(value: Any) -> str:
    # A dict of plain JSON data (what parse_report returns, what json.load gives) is written in
    # Rust, ten times faster than converting it here; anything else goes through _plain.
    text = _zfxxgk.plain_dict_json(value)
    if text is not None:
        return text
    return _json.dumps(_plain(value), ensure_ascii=False, allow_nan=False)


DateLike = Union[_dt.date, str]


def _iso(d: DateLike, what: str = "date") -> str:
    if isinstance(d, _dt.date) and not isinstance(d, _dt.datetime):
        return d.isoformat()
    if isinstance(d, str):
        return d
    raise _wrong_type(what, "datetime.date or ISO date str", d)


def _report_json(report: Union[Mapping[str, Any], str], what: str = "report") -> str:
    if isinstance(report, str):
        return report
    if isinstance(report, Mapping):
        return _dumps(report)
    raise _wrong_type(what, "dict or str", report)


def parse_report(text: str) -> dict:
    """A published report (page text, PDF text, HTML, Markdown) or Report JSON text → the report
    dict, as printed (blank cells None, nothing repaired). Its parse findings come with
    ``check_report(text)``."""
    return _json.loads(_call(_zfxxgk.parse_report_json, _str("text", text)))["report"]


def parse_many(texts: Iterable[str]) -> list:
    """``parse_report`` over many texts on every core (the GIL is released), in input order.
    Raises the error of the first text that cannot be read, naming its index."""
    items = [_str(f"texts[{i}]", t) for i, t in enumerate(_iterable("texts", texts, "iterable of str"))]
    return [p["report"] for p in _batch(_call(_zfxxgk.parse_many_json, items), "texts")]


def _batch(results, name: str) -> list:
    out = []
    for i, (value, code, message) in enumerate(results):
        if code is not None:
            raise _error(code, f"{name}[{i}]: {message}")
        out.append(_json.loads(value))
    return out


def _rules(rules: Any) -> Optional[list]:
    """The rule names of a selection: None (every rule), one name, or an iterable of names."""
    if rules is None:
        return None
    names = [rules] if isinstance(rules, str) else _iterable("rules", rules, "str or iterable of str")
    for name in names:
        if not isinstance(name, str):
            raise _wrong_type("rules", "str or iterable of str", name)
    return names


def check_report(
    report: Union[Mapping[str, Any], str],
    previous: Optional[Union[Mapping[str, Any], str]] = None,
    rules: Optional[Union[str, Iterable[str]]] = None,
) -> list:
    """The findings of a report — a dict in the Report JSON shape, its JSON text, or the published
    text (then parsed first, and its parse findings come first) — with last year's report for the
    cross-year rules. ``rules`` selects the rules run: families (``"table3"``) or codes
    (``"table3.balance"``); every rule when None. Raises ``JsonError`` for JSON that is not a
    report, ``InputError`` (``input.unknown_rule``) for a rule name that is none."""
    prev = None if previous is None else _report_json(previous, "previous")
    if not isinstance(report, (str, Mapping)):
        raise _wrong_type("report", "dict or str", report)
    names = _rules(rules)
    # The path of check_many, for one report: a plain dict is read straight into a report in Rust
    # and the findings come back as dicts built in Rust (no JSON text either way).
    lists, _, code, message = _call(_zfxxgk.check_many_findings, [report], _report_json_one, prev, names)
    if code is not None:
        raise _error(code, message)
    return lists[0]


def _report_json_one(report: Any, _index: int) -> str:
    return _report_json(report)


def check_many(
    reports: Iterable[Union[Mapping[str, Any], str]],
    previous: Optional[Union[Mapping[str, Any], str]] = None,
    rules: Optional[Union[str, Iterable[str]]] = None,
) -> list:
    """``check_report`` over many reports on every core (the GIL is released), results in input
    order. Raises the error of the first report that cannot be checked, naming its index. With
    ``rules`` selecting no rule that reads section texts (e.g. ``["table3", "table4"]``), those
    texts are checked to be strings but not read, which makes the batch several times faster."""
    items = _iterable("reports", reports, "iterable of reports")
    prev = None if previous is None else _report_json(previous, "previous")
    names = _rules(rules)
    # Plain dicts are read straight into reports in Rust, and the findings come back as dicts built
    # in Rust (no JSON text either way); any other item goes through _report_json, which converts
    # what it can and raises for what is not a report, naming the item.
    lists, index, code, message = _call(_zfxxgk.check_many_findings, items, _report_json_at, prev, names)
    if code is not None:
        raise _error(code, f"reports[{index}]: {message}")
    return lists


def _report_json_at(report: Any, index: int) -> str:
    return _report_json(report, f"reports[{index}]")


def render_report(report: Union[Mapping[str, Any], str], to: str = "text") -> str:
    """A report (dict in the Report JSON shape, or its JSON text) printed in the official layout
    of its format: ``to`` is ``"text"`` (the ` |` cell style of published pages), ``"markdown"``
    or ``"html"`` (one self-contained page). ``parse_report`` reads the page back to the same
    report. An unknown ``to`` raises ``RenderError`` (``render.unknown_format``)."""
    return _call(_zfxxgk.render_report_json, _report_json(report), _str("to", to))


def report_schema() -> dict:
    """The JSON Schema of the Report JSON."""
    return _json.loads(_zfxxgk.report_schema_json())


def add_working_days(date: DateLike, n: int) -> _dt.date:
    """The date ``n`` working days after ``date`` (day 1 = the first working day after it)."""
    return _dt.date.fromisoformat(_call(_zfxxgk.add_working_days, _iso(date), _int("n", n, 0, _U32_MAX)))


def count_working_days(start: DateLike, end: DateLike) -> int:
    """The number of working days in (start, end]."""
    return _call(_zfxxgk.count_working_days, _iso(start, "start"), _iso(end, "end"))


def is_working_day(date: DateLike) -> bool:
    """Whether ``date`` is a working day (weekends, holidays and 调休 make-up days considered)."""
    return _call(_zfxxgk.is_working_day, _iso(date))


def _application_json(application, what: str = "application") -> str:
    if isinstance(application, str):
        return application
    if isinstance(application, Mapping):
        return _dumps(application)
    raise _wrong_type(what, "dict or str", application)


def replay_application(application: Union[Mapping[str, Any], str]) -> dict:
    """One application's events replayed: its state, due date, explanation and findings. An event
    that cannot happen raises ``ApplicationError`` (code ``app.event_refused``)."""
    return _json.loads(_call(_zfxxgk.replay_application_json, _application_json(application)))


def aggregate(applications: Union[Iterable[Mapping[str, Any]], str], year: int, format: Optional[str] = None) -> dict:
    """Applications (dicts, or JSON Lines text) → the table 三 ``requests`` dict of ``year``."""
    if isinstance(applications, str):
        text = applications
    else:
        items = _iterable("applications", applications, "iterable of dicts or JSON Lines str")
        text = "\n".join(_application_json(a, f"applications[{i}]") for i, a in enumerate(items))
    year = _int("year", year, *_I32)
    if format is not None:
        _str("format", format)
    return _json.loads(_call(_zfxxgk.aggregate_jsonl, text, year, format))


def information_fee(items: Optional[int] = None, pages: Optional[int] = None) -> int:
    """信息处理费 in yuan, by items (按件) or by pages (按量): exactly one."""
    items = None if items is None else _int("items", items, 0, _U64_MAX)
    pages = None if pages is None else _int("pages", pages, 0, _U64_MAX)
    return _call(_zfxxgk.information_fee, items, pages)


def rollup(reports: Iterable[Union[Mapping[str, Any], str]], summary: Optional[Union[Mapping[str, Any], str]] = None) -> dict:
    """Tables 二 三 四 of ``reports`` (e.g. every department and township of a county) summed cell
    by cell: ``{"reports": n, "sums": report, "findings": [...]}``. A blank cell in any report makes
    that sum None. With ``summary`` (the county's own report), ``findings`` lists every cell where it
    differs from the sum (``rollup.sum_mismatch``). Mixed layouts or years raise ``RollupError``."""
    texts = [_report_json(r) for r in reports]
    prev = None if summary is None else _report_json(summary)
    return _json.loads(_call(_zfxxgk.rollup_json, texts, prev))


def report_metrics(report: Union[Mapping[str, Any], str]) -> dict:
    """The ratios analysts quote: ``disclosure_rate``, ``not_held_share``, ``carried_over_share``,
    ``review_correction_share``, ``litigation_correction_share`` — None where a cell is blank or
    the denominator is 0."""
    return _json.loads(_call(_zfxxgk.report_metrics_json, _report_json(report)))


def to_frame(rows: Sequence[Any]):
    """A pandas DataFrame of findings (a list of findings, or of per-report finding lists) or of
    reports. Needs pandas (``pip install zfxxgk[pandas]``)."""
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_frame needs pandas: pip install 'zfxxgk[pandas]'") from e
    records = []
    for i, item in enumerate(rows):
        if isinstance(item, list):
            for f in item:
                records.append(_flat_finding(f, report=i))
        elif isinstance(item, Mapping) and "code" in item and "severity" in item:
            records.append(_flat_finding(item))
        elif isinstance(item, Mapping):
            records.append({k: v for k, v in item.items() if not isinstance(v, (dict, list))})
        else:
            raise _wrong_type(f"rows[{i}]", "a finding, a list of findings or a report", item)
    return pd.DataFrame.from_records(records)


def _flat_finding(f: Mapping[str, Any], report: Optional[int] = None) -> dict:
    loc = f.get("location") or {}
    row = {} if report is None else {"report": report}
    row.update({
        "code": f["code"], "severity": f["severity"], "message": f["message"], "message_en": f["message_en"],
        "section": loc.get("section"), "row": loc.get("row"), "column": loc.get("column"),
        "expected": f.get("expected"), "found": f.get("found"),
    })
    return row
