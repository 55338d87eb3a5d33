"""The trajecten channel: component completed, termijn changed, handhaving decided (kenmerk `wijziging`)."""

import uuid

from inburgering_shared.contracts.events import Actie, Kanaal, Notificatie
from inburgering_shared.db import utcnow
from inburgering_shared.outbox import Outbox
from sqlalchemy.orm import Session

from .models import Traject


def traject_url(api_url: str, traject_id: uuid.UUID) -> str:
    return f"{api_url}/trajecten/{traject_id}"


def publish(
    session: Session, outbox: Outbox | None, api_url: str, traject: Traject, actie: Actie, **kenmerken: str
) -> None:
    """A trajecten event; `wijziging` names what changed (termijn, component, handhaving)."""
    assert outbox is not None, "the trajectory service always has an outbox"
    outbox.publish(
        session,
        Notificatie(
            id=uuid.uuid4(),
            kanaal=Kanaal.TRAJECTEN,
            hoofdObject=traject.inburgeraar_url,
            resource="traject",
            resourceUrl=traject_url(api_url, traject.id),
            actie=actie,
            aanmaakdatum=utcnow(),
            kenmerken={"gemeentecode": traject.gemeentecode, "leerroute": traject.leerroute, **kenmerken},
        ),
    )
