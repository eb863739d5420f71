"""Where check_many's time goes on report dicts. The JSON path (before): encoding the dicts to JSON
(json.dumps with keyword arguments per call; a prebuilt JSONEncoder; written in Rust), the core
(decode, check, encode findings, on every core) and decoding the findings (json.loads). Now:
check_many reads the dicts straight into reports and builds the findings in Rust
(_zfxxgk.check_many_findings), no JSON text either way.

    bench/.venv/bin/python bench/conversion.py
"""

import glob
import json
import os
import pathlib
import statistics
import time

import zfxxgk
from zfxxgk import _zfxxgk

CORPUS = pathlib.Path(os.environ.get("ZFXXGK_CORPUS", pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus"))
RUNS = 15


def ms(fn):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


texts = [pathlib.Path(f).read_text(encoding="utf-8") for f in sorted(glob.glob(str(CORPUS / "dev" / "reports" / "*")))]
full = [r for r in zfxxgk.parse_many(texts) if "requests" in r] * 40
tables = [{k: r[k] for k in ("format", "year", "requests", "review_litigation") if k in r} for r in full]
_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode


def encoder(obj, _index):
    """The fallback encoder the binding calls with (item, index)."""
    return _encode(obj)
print(f"{len(full)} reports, median of {RUNS} runs (ms)\n")
print("| reports | json.dumps(…, kwargs) | prebuilt JSONEncoder | written in Rust | core (check_many_json) | json.loads findings "
      "| JSON path total | check_many now (no JSON) |")
print("|---|---|---|---|---|---|---|---|")
for name, batch in (("full report dicts", full), ("tables 三 四 only", tables)):
    encoded = [_encode(r) for r in batch]
    dumps = ms(lambda: [json.dumps(r, ensure_ascii=False, allow_nan=False) for r in batch])
    prebuilt = ms(lambda: [_encode(r) for r in batch])
    rust = ms(lambda: _zfxxgk.check_many_objects(batch, encoder)) - ms(lambda: _zfxxgk.check_many_objects(encoded, encoder))
    core = ms(lambda: _zfxxgk.check_many_json(encoded))
    results = _zfxxgk.check_many_json(encoded)
    loads = ms(lambda: [json.loads(v) for v, _, _ in results])
    json_path = ms(lambda: [json.loads(v) for v, _, _ in _zfxxgk.check_many_objects(batch, encoder)])
    total = ms(lambda: zfxxgk.check_many(batch))
    print(f"| {name} | {dumps:.1f} | {prebuilt:.1f} | {rust:.1f} | {core:.1f} | {loads:.1f} | {json_path:.1f} | {total:.1f} |")
