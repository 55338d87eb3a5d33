"""The authorisation matrix (docs/authorisation.md) as data: who may call which endpoint.

The page holds one markdown table per service (`### <service>`), a row per
endpoint (`` `METHOD /path` ``) and a column per role; `ja` allows, `-` refuses,
`pkio` marks an endpoint authenticated by certificate instead of a bearer token.
The matrix test reads it with `read_matrix`; `python -m inburgering_shared.authorisation_matrix`
prints which roles may call what.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .auth import Role

ALLOWED, REFUSED, CERTIFICATE = "ja", "-", "pkio"
COLUMNS = {
    "km": Role.KLANTMANAGER,
    "tl": Role.TEAMLEIDER,
    "rg": Role.REGISSEUR,
    "bl": Role.BELEID,
    "coa": Role.COA,
    "vw": Role.VLUCHTELINGENWERK,
    "ta": Role.TAALAANBIEDER,
    "duo": Role.DUO,
    "sch": Role.SCHEDULER,
    "bh": Role.BEHEER,
    "svc": Role.SERVICE,
}
_HEADING = re.compile(r"^###\s+(\S+)\s*$")
_ROW = re.compile(r"^\|\s*`([A-Z]+) (/\S*)`\s*\|(.*)\|\s*$")


@dataclass(frozen=True)
class Entry:
    service: str
    method: str
    path: str
    cells: dict[Role, str]

    @property
    def operation(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def by_certificate(self) -> bool:
        return all(cell == CERTIFICATE for cell in self.cells.values())

    def allows(self, role: Role) -> bool:
        return self.cells[role] == ALLOWED


class MatrixError(ValueError):
    pass


def read_matrix(page: Path) -> dict[str, dict[str, Entry]]:
    """{service: {"METHOD /path": Entry}} from the markdown page."""
    matrix: dict[str, dict[str, Entry]] = {}
    service: str | None = None
    columns: list[Role] = []
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if heading := _HEADING.match(line):
            service, columns = heading.group(1), []
            matrix.setdefault(service, {})
        elif service and line.startswith("| endpoint |"):
            columns = [COLUMNS[name.strip()] for name in line.strip().strip("|").split("|")[1:]]
        elif service and (row := _ROW.match(line)):
            cells = [cell.strip() for cell in row.group(3).split("|")]
            if len(cells) != len(columns) or not set(cells) <= {ALLOWED, REFUSED, CERTIFICATE}:
                raise MatrixError(f"{page}:{number}: one of ja, - or pkio per role column")
            entry = Entry(service, row.group(1), row.group(2), dict(zip(columns, cells, strict=True)))
            if entry.operation in matrix[service]:
                raise MatrixError(f"{page}:{number}: {entry.operation} twice for {service}")
            matrix[service][entry.operation] = entry
    return matrix


def main(page: str = "docs/authorisation.md") -> None:
    for service, entries in read_matrix(Path(page)).items():
        for entry in entries.values():
            roles = [str(role) for role in Role if entry.cells.get(role) == ALLOWED]
            print(f"{service:11} {entry.operation:75} {', '.join(roles) or entry.cells[Role.SERVICE]}")


if __name__ == "__main__":
    main(*sys.argv[1:])
