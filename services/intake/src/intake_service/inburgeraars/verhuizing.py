"""A move to another gemeente hands the dossier over with its history (DUO events SS120/SS121)."""

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.events import Actie
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import Conflict, NotFound
from sqlalchemy import update
from sqlalchemy.orm import Session

from ..brede_intake.models import BredeIntake
from ..coa.models import CoaOverdracht
from ..events import publish_inburgeraar
from ..toestemmingen.models import Toestemming
from ..vluchtelingenwerk.models import VluchtelingenwerkOverdracht
from . import repository
from .models import Inburgeraar, Verhuizing
from .schemas import VerhuizingCreate

# Everything recorded about the person moves with the dossier.
MEEVERHUIZEND = (BredeIntake, Toestemming, CoaOverdracht, VluchtelingenwerkOverdracht)


def verhuis(
    session: Session, outbox: Outbox, *, api_url: str, principal: Principal, data: VerhuizingCreate
) -> Inburgeraar:
    """Move the person's dossier from the gemeente it is in to the one DUO says they settled in.

    DUO tells the new gemeente (SS120: settled without a PIP; SS121: with the
    previous gemeente's PIP). The dossier keeps its id, handovers, consents,
    brede intake and versions; the old gemeente no longer sees it, the new one
    appoints its own klantmanager. A move is recorded on the dossier.
    Source: DUO M2M Gebeurtenissen.md (SS120, SS121); issue 3 item 1.
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
    for model in MEEVERHUIZEND:
        session.execute(
            update(model).where(model.inburgeraar_id == dossier.id).values(gemeentecode=data.naarGemeente)
        )
    dossier.gemeentecode = data.naarGemeente
    dossier.klantmanager = None
    session.flush()
    publish_inburgeraar(session, outbox, api_url, dossier, Actie.UPDATE)
    return dossier
