#!/usr/bin/env python3
"""Writes the check_report conformance vectors.

Each case is a base report, one deliberate change, and the findings a clerk would expect, stated
by hand below (never produced by running zfxxgk). Run from this directory; it rewrites
check_report/*.json.
"""
import copy
import json
import os

COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other", "total"]


def row(*cells, total=None):
    d = dict(zip(COLS[:6], cells))
    d["total"] = sum(cells) if total is None else total
    return d


ZERO = row(0, 0, 0, 0, 0, 0)
ROWS_2021 = ["received", "carried_in", "granted", "partially_granted", "denied_state_secret",
             "denied_prohibited", "denied_security", "denied_third_party", "denied_internal",
             "denied_process", "denied_enforcement", "denied_query", "unavailable_not_held",
             "unavailable_needs_creation", "unavailable_unclear", "rejected_petition", "rejected_repeat",
             "rejected_publication", "rejected_excessive", "rejected_confirmation",
             "other_no_correction", "other_fee_unpaid", "other_misc", "total_handled", "carried_over"]

# Base 2021 table 三: 13 received + 1 carried in = 13 handled + 1 carried over.
REQ_2021 = {k: copy.deepcopy(ZERO) for k in ROWS_2021}
REQ_2021.update({
    "received": row(10, 2, 0, 0, 1, 0),
    "carried_in": row(1, 0, 0, 0, 0, 0),
    "granted": row(5, 1, 0, 0, 0, 0),
    "partially_granted": row(1, 0, 0, 0, 1, 0),
    "denied_third_party": row(1, 0, 0, 0, 0, 0),
    "unavailable_not_held": row(2, 1, 0, 0, 0, 0),
    "other_misc": row(1, 0, 0, 0, 0, 0),
    "total_handled": row(10, 2, 0, 0, 1, 0),
    "carried_over": row(1, 0, 0, 0, 0, 0),
})


def req_2019():
    req = {}
    for k, v in REQ_2021.items():
        if k in ("other_no_correction", "other_fee_unpaid"):
            continue
        req["other" if k == "other_misc" else k] = copy.deepcopy(v)
    return req


SECTIONS = {
    "overview": "本年度本机关依法推进政府信息公开工作。",
    "proactive": "主动公开情况见下表。",
    "requests": "依申请公开情况见下表。",
    "review_litigation": "行政复议、行政诉讼情况见下表。",
    "problems": "栏目更新不够及时。下一步将建立更新台账，按月核查。",
    "other_matters": "本年度未收取信息处理费。",
}

REVIEW = {
    "review": {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2},
    "litigation_direct": {"upheld": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1},
    "litigation_after_review": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0},
}

BASE_2021 = {
    "format": "2021", "year": 2022, "title": "示例局2022年政府信息公开工作年度报告",
    "organ": "示例局", "organ_kind": "department", "index_no": "SL-2023-001",
    "period": {"start": "2022-01-01", "end": "2022-12-31"}, "published": "2023-01-20",
    "sections": SECTIONS,
    "proactive": {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 2},
        "normative_documents": {"issued": 3, "repealed": 1, "in_force": 8},
        "licensing": {"decisions": 20}, "punishment": {"decisions": 5}, "coercion": {"decisions": 0},
        "fees": {"amount": "1.50"},
    },
    "requests": REQ_2021,
    "review_litigation": REVIEW,
}

BASE_2019 = {
    "format": "2019", "year": 2020, "title": "示例县人民政府2020年政府信息公开工作年度报告",
    "organ": "示例县人民政府", "organ_kind": "government",
    "period": {"start": "2020-01-01", "end": "2020-12-31"}, "published": "2021-03-31",
    "sections": dict(SECTIONS, problems="政府信息公开工作存在的主要问题是公开深度不够，下一步将加强解读。"),
    "proactive": {
        "regulations": {"made": 0, "published": 0, "total_published": 1},
        "normative_documents": {"made": 2, "published": 2, "total_published": 9},
        "licensing": {"last_year": 10, "change": -1, "decisions": 30},
        "other_services": {"last_year": 5, "change": 0, "decisions": 7},
        "punishment": {"last_year": 3, "change": 1, "decisions": 4},
        "coercion": {"last_year": 0, "change": 0, "decisions": 0},
        "fees": {"last_year": 2, "change": 0},
        "procurement": {"projects": 4, "amount": "120.5"},
    },
    "requests": req_2019(),
    "review_litigation": REVIEW,
}


