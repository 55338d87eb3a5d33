"""The endpoint where a service receives events: `POST /v1/callbacks`.

Each receiving service passes its inbox table and a handler per channel. The
inbox makes receipt idempotent; a handler that cannot complete (the resource
could not be read, the database is busy) raises, the transaction rolls back, and
the publisher retries later. A handler whose effect fails for what the event or
its resource says (any other error: a date no deadline can be computed from)
is answered 422 `event-niet-verwerkbaar` with the reason; nothing of it is kept,
and the publisher parks the delivery (`outbox`) instead of retrying it every few
minutes, until a fix and a retry. Events on channels the service does not handle
are acknowledged.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Table
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from .api import DbSession, EventOutbox, Services
from .auth import Principal, Role, require
from .bsn import mask_bsns
from .contracts.events import Kanaal, Notificatie
from .http import PrefetchedClient, ServiceClient
from .inbox import first_receipt
from .outbox import Outbox
from .problems import Conflict, DomainError, PreconditionFailed, ServiceUnavailable, problem_responses
from .turns import take_turn

log = logging.getLogger(__name__)

# Failures of the moment, not of the event: the publisher retries with backoff.
RETRY_LATER = (
    ServiceUnavailable,
    Conflict,
    PreconditionFailed,
    OperationalError,
    IntegrityError,
    StaleDataError,
)


class EventNotApplicable(DomainError):
    status, code, title = 422, "event-niet-verwerkbaar", "Gebeurtenis niet verwerkbaar"


@dataclass(frozen=True)
class EventContext:
    """What an event handler works with: the request's transaction, clients, its own outbox."""

    session: Session
    services: ServiceClient
    api_url: str
    outbox: Outbox | None


Handler = Callable[[EventContext, Notificatie], None]


def _apply(inbox: Table, handler: Handler, context: EventContext, notificatie: Notificatie) -> None:
    try:
        with context.session.begin_nested():  # a refused event leaves nothing, its receipt neither
            if first_receipt(context.session, inbox, notificatie.id, notificatie.kanaal):
                handler(context, notificatie)
    except RETRY_LATER:
        raise
    except Exception as exc:
        log.exception("event %s (%s) not applicable", notificatie.id, notificatie.kanaal.value)
        raise EventNotApplicable(
            f"Het effect van deze gebeurtenis faalt op de inhoud: {type(exc).__name__}: "
            + mask_bsns(str(exc))[:300]
        ) from exc


def callback_router(inbox: Table, handlers: dict[Kanaal, Handler]) -> APIRouter:
    router = APIRouter(tags=["callbacks"])

    @router.post(
        "/callbacks",
        status_code=status.HTTP_204_NO_CONTENT,
        response_class=Response,
        responses=problem_responses(422, 503),
    )
    async def ontvang_notificatie(
        notificatie: Notificatie,
        request: Request,
        principal: Annotated[Principal, Depends(require(Role.SERVICE))],
        session: DbSession,
        services: Services,
        outbox: EventOutbox,
    ) -> Response:
        """Receive an event from another service of this system (at least once, applied once)."""
        handler = handlers.get(notificatie.kanaal)
        if handler is None:
            return Response(status_code=status.HTTP_204_NO_CONTENT)
        # The resource is read before this request holds a turn or touches the database (turns.py).
        prefetched = await run_in_threadpool(PrefetchedClient, services, notificatie.resourceUrl)
        await take_turn(request)
        context = EventContext(session, prefetched, request.app.state.settings.api_url, outbox)
        await run_in_threadpool(_apply, inbox, handler, context, notificatie)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    return router
