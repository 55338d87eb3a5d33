"""The klantmanager as the person's contactpersoon at DUO (Contactpersoon API).

DUO keeps contactpersonen per gemeente, each linked to persons; linking a person replaces their
previous contactpersoon (DUO's README). The gemeente registers a klantmanager once (by e-mail address),
changes their details with a PUT, and removes them at DUO once no person is linked to them any more:
DUO then holds no contact details of someone who is no longer anyone's klantmanager.
"""

import uuid
from contextlib import suppress
from typing import Any

from inburgering_shared.duo.validatie import Overtreding
from pydantic import ValidationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..clients.duo import DuoClient, DuoContractError, DuoNotFoundError, DuoValidationError
from ..clients.duo_models import Contactpersoongegevens
from .models import DuoContactpersoon, DuoDossier


def koppel(
    session: Session, duo: DuoClient, dossier: DuoDossier, inhoud: dict[str, Any], bericht_id: uuid.UUID
) -> None:
    """Register (or update) the klantmanager at DUO and link the person to them."""
    gegevens = _gegevens(inhoud)
    email = gegevens.email.casefold()
    bekend = session.scalar(
        select(DuoContactpersoon).where(
            DuoContactpersoon.gemeentecode == dossier.gemeentecode, DuoContactpersoon.email == email
        )
    )
    if bekend is None:
        nieuw = duo.maak_contactpersoon(gegevens, uuid.uuid5(bericht_id, "registreren"))
        if nieuw.id is None:
            raise DuoContractError(
                201, [], str(bericht_id), "DUO's antwoord op POST /contactpersonen noemt geen id."
            )
        bekend = DuoContactpersoon(gemeentecode=dossier.gemeentecode, duo_id=nieuw.id, email=email)
        session.add(bekend)
    elif (bekend.naam, bekend.telefoonnummer) != (gegevens.naam, gegevens.telefoonnummer):
        duo.wijzig_contactpersoon(bekend.duo_id, gegevens, uuid.uuid5(bericht_id, "wijzigen"))
    bekend.naam, bekend.telefoonnummer = gegevens.naam, gegevens.telefoonnummer
    duo.koppel_contactpersoon(bekend.duo_id, dossier.bsn, bericht_id)
    vorige, dossier.contactpersoon_id = dossier.contactpersoon_id, bekend.duo_id
    if vorige is not None and vorige != bekend.duo_id:
        _ruim_op(session, duo, dossier.gemeentecode, vorige, bericht_id)


def ontkoppel(session: Session, duo: DuoClient, dossier: DuoDossier, bericht_id: uuid.UUID) -> None:
    """The plicht ended, or no klantmanager is assigned: the person has no contactpersoon at DUO."""
    vorige = dossier.contactpersoon_id
    if vorige is None:
        return
    dossier.contactpersoon_id = None
    ontkoppel_van(session, duo, dossier.gemeentecode, dossier.bsn, vorige, bericht_id)


def ontkoppel_van(
    session: Session, duo: DuoClient, gemeentecode: str, bsn: str, duo_id: int, bericht_id: uuid.UUID
) -> None:
    """Unlink the person from the gemeente's contactpersoon `duo_id` (`duo` sends as that gemeente)."""
    # 404: unlinked before (an earlier attempt, or another contactpersoon replaced it at DUO).
    with suppress(DuoNotFoundError):
        duo.ontkoppel_contactpersoon(duo_id, bsn, bericht_id)
    _ruim_op(session, duo, gemeentecode, duo_id, bericht_id)


def _ruim_op(session: Session, duo: DuoClient, gemeentecode: str, duo_id: int, bericht_id: uuid.UUID) -> None:
    """A contactpersoon no person is linked to any more is removed at DUO (deleteContactpersoonById)."""
    session.flush()
    gekoppeld = session.scalar(
        select(func.count())
        .select_from(DuoDossier)
        .where(DuoDossier.gemeentecode == gemeentecode, DuoDossier.contactpersoon_id == duo_id)
    )
    if gekoppeld:
        return
    with suppress(DuoNotFoundError):
        duo.verwijder_contactpersoon(duo_id, uuid.uuid5(bericht_id, "verwijderen"))
    session.execute(
        delete(DuoContactpersoon).where(
            DuoContactpersoon.gemeentecode == gemeentecode, DuoContactpersoon.duo_id == duo_id
        )
    )


def _gegevens(inhoud: dict[str, Any]) -> Contactpersoongegevens:
    """DUO's Contactpersoongegevens; details DUO's document does not allow are not sent."""
    try:
        return Contactpersoongegevens.model_validate(
            {k: inhoud.get(k) for k in ("naam", "email", "telefoonnummer")}
        )
    except ValidationError as fout:
        velden = ", ".join(sorted({str(e["loc"][0]) for e in fout.errors()}))
        melding = f"De gegevens van de klantmanager passen niet in DUO's Contactpersoongegevens ({velden})."
        raise DuoValidationError(
            [
                Overtreding(
                    "Contactpersoon", "CONTACTPERSOON_ONGELDIG", melding, velden, "DUO Contactpersoon API"
                )
            ]
        ) from fout
