"""Trajectory follows a move (kanaal inburgeraars): the trajectory with its components, voortgang,
uren and handhaving, its termijnen and deadlines, the writes still owed to DUO and the audit trail go
to the new gemeente (`inburgering_shared.verhuizing`), URLs and dates unchanged.

What DUO told the old gemeente about the person goes along as well: its DUO dossier, DUO's
notifications to it and the exam results read with them. Where the new gemeente already holds its
own DUO dossier of the person (DUO told it of the move, SS120/SS121, and the sync read DUO for it),
that one is the current one: the old gemeente's notifications and exam results join it and the old
copy goes. Either way the old gemeente can no longer read what DUO says of a person who is no
longer its inburgeraar.
"""

from inburgering_shared.callbacks import EventContext
from inburgering_shared.contracts.events import Notificatie
from inburgering_shared.contracts.resources import InburgeraarContract
from inburgering_shared.verhuizing import Overdracht, volg_verhuizing
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..duo.models import DuoDossier, DuoNotificatie
from ..duo.pip_opdrachten import CONTACTPERSOON_WEG, plan_contactpersoon
from ..duo.service import plan_opdracht
from ..rapportage.models import Examenresultaat

KLANTMANAGER = "klantmanager"
"""intake's kenmerk `wijziging` when the dossier's klantmanager or their contact details changed."""
DUO_PER_GEMEENTE = ("duo_dossier", "duo_notificatie", "examenresultaat")
"""Handed over here rather than row by row: a gemeente holds one DUO dossier per person."""


def verwerk_inburgeraar(context: EventContext, notificatie: Notificatie) -> None:
    """Event handler: a moved inburgeraar's rows follow the dossier to its new gemeente; a klantmanager
    assigned, reassigned or removed (kenmerk `wijziging=klantmanager`) is the person's contactpersoon at
    DUO, through the write queue."""
    overdracht = volg_verhuizing(context, notificatie, bron="trajectory", overslaan=DUO_PER_GEMEENTE)
    if overdracht is not None:
        draag_duo_dossiers_over(context.session, notificatie.resourceUrl, overdracht)
    if notificatie.kenmerken.get("wijziging") == KLANTMANAGER:
        dossier = context.services.get_model(notificatie.resourceUrl, InburgeraarContract)
        # DUO needs the name, e-mail and phone: a klantmanager without them leaves DUO's link as it is.
        if dossier.klantmanager is None or dossier.klantmanagerContact is not None:
            contact = dossier.klantmanagerContact if dossier.klantmanager else None
            plan_contactpersoon(context.session, dossier.url, dossier.gemeentecode, contact)


def draag_duo_dossiers_over(session: Session, inburgeraar_url: str, overdracht: Overdracht) -> None:
    """The person's DUO dossiers of other gemeenten, with their notifications and exam results, to
    the new gemeente (merged into its own DUO dossier of the person where it has one)."""
    oude = session.scalars(
        select(DuoDossier).where(
            DuoDossier.inburgeraar_url == inburgeraar_url, DuoDossier.gemeentecode != overdracht.naar
        )
    ).all()
    for oud in oude:
        if oud.contactpersoon_id is not None:
            # The old gemeente's klantmanager is no longer the person's contact: that link goes at DUO
            # (sent as the old gemeente); the new gemeente links its own klantmanager.
            plan_opdracht(
                session,
                inburgeraar_url=inburgeraar_url,
                gemeentecode=overdracht.naar,
                soort=CONTACTPERSOON_WEG,
                inhoud={"gemeente": oud.gemeentecode, "contactpersoon": oud.contactpersoon_id},
            )
            oud.contactpersoon_id = None
        eigen = session.scalar(
            select(DuoDossier).where(DuoDossier.gemeentecode == overdracht.naar, DuoDossier.bsn == oud.bsn)
        )
        doel = eigen or oud
        for model in (DuoNotificatie, Examenresultaat):
            session.execute(
                update(model)
                .where(model.dossier_id == oud.id)
                .values(dossier_id=doel.id, gemeentecode=overdracht.naar)
            )
        if eigen is None:
            oud.gemeentecode = overdracht.naar
        else:
            session.delete(oud)
    session.flush()
