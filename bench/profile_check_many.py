"""Runs one batch call N times, for profilers: instruction counts per report come from the
difference between a run of N batches and a run of none (process start and corpus parsing cancel).

    bench/.venv/bin/python bench/profile_check_many.py MODE N

MODE: ``tables`` (check_many on the dev corpus's reports with tables, cut to tables 三 四, ×40),
``full`` (the full report dicts), ``full-tables`` (the same with ``rules=["table3", "table4"]``),
``peer`` (bench/plain_rules.py on the table dicts). For instance (BENCHMARKS.md, "Profiles"):

    for n in 4 0; do RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file=cg.$n \\
        bench/.venv/bin/python bench/profile_check_many.py tables $n; done
    # (Ir of cg.4 − Ir of cg.0) / 4 / 1040 = instructions a report
"""

import pathlib
import sys

import zfxxgk

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import peers  # noqa: E402
import plain_rules  # noqa: E402


def main():
    mode, runs = sys.argv[1], int(sys.argv[2])
    _, reports = peers.corpus_reports()
    batch = reports * 40
    tables = [{k: r[k] for k in ("format", "year", "requests", "review_litigation") if k in r} for r in batch]
    call = {
        "tables": lambda: zfxxgk.check_many(tables),
        "full": lambda: zfxxgk.check_many(batch),
        "full-tables": lambda: zfxxgk.check_many(batch, rules=["table3", "table4"]),
        "peer": lambda: plain_rules.check_many(tables),
    }[mode]
    for _ in range(runs):
        call()
    print(f"{mode}: {runs} batches of {len(batch)} reports")


if __name__ == "__main__":
    main()
