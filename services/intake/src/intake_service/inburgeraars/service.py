"""Use cases of the inburgeraar register."""

import uuid
from typing import Any

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.events import Actie
from inburgering_shared.etag import check_if_match
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import NotFound
from sqlalchemy.orm import Session

from ..events import publish_inburgeraar
from . import repository
from .models import Inburgeraar
from .schemas import InburgeraarCreate, InburgeraarUpdate


def registreer_inburgeraar(
    session: Session, outbox: Outbox, *, api_url: str, data: InburgeraarCreate
) -> tuple[Inburgeraar, bool]:
    """Register a person; the same BSN in the same gemeente returns the existing dossier."""
    existing = repository.find_by_bsn(session, gemeentecode=data.gemeentecode, bsn=data.bsn)
    if existing is not None:
        return existing, False
    inburgeraar = nieuw_inburgeraar(data)
    session.add(inburgeraar)
    session.flush()
    publish_inburgeraar(session, outbox, api_url, inburgeraar, Actie.CREATE)
    return inburgeraar, True


def nieuw_inburgeraar(data: InburgeraarCreate) -> Inburgeraar:
    return Inburgeraar(**inburgeraar_kolommen(data))


def inburgeraar_kolommen(data: InburgeraarCreate) -> dict[str, Any]:
    """A new dossier's columns (a fresh id), for the ORM or a set-based insert."""
    return {
        "id": uuid.uuid4(),
        "gemeentecode": data.gemeentecode,
        "bsn": data.bsn,
        "v_nummer": data.vNummer,
        "voornamen": data.voornamen,
        "achternaam": data.achternaam,
        "geboortedatum": data.geboortedatum,
        "land_van_herkomst": data.landVanHerkomst,
        "doelgroep": data.doelgroep.value,
        "klantmanager": data.klantmanager,
        "datum_koppeling": data.datumKoppeling,
        "datum_kennisgeving": data.datumKennisgeving,
        "datum_inschrijving_brp": data.datumInschrijvingBrp,
    }


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
    fields = changes.model_dump(exclude_unset=True)
    column = {
        "klantmanager": "klantmanager",
        "datumKennisgeving": "datum_kennisgeving",
        "datumInschrijvingBrp": "datum_inschrijving_brp",
        "landVanHerkomst": "land_van_herkomst",
    }
    for name, value in fields.items():
        setattr(inburgeraar, column[name], value)
    session.flush()
    publish_inburgeraar(session, outbox, api_url, inburgeraar, Actie.UPDATE)
    return inburgeraar


def list_inburgeraars(
    session: Session,
    *,
    principal: Principal,
    klantmanager: str | None,
    doelgroep: str | None,
    offset: int,
    limit: int,
) -> tuple[int, list[Inburgeraar]]:
    return repository.list_page(
        session,
        gemeenten=principal.gemeente_filter(),
        klantmanager=klantmanager,
        doelgroep=doelgroep,
        offset=offset,
        limit=limit,
    )


def zoek_op_bsn(session: Session, *, principal: Principal, bsn: str) -> list[Inburgeraar]:
    return repository.find_by_bsn_in(session, gemeenten=principal.gemeente_filter(), bsn=bsn)