def finding(code, severity, section=None, row=None, column=None, expected=None, found=None, offset=None):
    f = {"code": code, "severity": severity, "location": {}}
    for k, v in (("section", section), ("row", row), ("column", column), ("offset", offset)):
        if v is not None:
            f["location"][k] = v
    if expected is not None:
        f["expected"] = expected
    if found is not None:
        f["found"] = found
    return f


CASES = []


def case(name, description, report, expected, previous=None, rules=None):
    inp = {"report": report}
    if previous is not None:
        inp["previous"] = previous
    if rules is not None:
        inp["rules"] = rules
    CASES.append((name, {"description": description, "input": inp, "expected": expected}))


def error_case(name, description, text, code, path=None):
    err = {"error": code}
    if path is not None:
        err["path"] = path
    CASES.append((name, {"description": description, "input": {"report_json": text}, "expected": err}))


def variant(base, change):
    r = copy.deepcopy(base)
    change(r)
    return r


def setp(path, value):
    def change(r):
        node = r
        keys = path.split(".")
        for k in keys[:-1]:
            node = node[k]
        if value is DELETE:
            del node[keys[-1]]
        else:
            node[keys[-1]] = value
    return change


DELETE = object()


def both(*changes):
    def change(r):
        for c in changes:
            c(r)
    return change


# --- clean reports -------------------------------------------------------------------------
case("clean.2021", "a consistent 2021-layout report: no finding", BASE_2021, [])
case("clean.2019", "a consistent 2019-layout report (本年增/减 −1 is lawful): no finding", BASE_2019, [])
case("clean.minimal", "metadata only: nothing to check, no finding", {"format": "2021", "year": 2022}, [])

# --- table 三 -------------------------------------------------------------------------------
case("table3.row_total.fires", "received total 14 (parts 13) and carried_in total 0 (parts 1); 勾稽 of the total column still holds",
     variant(BASE_2021, both(setp("requests.received.total", 14), setp("requests.carried_in.total", 0))),
     [finding("table3.row_total", "error", "requests", "received", "total", 13, 14),
      finding("table3.row_total", "error", "requests", "carried_in", "total", 1, 0)])
case("table3.row_total.silent", "large consistent counts beyond 32 bits",
     variant(BASE_2021, both(setp("requests.received", row(5_000_000_000, 2, 0, 0, 1, 0)),
                             setp("requests.granted", row(4_999_999_995, 1, 0, 0, 0, 0)),
                             setp("requests.total_handled", row(5_000_000_000, 2, 0, 0, 1, 0)))),
     [])
case("table3.handled_total.fires", "（七）总计 natural_person 9 (results 10), carried over 2 so that 勾稽 holds",
     variant(BASE_2021, both(setp("requests.total_handled", row(9, 2, 0, 0, 1, 0)),
                             setp("requests.carried_over", row(2, 0, 0, 0, 0, 0)))),
     [finding("table3.handled_total", "error", "requests", "total_handled", "natural_person", 10, 9),
      finding("table3.handled_total", "error", "requests", "total_handled", "total", 13, 12)])
case("table3.handled_total.silent.2019", "a 2019 report sums its single （六）其他处理 row", BASE_2019, [])
case("table3.balance.fires", "received natural_person 11 (total 14): 12 in, 11 out",
     variant(BASE_2021, setp("requests.received", row(11, 2, 0, 0, 1, 0))),
     [finding("table3.balance", "error", "requests", "received", "natural_person", 11, 12),
      finding("table3.balance", "error", "requests", "received", "total", 14, 15)])
case("table3.balance.silent", "carried in and carried over both 3 in the commercial column",
     variant(BASE_2021, both(setp("requests.carried_in", row(1, 3, 0, 0, 0, 0)),
                             setp("requests.carried_over", row(1, 3, 0, 0, 0, 0)))),
     [])
