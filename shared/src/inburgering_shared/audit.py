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

A handler whose answer names its dossiers elsewhere (a bulk handover) lists them
(`name_dossiers`): one row per dossier still.

A hot read audits itself (`audited_read`): its rows and an audit row for each dossier it
answers are read and written together, on PostgreSQL in one statement (the INSERT a
data-modifying CTE of the SELECT), on SQLite in two in one transaction, and committed
before the handler returns, so before any byte of the answer leaves; if the audit row
cannot be written the read gives no rows and the caller 503. The middleware then adds
no row of its own, unless the request still fails with a server error. A list's page and
the audit rows of every dossier on it are built by `audited_page`.

`audit_table(metadata)` adds the table to a service's metadata (its migrations
create it); `audit_router` serves `GET /v1/audittrail?hoofdObject=...` per service.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import anyio
from sqlalchemy import (
    CTE,
    Column,
    ColumnElement,
    CompoundSelect,
    Index,
    Integer,
    MetaData,
    Row,
    Select,
    String,
    Table,
    bindparam,
    func,
    insert,
    literal,
    null,
    select,
    true,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .auth import Principal
from .bsn import mask_bsns
from .bulk_insert import insert_rows
from .db import (
    RandomUuid,
    ReadFailed,
    Reads,
    RequestTransaction,
    UTCDateTime,
    Uuid,
    begin_request,
    new_uuid,
    utcnow,
)
from .headers import correlation_id
from .openapi import API_PREFIX
from .problems import ServiceUnavailable, send_unavailable

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
_AUDIT = "inburgering.audit"
_NOT_RECORDED = "De toegang kon niet worden vastgelegd; probeer het later opnieuw."
log = logging.getLogger(__name__)
_PER_DOSSIER = ("hoofd_object", "gemeentecode", "resultaat")
_AUDIT_PARAMETER = "audit_"


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


class RequestAudit:
    """What the audit rows of one request share: who, what, why; set by the middleware."""

    def __init__(self, scope: Scope, source: str) -> None:
        self.scope = scope
        self.source = source
        self.read_audited = False  # set by `audited_read`: the rows are already written
        self.dossiers: list[Dossier] = []  # set by `name_dossiers`: the answer does not show them

    def values(self) -> dict[str, Any]:
        scope = self.scope
        principal: Principal | None = scope.get("state", {}).get("principal")
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        return {
            "aanmaakdatum": utcnow(),
            "bron": self.source,
            "applicatie_id": principal.client_id if principal else "",
            "gebruikers_id": principal.user_id if principal else "",
            "gebruikers_weergave": principal.user_representation if principal else "",
            "namens": ",".join(sorted(principal.gemeenten))[:200] if principal else "",
            "actie": ACTIONS.get(scope["method"], scope["method"].lower()),
            # The path as sent, percent-encoded: a `%00` in it is text PostgreSQL can store.
            "resource_url": scope.get("raw_path", scope["path"].encode()).decode("latin-1")[:500],
            "toelichting": mask_bsns(headers.get(AUDIT_HEADER.lower(), ""))[:500],
            "correlatie_id": correlation_id.get()[:64],
        }

    def rows(self, status: int, body: bytes) -> list[dict[str, Any]]:
        """The rows of a request the middleware records: one per dossier its answer is about."""
        shared = self.values()
        api_url = self.scope["app"].state.settings.api_url
        path = self.scope["path"].removeprefix(API_PREFIX)
        return [
            {
                **shared,
                "id": new_uuid(),
                "resultaat": status,
                "hoofd_object": dossier.url,
                "gemeentecode": dossier.gemeentecode,
            }
            for dossier in self.dossiers or dossiers_in(_json(body), api_url, path)
        ]


def name_dossiers(request: Request, dossiers: list[Dossier]) -> None:
    """The dossiers a request touched, for an answer that does not show them the usual way
    (`dossiers_in`): a bulk handover's answer names each dossier inside its results."""
    audit: RequestAudit = request.scope[_AUDIT]
    audit.dossiers = dossiers


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
        audit = scope[_AUDIT] = RequestAudit(scope, self.source)
        messages: list[Message] = []

        async def keep(message: Message) -> None:
            messages.append(message)

        try:
            try:
                await self.app(scope, receive, keep)
            except Exception:
                await anyio.to_thread.run_sync(self._commit, transaction, audit.rows(500, b""), False)
                raise
            status = messages[0]["status"]
            # A read that audited itself needs no row here, nor (when it used no session) a thread.
            audited = audit.read_audited and status < 500
            if not (audited and transaction.idle):
                body = b"".join(m.get("body", b"") for m in messages[1:])
                rows = [] if audited else audit.rows(status, body)
                try:
                    await anyio.to_thread.run_sync(self._commit, transaction, rows, status < 500)
                except SQLAlchemyError:
                    await send_unavailable(scope, receive, send, _NOT_RECORDED, retry_after=5)
                    return
        finally:
            if not transaction.idle:
                await anyio.to_thread.run_sync(transaction.close)
        for message in messages:
            await send(message)

    @staticmethod
    def _commit(transaction: RequestTransaction, rows: list[dict[str, Any]], keep_changes: bool) -> None:
        """Commit the request with its audit rows; of a server error only the rows are kept."""
        if rows:
            transaction.before_commit(lambda session: _insert(session, rows))
        transaction.commit(keep_changes=keep_changes)


class AuditedQuery:
    """A hot read and the audit rows it writes, built once: statements with bind parameters.

    `dossiers` selects `hoofd_object`, `gemeentecode` and `resultaat` of each dossier the answer is
    about, from the same CTEs as `query` (so from the same snapshot). Building SQLAlchemy
    constructs per request cost more CPU than running them, so a service builds each shape of
    its reads once (at import, or cached by shape) and passes only the values per request.
    """

    def __init__(self, query: Select[Any], dossiers: Select[Any] | CompoundSelect) -> None:
        per_dossier = dossiers.subquery("gelezen")
        columns = [
            RandomUuid().label("id")
            if column.name == "id"
            else per_dossier.c[column.name]
            if column.name in _PER_DOSSIER
            else bindparam(_AUDIT_PARAMETER + column.name, type_=column.type).label(column.name)
            for column in AUDITTRAIL.c
        ]
        self.insert = insert(AUDITTRAIL).from_select([c.name for c in AUDITTRAIL.c], select(*columns))
        self.query = query
        self.in_one_statement = query.add_cte(self.insert.cte("audit"))


def audited_page(
    matching: CTE,
    hoofd_object: Callable[[CTE], ColumnElement[str]],
    columns: Callable[[CTE], Sequence[ColumnElement[Any]]] = lambda page: (),
    order: Sequence[str] = ("aangemaakt", "id"),
) -> AuditedQuery:
    """A page of the rows of `matching` (bind parameters `offset` and `limit`, in order of the
    columns named by `order`), each row with the count of all (`totaal`) and `columns` of the page,
    one row of NULLs and the count when the page is empty; and what the audit records, as the
    middleware would from the answer (`dossiers_in`): every dossier on the page once (`hoofd_object`
    of the page, not NULL, with its `gemeentecode`), or, when the page names none, one row naming
    none."""
    page = (
        select(matching)
        .order_by(*(matching.c[name] for name in order))
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
        .cte("pagina")
    )
    count = select(func.count()).select_from(matching).scalar_subquery().label("totaal")
    one = select(literal(1).label("een")).subquery("een")
    rows = (
        select(count, page, *columns(page))
        .select_from(one.outerjoin(page, true()))
        .order_by(*(page.c[name] for name in order))
    )
    named = select(hoofd_object(page).label("hoofd_object"), page.c.gemeentecode).subquery("genoemd")
    on_page = (
        select(
            named.c.hoofd_object,
            func.min(named.c.gemeentecode).label("gemeentecode"),
            literal(200).label("resultaat"),
        )
        .where(named.c.hoofd_object.is_not(None))
        .group_by(named.c.hoofd_object)
    )
    nothing = select(null(), null(), literal(200)).where(
        ~select(named.c.hoofd_object).where(named.c.hoofd_object.is_not(None)).exists()
    )
    return AuditedQuery(rows, on_page.union_all(nothing))


async def audited_read(request: Request, read: AuditedQuery, parameters: dict[str, Any]) -> list[Row[Any]]:
    """The rows of `read`, with its audit rows written and committed together; `parameters` the
    values of its bind parameters."""
    audit: RequestAudit = request.scope[_AUDIT]
    values = {_AUDIT_PARAMETER + name: value for name, value in audit.values().items()}
    values.update(parameters)
    reads: Reads = request.app.state.reads
    try:
        rows = await reads.read(read.in_one_statement, (read.insert, read.query), values)
    except ReadFailed as error:  # the statement failed whole: no rows, no audit row
        log.error("audited read failed on %s: %s", request.url.path, type(error.orig).__name__)
        raise ServiceUnavailable(_NOT_RECORDED) from error
    audit.read_audited = True
    return rows


def _insert(session: Session, rows: list[dict[str, Any]]) -> None:
    insert_rows(session, AUDITTRAIL, rows)  # one statement, whatever the number of dossiers


def _json(body: bytes) -> Any:
    try:
        return json.loads(body) if body[:1] in (b"{", b"[") else None
    except ValueError:
        return None
