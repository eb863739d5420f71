"""zfxxgk against its peers, side by side in one process; prints a Markdown table of medians.

    bench/.venv/bin/python bench/peers.py [--runs 7]

Peers: chinesecalendar (working days), a plain-Python implementation of the table 三/四 rules
(bench/plain_rules.py), pandas (year aggregation). Before timing, each pair's answers are compared
on the same inputs, so the speeds are of equal work. See bench/README.md.
"""

import argparse
import datetime as dt
import gc
import glob
import os
import pathlib
import random
import statistics
import sys
import time

import chinese_calendar
import zfxxgk

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import pandas_aggregate  # noqa: E402
import plain_rules  # noqa: E402

CORPUS = pathlib.Path(os.environ.get("ZFXXGK_CORPUS", pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus"))


def timed(fn):
    # Each run starts from a collected heap, so one side does not pay for the other's garbage.
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_time(fn, runs):
    return statistics.median(timed(fn) for _ in range(runs))


def paired(ours, theirs, runs):
    """Both sides timed in alternation, run after run: on a shared machine whose speed drifts,
    each ratio compares two runs made moments apart. Returns the median times and the ratios."""
    t_ours, t_theirs = [], []
    for _ in range(runs):
        t_ours.append(timed(ours))
        t_theirs.append(timed(theirs))
    ratios = sorted(b / a for a, b in zip(t_ours, t_theirs))
    return statistics.median(t_ours), statistics.median(t_theirs), ratios


def working_days(runs):
    rng = random.Random(1)
    pairs = [(dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(0, 15 * 365)), rng.randrange(1, 41)) for _ in range(5000)]
    # find_workday(0, d) is d itself when d is a working day, else the next one: day n in zfxxgk's
    # counting (day 1 = the first working day after d) is delta n on a working day, n - 1 otherwise.
    # The delta is worked out before timing, so both sides answer the same question.
    theirs_args = [(n if chinese_calendar.is_workday(d) else n - 1, d) for d, n in pairs]
    ours = [zfxxgk.add_working_days(d, n) for d, n in pairs]
    theirs = [chinese_calendar.find_workday(k, d) for k, d in theirs_args]
    differ = sum(a != b for a, b in zip(ours, theirs))
    add = paired(lambda: [zfxxgk.add_working_days(d, n) for d, n in pairs],
                 lambda: [chinese_calendar.find_workday(k, d) for k, d in theirs_args], runs)
    days = [d for d, _ in pairs]
    is_day = paired(lambda: [zfxxgk.is_working_day(d) for d in days], lambda: [chinese_calendar.is_workday(d) for d in days], runs)
    return [
        ("add_working_days(date, n), n = 1…40 vs chinese_calendar.find_workday(n, date)", len(pairs), add,
         f"{differ} of {len(pairs)} answers differ"),
        ("is_working_day(date) vs chinese_calendar.is_workday(date)", len(days), is_day, ""),
    ]


def corpus_reports():
    texts = [pathlib.Path(f).read_text(encoding="utf-8") for f in sorted(glob.glob(str(CORPUS / "dev" / "reports" / "*")))]
    return texts, [r for r in zfxxgk.parse_many(texts) if "requests" in r]


def table_checks(runs):
    _, reports = corpus_reports()
    batch = reports * 40
    table_codes = ("table3.", "table4.")
    key = lambda f: (f["code"], f["location"].get("row"), f["location"].get("column"))
    ours = [sorted(key(f) for f in fs if f["code"].startswith(table_codes)) for fs in zfxxgk.check_many(reports)]
    theirs = [sorted(key(f) for f in fs) for fs in plain_rules.check_many(reports)]
    agree = sum(a == b for a, b in zip(ours, theirs))
    full = paired(lambda: zfxxgk.check_many(batch), lambda: plain_rules.check_many(batch), runs)
    # The same reports, the same rules on both sides: tables 三 and 四 (the section texts are then
    # checked to be strings, not read).
    rules = ["table3", "table4"]
    assert [sorted(key(f) for f in fs) for fs in zfxxgk.check_many(reports, rules=rules)] == theirs
    same_rules = paired(lambda: zfxxgk.check_many(batch, rules=rules), lambda: plain_rules.check_many(batch), runs)
    single = paired(lambda: [zfxxgk.check_report(r) for r in batch], lambda: plain_rules.check_many(batch), runs)
    note = f"table findings agree on {agree} of {len(reports)} reports; zfxxgk runs every rule family"
    # The same reports with only what the table rules read (no section texts for the narrative rules).
    tables = [{k: r[k] for k in ("format", "year", "requests", "review_litigation") if k in r} for r in batch]
    only_tables = paired(lambda: zfxxgk.check_many(tables), lambda: plain_rules.check_many(tables), runs)
    # From Report JSON text (report files): the peer decodes it with json.loads first.
    import json
    texts = [json.dumps(r, ensure_ascii=False) for r in tables]
    from_json = paired(lambda: zfxxgk.check_many(texts), lambda: [plain_rules.check_tables(json.loads(t)) for t in texts], runs)
    return [
        ("check_many(full report dicts: metadata, sections, tables) vs plain-Python table 三/四 rules", len(batch),
         full, note),
        ("check_many(full report dicts, rules=[\"table3\", \"table4\"]) vs the same: equal work", len(batch),
         same_rules, "the same findings on every report"),
        ("check_report(full report dict) one by one vs the same", len(batch), single, ""),
        ("check_many(report dicts of tables 三 四 only) vs plain-Python table 三/四 rules", len(tables), only_tables, ""),
        ("check_many(Report JSON texts of tables 三 四) vs json.loads + plain-Python table 三/四 rules", len(texts),
         from_json, ""),
    ]


def applications_jsonl(count, year):
    rng = random.Random(2)
    applicants = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other"]
    outcomes = ["granted", "partially_granted", "denied_process", "unavailable_not_held", "rejected_repeat"]
    lines = []
    first = dt.date(year - 1, 11, 1)
    for i in range(count):
        received = first + dt.timedelta(days=rng.randrange(0, 420))
        later = lambda d: (received + dt.timedelta(days=d)).isoformat()
        events = [f'{{"type":"received","at":"{received.isoformat()}","channel":"online","applicant":"{applicants[i % 6]}"}}']
        if i % 10 == 0:
            events.append(f'{{"type":"consultation_started","at":"{later(3)}","party":"third_party"}}')
            events.append(f'{{"type":"consultation_ended","at":"{later(12)}"}}')
        elif i % 10 == 1:
            events.append(f'{{"type":"extended","at":"{later(20)}","days":20}}')
        if i % 13 == 0:
            events.append(f'{{"type":"withdrawn","at":"{later(30)}"}}')
        elif i % 7 != 0:
            events.append(f'{{"type":"replied","at":"{later(25)}","outcome":"{outcomes[i % 5]}","delivery":"online"}}')
        lines.append(f'{{"id":"{i}","events":[{",".join(events)}]}}')
    return "\n".join(lines)


def aggregation(runs):
    year, count = 2025, 200_000
    text = applications_jsonl(count, year)
    ours = zfxxgk.aggregate(text, year)
    theirs = pandas_aggregate.aggregate(text, year)
    differ = 0
    for row, cells in ours.items():
        for col in plain_rules.APPLICANTS:
            differ += cells.get(col) != theirs.get(row, {}).get(col, 0)
    timing = paired(lambda: zfxxgk.aggregate(text, year), lambda: pandas_aggregate.aggregate(text, year), runs)
    return [(f"aggregate(JSON Lines, {year}) vs pandas (read_json, explode, crosstab)", count, timing,
             f"{differ} cells differ; {len(text) / 1e6:.0f} MB of JSON Lines")]


def throughput(runs):
    texts, _ = corpus_reports()
    batch = texts * 20
    size = sum(len(t.encode()) for t in batch)
    t_many = median_time(lambda: zfxxgk.check_many(batch), runs)
    t_one = median_time(lambda: [zfxxgk.check_report(t) for t in batch], runs)
    return size, t_one, t_many


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    runs = ap.parse_args().runs
    print(f"Python {sys.version.split()[0]}, zfxxgk {zfxxgk.__version__}, chinesecalendar {chinese_calendar.__version__}, "
          f"pandas {pandas_aggregate.pd.__version__}, {os.cpu_count()} CPUs, {runs} runs of each side in alternation\n")
    print("| comparison | items | zfxxgk (median) | peer (median) | speed-up: median of the runs' ratios (lowest–highest) | answers |")
    print("|---|---|---|---|---|---|")
    for name, n, (ours, theirs, ratios), note in working_days(runs) + table_checks(runs) + aggregation(runs):
        print(f"| {name} | {n:,} | {ours * 1e3:.1f} ms | {theirs * 1e3:.1f} ms | "
              f"{statistics.median(ratios):.1f}× ({ratios[0]:.1f}–{ratios[-1]:.1f}) | {note} |")
    size, one, many = throughput(runs)
    mb = size / 1e6
    print(f"\nparse + check of published text ({mb:.1f} MB, the dev corpus × 20): "
          f"check_report one by one {mb / one:.1f} MB/s on one core; check_many {mb / many:.1f} MB/s on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
