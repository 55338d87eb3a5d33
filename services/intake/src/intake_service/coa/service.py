"""COA's handover of the klantprofiel: idempotent on COA's reference, corrections versioned.

One handover and a bulk of thousands take the same path: the records a batch
touches are read in a few set-based queries, the new ones written in one flush,
and the events in two statements, so the cost per profile stays small.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from inburgering_shared.auth import Principal
from inburgering_shared.bulk_insert import insert_rows
from inburgering_shared.bulk_lookup import one_of
from inburgering_shared.contracts.events import Actie
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import InvalidParam, NotFound, invalid_params_of
from pydantic import ValidationError
from sqlalchemy import and_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..brede_intake.models import BredeIntake
from ..brede_intake.service import neem_coa_correctie_over
from ..db import metadata
from ..events import inburgeraar_notificatie
from ..inburgeraars.models import Inburgeraar
from ..inburgeraars.rules import PERSOON_KOLOMMEN, coa_persoonsfeiten, tegenstrijdigheid
from ..inburgeraars.service import ZONDER_FEITEN, get_inburgeraar, persoon_kolommen
from ..toestemmingen.rules import Bron, Categorie, Doel
from .models import CoaOverdracht
from .schemas import CoaOverdrachtCreate, Uitkomst

POGINGEN = 3
"""Attempts at a batch that meets concurrent handovers of the same people (see ontvang_coa_overdrachten)."""


@dataclass(frozen=True)
class Vastgelegd:
    """What a result names of a stored handover."""

    id: uuid.UUID
    coa_referentie: str
    versie: int
    inburgeraar_id: uuid.UUID

    @classmethod
    def van(cls, overdracht: CoaOverdracht) -> "Vastgelegd":
        return cls(overdracht.id, overdracht.coa_referentie, overdracht.versie, overdracht.inburgeraar_id)


@dataclass
class Resultaat:
    uitkomst: Uitkomst
    overdracht: Vastgelegd | None = None
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


@dataclass
class _Nieuw:
    """Rows of a batch's new records, inserted set-based after the loop."""

    dossiers: list[dict[str, Any]] = field(default_factory=list)
    overdrachten: list[dict[str, Any]] = field(default_factory=list)
    versies: list[dict[str, Any]] = field(default_factory=list)
    toestemmingen: list[dict[str, Any]] = field(default_factory=list)
    ids: dict[tuple[str, str], uuid.UUID] = field(default_factory=dict)
    gecorrigeerd: list[Inburgeraar] = field(default_factory=list)
    correcties: list[CoaOverdracht] = field(default_factory=list)


Items = list[CoaOverdrachtCreate | Resultaat]


def ontvang_coa_overdrachten(
    session: Session,
    outbox: Outbox,
    *,
    api_url: str,
    principal: Principal,
    items: list[CoaOverdrachtCreate | Resultaat],
) -> list[Resultaat]:
    """Store handovers; per item: created, updated (a new version), unchanged, or refused with the reason.

    A concurrent handover of the same person or reference that committed first makes an insert
    fail (PostgreSQL: after waiting for it); the batch is then read and written again, once it can
    see that handover, as if it had come after it.
    """
    for poging in range(1, POGINGEN + 1):
        try:
            with session.begin_nested():
                return _ontvang(session, outbox, api_url, principal, items)
        except IntegrityError:
            if poging == POGINGEN:
                raise
    raise AssertionError("unreachable")


