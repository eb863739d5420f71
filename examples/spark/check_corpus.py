"""Check a corpus of annual reports with zfxxgk inside PySpark and write the findings as Parquet.

    python examples/spark/check_corpus.py OUTPUT_DIR FILE_OR_DIR...

One row per finding: file, code, severity, section, row, column, expected, found (as JSON text:
numbers or dates), message, message_en; a file that cannot be read gives one row with `error`
set (its stable code) and the finding columns null. Files are distributed as paths; each Spark
task reads its files and checks a whole batch with ``zfxxgk.check_many`` (all cores of the
executor, the GIL released).
"""

from __future__ import annotations

import json
import os
import pathlib
import sys
from typing import Iterator, List

import pandas as pd

REPORT_SUFFIXES = {".json", ".txt", ".html", ".htm", ".md"}

COLUMNS = ["file", "code", "severity", "section", "row", "column", "expected", "found", "message", "message_en", "error"]
SCHEMA = ", ".join(f"{c} string" for c in COLUMNS)


def report_files(paths: List[str]) -> List[str]:
    """Files as given; directories walked in sorted order for report files (as ``zfxxgk check``)."""
    out = []
    for p in map(pathlib.Path, paths):
        if p.is_dir():
            out.extend(str(f) for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES)
        else:
            out.append(str(p))
    return out


def _json_text(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _rows(file: str, findings: list) -> list:
    rows = []
    for f in findings:
        loc = f.get("location") or {}
        rows.append({
            "file": file, "code": f["code"], "severity": f["severity"],
            "section": loc.get("section"), "row": loc.get("row"), "column": loc.get("column"),
            "expected": _json_text(f.get("expected")), "found": _json_text(f.get("found")),
            "message": f["message"], "message_en": f["message_en"], "error": None,
        })
    return rows


def check_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas body: a batch of paths → a batch of finding rows."""
    import zfxxgk  # imported on the executor

    for batch in batches:
        files = list(batch["file"])
        texts, readable, rows = [], [], []
        for f in files:
            try:
                texts.append(pathlib.Path(f).read_text(encoding="utf-8-sig"))
                readable.append(f)
            except (OSError, UnicodeDecodeError) as e:
                rows.append({**dict.fromkeys(COLUMNS), "file": f, "error": "input.unreadable", "message_en": str(e)})
        try:
            results = list(zip(readable, zfxxgk.check_many(texts)))
        except zfxxgk.ZfxxgkError:
            # One report cannot be checked: check them one by one to keep the others' findings.
            results = []
            for f, t in zip(readable, texts):
                try:
                    results.append((f, zfxxgk.check_report(t)))
                except zfxxgk.ZfxxgkError as e:
                    rows.append({**dict.fromkeys(COLUMNS), "file": f, "error": e.code, "message": e.message})
        for f, findings in results:
            rows.extend(_rows(f, findings))
        yield pd.DataFrame(rows, columns=COLUMNS)


def main(argv: List[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    output, inputs = argv[1], argv[2:]
    files = report_files(inputs)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(os.environ.get("SPARK_MASTER", "local[2]"))
        .appName("zfxxgk-check")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        paths = spark.createDataFrame([(f,) for f in files], "file string").repartition(2)
        findings = paths.mapInPandas(check_batches, schema=SCHEMA)
        findings.write.mode("overwrite").parquet(output)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
