"""The trajecten channel: component completed, termijn changed, handhaving decided (kenmerk `wijziging`),
and the resources reporting reads (handhaving, examen, voortgang, afronding: `resource` names the contract
in inburgering_shared.contracts.reporting_inputs)."""

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
    publish_resource(
        session,
        outbox,
        inburgeraar_url=traject.inburgeraar_url,
        gemeentecode=traject.gemeentecode,
        resource="traject",
        resource_url=traject_url(api_url, traject.id),
        actie=actie,
        leerroute=traject.leerroute,
        **kenmerken,
    )


def publish_resource(
    session: Session,
    outbox: Outbox | None,
    *,
    inburgeraar_url: str,
    gemeentecode: str,
    resource: str,
    resource_url: str,
    actie: Actie,
    **kenmerken: str,
) -> None:
    """An event on the trajecten channel about one of trajectory's resources (`resource` names its
    contract), written to the outbox in the caller's transaction."""
    assert outbox is not None, "the trajectory service always has an outbox"
    outbox.publish(
        session,
        Notificatie(
            id=uuid.uuid4(),
            kanaal=Kanaal.TRAJECTEN,
            hoofdObject=inburgeraar_url,
            resource=resource,
            resourceUrl=resource_url,
            actie=actie,
            aanmaakdatum=utcnow(),
            kenmerken={"gemeentecode": gemeentecode, **kenmerken},
        ),
    )