case("table3.blank_cell.fires", "granted commercial printed blank: reported; the sums through it are not checked",
     variant(BASE_2021, setp("requests.granted.commercial", None)),
     [finding("table3.blank_cell", "warning", "requests", "granted", "commercial")])
case("table3.blank_cell.absent_key", "a column key left out of a row is a blank cell too",
     variant(BASE_2021, setp("requests.carried_over.research", DELETE)),
     [finding("table3.blank_cell", "warning", "requests", "carried_over", "research")])
case("table3.blank_cell.silent", "zeros printed as 0 are not blank", BASE_2021, [])
case("table3.missing_row.fires", "the 8.属于行政查询事项 row is absent; the handled total is then not checked",
     variant(BASE_2021, setp("requests.denied_query", DELETE)),
     [finding("table3.missing_row", "error", "requests", "denied_query")])
case("table3.missing_row.silent.2019", "a 2019 report has no other_no_correction row to miss", BASE_2019, [])
case("table3.layout_mixed.fires.2021", "a 2021 report printing the single （六）其他处理 row: warned, sums use it, nothing missing",
     variant(BASE_2021, both(setp("requests.other_no_correction", DELETE), setp("requests.other_fee_unpaid", DELETE),
                             setp("requests.other_misc", DELETE), setp("requests.other", row(1, 0, 0, 0, 0, 0)))),
     [finding("table3.layout_mixed", "warning", "requests", "other", None, "2021", "other")])
case("table3.layout_mixed.fires.2019", "a 2019 report printing the three 2021 （六） rows",
     variant(BASE_2019, both(setp("requests.other", DELETE),
                             setp("requests.other_no_correction", copy.deepcopy(ZERO)),
                             setp("requests.other_fee_unpaid", copy.deepcopy(ZERO)),
                             setp("requests.other_misc", row(1, 0, 0, 0, 0, 0)))),
     [finding("table3.layout_mixed", "warning", "requests", "other_no_correction", None, "2019",
              "other_no_correction,other_fee_unpaid,other_misc")])
case("table3.layout_mixed.silent", "each format's own （六） rows", BASE_2021, [])
case("table3.layout_mixed.sums_use_printed_row", "mixed layout with a wrong single （六） row: the handled total uses it",
     variant(BASE_2021, both(setp("requests.other_no_correction", DELETE), setp("requests.other_fee_unpaid", DELETE),
                             setp("requests.other_misc", DELETE), setp("requests.other", copy.deepcopy(ZERO)))),
     [finding("table3.layout_mixed", "warning", "requests", "other", None, "2021", "other"),
      finding("table3.handled_total", "error", "requests", "total_handled", "natural_person", 9, 10),
      finding("table3.handled_total", "error", "requests", "total_handled", "total", 12, 13)])

# --- table 四 -------------------------------------------------------------------------------
case("table4.group_total.fires", "复议 total 3, parts add to 2",
     variant(BASE_2021, setp("review_litigation.review.total", 3)),
     [finding("table4.group_total", "error", "review_litigation", "review", "total", 2, 3)])
case("table4.group_total.silent", "all groups consistent", BASE_2021, [])
case("table4.blank_cell.fires", "复议后起诉 尚未审结 printed blank",
     variant(BASE_2021, setp("review_litigation.litigation_after_review.pending", None)),
     [finding("table4.blank_cell", "warning", "review_litigation", "litigation_after_review", "pending")])
case("table4.blank_cell.silent", "every cell printed", BASE_2021, [])

# --- table 二 -------------------------------------------------------------------------------
case("table2.negative.fires", "行政处罚 decisions −1",
     variant(BASE_2021, setp("proactive.punishment.decisions", -1)),
     [finding("table2.negative", "error", "proactive", "punishment", "decisions", 0, -1)])
case("table2.negative.fires.amount", "a negative fee amount",
     variant(BASE_2021, setp("proactive.fees.amount", "-3.20")),
     [finding("table2.negative", "error", "proactive", "fees", "amount", 0, "-3.20")])
case("table2.negative.silent", "F2019 本年增/减 may be negative", variant(BASE_2019, setp("proactive.punishment.change", -3)), [])
case("table2.in_force_below_net.fires", "3 issued, 0 repealed, but only 2 in force",
     variant(BASE_2021, setp("proactive.normative_documents", {"issued": 3, "repealed": 0, "in_force": 2})),
     [finding("table2.in_force_below_net", "error", "proactive", "normative_documents", "in_force", 3, 2)])
