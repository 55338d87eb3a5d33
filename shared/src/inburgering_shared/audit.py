"""The audit trail every service keeps: who read or changed which dossier, when, on whose behalf.

In the style of the ZGW audittrail (docs/authorisation.md, architecture principle 7).
`AuditMiddleware` records one row per dossier for every request under /v1 —
reads as well as writes, refusals as well as successes — in the request's own
transaction (`db.RequestTransaction`), which it commits before the response
leaves the service: the change and its audit rows are kept together or not at
all, and if they cannot be stored the caller gets 503 and no data (no access
without an account of it). A request that fails with a server error keeps only
its audit rows.

What a row holds: the calling system (`client_id`) and person (`user_id`,
`user_representation`) from the token, the gemeenten it acts for (`namens`),
the action, the HTTP result, the resource path and the dossier (`hoofd_object`,
the inburgeraar's URL) with its gemeente. The dossier is read from the answer
(an `inburgeraar` field, or a resource under /inburgeraars/) or from the path.
Never stored: query strings, bodies, the BSN. BSNs are not in our URLs
(ADR /core/transport/no-sensitive-uris) and any 11-proef number in the free-text
reason (`X-Audit-Toelichting`) is masked.

`audit_table(metadata)` adds the table to a service's metadata (its migrations
create it); `audit_router` serves `GET /v1/audittrail?hoofdObject=...` per service.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import anyio
from sqlalchemy import Column, Index, Integer, MetaData, String, Table, insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .auth import Principal
from .bsn import mask_bsns
from .db import RequestTransaction, UTCDateTime, Uuid, begin_request, new_uuid, utcnow
from .headers import correlation_id
from .openapi import API_PREFIX
from .problems import ServiceUnavailable, problem_response

AUDIT_HEADER = "X-Audit-Toelichting"
ACTIONS = {
    "GET": "lezen",
    "HEAD": "lezen",
    "POST": "aanmaken",
    "PUT": "vervangen",
    "PATCH": "wijzigen",
    "DELETE": "verwijderen",
}
_NOT_AUDITED = (API_PREFIX + "/openapi.json", API_PREFIX + "/docs")
_DOSSIER_PATH = re.compile(r"^/inburgeraars/[0-9a-fA-F-]{36}$")


def audit_table(metadata: MetaData) -> Table:
    return Table(
        "audittrail",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("aanmaakdatum", UTCDateTime, nullable=False),
        Column("bron", String(40), nullable=False),
        Column("applicatie_id", String(200), nullable=False),
        Column("gebruikers_id", String(200), nullable=False),
        Column("gebruikers_weergave", String(200), nullable=False),
        Column("namens", String(200), nullable=False),
        Column("actie", String(20), nullable=False),
        Column("resultaat", Integer, nullable=False),
        Column("resource_url", String(500), nullable=False),
        Column("hoofd_object", String(500)),
        Column("gemeentecode", String(6)),
        Column("toelichting", String(500), nullable=False),
        Column("correlatie_id", String(64), nullable=False),
        Index("ix_audittrail_hoofd_object", "hoofd_object", "aanmaakdatum"),
        Index("ix_audittrail_aanmaakdatum", "aanmaakdatum"),
    )


# The same table for queries; each service adds its own copy to its metadata for migrations.
AUDITTRAIL = audit_table(MetaData())


@dataclass(frozen=True)
class Dossier:
    url: str | None
    gemeentecode: str | None


def dossiers_in(document: Any, api_url: str, path: str) -> list[Dossier]:
    """The dossiers an answer is about: its items' `inburgeraar`, an inburgeraar itself, or the path's."""
    items = document.get("results", [document]) if isinstance(document, dict) else document
    found: dict[str | None, Dossier] = {}
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        url = item.get("inburgeraar")
        if not isinstance(url, str) and "/inburgeraars/" in str(item.get("url", "")):
            url = item["url"]
        if isinstance(url, str):
            gemeente = item.get("gemeentecode")
            found.setdefault(url, Dossier(url, gemeente if isinstance(gemeente, str) else None))
    if not found and _DOSSIER_PATH.match(path):
        found[None] = Dossier(api_url + path, None)
    return list(found.values()) or [Dossier(None, None)]


class AuditMiddleware:
    """Records every /v1 request in the request's own transaction and commits it (see the module docs)."""

    def __init__(self, app: ASGIApp, *, source: str) -> None:
        self.app = app
        self.source = source

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(API_PREFIX + "/") or path.startswith(_NOT_AUDITED):
            await self.app(scope, receive, send)
            return
        transaction = begin_request(scope, scope["app"].state.session_factory)
        messages: list[Message] = []

        async def keep(message: Message) -> None:
            messages.append(message)

        try:
            try:
                await self.app(scope, receive, keep)
            except Exception:
                await anyio.to_thread.run_sync(self._commit, transaction, scope, 500, b"")
                raise
            body = b"".join(m.get("body", b"") for m in messages[1:])
            try:
                await anyio.to_thread.run_sync(self._commit, transaction, scope, messages[0]["status"], body)
            except SQLAlchemyError:
                await _unavailable(scope, receive, send)
                return
        finally:
            await anyio.to_thread.run_sync(transaction.close)
        for message in messages:
            await send(message)

    def _commit(self, transaction: RequestTransaction, scope: Scope, status: int, body: bytes) -> None:
        """Commit the request with its audit rows; of a server error only the rows are kept."""
        rows = self._rows(scope, status, body)
        transaction.before_commit(lambda session: _insert(session, rows))
        transaction.commit(keep_changes=status < 500)

    def _rows(self, scope: Scope, status: int, body: bytes) -> list[dict[str, Any]]:
        principal: Principal | None = scope.get("state", {}).get("principal")
        api_prefix_path = scope["path"].removeprefix(API_PREFIX)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        return [
            {
                "id": new_uuid(),
                "aanmaakdatum": utcnow(),
                "bron": self.source,
                "applicatie_id": principal.client_id if principal else "",
                "gebruikers_id": principal.user_id if principal else "",
                "gebruikers_weergave": principal.user_representation if principal else "",
                "namens": ",".join(sorted(principal.gemeenten))[:200] if principal else "",
                "actie": ACTIONS.get(scope["method"], scope["method"].lower()),
                "resultaat": status,
                "resource_url": scope["path"][:500],
                "hoofd_object": dossier.url,
                "gemeentecode": dossier.gemeentecode,
                "toelichting": mask_bsns(headers.get(AUDIT_HEADER.lower(), ""))[:500],
                "correlatie_id": correlation_id.get()[:64],
            }
            for dossier in dossiers_in(_json(body), scope["app"].state.settings.api_url, api_prefix_path)
        ]


def _insert(session: Session, rows: list[dict[str, Any]]) -> None:
    session.execute(insert(AUDITTRAIL), rows)


def _json(body: bytes) -> Any:
    try:
        return json.loads(body) if body[:1] in (b"{", b"[") else None
    except ValueError:
        return None


async def _unavailable(scope: Scope, receive: Receive, send: Send) -> None:
    response = problem_response(
        Request(scope),
        503,
        code=ServiceUnavailable.code,
        title=ServiceUnavailable.title,
        detail="De toegang kon niet worden vastgelegd; probeer het later opnieuw.",
        headers={"Retry-After": "5"},
    )
    await response(scope, receive, send)
