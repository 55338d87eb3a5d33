"""COA's handover of the klantprofiel: idempotent on COA's reference, corrections versioned.

One handover and a bulk of thousands take the same path: the records a batch
touches are read in a few set-based queries, the new ones written in one flush,
and the events in two statements, so the cost per profile stays small.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.events import Actie
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import InvalidParam, invalid_params_of
from pydantic import ValidationError
from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from ..brede_intake.service import neem_coa_correctie_over
from ..events import inburgeraar_notificatie
from ..inburgeraars.models import Inburgeraar
from ..inburgeraars.schemas import InburgeraarCreate
from ..inburgeraars.service import get_inburgeraar, nieuw_inburgeraar
from ..toestemmingen.models import Toestemming
from ..toestemmingen.rules import Bron, Categorie, Doel
from .models import CoaOverdracht, CoaOverdrachtVersie
from .schemas import CoaOverdrachtCreate, Uitkomst


@dataclass
class Resultaat:
    uitkomst: Uitkomst
    overdracht: CoaOverdracht | None = None
    fouten: list[InvalidParam] = field(default_factory=list)


def valideer(items: list[dict[str, Any]]) -> list[CoaOverdrachtCreate | Resultaat]:
    """Each item validated on its own: an invalid one becomes its result, naming its fields."""
    gevalideerd: list[CoaOverdrachtCreate | Resultaat] = []
    for item in items:
        try:
            gevalideerd.append(CoaOverdrachtCreate.model_validate(item))
        except ValidationError as exc:
            gevalideerd.append(Resultaat(Uitkomst.ONGELDIG, fouten=invalid_params_of(exc.errors())))
    return gevalideerd


def ontvang_coa_overdrachten(
    session: Session,
    outbox: Outbox,
    *,
    api_url: str,
    principal: Principal,
    items: list[CoaOverdrachtCreate | Resultaat],
) -> list[Resultaat]:
    """Store handovers; per item: created, updated (a new version), unchanged, or refused with the reason."""
    geldig = [item for item in items if isinstance(item, CoaOverdrachtCreate)]
    bekend = _bekende_overdrachten(session, [o.coaReferentie for o in geldig])
    dossiers = _bekende_dossiers(session, {(o.gemeentecode, o.persoon.bsn) for o in geldig})
    nieuw: list[Inburgeraar] = []
    gezien: set[str] = set()
    daarna: list[CoaOverdracht | Toestemming] = []
    resultaten: list[Resultaat] = []
    for item in items:
        if isinstance(item, Resultaat):
            resultaten.append(item)
            continue
        weigering = _weigering(item, principal, bekend.get(item.coaReferentie), gezien)
        gezien.add(item.coaReferentie)
        if weigering is not None:
            resultaten.append(Resultaat(Uitkomst.GEWEIGERD, fouten=[weigering]))
            continue
        bestaand = bekend.get(item.coaReferentie)
        if bestaand is not None:
            resultaten.append(_corrigeer(session, bestaand, item))
            continue
        dossier = dossiers.get((item.gemeentecode, item.persoon.bsn))
        if dossier is None:
            dossier = nieuw_inburgeraar(
                InburgeraarCreate(
                    **item.persoon.model_dump(),
                    gemeentecode=item.gemeentecode,
                    datumKoppeling=item.datumKoppeling,
                )
            )
            dossiers[(item.gemeentecode, item.persoon.bsn)] = dossier
            session.add(dossier)
            nieuw.append(dossier)
        overdracht = CoaOverdracht(
            coa_referentie=item.coaReferentie,
            inburgeraar_id=dossier.id,
            gemeentecode=item.gemeentecode,
            versie=1,
            inhoud=item.model_dump(mode="json"),
        )
        daarna.append(overdracht)
        daarna.extend(_toestemming(dossier, item.toestemmingGezondheid))
        resultaten.append(Resultaat(Uitkomst.AANGEMAAKT, overdracht))
    session.flush()  # the new dossiers first: what refers to them follows
    session.add_all(daarna)
    session.flush()
    outbox.publish_many(session, [inburgeraar_notificatie(api_url, i, Actie.CREATE) for i in nieuw])
    return resultaten


def _bekende_overdrachten(session: Session, referenties: list[str]) -> dict[str, CoaOverdracht]:
    if not referenties:
        return {}
    query = select(CoaOverdracht).where(CoaOverdracht.coa_referentie.in_(referenties))
    return {o.coa_referentie: o for o in session.scalars(query)}


def _bekende_dossiers(session: Session, sleutels: set[tuple[str, str]]) -> dict[tuple[str, str], Inburgeraar]:
    if not sleutels:
        return {}
    query = select(Inburgeraar).where(tuple_(Inburgeraar.gemeentecode, Inburgeraar.bsn).in_(sleutels))
    return {(i.gemeentecode, i.bsn): i for i in session.scalars(query)}


def _weigering(
    item: CoaOverdrachtCreate, principal: Principal, bestaand: CoaOverdracht | None, gezien: set[str]
) -> InvalidParam | None:
    if not principal.may_access(item.gemeentecode):
        return InvalidParam(
            name="gemeentecode", code="geen-toegang", reason="Dit token geeft geen toegang tot deze gemeente."
        )
    if item.coaReferentie in gezien:
        return InvalidParam(
            name="coaReferentie",
            code="dubbel-in-verzoek",
            reason="Deze COA-referentie staat al eerder in dit verzoek.",
        )
    if bestaand is not None and (
        bestaand.gemeentecode != item.gemeentecode or bestaand.inhoud["persoon"]["bsn"] != item.persoon.bsn
    ):
        return InvalidParam(
            name="coaReferentie",
            code="andere-persoon",
            reason="Deze COA-referentie hoort bij een ander persoon of een andere gemeente.",
        )
    return None


def _corrigeer(session: Session, bestaand: CoaOverdracht, item: CoaOverdrachtCreate) -> Resultaat:
    """The same handover again changes nothing; a corrected one keeps the earlier version whole."""
    inhoud = item.model_dump(mode="json")
    if bestaand.inhoud == inhoud:
        return Resultaat(Uitkomst.ONGEWIJZIGD, bestaand)
    session.add(
        CoaOverdrachtVersie(
            overdracht_id=bestaand.id,
            versie=bestaand.versie,
            inhoud=bestaand.inhoud,
            ontvangen=bestaand.ontvangen,
        )
    )
    if inhoud["toestemmingGezondheid"] != bestaand.inhoud.get("toestemmingGezondheid"):
        dossier = session.get_one(Inburgeraar, bestaand.inburgeraar_id)
        session.add_all(_toestemming(dossier, item.toestemmingGezondheid))
    bestaand.inhoud = inhoud
    bestaand.versie += 1
    neem_coa_correctie_over(
        session,
        inburgeraar_id=bestaand.inburgeraar_id,
        klantprofiel=inhoud["klantprofiel"],
        referentie=bestaand.coa_referentie,
        ontvangen=date.today(),
    )
    return Resultaat(Uitkomst.BIJGEWERKT, bestaand)


def _toestemming(dossier: Inburgeraar, datum: date | None) -> list[Toestemming]:
    """The consent COA recorded for handing over health data, for the consent register with source COA."""
    if datum is None:
        return []
    return [
        Toestemming(
            inburgeraar_id=dossier.id,
            gemeentecode=dossier.gemeentecode,
            categorie=Categorie.GEZONDHEID.value,
            doel=Doel.OVERDRACHT.value,
            datum=datum,
            bron=Bron.COA.value,
        )
    ]


def coa_overdrachten_van(
    session: Session, *, principal: Principal, inburgeraar_id: uuid.UUID
) -> list[CoaOverdracht]:
    dossier = get_inburgeraar(session, principal=principal, inburgeraar_id=inburgeraar_id)
    query = select(CoaOverdracht).where(CoaOverdracht.inburgeraar_id == dossier.id)
    return list(session.scalars(query.order_by(CoaOverdracht.ontvangen)))
