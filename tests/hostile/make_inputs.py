#!/usr/bin/env python3
"""Writes the pathological inputs of BENCHMARKS.md ("Hostile input") into a directory.

Usage: python3 tests/hostile/make_inputs.py DIR
The same inputs, smaller where size does not matter, are asserted in core/tests/hostile.rs and
cli/tests/hostile.rs; this script only makes the files for timing the release binary.
"""

import pathlib
import sys

HEAD = "某局2022年度政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量"
EVENT = '{"type": "withdrawn", "at": "2025-01-20"}'
MIB = 1024 * 1024

INPUTS = {
    "line-50mb.txt": "1" * (50 * MIB),
    "line-30mb.txt": HEAD + "一二三 4 " * (5 * MIB // 2),
    "brackets.json": "[" * 100_000,
    "objects.json": '{"requests": ' * 100_000 + "}" * 100_000,
    "digits.txt": HEAD + "291000030二、上年结转政府信息公开申请数量" + "1" * 100_000 + "（一）予以公开0000000\n",
    "not-utf8.txt": HEAD.encode() + b" 5 0 \xff\xfe 0\n",
    "nul.txt": HEAD + "\0" * MIB,
    "nested.html": "<html><body>" + "<div><table><tr><td>" * 100_000 + HEAD + "</td></tr></table></div>" * 100_000,
    "tags.html": "<html><body>" + "<b>" * 10_000_000,
    "rows.html": "<html><body><p>" + HEAD + "</p><table>" + "<tr><td>1</td><td>2</td></tr>" * 100_000 + "</table>",
    "rows.md": HEAD + "\n|a|b|c|\n|---|---|---|\n" + "| 1 | 2 | 3 |\n" * 100_000,
    "lines.txt": HEAD + "\n" * 30_000_000,
    "title-fields.txt": "标题:某 " * (30 * MIB // 12),
    "spaced-fields.txt": ("发布机构：" + " " * 200 + "标题:" + " " * 200) * (30 * MIB // 421),
    "events.json": '{"id": "x", "events": [' + ",".join([EVENT] * 10_001) + "]}",
}


def main() -> None:
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, content in INPUTS.items():
        (out / name).write_bytes(content if isinstance(content, bytes) else content.encode())


if __name__ == "__main__":
    main()
