"""The endpoint where a service receives events: `POST /v1/callbacks`.

Each receiving service passes its inbox table and a handler per channel. The
inbox makes receipt idempotent; a handler that cannot complete (the resource
could not be read) raises, the transaction rolls back, and the publisher
retries later. Events on channels the service does not handle are acknowledged.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from sqlalchemy import Table
from sqlalchemy.orm import Session

from .api import DbSession, EventOutbox, Services
from .auth import Principal, Role, require
from .contracts.events import Kanaal, Notificatie
from .http import ServiceClient
from .inbox import first_receipt
from .outbox import Outbox
from .problems import problem_responses


@dataclass(frozen=True)
class EventContext:
    """What an event handler works with: the request's transaction, clients, its own outbox."""

    session: Session
    services: ServiceClient
    api_url: str
    outbox: Outbox | None


Handler = Callable[[EventContext, Notificatie], None]


def callback_router(inbox: Table, handlers: dict[Kanaal, Handler]) -> APIRouter:
    router = APIRouter(tags=["callbacks"])

    @router.post(
        "/callbacks",
        status_code=status.HTTP_204_NO_CONTENT,
        response_class=Response,
        responses=problem_responses(503),
    )
    def ontvang_notificatie(
        notificatie: Notificatie,
        request: Request,
        principal: Annotated[Principal, Depends(require(Role.SERVICE))],
        session: DbSession,
        services: Services,
        outbox: EventOutbox,
    ) -> Response:
        """Receive an event from another service of this system (at least once, applied once)."""
        handler = handlers.get(notificatie.kanaal)
        if handler is not None and first_receipt(session, inbox, notificatie.id, notificatie.kanaal):
            context = EventContext(session, services, request.app.state.settings.api_url, outbox)
            handler(context, notificatie)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    return router