def _ontvang(
    session: Session, outbox: Outbox, api_url: str, principal: Principal, items: Items
) -> list[Resultaat]:
    geldig = [item for item in items if isinstance(item, CoaOverdrachtCreate)]
    bekend = _bekende_overdrachten(session, [o.coaReferentie for o in geldig])
    dossiers = _bekende_dossiers(session, {(o.gemeentecode, o.persoon.bsn) for o in geldig})
    nieuw = _Nieuw()
    gezien: set[str] = set()
    resultaten: list[Resultaat] = []
    for item in items:
        if isinstance(item, Resultaat):
            resultaten.append(item)
            continue
        weigering = _weigering(item, principal, bekend.get(item.coaReferentie), gezien)
        gezien.add(item.coaReferentie)
        if weigering is not None:
            resultaten.append(Resultaat(Uitkomst.GEWEIGERD, fouten=[weigering]))
        elif item.coaReferentie in bekend:
            resultaten.append(_corrigeer(session, bekend[item.coaReferentie], item, nieuw))
        else:
            resultaten.append(_nieuwe_overdracht(item, dossiers, nieuw))
    # Set-based, one statement per table: the new dossiers first, then what refers to them.
    for tabel, rows in (
        ("inburgeraar", nieuw.dossiers),
        ("coa_overdracht", nieuw.overdrachten),
        ("coa_overdracht_versie", nieuw.versies),
        ("toestemming", nieuw.toestemmingen),
    ):
        insert_rows(session, metadata.tables[tabel], rows)
    _neem_correcties_over(session, nieuw.correcties)
    outbox.publish_many(
        session,
        [
            inburgeraar_notificatie(
                api_url, d["id"], gemeentecode=d["gemeentecode"], doelgroep=d["doelgroep"], actie=Actie.CREATE
            )
            for d in nieuw.dossiers
        ]
        + [
            inburgeraar_notificatie(
                api_url, d.id, gemeentecode=d.gemeentecode, doelgroep=d.doelgroep, actie=Actie.UPDATE
            )
            for d in nieuw.gecorrigeerd
        ],
    )
    session.flush()
    return resultaten


def _nieuwe_overdracht(
    item: CoaOverdrachtCreate, dossiers: dict[tuple[str, str], Inburgeraar], nieuw: _Nieuw
) -> Resultaat:
    """A first handover: a dossier when the person has none in this gemeente, and the handover."""
    sleutel = (item.gemeentecode, item.persoon.bsn)
    bestaand = dossiers.get(sleutel)
    if bestaand is not None:
        _vergelijk_persoon(bestaand, None, item, nieuw)
        dossier_id = bestaand.id
    elif sleutel in nieuw.ids:
        dossier_id = nieuw.ids[sleutel]
    else:
        # Validated already as part of the handover: no second validation; no facts recorded yet.
        kolommen = {
            **persoon_kolommen(
                item.persoon, gemeentecode=item.gemeentecode, datum_koppeling=item.datumKoppeling
            ),
            **ZONDER_FEITEN,
            "versie": 1,
        }
        nieuw.dossiers.append(kolommen)
        dossier_id = nieuw.ids[sleutel] = kolommen["id"]
    gemeentecode = item.gemeentecode
    overdracht = Vastgelegd(uuid.uuid4(), item.coaReferentie, 1, dossier_id)
    nieuw.overdrachten.append(
        {
            "id": overdracht.id,
            "coa_referentie": item.coaReferentie,
            "inburgeraar_id": dossier_id,
            "gemeentecode": gemeentecode,
            "versie": 1,
            "inhoud": item.model_dump(mode="json"),
        }
    )
    if item.toestemmingGezondheid is not None:
        nieuw.toestemmingen.append(_toestemming(dossier_id, gemeentecode, item.toestemmingGezondheid))
    return Resultaat(Uitkomst.AANGEMAAKT, overdracht)


def _bekende_overdrachten(session: Session, referenties: list[str]) -> dict[str, CoaOverdracht]:
    if not referenties:
        return {}
    query = select(CoaOverdracht).where(one_of(session, CoaOverdracht.coa_referentie, referenties))
    return {o.coa_referentie: o for o in session.scalars(query)}


def _bekende_dossiers(session: Session, sleutels: set[tuple[str, str]]) -> dict[tuple[str, str], Inburgeraar]:
    """The dossiers of these people in these gemeenten: one query, the BSNs per gemeente as one parameter."""
    if not sleutels:
        return {}
    per_gemeente: dict[str, list[str]] = defaultdict(list)
    for gemeentecode, bsn in sleutels:
        per_gemeente[gemeentecode].append(bsn)
    query = select(Inburgeraar).where(
        or_(
            *(
                and_(Inburgeraar.gemeentecode == gemeentecode, one_of(session, Inburgeraar.bsn, bsns))
                for gemeentecode, bsns in per_gemeente.items()
            )
        )
    )
    return {(i.gemeentecode, i.bsn): i for i in session.scalars(query)}


