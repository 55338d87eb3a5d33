"""Intake's events on the `inburgeraars` channel."""

import uuid

from sqlalchemy.orm import Session

from inburgering_shared.contracts.events import Actie, Kanaal, Notificatie
from inburgering_shared.db import utcnow
from inburgering_shared.outbox import Outbox

from .inburgeraars.models import Inburgeraar


def inburgeraar_url(api_url: str, inburgeraar_id: uuid.UUID) -> str:
    return f"{api_url}/inburgeraars/{inburgeraar_id}"


def publish_inburgeraar(
    session: Session, outbox: Outbox, api_url: str, inburgeraar: Inburgeraar, actie: Actie
) -> None:
    url = inburgeraar_url(api_url, inburgeraar.id)
    outbox.publish(
        session,
        Notificatie(
            id=uuid.uuid4(),
            kanaal=Kanaal.INBURGERAARS,
            hoofdObject=url,
            resource="inburgeraar",
            resourceUrl=url,
            actie=actie,
            aanmaakdatum=utcnow(),
            kenmerken={"gemeentecode": inburgeraar.gemeentecode, "doelgroep": inburgeraar.doelgroep},
        ),
    )
