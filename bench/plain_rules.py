"""Table 三 and 四 rules in plain Python, the peer of ``zfxxgk.check_many`` in bench/peers.py.

Written as one would for production use: the same findings as the Rust rules for tables 三 and
四 (row totals, handled totals, the 勾稽 balance, blank cells, missing rows, layout mixing, group
totals), with bilingual messages, on report dicts. It is not part of the package.
"""

APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other")
COLUMNS = APPLICANTS + ("total",)
RESULTS_2021 = (
    "granted", "partially_granted", "denied_state_secret", "denied_prohibited", "denied_security",
    "denied_third_party", "denied_internal", "denied_process", "denied_enforcement", "denied_query",
    "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear", "rejected_petition",
    "rejected_repeat", "rejected_publication", "rejected_excessive", "rejected_confirmation",
    "other_no_correction", "other_fee_unpaid", "other_misc",
)
OTHER_2021 = ("other_no_correction", "other_fee_unpaid", "other_misc")
RESULTS_2019 = tuple(r for r in RESULTS_2021 if r not in OTHER_2021) + ("other",)
ROWS_2021 = ("received", "carried_in") + RESULTS_2021 + ("total_handled", "carried_over")
ROWS_2019 = ("received", "carried_in") + RESULTS_2019 + ("total_handled", "carried_over")
GROUPS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_COLUMNS = ("upheld", "corrected", "other", "pending", "total")


def _finding(code, severity, message, message_en, section, row, column, expected=None, found=None):
    f = {"code": code, "severity": severity, "message": message, "message_en": message_en,
         "location": {"section": section, "row": row, "column": column}}
    if expected is not None:
        f["expected"] = expected
        f["found"] = found
    return f


def _sum(values):
    total = 0
    for v in values:
        if v is None:
            return None
        total += v
    return total


def check_tables(report):
    """Findings of tables 三 and 四 of one report dict."""
    out = []
    fmt = report.get("format") or ("2019" if report.get("year") in (2019, 2020) else "2021")
    if fmt == "pre2019":
        return out
    req = report.get("requests")
    if req is not None:
        rows = ROWS_2021 if fmt == "2021" else ROWS_2019
        results = RESULTS_2021 if fmt == "2021" else RESULTS_2019
        other_rows = ("other",) if fmt == "2021" else OTHER_2021
        mixed = [r for r in other_rows if r in req]
        if mixed:
            out.append(_finding("table3.layout_mixed", "warning", f"表三使用了另一格式的行：{'、'.join(mixed)}",
                                f"table 三 uses rows of the other layout: {', '.join(mixed)}", "requests", mixed[0], None))
            results = tuple(r for r in results if r not in (OTHER_2021 if fmt == "2021" else ("other",))) + tuple(mixed)
        for row in rows:
            if row not in req and not (mixed and row in (OTHER_2021 if fmt == "2021" else ("other",))):
                out.append(_finding("table3.missing_row", "error", f"表三缺少“{row}”行", f"table 三: row {row} is absent",
                                    "requests", row, None))
        cell = lambda row, col: (req.get(row) or {}).get(col)
        for row in rows + tuple(mixed):
            if row in req:
                for col in COLUMNS:
                    if req[row].get(col) is None:
                        out.append(_finding("table3.blank_cell", "warning", f"表三“{row}”行“{col}”列空白",
                                            f"table 三, row {row}, column {col}: the cell is blank", "requests", row, col))
        for row in rows:
            if row in req:
                parts = _sum(req[row].get(c) for c in APPLICANTS)
                total = req[row].get("total")
                if parts is not None and total is not None and parts != total:
                    out.append(_finding("table3.row_total", "error", f"表三“{row}”行各列之和为 {parts}，总计为 {total}",
                                        f"table 三, row {row}: the columns add up to {parts}, the total says {total}",
                                        "requests", row, "total", parts, total))
        for col in COLUMNS:
            handled = cell("total_handled", col)
            parts = _sum(cell(r, col) for r in results)
            if parts is not None and handled is not None and parts != handled:
                out.append(_finding("table3.handled_total", "error", f"表三“{col}”列办理结果之和为 {parts}，总计为 {handled}",
                                    f"table 三, column {col}: the results add up to {parts}, total_handled says {handled}",
                                    "requests", "total_handled", col, parts, handled))
        for col in COLUMNS:
            a, b = cell("received", col), cell("carried_in", col)
            c, d = cell("total_handled", col), cell("carried_over", col)
            if None not in (a, b, c, d) and a + b != c + d:
                out.append(_finding("table3.balance", "error", f"表三“{col}”列：新收 {a} + 上年结转 {b} ≠ 办理 {c} + 结转 {d}",
                                    f"table 三, column {col}: received {a} + carried_in {b} ≠ total_handled {c} + carried_over {d}",
                                    "requests", "received", col, c + d, a + b))
    rl = report.get("review_litigation")
    if rl is not None:
        for g in GROUPS:
            group = rl.get(g) or {}
            for col in REVIEW_COLUMNS:
                if group.get(col) is None:
                    out.append(_finding("table4.blank_cell", "warning", f"表四“{g}”组“{col}”列空白",
                                        f"table 四, group {g}, column {col}: the cell is blank", "review_litigation", g, col))
        for g in GROUPS:
            group = rl.get(g) or {}
            parts = _sum(group.get(c) for c in REVIEW_COLUMNS[:4])
            total = group.get("total")
            if parts is not None and total is not None and parts != total:
                out.append(_finding("table4.group_total", "error", f"表四“{g}”：四项之和为 {parts}，总计为 {total}",
                                    f"table 四, {g}: upheld + corrected + other + pending = {parts}, the total says {total}",
                                    "review_litigation", g, "total", parts, total))
    return out


def check_many(reports):
    return [check_tables(r) for r in reports]
