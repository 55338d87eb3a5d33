"""The PIP's content as one document: what a version holds, and how edits apply to it."""

from typing import Any

from inburgering_shared.auth import Principal
from inburgering_shared.problems import Conflict, InvalidInput, InvalidParam
from sqlalchemy.orm import Session

from ..aanbod import repository as aanbod
from .models import Pip
from .schemas import InhoudVelden, PipInhoud, WeekActiviteit, WeekActiviteitKeuze


def snapshot(pip: Pip) -> dict[str, Any]:
    """Everything a version of the PIP decides, as stored with the version and compared between versions."""
    return {
        "leerroute": pip.leerroute,
        "niveau": pip.niveau,
        "dagtekening": pip.dagtekening.isoformat() if pip.dagtekening else None,
        "motivering": pip.motivering,
        **({"afschaalgrond": pip.afschaalgrond} if pip.afschaalgrond else {}),
        **PipInhoud.model_validate(pip.inhoud or {}).model_dump(mode="json"),
    }


def _weekprogramma(session: Session, pip: Pip, keuzes: list[WeekActiviteitKeuze]) -> list[WeekActiviteit]:
    gekozen, onbekend = [], []
    for index, keuze in enumerate(keuzes):
        activiteit = aanbod.get(session, keuze.activiteit)
        if activiteit is None or activiteit.gemeentecode != pip.gemeentecode:
            onbekend.append(
                InvalidParam(
                    name=f"weekprogramma.{index}.activiteit",
                    code="onbekend",
                    reason="geen activiteit van deze gemeente",
                )
            )
            continue
        gekozen.append(
            WeekActiviteit(
                activiteit=activiteit.id,
                urenPerWeek=keuze.urenPerWeek,
                titel=activiteit.titel,
                aanbieder=activiteit.aanbieder,
                plaats=activiteit.plaats,
                rooster=activiteit.rooster,
            )
        )
    if onbekend:
        raise InvalidInput("Het weekprogramma noemt een onbekende activiteit.", invalid_params=onbekend)
    _neem_plaatsen(session, pip, keuzes)
    return gekozen


def _neem_plaatsen(session: Session, pip: Pip, keuzes: list[WeekActiviteitKeuze]) -> None:
    """Hold a place in each chosen activity; a new place only while the activity has room.

    The activities new to this PIP are locked first, so two klantmanagers filling
    the last place at once cannot both get it.
    """
    gekozen = {keuze.activiteit for keuze in keuzes}
    nieuw = gekozen - aanbod.deelnames(session, pip.id)
    capaciteit = aanbod.capaciteit_vergrendeld(session, nieuw) if nieuw else {}
    bezet = aanbod.bezetting(session, nieuw)
    vol = [
        InvalidParam(
            name=f"weekprogramma.{index}.activiteit",
            code="activiteit-vol",
            reason=f"alle {capaciteit[keuze.activiteit]} plaatsen zijn bezet",
        )
        for index, keuze in enumerate(keuzes)
        if keuze.activiteit in capaciteit and bezet.get(keuze.activiteit, 0) >= capaciteit[keuze.activiteit]
    ]
    if vol:
        raise Conflict("Een activiteit in het weekprogramma heeft geen plaats meer.", invalid_params=vol)
    aanbod.plaats(session, pip.id, gekozen)


def pas_toe(session: Session, pip: Pip, velden: InhoudVelden) -> None:
    """Apply the fields that were sent; the leerroute and niveau are set by the caller (rules apply)."""
    inhoud = PipInhoud.model_validate(pip.inhoud or {})
    if velden.klantmanager is not None:
        inhoud.klantmanager = velden.klantmanager
    if velden.alfabetisering is not None:
        inhoud.alfabetisering = velden.alfabetisering
    if velden.onderdelen is not None:
        inhoud.onderdelen = velden.onderdelen
    if velden.participatie is not None:
        inhoud.participatie = velden.participatie
    if velden.doelen is not None:
        inhoud.doelen = velden.doelen
    if velden.weekprogramma is not None:
        inhoud.weekprogramma = _weekprogramma(session, pip, velden.weekprogramma)
    pip.inhoud = inhoud.model_dump(mode="json")
    if velden.motivering is not None:
        pip.motivering = velden.motivering


def vastgesteld_door(principal: Principal) -> str:
    return principal.user_id or principal.client_id
