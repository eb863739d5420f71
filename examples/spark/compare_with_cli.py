"""Checks that the Parquet findings written by check_corpus.py equal ``zfxxgk check --json``.

    python examples/spark/compare_with_cli.py PARQUET_DIR CLI_OUTPUT.jsonl

Each finding of the CLI (per file, in order) must appear exactly once in the Parquet rows of that
file, with the same code, severity, location, numbers and messages; nothing else may be there.
"""

import json
import sys

import pyarrow.parquet as pq


def main(parquet_dir: str, cli_jsonl: str) -> int:
    records = pq.read_table(parquet_dir).to_pylist()
    errors = [r for r in records if r["error"] is not None]
    assert not errors, errors
    got = {}
    for rec in records:
        got.setdefault(rec["file"], []).append(rec)
    want = {}
    with open(cli_jsonl, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            want[obj["file"]] = obj["findings"]
    assert want, "the CLI checked no file"
    for file, findings in want.items():
        rows = got.pop(file, [])
        as_rows = sorted(
            (
                f["code"], f["severity"], f["location"].get("section"), f["location"].get("row"),
                f["location"].get("column"), json.dumps(f.get("expected")), json.dumps(f.get("found")),
                f["message"], f["message_en"],
            )
            for f in findings
        )
        from_parquet = sorted(
            (
                r["code"], r["severity"], r["section"], r["row"], r["column"],
                json.dumps(None if r["expected"] is None else json.loads(r["expected"])),
                json.dumps(None if r["found"] is None else json.loads(r["found"])),
                r["message"], r["message_en"],
            )
            for r in rows
        )
        assert as_rows == from_parquet, f"{file}:\n CLI     {as_rows}\n Parquet {from_parquet}"
    assert not got, f"Parquet rows for files the CLI did not check: {sorted(got)}"
    total = sum(len(f) for f in want.values())
    print(f"{len(want)} files, {total} findings: Parquet = CLI")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
