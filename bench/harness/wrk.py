"""`wrk` as the load generator: the calls written to a file, replayed by wrk.lua, its report parsed.

wrk (Debian package `wrk`) is an event-driven C program: one thread keeps 50
connections busy at a few percent of a core, where the Python generator needs
a whole one. `make bench` installs it when it can; without it the harness falls
back to the Python generator and says so.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .scenario import PERCENTILES, Call, Outcome

SCRIPT = Path(__file__).with_name("wrk.lua")
HEADER_SEPARATOR = "\x1f"


def executable() -> str | None:
    return shutil.which("wrk")


def request_line(call: Call) -> str:
    """One call as a line of the request file wrk.lua reads (path relative to the base URL)."""
    parts = urlsplit(call.url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = dict(call.headers)
    body = ""
    if call.json is not None:
        body = json.dumps(call.json, separators=(",", ":"))
        headers["Content-Type"] = "application/json"
    fields = [call.method, path, HEADER_SEPARATOR.join(f"{k}: {v}" for k, v in headers.items()), body]
    if any(c in "\t\n" for c in fields[2] + body):
        raise ValueError(f"a call to {path} has a tab or newline in a header or its body")
    return "\t".join(fields)


def parse_report(text: str) -> dict[str, str]:
    """The `key<tab>value` lines wrk.lua's done() writes."""
    return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)


def run(scenario: str, calls: list[Call], cycle: bool, *, clients: int, seconds: float) -> Outcome:
    expected = {call.expect for call in calls}
    if len(expected) != 1:
        raise ValueError(f"{scenario}: wrk.lua checks one expected status per scenario, not {expected}")
    base = urlsplit(calls[0].url)
    with tempfile.NamedTemporaryFile("w", suffix=".requests", delete=True) as requests:
        requests.writelines(request_line(call) + "\n" for call in calls)
        requests.flush()
        command = [
            str(executable()),
            "--threads", "1",
            "--connections", str(clients),
            "--duration", f"{max(1, round(seconds))}s",
            "--timeout", "60s",
            "--script", str(SCRIPT),
            f"{base.scheme}://{base.netloc}",
            "--", requests.name, str(expected.pop()), "cycle" if cycle else "once",
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=True)
    report = parse_report(result.stdout)
    return Outcome(
        scenario,
        int(report["requests"]),
        int(report["errors"]),
        float(report["seconds"]),
        {p: float(report[f"p{p}"]) for p in PERCENTILES},
        report.get("first_error", "").strip(),
        "wrk",
    )
