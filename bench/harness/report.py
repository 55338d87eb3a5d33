"""Results as rows (the bench/*.py protocol), a printed table, and files in bench-results/."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass
class Row:
    """One figure: the JSON-lines protocol of bench/*.py plus where it came from and its ratio to bare."""

    name: str
    value: float
    unit: str
    target: str | None = None
    met: bool | None = None
    source: str = "run.py"
    ratio: float | None = None

    @classmethod
    def parse(cls, line: str, source: str) -> Row:
        data = json.loads(line)
        return cls(
            str(data["name"]),
            float(data["value"]),
            str(data["unit"]),
            data.get("target"),
            data.get("met"),
            source,
        )


def _number(value: float) -> str:
    if math.isnan(value):
        return "n/a"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"


def table(rows: list[Row]) -> str:
    header = ["figure", "value", "unit", "x bare", "target", "met", "source"]
    body = [
        [
            r.name,
            _number(r.value),
            r.unit,
            f"{r.ratio:.2f}" if r.ratio is not None else "",
            r.target or "",
            {True: "yes", False: "NO", None: ""}[r.met],
            r.source,
        ]
        for r in rows
    ]
    widths = [max(len(str(line[i])) for line in [header, *body]) for i in range(len(header))]
    lines = [
        "| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
        for line in [header, *body]
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def write(rows: list[Row], directory: Path, context: dict[str, object]) -> Path:
    """bench-results/<time>.json and .md, and latest.md; returns the Markdown file."""
    directory.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (directory / f"{stamp}.json").write_text(
        json.dumps({"context": context, "results": [asdict(r) for r in rows]}, indent=2, default=str)
    )
    text = "# make bench " + stamp + "\n\n" + "\n".join(f"- {k}: {v}" for k, v in context.items())
    text += "\n\n" + table(rows) + "\n"
    markdown = directory / f"{stamp}.md"
    markdown.write_text(text)
    (directory / "latest.md").write_text(text)
    return markdown
