"""`Idempotency-Key` on every POST of every service (draft-ietf-httpapi-idempotency-key-header).

A client that may retry a POST sends a key of its own choosing. The first
request with that key (per calling system) runs and, when it succeeds (2xx), its
answer is stored; a retry with the same key and the same request gets that
answer again, marked `Idempotent-Replayed: true`, and changes nothing. The same
key with another request is refused with 422 (`idempotency-key-hergebruikt`);
while the first is still running a retry gets 409 with Retry-After. A request
that fails (4xx/5xx) changed nothing, so its key is released and may be retried.

The key is reserved in its own transaction before the request runs (so a
concurrent retry sees it), and the answer is stored in the request's own
transaction (`db.RequestTransaction`): the change, its audit rows and the answer
to replay are committed together or not at all. If that commit fails the key is
released at once; if the process dies while the request runs, the reservation
is taken over after `ABANDONED_AFTER` and the request runs again (nothing of
the first attempt was kept). Stored answers are removed by the retention purge after
`KEEP_ANSWERS` (docs/security.md).

The token is verified here before anything is replayed, so an answer is only
ever given back to the system that caused it.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

import anyio
from sqlalchemy import (
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .auth import decode_token
from .db import JsonDocument, UTCDateTime, request_transaction, utcnow
from .openapi import API_PREFIX
from .problems import DomainError, InvalidInput, InvalidParam, ServiceUnavailable, problem_response

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
ABANDONED_AFTER = timedelta(minutes=5)
KEEP_ANSWERS = timedelta(hours=24)
_STORED_HEADERS = (b"content-type", b"location", b"etag")


def idempotency_table(metadata: MetaData) -> Table:
    return Table(
        "idempotentie",
        metadata,
        Column("client_id", String(200), primary_key=True),
        Column("sleutel", String(MAX_KEY_LENGTH), primary_key=True),
        Column("vingerafdruk", String(64), nullable=False),
        Column("status", Integer),
        Column("headers", JsonDocument),
        Column("body", LargeBinary),
        Column("aangemaakt", UTCDateTime, nullable=False),
        Index("ix_idempotentie_aangemaakt", "aangemaakt"),
    )


IDEMPOTENTIE = idempotency_table(MetaData())


class KeyReusedError(DomainError):
    status, code, title = (
        422,
        "idempotency-key-hergebruikt",
        "Idempotency-Key al gebruikt voor een ander verzoek",
    )


class StillRunningError(DomainError):
    status, code, title = (
        409,
        "idempotency-key-in-behandeling",
        "Een verzoek met deze Idempotency-Key loopt nog",
    )


def fingerprint(method: str, path: str, query: bytes, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def valid_key(key: str) -> bool:
    return 0 < len(key) <= MAX_KEY_LENGTH and key.isascii() and key.isprintable()


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope.get("headers", [])) if scope["type"] == "http" else {}
        raw_key = headers.get(HEADER.lower().encode())
        if (
            scope["type"] != "http"
            or scope["method"] != "POST"
            or raw_key is None
            or not scope["path"].startswith(API_PREFIX + "/")
        ):
            await self.app(scope, receive, send)
            return
        key = raw_key.decode("latin-1")
        client_id = _client_id(scope, headers)
        if not valid_key(key):
            await _problem(
                scope,
                receive,
                send,
                InvalidInput(
                    "Ongeldige Idempotency-Key.",
                    invalid_params=[
                        InvalidParam(
                            name=HEADER,
                            code="ongeldig",
                            reason=f"1 tot {MAX_KEY_LENGTH} zichtbare ASCII-tekens",
                        )
                    ],
                ),
            )
            return
        if client_id is None:  # no valid token: the route answers 401, nothing is stored
            await self.app(scope, receive, send)
            return
        body = b"".join([chunk async for chunk in _body(receive)])
        mark = fingerprint(scope["method"], scope["path"], scope.get("query_string", b""), body)
        factory = scope["app"].state.session_factory
        try:
            stored = await anyio.to_thread.run_sync(_reserve, factory, client_id, key, mark)
        except OperationalError:  # the database is away or its write lock stayed taken: nothing ran
            stored = ServiceUnavailable("De database is tijdelijk niet bereikbaar; probeer het zo opnieuw.")
        if isinstance(stored, DomainError):
            await _problem(scope, receive, send, stored)
            return
        if stored is not None:
            await _replay(send, stored)
            return
        messages: list[Message] = []

        async def keep(message: Message) -> None:
            messages.append(message)

        transaction = request_transaction(scope)
        assert transaction is not None, "IdempotencyMiddleware runs inside AuditMiddleware"
        transaction.if_lost(lambda: _release(factory, client_id, key))
        try:
            await self.app(scope, _replaying(body, receive), keep)
        finally:
            status = messages[0]["status"] if messages else 500
            answer = b"".join(m.get("body", b"") for m in messages[1:])
            kept = [
                (k.decode("latin-1"), v.decode("latin-1"))
                for k, v in (messages[0].get("headers", []) if messages else [])
                if k in _STORED_HEADERS
            ]
            transaction.before_commit(lambda session: _settle(session, client_id, key, status, kept, answer))
        for message in messages:
            await send(message)


def _client_id(scope: Scope, headers: dict[bytes, bytes]) -> str | None:
    scheme, _, token = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    try:
        return decode_token(token, scope["app"].state.auth_config).client_id
    except DomainError:
        return None


async def _body(receive: Receive) -> Any:
    while True:
        message = await receive()
        yield message.get("body", b"")
        if not message.get("more_body", False):
            return


def _replaying(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


def _reserve(factory: Any, client_id: str, key: str, mark: str) -> Any:
    """None when this request may run; a stored answer to replay; or the error to give."""
    where = _row(client_id, key)
    with factory() as session:
        row = session.execute(select(IDEMPOTENTIE).where(where)).first()
        if row is None:
            try:
                session.execute(
                    insert(IDEMPOTENTIE).values(
                        client_id=client_id, sleutel=key, vingerafdruk=mark, aangemaakt=utcnow()
                    )
                )
                session.commit()
            except IntegrityError:
                session.rollback()
                return StillRunningError(
                    "Een gelijktijdig verzoek met deze sleutel loopt nog; probeer het zo opnieuw."
                )
            return None
        if row.vingerafdruk != mark:
            return KeyReusedError(
                "Deze Idempotency-Key hoort bij een ander verzoek; kies een nieuwe sleutel."
            )
        if row.status is not None:
            return row
        if row.aangemaakt > utcnow() - ABANDONED_AFTER:
            return StillRunningError("Een verzoek met deze sleutel loopt nog; probeer het zo opnieuw.")
        session.execute(update(IDEMPOTENTIE).where(where).values(aangemaakt=utcnow()))
        session.commit()
        return None


def _settle(
    session: Session, client_id: str, key: str, status: int, headers: list[tuple[str, str]], body: bytes
) -> None:
    """In the request's transaction: keep a successful answer for replay; free a failed request's key."""
    where = _row(client_id, key)
    if 200 <= status < 300:
        session.execute(update(IDEMPOTENTIE).where(where).values(status=status, headers=headers, body=body))
    else:
        session.execute(delete(IDEMPOTENTIE).where(where))


def _release(factory: Any, client_id: str, key: str) -> None:
    """The request's transaction was lost: free the key at once rather than after `ABANDONED_AFTER`."""
    with factory() as session:
        session.execute(delete(IDEMPOTENTIE).where(_row(client_id, key) & IDEMPOTENTIE.c.status.is_(None)))
        session.commit()


def _row(client_id: str, key: str) -> Any:
    return (IDEMPOTENTIE.c.client_id == client_id) & (IDEMPOTENTIE.c.sleutel == key)


async def _replay(send: Send, row: Any) -> None:
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in row.headers]
    headers += [(b"content-length", str(len(row.body)).encode()), (b"idempotent-replayed", b"true")]
    await send({"type": "http.response.start", "status": row.status, "headers": headers})
    await send({"type": "http.response.body", "body": row.body})


async def _problem(scope: Scope, receive: Receive, send: Send, error: DomainError) -> None:
    retry_after = {StillRunningError: "1", ServiceUnavailable: "5"}.get(type(error))
    extra = {"Retry-After": retry_after} if retry_after else None
    response = problem_response(
        Request(scope),
        error.status,
        code=error.code,
        title=error.title,
        detail=error.detail,
        invalid_params=error.invalid_params,
        headers=extra,
    )
    await response(scope, receive, send)