case("table2.in_force_below_net.silent", "more repealed than issued: any in-force count ≥ 0 is possible",
     variant(BASE_2021, setp("proactive.normative_documents", {"issued": 3, "repealed": 5, "in_force": 0})), [])
case("table2.missing_row.fires", "the 行政强制 row is absent",
     variant(BASE_2021, setp("proactive.coercion", DELETE)),
     [finding("table2.missing_row", "warning", "proactive", "coercion")])
case("table2.missing_row.silent", "a 2021 report has no procurement row to miss", BASE_2021, [])

# --- metadata --------------------------------------------------------------------------------
case("meta.period_invalid.fires", "自2022年1月1日至2021年12月31日",
     variant(BASE_2021, setp("period", {"start": "2022-01-01", "end": "2021-12-31"})),
     [finding("meta.period_invalid", "error", row="period", expected="2022-01-01..2022-12-31", found="2022-01-01..2021-12-31")])
case("meta.period_invalid.silent", "the calendar year", BASE_2021, [])
case("meta.published_late.fires", "a department's 2022 report published 2023-02-01",
     variant(BASE_2021, setp("published", "2023-02-01")),
     [finding("meta.published_late", "warning", row="published", expected="2023-01-31", found="2023-02-01")])
case("meta.published_late.silent.government", "a government summary report may be published until 31 March",
     variant(BASE_2019, setp("published", "2021-03-31")), [])
case("meta.published_late.silent.kind_unknown", "body kind unknown: only lateness past 31 March is certain",
     variant(BASE_2021, both(setp("organ_kind", DELETE), setp("organ", "示例区管委会"), setp("published", "2023-02-15"))), [])
case("meta.published_late.fires.kind_from_name", "kind not stated; 示例镇 is a township-level body, so a department: 31 January",
     variant(BASE_2021, both(setp("organ_kind", DELETE), setp("organ", "示例镇"), setp("published", "2023-02-01"))),
     [finding("meta.published_late", "warning", row="published", expected="2023-01-31", found="2023-02-01")])
case("meta.published_late.silent.kind_from_name", "kind not stated; 示例县人民政府 is a government: 31 March",
     variant(BASE_2021, both(setp("organ_kind", DELETE), setp("organ", "示例县人民政府"), setp("published", "2023-03-20"))), [])
case("meta.published_late.fires.government", "a government summary report published 1 April",
     variant(BASE_2019, setp("published", "2021-04-01")),
     [finding("meta.published_late", "warning", row="published", expected="2021-03-31", found="2021-04-01")])
case("meta.format_outdated.fires", "a 2022 report in the 2019 layout",
     variant(BASE_2019, both(setp("year", 2022), setp("title", "示例县人民政府2022年政府信息公开工作年度报告"),
                             setp("period", {"start": "2022-01-01", "end": "2022-12-31"}), setp("published", "2023-03-01"))),
     [finding("meta.format_outdated", "warning", row="format", expected="2021", found="2019")])
case("meta.format_outdated.silent", "a 2020 report in the 2019 layout", BASE_2019, [])
case("meta.year_mismatch.fires", "the title says 2021, the report is for 2022",
     variant(BASE_2021, setp("title", "示例局2021年政府信息公开工作年度报告")),
     [finding("meta.year_mismatch", "warning", row="title", expected="year=2022", found="title=2021")])
case("meta.year_mismatch.silent", "title, year and period agree", BASE_2021, [])

# --- document ------------------------------------------------------------------------------
no_other = dict(SECTIONS)
del no_other["other_matters"]
case("doc.section_missing.fires", "section 六 absent",
     variant(BASE_2021, setp("sections", no_other)),
     [finding("doc.section_missing", "error", "other_matters")])
case("doc.section_missing.silent", "sections 二 三 四 are present through their tables",
     variant(BASE_2021, setp("sections", {k: SECTIONS[k] for k in ("overview", "problems", "other_matters")})), [])
