"""The shapes of the JSON contract as TypedDicts, for type checkers (and readers)."""

from typing import Any, List, Literal, Mapping, Optional, TypedDict

class Location(TypedDict, total=False):
    """Where a finding points; fields are present where they apply."""

    section: str
    row: str
    column: str
    line: int
    event: int
    type: str


class _FindingRequired(TypedDict):
    code: str
    severity: Literal["error", "warning", "info"]
    message: str
    message_en: str
    location: Location


class Finding(_FindingRequired, total=False):
    """One finding: stable code, severity, 中文 and English message, location, numbers."""

    expected: Any
    found: Any


class Period(TypedDict, total=False):
    """统计期限 as stated (ISO dates)."""

    start: Optional[str]
    end: Optional[str]


class Report(TypedDict, total=False):
    """One 政府信息公开工作年度报告 in the Report JSON contract; blank cells are None."""

    format: Optional[Literal["2021", "2019", "pre2019"]]
    year: Optional[int]
    title: Optional[str]
    organ: Optional[str]
    organ_kind: Optional[Literal["department", "government"]]
    index_no: Optional[str]
    period: Optional[Period]
    published: Optional[str]
    sections: Optional[Mapping[str, str]]
    headings: Optional[Mapping[str, Optional[str]]]
    proactive: Optional[Mapping[str, Mapping[str, Any]]]
    requests: Optional[Mapping[str, Optional[Mapping[str, Optional[int]]]]]
    review_litigation: Optional[Mapping[str, Optional[Mapping[str, Optional[int]]]]]


class ApplicationState(TypedDict):
    """An application's state after its events."""

    id: str
    state: Literal["received", "awaiting_correction", "consulting", "awaiting_fee", "awaiting_reasons", "closed"]
    outcome: Optional[str]
    rules: Literal["2007", "2019"]
    due: Optional[str]
    explanation: List[Mapping[str, Any]]
    findings: List[Finding]
