"""A move to another gemeente hands the dossier over with its history (DUO events SS120/SS121)."""

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.events import Actie
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import Conflict, NotFound
from inburgering_shared.verhuizing import Overdracht, draag_over
from sqlalchemy.orm import Session

from ..events import inburgeraar_url, publish_inburgeraar
from . import repository
from .models import Inburgeraar, Verhuizing
from .schemas import VerhuizingCreate


def verhuis(
    session: Session, outbox: Outbox, *, api_url: str, principal: Principal, data: VerhuizingCreate
) -> Inburgeraar:
    """Move the person's dossier from the gemeente it is in to the one DUO says they settled in.

    DUO tells the new gemeente (SS120: settled without a PIP; SS121: with the
    previous gemeente's PIP). The dossier keeps its id, handovers, consents,
    brede intake, versions and audit trail; the old gemeente no longer sees it, the new one
    appoints its own klantmanager. A move is recorded on the dossier and in the audit trail.
    Source: DUO M2M Gebeurtenissen.md (SS120, SS121); issue 3 item 1, issue 19 item 5.
    """
    principal.check_gemeente(data.naarGemeente)
    if repository.find_by_bsn(session, gemeentecode=data.naarGemeente, bsn=data.bsn) is not None:
        raise Conflict("Deze gemeente heeft al een dossier voor deze persoon.")
    elders = repository.find_by_bsn_in(session, gemeenten=None, bsn=data.bsn)
    if not elders:
        raise NotFound("Er is geen dossier van deze persoon in een andere gemeente.")
    dossier = max(elders, key=lambda i: i.gewijzigd)
    session.add(
        Verhuizing(
            inburgeraar_id=dossier.id,
            van_gemeente=dossier.gemeentecode,
            naar_gemeente=data.naarGemeente,
            datum_vestiging=data.datumVestiging,
            gebeurtenis=data.gebeurtenis.value,
        )
    )
    overdracht = Overdracht(
        dossier.gemeentecode, data.naarGemeente, data.datumVestiging, data.gebeurtenis.value
    )
    dossier.gemeentecode = data.naarGemeente
    dossier.klantmanager = None
    session.flush()
    # Everything else recorded about the person (brede intake, consents, handovers, the audit
    # trail) goes with the dossier; the other services follow on the event.
    draag_over(session, inburgeraar_url(api_url, dossier.id), overdracht, bron="intake")
    publish_inburgeraar(session, outbox, api_url, dossier, Actie.UPDATE)
    return dossier
