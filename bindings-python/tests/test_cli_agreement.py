"""A folder of published reports read from Python gives exactly the CLI's answers: every file of
the dev corpus through ``check_many`` (and ``to_frame``) against ``zfxxgk check --json``."""

import json
import os
import pathlib
import subprocess

import pytest

import zfxxgk

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = pathlib.Path(os.environ.get("ZFXXGK_CORPUS", ROOT.parent / "shared" / "corpus"))
REPORTS = CORPUS / "dev" / "reports"


def corpus_files():
    if not REPORTS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the corpus is missing under CI: {REPORTS}")
        pytest.skip(f"no corpus at {REPORTS} (set ZFXXGK_CORPUS)")
    return sorted(p for p in REPORTS.iterdir() if p.is_file())


def cli_findings(files):
    """``zfxxgk check --json`` over the files: {file: findings}. Exit 1 means error findings."""
    run = subprocess.run(
        ["cargo", "run", "-q", "-p", "zfxxgk-cli", "--", "check", "--json", *map(str, files)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    return {line["file"]: line["findings"] for line in lines}


def test_check_many_on_a_folder_equals_the_cli():
    files = corpus_files()
    assert len(files) >= 20
    texts = [p.read_text(encoding="utf-8") for p in files]
    from_python = zfxxgk.check_many(texts)
    from_cli = cli_findings(files)
    assert len(from_cli) == len(files)
    for path, findings in zip(files, from_python):
        assert findings == from_cli[str(path)], path.name
    # The DataFrame holds the same findings, one row each, tagged with the report's index.
    frame = zfxxgk.to_frame(from_python)
    assert len(frame) == sum(len(f) for f in from_python)
    assert list(frame["code"]) == [f["code"] for fs in from_python for f in fs]
