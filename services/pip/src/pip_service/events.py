"""The pip service's events on the `pips` channel."""

import uuid

from inburgering_shared.contracts.events import Actie, Kanaal, Notificatie
from inburgering_shared.db import utcnow
from inburgering_shared.outbox import Outbox
from sqlalchemy.orm import Session

from .pips.models import Pip


def pip_url(api_url: str, pip_id: uuid.UUID) -> str:
    return f"{api_url}/pips/{pip_id}"


def publish_pip(session: Session, outbox: Outbox, api_url: str, pip: Pip, actie: Actie) -> None:
    kenmerken = {"gemeentecode": pip.gemeentecode, "status": pip.status, "versie": str(pip.versie)}
    if pip.leerroute:
        kenmerken["leerroute"] = pip.leerroute
    outbox.publish(
        session,
        Notificatie(
            id=uuid.uuid4(),
            kanaal=Kanaal.PIPS,
            hoofdObject=pip.inburgeraar_url,
            resource="pip",
            resourceUrl=pip_url(api_url, pip.id),
            actie=actie,
            aanmaakdatum=utcnow(),
            kenmerken=kenmerken,
        ),
    )
