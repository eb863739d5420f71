"""Check every report of a folder and print a summary table of the findings.

    python examples/python/summary.py examples/reports

Needs `pip install ./bindings-python pandas`.
"""

import pathlib
import sys

import zfxxgk


def main(folder: str) -> None:
    paths = sorted(pathlib.Path(folder).rglob("*.json"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    findings = zfxxgk.check_many(texts)  # every core, results in input order
    frame = zfxxgk.to_frame(findings)
    frame["file"] = [paths[i].name for i in frame["report"]]
    print(f"{len(paths)} reports, {len(frame)} findings\n")
    summary = frame.pivot_table(index="file", columns="severity", values="code", aggfunc="count", fill_value=0)
    print(summary.to_string())
    print()
    print(frame.groupby(["code", "severity"]).size().rename("count").sort_values(ascending=False).to_string())


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "examples/reports")