def _vergelijk_persoon(
    dossier: Inburgeraar, vorige: dict[str, Any] | None, item: CoaOverdrachtCreate, nieuw: _Nieuw
) -> None:
    """COA's corrections of its own person facts apply; disagreements with others are kept as conflicts."""
    huidig = {
        veld: waarde.isoformat() if isinstance(waarde, date) else waarde
        for veld, waarde in ((veld, getattr(dossier, kolom)) for veld, kolom in PERSOON_KOLOMMEN.items())
    }
    nieuw_json = item.persoon.model_dump(mode="json")
    correcties, conflicten = coa_persoonsfeiten(huidig, vorige, nieuw_json)
    for veld in correcties:
        setattr(dossier, PERSOON_KOLOMMEN[veld], getattr(item.persoon, veld))
    if correcties:
        nieuw.gecorrigeerd.append(dossier)
    if conflicten:
        vandaag = date.today()
        dossier.tegenstrijdigheden = [
            *(t for t in dossier.tegenstrijdigheden if t["veld"] not in conflicten),
            *(
                tegenstrijdigheid(
                    veld, huidig[veld], nieuw_json[veld], referentie=item.coaReferentie, ontvangen=vandaag
                )
                for veld in conflicten
            ),
        ]


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


def _corrigeer(
    session: Session, bestaand: CoaOverdracht, item: CoaOverdrachtCreate, nieuw: _Nieuw
) -> Resultaat:
    """The same handover again changes nothing; a corrected one keeps the earlier version whole."""
    inhoud = item.model_dump(mode="json")
    if bestaand.inhoud == inhoud:
        return Resultaat(Uitkomst.ONGEWIJZIGD, Vastgelegd.van(bestaand))
    nieuw.versies.append(
        {
            "id": uuid.uuid4(),
            "overdracht_id": bestaand.id,
            "versie": bestaand.versie,
            "inhoud": bestaand.inhoud,
            "ontvangen": bestaand.ontvangen,
        }
    )
    datum = item.toestemmingGezondheid
    if datum is not None and inhoud["toestemmingGezondheid"] != bestaand.inhoud.get("toestemmingGezondheid"):
        nieuw.toestemmingen.append(_toestemming(bestaand.inburgeraar_id, bestaand.gemeentecode, datum))
    _vergelijk_persoon(
        session.get_one(Inburgeraar, bestaand.inburgeraar_id), bestaand.inhoud["persoon"], item, nieuw
    )
    bestaand.inhoud = inhoud
    bestaand.versie += 1
    nieuw.correcties.append(bestaand)
    return Resultaat(Uitkomst.BIJGEWERKT, Vastgelegd.van(bestaand))


def _neem_correcties_over(session: Session, correcties: list[CoaOverdracht]) -> None:
    """The corrected klantprofielen into the brede intakes of their dossiers, read in one query."""
    if not correcties:
        return
    query = select(BredeIntake).where(BredeIntake.inburgeraar_id.in_({o.inburgeraar_id for o in correcties}))
    intakes = {intake.inburgeraar_id: intake for intake in session.scalars(query)}
    vandaag = date.today()
    for overdracht in correcties:
        intake = intakes.get(overdracht.inburgeraar_id)
        if intake is not None:
            neem_coa_correctie_over(
                intake,
                klantprofiel=overdracht.inhoud["klantprofiel"],
                referentie=overdracht.coa_referentie,
                ontvangen=vandaag,
            )


def _toestemming(dossier_id: uuid.UUID, gemeentecode: str, datum: date) -> dict[str, Any]:
    """The consent COA recorded for handing over health data, for the consent register with source COA."""
    return {
        "id": uuid.uuid4(),
        "inburgeraar_id": dossier_id,
        "gemeentecode": gemeentecode,
        "categorie": Categorie.GEZONDHEID.value,
        "doel": Doel.OVERDRACHT.value,
        "datum": datum,
        "bron": Bron.COA.value,
    }


def coa_overdrachten_van(
    session: Session, *, principal: Principal, inburgeraar_id: uuid.UUID
) -> list[CoaOverdracht]:
    dossier = get_inburgeraar(session, principal=principal, inburgeraar_id=inburgeraar_id)
    query = select(CoaOverdracht).where(CoaOverdracht.inburgeraar_id == dossier.id)
    return list(session.scalars(query.order_by(CoaOverdracht.ontvangen)))


def get_coa_overdracht(session: Session, *, principal: Principal, overdracht_id: uuid.UUID) -> CoaOverdracht:
    overdracht = session.get(CoaOverdracht, overdracht_id)
    if overdracht is None or not principal.may_access(overdracht.gemeentecode):
        raise NotFound("COA-overdracht niet gevonden.")
    return overdracht