swapped = {k: SECTIONS[k] for k in ("overview", "proactive", "requests", "review_litigation", "other_matters", "problems")}
case("doc.section_order.fires", "六 printed before 五",
     variant(BASE_2021, setp("sections", swapped)),
     [finding("doc.section_order", "warning", "problems",
              expected="overview,proactive,requests,review_litigation,problems,other_matters",
              found="overview,proactive,requests,review_litigation,other_matters,problems")])
case("doc.section_order.fires.misnumbered", "section 五 printed as 六",
     variant(BASE_2021, setp("headings", {"problems": "六、存在的主要问题及改进情况", "other_matters": "六、其他需要报告的事项"})),
     [finding("doc.section_order", "warning", "problems", expected="五", found="六")])
case("doc.section_order.silent", "headings numbered 一 … 六 in order",
     variant(BASE_2021, setp("headings", {"overview": "一、总体情况", "problems": "五、存在的主要问题及改进情况"})), [])
case("doc.pre2019_format.fires", "a 2018 report in the pre-2019 layout, published on time",
     {"format": "pre2019", "year": 2018, "organ": "示例局", "organ_kind": "department", "published": "2019-02-14",
      "sections": {"overview": "2018年本机关信息公开工作概述。"}},
     [finding("doc.pre2019_format", "info")])
case("meta.published_late.fires.pre2019", "R2007: a 2018 report published 1 April 2019",
     {"format": "pre2019", "year": 2018, "organ_kind": "department", "published": "2019-04-01"},
     [finding("doc.pre2019_format", "info"),
      finding("meta.published_late", "warning", row="published", expected="2019-03-31", found="2019-04-01")])
case("doc.pre2019_format.silent", "a 2021-layout report", BASE_2021, [])

# --- across years --------------------------------------------------------------------------
prev = variant(BASE_2021, both(setp("year", 2021), setp("title", "示例局2021年政府信息公开工作年度报告"),
                               setp("period", {"start": "2021-01-01", "end": "2021-12-31"}),
                               setp("published", "2022-01-25"), setp("sections", DELETE),
                               setp("proactive.normative_documents", {"issued": 2, "repealed": 0, "in_force": 6})))
prev_carry2 = variant(prev, setp("requests.carried_over", row(2, 0, 0, 0, 0, 0)))
case("cross_year.carry_mismatch.fires", "last year carried over 2, this year carried in 1",
     BASE_2021,
     [finding("cross_year.carry_mismatch", "error", "requests", "carried_in", "natural_person", 2, 1),
      finding("cross_year.carry_mismatch", "error", "requests", "carried_in", "total", 2, 1)],
     previous=prev_carry2)
case("cross_year.carry_mismatch.silent", "last year's carried_over (1) is this year's carried_in (1)",
     BASE_2021, [], previous=prev)
prev_in_force5 = variant(prev, setp("proactive.normative_documents", {"issued": 1, "repealed": 0, "in_force": 5}))
case("cross_year.in_force_mismatch.fires", "5 in force last year + 3 − 1 = 7, printed 8",
     BASE_2021,
     [finding("cross_year.in_force_mismatch", "warning", "proactive", "normative_documents", "in_force", 7, 8)],
     previous=prev_in_force5)
prev_in_force6 = variant(prev, setp("proactive.normative_documents", {"issued": 1, "repealed": 0, "in_force": 6}))
case("cross_year.in_force_mismatch.silent", "6 in force last year + 3 − 1 = 8",
     BASE_2021, [], previous=prev_in_force6)

PROBLEMS_2021 = ("政府信息公开工作还存在政策解读形式单一、栏目更新不够及时等问题。下一步，本机关将建立栏目更新台账，"
                 "按月核查更新情况，并采用图解、视频等多种形式开展政策解读。")
with_problems = variant(BASE_2021, setp("sections.problems", PROBLEMS_2021))
prev_problems = variant(prev, setp("sections", {"problems": PROBLEMS_2021.replace("按月", "每月")}))
case("cross_year.text_duplicated.fires", "section 五 copied from last year's report with one word changed",
     with_problems,
     [finding("cross_year.text_duplicated", "warning", "problems", expected="<90%", found="97%", offset=0)],
     previous=prev_problems)
