"""Intake's events: the `inburgeraars` and `brede-intakes` channels."""

import uuid

from inburgering_shared.contracts.brede_intake import BREDE_INTAKE_RESOURCE
from inburgering_shared.contracts.events import Actie, Kanaal, Notificatie
from inburgering_shared.db import utcnow
from inburgering_shared.outbox import Outbox
from sqlalchemy.orm import Session

from .brede_intake.models import BredeIntake
from .inburgeraars.models import Inburgeraar


def inburgeraar_url(api_url: str, inburgeraar_id: uuid.UUID) -> str:
    return f"{api_url}/inburgeraars/{inburgeraar_id}"


def inburgeraar_notificatie(
    api_url: str,
    inburgeraar_id: uuid.UUID,
    *,
    gemeentecode: str,
    doelgroep: str,
    actie: Actie,
    **kenmerken: str,
) -> Notificatie:
    """`wijziging=klantmanager`: the dossier's klantmanager or their contact details changed."""
    url = inburgeraar_url(api_url, inburgeraar_id)
    return Notificatie(
        id=uuid.uuid4(),
        kanaal=Kanaal.INBURGERAARS,
        hoofdObject=url,
        resource="inburgeraar",
        resourceUrl=url,
        actie=actie,
        aanmaakdatum=utcnow(),
        kenmerken={"gemeentecode": gemeentecode, "doelgroep": doelgroep, **kenmerken},
    )


def publish_inburgeraar(
    session: Session, outbox: Outbox, api_url: str, inburgeraar: Inburgeraar, actie: Actie, **kenmerken: str
) -> None:
    notificatie = inburgeraar_notificatie(
        api_url,
        inburgeraar.id,
        gemeentecode=inburgeraar.gemeentecode,
        doelgroep=inburgeraar.doelgroep,
        actie=actie,
        **kenmerken,
    )
    outbox.publish(session, notificatie)


def brede_intake_url(api_url: str, intake_id: uuid.UUID) -> str:
    return f"{api_url}/brede-intakes/{intake_id}"


def publish_brede_intake_afgerond(
    session: Session, outbox: Outbox, api_url: str, intake: BredeIntake
) -> None:
    """The event pip prepares the leerroute advice from (contracts/brede_intake.py)."""
    outbox.publish(
        session,
        Notificatie(
            id=uuid.uuid4(),
            kanaal=Kanaal.BREDE_INTAKES,
            hoofdObject=inburgeraar_url(api_url, intake.inburgeraar_id),
            resource=BREDE_INTAKE_RESOURCE,
            resourceUrl=brede_intake_url(api_url, intake.id),
            actie=Actie.UPDATE,
            aanmaakdatum=utcnow(),
            kenmerken={"gemeentecode": intake.gemeentecode, "status": intake.status},
        ),
    )
