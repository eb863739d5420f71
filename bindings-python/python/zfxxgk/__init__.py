"""zfxxgk — 政府信息公开 (government information disclosure) for Python.

The annual report schema and its consistency checks, working-day deadlines, the 依申请公开
application workflow, year aggregation and the 信息处理费, all computed by the Rust core.
Reports, findings and application states are plain dicts in the JSON contract's shape; dates are
``datetime.date`` (ISO strings are accepted too).
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from . import _zfxxgk
from .contract import ApplicationState, Finding, Location, Period, Report

__version__ = _zfxxgk.__version__

__all__ = [
    "ApplicationState", "Finding", "Location", "Period", "Report",
    "ZfxxgkError", "JsonError", "InputError", "CalendarError", "ApplicationError", "FeeError", "StatsError",
    "RenderError", "parse_report", "parse_many", "check_report", "check_many", "render_report", "report_schema",
    "add_working_days", "count_working_days", "is_working_day", "replay_application", "aggregate", "information_fee",
    "to_frame", "RollupError", "rollup", "report_metrics",
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


def _error(code: str, message: str) -> ZfxxgkError:
    return _FAMILIES.get(code.split(".", 1)[0], ZfxxgkError)(code, message)


def _call(fn, *args):
    try:
        return fn(*args)
    except _zfxxgk.CoreError as e:
        code, message = e.args
        raise _error(code, message) from None


DateLike = Union[_dt.date, str]


def _iso(d: DateLike) -> str:
    if isinstance(d, _dt.datetime):
        raise TypeError("expected a datetime.date or an ISO date string, not a datetime")
    if isinstance(d, _dt.date):
        return d.isoformat()
    if isinstance(d, str):
        return d
    raise TypeError(f"expected a datetime.date or an ISO date string, not {type(d).__name__}")


# One encoder for every call: ``json.dumps`` with keyword arguments builds a new JSONEncoder each
# time, a measurable share of ``check_many`` on dicts (BENCHMARKS.md). Same output as
# ``json.dumps(value, ensure_ascii=False, allow_nan=False)``.
_ENCODE = _json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode


def _report_json(report: Union[Mapping[str, Any], str]) -> str:
    if isinstance(report, str):
        return report
    if isinstance(report, Mapping):
        return _ENCODE(report)
    raise TypeError(f"expected a report dict or its JSON text, not {type(report).__name__}")


def parse_report(text: str) -> dict:
    """A published report (page text, PDF text, HTML, Markdown) or Report JSON text → the report
    dict, as printed (blank cells None, nothing repaired). Its parse findings come with
    ``check_report(text)``."""
    if not isinstance(text, str):
        raise TypeError(f"expected the report's text, not {type(text).__name__}")
    return _json.loads(_call(_zfxxgk.parse_report_json, text))["report"]


def parse_many(texts: Iterable[str]) -> list:
    """``parse_report`` over many texts on every core (the GIL is released), in input order.
    Raises the error of the first text that cannot be read, naming its index."""
    items = list(texts)
    for i, t in enumerate(items):
        if not isinstance(t, str):
            raise TypeError(f"texts[{i}]: expected a str, not {type(t).__name__}")
    return [p["report"] for p in _batch(_zfxxgk.parse_many_json(items), "texts")]


def _batch(results, name: str) -> list:
    out = []
    for i, (value, code, message) in enumerate(results):
        if code is not None:
            raise _error(code, f"{name}[{i}]: {message}")
        out.append(_json.loads(value))
    return out


def check_report(report: Union[Mapping[str, Any], str], previous: Optional[Union[Mapping[str, Any], str]] = None) -> list:
    """The findings of a report — a dict in the Report JSON shape, its JSON text, or the published
    text (then parsed first, and its parse findings come first) — with last year's report for the
    cross-year rules. Raises ``JsonError`` for JSON that is not a report."""
    prev = None if previous is None else _report_json(previous)
    return _json.loads(_call(_zfxxgk.check_report_json, _report_json(report), prev))


def check_many(reports: Iterable[Union[Mapping[str, Any], str]], previous=None) -> list:
    """``check_report`` over many reports on every core (the GIL is released), results in input
    order. Raises the error of the first report that cannot be checked, naming its index."""
    prev = None if previous is None else _report_json(previous)
    # Dicts are written as JSON in Rust (much faster than json.dumps); other items go through
    # _report_json, which raises for what is not a report. The findings come back as dicts built
    # in Rust (no json.loads).
    out = _call(_zfxxgk.check_many_findings, list(reports), _report_json, prev)
    for i, (_, code, message) in enumerate(out):
        if code is not None:
            raise _error(code, f"reports[{i}]: {message}")
    return [findings for findings, _, _ in out]


def render_report(report: Union[Mapping[str, Any], str], to: str = "text") -> str:
    """A report (dict in the Report JSON shape, or its JSON text) printed in the official layout
    of its format: ``to`` is ``"text"`` (the ` |` cell style of published pages), ``"markdown"``
    or ``"html"`` (one self-contained page). ``parse_report`` reads the page back to the same
    report. An unknown ``to`` raises ``RenderError`` (``render.unknown_format``)."""
    if not isinstance(to, str):
        raise TypeError(f"expected to= 'text', 'markdown' or 'html', not {type(to).__name__}")
    return _call(_zfxxgk.render_report_json, _report_json(report), to)


def report_schema() -> dict:
    """The JSON Schema of the Report JSON."""
    return _json.loads(_zfxxgk.report_schema_json())


def add_working_days(date: DateLike, n: int) -> _dt.date:
    """The date ``n`` working days after ``date`` (day 1 = the first working day after it)."""
    return _dt.date.fromisoformat(_call(_zfxxgk.add_working_days, _iso(date), n))


def count_working_days(start: DateLike, end: DateLike) -> int:
    """The number of working days in (start, end]."""
    return _call(_zfxxgk.count_working_days, _iso(start), _iso(end))


def is_working_day(date: DateLike) -> bool:
    """Whether ``date`` is a working day (weekends, holidays and 调休 make-up days considered)."""
    return _call(_zfxxgk.is_working_day, _iso(date))


def _dates_to_iso(value):
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {k: _dates_to_iso(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_dates_to_iso(v) for v in value]
    return value


def _application_json(application) -> str:
    if isinstance(application, str):
        return application
    return _ENCODE(_dates_to_iso(application))


def replay_application(application: Union[Mapping[str, Any], str]) -> dict:
    """One application's events replayed: its state, due date, explanation and findings. An event
    that cannot happen raises ``ApplicationError`` (code ``app.event_refused``)."""
    return _json.loads(_call(_zfxxgk.replay_application_json, _application_json(application)))


def aggregate(applications: Union[Iterable[Mapping[str, Any]], str], year: int, format: Optional[str] = None) -> dict:
    """Applications (dicts, or JSON Lines text) → the table 三 ``requests`` dict of ``year``."""
    if isinstance(applications, str):
        text = applications
    else:
        text = "\n".join(_application_json(a) for a in applications)
    return _json.loads(_call(_zfxxgk.aggregate_jsonl, text, year, format))


def information_fee(items: Optional[int] = None, pages: Optional[int] = None) -> int:
    """信息处理费 in yuan, by items (按件) or by pages (按量): exactly one."""
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
            raise TypeError(f"rows[{i}]: expected a finding, a list of findings or a report")
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