prev_other = variant(prev, setp("sections", {"problems": "办理依申请公开的答复文书不够规范，部分答复未载明救济途径。下一步将统一答复文书模板，逐件审核后再出具。"}))
case("cross_year.text_duplicated.silent", "section 五 rewritten since last year", with_problems, [], previous=prev_other)

# --- narrative -----------------------------------------------------------------------------
# BASE_2021: 13 received, 13 handled, 1 carried over, 2 reviews, 1 lawsuit.
case("narrative.count_mismatch.fires", "the overview says 12 applications were received; table 三 says 13",
     variant(BASE_2021, setp("sections.overview", "本年度共收到政府信息公开申请12件，办结13件。")),
     [finding("narrative.count_mismatch", "warning", "overview", "received", "total", 13, 12, offset=3)])
case("narrative.count_mismatch.fires.review", "the overview says 3 reviews; table 四 says 2",
     variant(BASE_2021, setp("sections.overview", "本年度共收到政府信息公开申请13件。被申请行政复议3件，行政诉讼1件。")),
     [finding("narrative.count_mismatch", "warning", "overview", "review", "total", 2, 3, offset=21)])
case("narrative.count_mismatch.silent", "every count stated agrees with the tables",
     variant(BASE_2021, setp("sections.overview",
                             "本年度共收到政府信息公开申请13件，办结13件，结转下年度1件。被申请行政复议2件，行政诉讼1件。")),
     [])
case("narrative.contradiction.fires", "the text says every application was completed; 1 is carried over",
     variant(BASE_2021, setp("sections.overview", "全年收到的申请均已办结。")),
     [finding("narrative.contradiction", "warning", "overview", "carried_over", "total", 0, 1, offset=7)])
case("narrative.contradiction.silent", "the text names the application carried over",
     variant(BASE_2021, setp("sections.overview", "除1件结转下年度外，申请均已办结。")), [])
case("narrative.problems_empty.fires", "section 五 reads only 无",
     variant(BASE_2021, setp("sections.problems", "无。")),
     [finding("narrative.problems_empty", "warning", "problems", offset=0)])
case("narrative.problems_empty.silent", "section 五 states a problem and a remedy, briefly",
     variant(BASE_2021, setp("sections.problems", "暂无重大问题，但栏目更新不够及时，将按月核查。")), [])

# --- bad input -----------------------------------------------------------------------------
base_text = json.dumps(BASE_2021, ensure_ascii=False)
error_case("error.previous_year", "the previous report must be for the year before",
           json.dumps({"format": "2021", "year": 2022}), "input.previous_year_mismatch")
CASES[-1][1]["input"]["previous"] = {"format": "2021", "year": 2020}
error_case("error.malformed", "truncated JSON", base_text[:200], "json.syntax")
error_case("error.unknown_key", "a misspelt column", base_text.replace('"natural_person": 10', '"naturalperson": 10', 1),
           "json.unknown_key", "requests.received.naturalperson")
error_case("error.unknown_row", "an unknown table 三 row", json.dumps({"requests": {"recieved": {}}}),
           "json.unknown_key", "requests.recieved")
error_case("error.wrong_type", "a count written as a string", base_text.replace('"natural_person": 10', '"natural_person": "10"', 1),
           "json.wrong_type", "requests.received.natural_person")
# --- a selection of rules --------------------------------------------------------------------
# One report with findings of three families: section 六 absent (doc), received and carried_in
# totals off (table3 ×2), and the text saying every application was completed while 1 is carried
# over (narrative). Each selection keeps exactly the findings of what it names, in family order.
no_sixth = {k: v for k, v in SECTIONS.items() if k != "other_matters"}
no_sixth["overview"] = "全年收到的申请均已办结。"
THREE_FAMILIES = variant(BASE_2021, both(setp("sections", no_sixth), setp("requests.received.total", 14),
                                         setp("requests.carried_in.total", 0)))
SECTION_MISSING = finding("doc.section_missing", "error", "other_matters")
ROW_TOTALS = [finding("table3.row_total", "error", "requests", "received", "total", 13, 14),
              finding("table3.row_total", "error", "requests", "carried_in", "total", 1, 0)]
