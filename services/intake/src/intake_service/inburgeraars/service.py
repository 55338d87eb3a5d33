"""Use cases of the inburgeraar register."""

import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.events import Actie
from inburgering_shared.etag import check_if_match
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import NotFound
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..events import publish_inburgeraar
from . import repository
from .models import Inburgeraar
from .rules import PERSOON_KOLOMMEN
from .schemas import Dossierfeiten, InburgeraarCreate, InburgeraarUpdate, Persoonsgegevens


def registreer_inburgeraar(
    session: Session, outbox: Outbox, *, api_url: str, data: InburgeraarCreate
) -> tuple[Inburgeraar, bool]:
    """Register a person; the same BSN in the same gemeente returns the existing dossier."""
    existing = repository.find_by_bsn(session, gemeentecode=data.gemeentecode, bsn=data.bsn)
    if existing is not None:
        return existing, False
    inburgeraar = nieuw_inburgeraar(data)
    try:
        with session.begin_nested():
            session.add(inburgeraar)
    except IntegrityError:
        # A concurrent registration of the same person committed first (PostgreSQL: its insert
        # waited for that one): the dossier it made is the one to return.
        existing = repository.find_by_bsn(session, gemeentecode=data.gemeentecode, bsn=data.bsn)
        if existing is None:
            raise
        return existing, False
    publish_inburgeraar(session, outbox, api_url, inburgeraar, Actie.CREATE)
    return inburgeraar, True


def nieuw_inburgeraar(data: InburgeraarCreate) -> Inburgeraar:
    return Inburgeraar(**inburgeraar_kolommen(data))


def inburgeraar_kolommen(data: InburgeraarCreate) -> dict[str, Any]:
    """A new dossier's columns (a fresh id), for the ORM or a set-based insert."""
    return {
        **persoon_kolommen(data, gemeentecode=data.gemeentecode, datum_koppeling=data.datumKoppeling),
        **feiten_kolommen(data, Dossierfeiten.model_fields),
    }


def persoon_kolommen(
    persoon: Persoonsgegevens, *, gemeentecode: str, datum_koppeling: date | None
) -> dict[str, Any]:
    """A new dossier's own columns: a fresh id, the gemeente and the person."""
    return {
        "id": uuid.uuid4(),
        "gemeentecode": gemeentecode,
        "bsn": persoon.bsn,
        "v_nummer": persoon.vNummer,
        "voornamen": persoon.voornamen,
        "achternaam": persoon.achternaam,
        "geboortedatum": persoon.geboortedatum,
        "land_van_herkomst": persoon.landVanHerkomst,
        "doelgroep": persoon.doelgroep.value,
        "datum_koppeling": datum_koppeling,
    }


KOLOMMEN = {
    "klantmanager": "klantmanager",
    "datumKennisgeving": "datum_kennisgeving",
    "datumInschrijvingBrp": "datum_inschrijving_brp",
    "tolkTaal": "tolk_taal",
    "vrijstelling": "vrijstelling",
    "ontheffing": "ontheffing",
    "datumHuisvestingVerwacht": "datum_huisvesting_verwacht",
    "datumHuisvesting": "datum_huisvesting",
    **PERSOON_KOLOMMEN,
}


def feiten_kolommen(feiten: Dossierfeiten, velden: Iterable[str]) -> dict[str, Any]:
    """The columns of the named API fields; no languages is an empty list, no answer on a tolk is no."""
    kolommen: dict[str, Any] = {}
    for veld in velden:
        waarde = getattr(feiten, veld)
        if veld == "inburgeringsplicht":
            kolommen.update(
                plicht=waarde.indicatorInburgeringsplicht if waarde else None,
                plicht_begindatum=waarde.begindatum if waarde else None,
                plicht_einddatum=waarde.einddatum if waarde else None,
                reden_geen_plicht=waarde.redenGeenInburgeringsplicht if waarde else None,
            )
        elif veld == "verblijfsadres":
            kolommen["verblijfsadres"] = waarde.model_dump() if waarde else None
        elif veld == "talen":
            kolommen["talen"] = list(waarde or [])
        elif veld == "tolkNodig":
            kolommen["tolk_nodig"] = bool(waarde)
        else:
            kolommen[KOLOMMEN[veld]] = waarde
    return kolommen


# The fact columns of a new dossier nobody recorded facts in yet (one from a COA handover), built once.
ZONDER_FEITEN: Mapping[str, Any] = MappingProxyType(
    feiten_kolommen(Dossierfeiten(), Dossierfeiten.model_fields)
)


def get_inburgeraar(session: Session, *, principal: Principal, inburgeraar_id: uuid.UUID) -> Inburgeraar:
    inburgeraar = repository.get(session, inburgeraar_id)
    # Another gemeente's dossier is reported as absent: its existence is not ours to reveal.
    if inburgeraar is None or not principal.may_access(inburgeraar.gemeentecode):
        raise NotFound("Inburgeraar niet gevonden.")
    return inburgeraar


def wijzig_inburgeraar(
    session: Session,
    outbox: Outbox,
    *,
    api_url: str,
    principal: Principal,
    inburgeraar_id: uuid.UUID,
    changes: InburgeraarUpdate,
    if_match: str | None,
) -> Inburgeraar:
    inburgeraar = get_inburgeraar(session, principal=principal, inburgeraar_id=inburgeraar_id)
    check_if_match(if_match, inburgeraar.versie)
    for column, value in feiten_kolommen(changes, changes.model_fields_set).items():
        setattr(inburgeraar, column, value)
    # What the klantmanager records now settles the conflicts with COA on those fields.
    inburgeraar.tegenstrijdigheden = [
        t for t in inburgeraar.tegenstrijdigheden if t["veld"] not in changes.model_fields_set
    ]
    session.flush()
    publish_inburgeraar(session, outbox, api_url, inburgeraar, Actie.UPDATE)
    return inburgeraar


def zoek_op_bsn(session: Session, *, principal: Principal, bsn: str) -> list[Inburgeraar]:
    return repository.find_by_bsn_in(session, gemeenten=principal.gemeente_filter(), bsn=bsn)
