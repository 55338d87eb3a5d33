"""Contract-shaped doubles of the services the scheduler reads: pip's deadlines and intake's dossiers
(one by one, and many by `uuid` as the scan reads them).

The deadlines endpoint follows the shared `deadline_router` contract (status, gewijzigdNa,
vervaldatumTot, keyset cursor `na`, pageSize, `next`); the real pip and
trajectory answer in the end-to-end test (tests/e2e).
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

PIP = "http://pip.test/v1"
INTAKE = "http://intake.test/v1/inburgeraars"


@dataclass
class Owners:
    deadlines: dict[str, dict[str, Any]] = field(default_factory=dict)
    dossiers: dict[str, dict[str, Any]] = field(default_factory=dict)
    gewijzigd: dict[str, datetime] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    served: list[int] = field(default_factory=list)  # deadlines answered per listing
    down: bool = False

    def dossier(self, *, klantmanager: str | None = "km-1", gemeentecode: str = "GM0171") -> str:
        ident = uuid.uuid4()
        url = f"{INTAKE}/{ident}"
        self.dossiers[url] = {
            "url": url,
            "uuid": str(ident),
            "gemeentecode": gemeentecode,
            "doelgroep": "Asielstatushouder",
            "klantmanager": klantmanager,
        }
        return url

    def deadline(
        self, soort: str, vervaldatum: date, *, inburgeraar: str | None = None, gemeentecode: str = "GM0171"
    ) -> str:
        ident = uuid.uuid4()
        url = f"{PIP}/deadlines/{ident}"
        self.deadlines[url] = {
            "url": url,
            "uuid": str(ident),
            "soort": soort,
            "inburgeraar": inburgeraar or self.dossier(gemeentecode=gemeentecode),
            "gemeentecode": gemeentecode,
            "vervaldatum": vervaldatum.isoformat(),
            "status": "open",
            "regel": "R2: Besluit art. 5.3",
        }
        self.gewijzigd[url] = datetime.now(UTC)
        return url

    def set(self, url: str, **fields: Any) -> None:
        self.deadlines[url].update(
            {k: v.isoformat() if isinstance(v, date) else v for k, v in fields.items()}
        )
        self.gewijzigd[url] = datetime.now(UTC)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(str(request.url))
        if self.down:
            return httpx.Response(503, json={"title": "down"})
        url = str(request.url.copy_with(query=None))
        if url == f"{PIP}/deadlines":
            return httpx.Response(200, json=self._page(request))
        if url == INTAKE:
            return httpx.Response(200, json=self._dossiers(request))
        body = self.deadlines.get(url) or self.dossiers.get(url)
        return (
            httpx.Response(200, json=body) if body else httpx.Response(404, json={"title": "niet gevonden"})
        )

    def _dossiers(self, request: httpx.Request) -> dict[str, Any]:
        """Intake's list filtered by `uuid` (repeated), as the scheduler reads klantmanagers."""
        ids = set(parse_qs(urlsplit(str(request.url)).query).get("uuid", []))
        found = [d for d in self.dossiers.values() if d["uuid"] in ids]
        return {"count": len(found), "next": None, "previous": None, "results": found}

    def _page(self, request: httpx.Request) -> dict[str, Any]:
        query = {k: v[0] for k, v in parse_qs(urlsplit(str(request.url)).query).items()}
        rows = sorted(
            (
                d
                for d in self.deadlines.values()
                if d["status"] == query.get("status", "open")
                and ("vervaldatumTot" not in query or d["vervaldatum"] <= query["vervaldatumTot"])
                and (
                    "gewijzigdNa" not in query
                    or self.gewijzigd[d["url"]] > datetime.fromisoformat(query["gewijzigdNa"])
                )
            ),
            key=lambda d: (d["vervaldatum"], d["uuid"]),
        )
        count = None if "na" in query else len(rows)  # counted on the first page only
        if "na" in query:
            day, ident = query["na"].split("_", 1)
            rows = [d for d in rows if (d["vervaldatum"], d["uuid"]) > (day, ident)]
        size = int(query.get("pageSize", 100))
        page, rest = rows[:size], rows[size:]
        self.served.append(len(page))
        next_url = None
        if rest:
            last = page[-1]
            next_url = f"{PIP}/deadlines?" + urlencode(
                {**query, "na": f"{last['vervaldatum']}_{last['uuid']}"}
            )
        return {"count": count, "next": next_url, "previous": None, "results": page}
