"""The endpoint where a service receives events: `POST /v1/callbacks`.

Each receiving service passes its inbox table and a handler per channel. The
inbox makes receipt idempotent; a handler that cannot complete (the resource
could not be read) raises, the transaction rolls back, and the publisher
retries later. Events on channels the service does not handle are acknowledged.
"""


from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from sqlalchemy import Table
from sqlalchemy.orm import Session

from .api import DbSession, Services
from .auth import Principal, Role, require
from .contracts.events import Kanaal, Notificatie
from .http import ServiceClient
from .inbox import first_receipt
from .problems import problem_responses

Handler = Callable[[Session, ServiceClient, Notificatie, str], None]
"""handler(session, services, notificatie, api_url) applies the event's effect."""


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
    ) -> Response:
        """Receive an event from another service of this system (at least once, applied once)."""
        handler = handlers.get(notificatie.kanaal)
        if handler is not None and first_receipt(session, inbox, notificatie.id, notificatie.kanaal):
            handler(session, services, notificatie, request.app.state.settings.api_url)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    return router
