"""The duo-dossiers channel: DUO's facts that other services act on changed (SS139's PIP clock)."""

import uuid

from inburgering_shared.contracts.events import Actie, Kanaal, Notificatie
from inburgering_shared.db import utcnow
from inburgering_shared.outbox import Outbox
from sqlalchemy.orm import Session

from .models import DuoDossier


def dossier_url(api_url: str, dossier_id: uuid.UUID) -> str:
    return f"{api_url}/duo-dossiers/{dossier_id}"


def publish_dossier(
    session: Session, outbox: Outbox | None, api_url: str, dossier: DuoDossier, gebeurtenis_id: str
) -> None:
    """Announce a linked dossier whose facts changed; pip reads it for the PIP clock (R2)."""
    assert outbox is not None and dossier.inburgeraar_url is not None
    outbox.publish(
        session,
        Notificatie(
            id=uuid.uuid4(),
            kanaal=Kanaal.DUO_DOSSIERS,
            hoofdObject=dossier.inburgeraar_url,
            resource="duo-dossier",
            resourceUrl=dossier_url(api_url, dossier.id),
            actie=Actie.UPDATE,
            aanmaakdatum=utcnow(),
            kenmerken={"gemeentecode": dossier.gemeentecode, "gebeurtenisId": gebeurtenis_id},
        ),
    )