CONTRADICTION = finding("narrative.contradiction", "warning", "overview", "carried_over", "total", 0, 1, offset=7)
case("rules.all", "no selection: every family's findings, doc first, then table3, then narrative",
     THREE_FAMILIES, [SECTION_MISSING] + ROW_TOTALS + [CONTRADICTION])
case("rules.every_family_named", "every family named: the same as no selection",
     THREE_FAMILIES, [SECTION_MISSING] + ROW_TOTALS + [CONTRADICTION],
     rules=["parse", "doc", "meta", "table2", "table3", "table4", "narrative", "cross_year"])
case("rules.tables", "tables 三 and 四 only", THREE_FAMILIES, ROW_TOTALS, rules=["table3", "table4"])
case("rules.codes", "one code of doc and one of narrative, named in the other order: family order stays",
     THREE_FAMILIES, [SECTION_MISSING, CONTRADICTION], rules=["narrative.contradiction", "doc.section_missing"])
case("rules.code_not_firing", "table3.balance only: the balance holds, so nothing", THREE_FAMILIES, [],
     rules=["table3.balance"])
case("rules.none", "an empty selection runs no rule", THREE_FAMILIES, [], rules=[])
CASES.append(("rules.unknown", {"description": "table5 is no family", "input": {"report": BASE_2021, "rules": ["table3", "table5"]},
                                "expected": {"error": "input.unknown_rule"}}))
CASES.append(("rules.not_a_report_check", {"description": "app.* codes are not report checks",
                                           "input": {"report": BASE_2021, "rules": ["app.reply_overdue"]},
                                           "expected": {"error": "input.unknown_rule"}}))

error_case("error.negative", "a negative count in table 三", base_text.replace('"natural_person": 10', '"natural_person": -1', 1),
           "json.negative", "requests.received.natural_person")
error_case("error.beyond_u64", "a count beyond u64", base_text.replace('"natural_person": 10', '"natural_person": 18446744073709551616', 1),
           "json.out_of_range", "requests.received.natural_person")
error_case("error.fraction", "a fractional count", json.dumps({"review_litigation": {"review": {"upheld": 1.5}}}),
           "json.wrong_type", "review_litigation.review.upheld")
error_case("error.invalid_date", "30 February", json.dumps({"published": "2023-02-30"}), "json.invalid_value", "published")
error_case("error.amount_number", "money must be a decimal string, not a binary float",
           json.dumps({"proactive": {"fees": {"amount": 12.5}}}), "json.wrong_type", "proactive.fees.amount")
error_case("error.amount_text", "money must be a decimal", json.dumps({"proactive": {"fees": {"amount": "12,5"}}}),
           "json.invalid_value", "proactive.fees.amount")
error_case("error.format", "an unknown format", json.dumps({"format": "2020"}), "json.invalid_value", "format")
error_case("error.duplicate", "a row given twice", '{"requests": {"received": {}, "received": {}}}', "json.duplicate_key", "requests")
error_case("error.not_object", "a report must be an object, not an array", '["2021", 2022]', "json.wrong_type")
error_case("error.period_array", "a period must be an object", json.dumps({"period": ["2022-01-01", "2022-12-31"]}),
           "json.wrong_type", "period")
error_case("error.trailing", "trailing characters after the report", '{"year": 2022} x', "json.syntax")
error_case("error.deep", "100,000 nested brackets: rejected at the first, no deep recursion", "[" * 100000, "json.wrong_type")
error_case("error.deep_value", "deep nesting inside a field", "{\"title\": " + "[" * 100000, "json.wrong_type", "title")
error_case("error.lone_surrogate", "a string escaping a lone surrogate (\\ud800, what JSON.stringify makes of one) is no Unicode text",
           '{"format": "2021", "sections": {"overview": "本年\\ud800共收到申请"}}', "input.not_utf8", "sections.overview")
error_case("error.lone_surrogate_trailing", "a lone trailing surrogate (\\udcff) is no Unicode text either",
           '{"format": "2021", "title": "\\udcff"}', "input.not_utf8", "title")

if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_report")
    for f in os.listdir(out):
        if f.endswith(".json"):
            os.remove(os.path.join(out, f))
    for name, body in CASES:
        with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as fh:
            json.dump(body, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    print(f"{len(CASES)} vectors")
