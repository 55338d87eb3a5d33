"""Events the scheduler receives: a change in pip or trajectory may have met a deadline; intake may reassign.

pip and trajectory announce changes to a dossier on their channels
(`hoofdObject` is the inburgeraar); the scheduler then asks the owner about
each active signal of that inburgeraar and resolves those whose deadline was
met, cancelled or moved. Intake's changes update the klantmanager (and team)
of the dossier's active signals, so the work list follows a reassignment, and
a move to another gemeente takes the dossier's signals there (`inburgering_shared.verhuizing`).
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from inburgering_shared.callbacks import EventContext, Handler
from inburgering_shared.contracts.events import Kanaal, Notificatie
from inburgering_shared.contracts.resources import InburgeraarContract
from inburgering_shared.verhuizing import volg_verhuizing
from sqlalchemy import select

from ..config import Settings
from ..instellingen.service import AlleInstellingen, standaarden
from .models import Signaal
from .rules import datum_in
from .scan import ACTIEF, Scan, recheck


def _actief(context: EventContext, inburgeraar_url: str) -> list[Signaal]:
    return list(
        context.session.scalars(
            select(Signaal).where(Signaal.inburgeraar_url == inburgeraar_url, Signaal.status.in_(ACTIEF))
        )
    )


def handlers(settings: Settings) -> dict[Kanaal, Handler]:
    def scan(context: EventContext) -> Scan:
        assert context.outbox is not None, "the scheduler always has an outbox"
        return Scan(
            session=context.session,
            services=context.services,
            outbox=context.outbox,
            api_url=context.api_url,
            instellingen=AlleInstellingen(context.session, standaarden(settings)),
            vandaag=datum_in(ZoneInfo(settings.timezone), datetime.now(UTC)),
        )

    def on_deadline_owner_event(context: EventContext, notificatie: Notificatie) -> None:
        signalen = [
            s
            for s in _actief(context, notificatie.hoofdObject)
            if any(s.deadline_url.startswith(f"{source}/") for source in settings.deadline_sources)
        ]
        if signalen:
            run = scan(context)
            for signaal in signalen:
                recheck(run, signaal)

    def on_inburgeraar_event(context: EventContext, notificatie: Notificatie) -> None:
        # A moved dossier's signals (open and closed) and audit trail go to the new gemeente.
        volg_verhuizing(context, notificatie, bron="scheduler")
        signalen = _actief(context, notificatie.resourceUrl)
        if not signalen:
            return
        dossier = context.services.get_model(notificatie.resourceUrl, InburgeraarContract)
        team_van = scan(context).instellingen.voor(dossier.gemeentecode).team_van
        for signaal in signalen:
            signaal.klantmanager = dossier.klantmanager
            signaal.team = team_van.get(dossier.klantmanager or "")
        context.session.flush()

    return {
        Kanaal.PIPS: on_deadline_owner_event,
        Kanaal.TRAJECTEN: on_deadline_owner_event,
        Kanaal.INBURGERAARS: on_inburgeraar_event,
    }
