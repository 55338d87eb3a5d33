"""Where a service spends its time under load: py-spy samples, summarised by package (inclusive share).

`bench/run.py --profile` records the service each scenario loads while it runs
(py-spy, a sampling profiler that attaches to a running process; it
needs ptrace rights, which root has) and writes, per scenario, the raw stacks
and a summary: the share of samples in which each package appears (a stack
counts for every package on it) and the hottest leaf functions.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

# A frame reads "function (package/module.py:line)"; the first path segment names the package.
PACKAGE = re.compile(r"\(([A-Za-z_]\w*)/")


def start(pid: int, seconds: float, output: Path) -> subprocess.Popen[bytes] | None:
    beside_python = Path(sys.executable).parent / "py-spy"  # installed in the venv by requirements-dev.txt
    py_spy = str(beside_python) if beside_python.exists() else shutil.which("py-spy")
    if py_spy is None:
        return None
    return subprocess.Popen(
        [
            py_spy,
            "record",
            "--pid",
            str(pid),
            "--duration",
            str(int(seconds) + 1),
            "--rate",
            "200",
            "--format",
            "raw",
            "--output",
            str(output),
            "--nonblocking",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def summarise(raw: Path, top: int = 12) -> str:
    """Inclusive share per package and the hottest leaf frames of a py-spy raw (collapsed) file."""
    packages: Counter[str] = Counter()
    leaves: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not count_text.isdigit():
            continue
        count = int(count_text)
        total += count
        frames = stack.split(";")
        for package in {m.group(1) for frame in frames if (m := PACKAGE.search(frame))}:
            packages[package] += count
        leaves[frames[-1]] += count
    if not total:
        return "no samples\n"
    lines = [f"{total} samples", "", "inclusive share by package:"]
    lines += [f"  {100 * n / total:5.1f}%  {name}" for name, n in packages.most_common(top)]
    lines += ["", "hottest leaf frames (self time):"]
    lines += [f"  {100 * n / total:5.1f}%  {name}" for name, n in leaves.most_common(top)]
    return "\n".join(lines) + "\n"
