"""Contactpersoon.openapi.yml"""

from fastapi import Path, Request, Response

from duo_simulator.routing import (
    BSN,
    NietGevondenError,
    WeigeringError,
    antwoord,
    bron,
    duo_router,
    persoon,
    simulator,
)
from duo_simulator.schemas import Contactpersoongegevens
from duo_simulator.state import Contactpersoon

router = duo_router("1.0.0", tags=["Contactpersoon"])


def _eigen(request: Request, id: int) -> Contactpersoon:
    contactpersoon = simulator(request).contactpersonen.get(id)
    if contactpersoon is None:
        raise NietGevondenError(str(id))
    if contactpersoon.gemeenteOin != bron(request):
        raise WeigeringError(["De contactpersoon hoort niet bij uw gemeente."])
    return contactpersoon


@router.post("/contactpersonen", status_code=201)
async def create_contactpersoon(gegevens: Contactpersoongegevens, request: Request):
    state = simulator(request)
    id = state.volgend_contactpersoon_id
    state.volgend_contactpersoon_id += 1
    state.contactpersonen[id] = Contactpersoon(bron(request), gegevens)
    return antwoord({"id": id, "contactpersoongegevens": gegevens}, status_code=201)


@router.put("/contactpersonen/{id}")
async def update_contactpersoon(
    gegevens: Contactpersoongegevens, request: Request, id: int = Path(ge=1, le=99999)
):
    _eigen(request, id).gegevens = gegevens
    return Response(status_code=200)


@router.delete("/contactpersonen/{id}")
async def delete_contactpersoon(request: Request, id: int = Path(ge=1, le=99999)):
    """README: deleting a contactpersoon also removes its links with inburgeringsplichtigen."""
    _eigen(request, id)
    del simulator(request).contactpersonen[id]
    return Response(status_code=200)


@router.post("/contactpersonen/{id}/personen/{bsn}", status_code=201)
async def koppel_contactpersoon(
    request: Request, id: int = Path(ge=1, le=99999), bsn: str = Path(pattern=BSN)
):
    """README: linking a contactpersoon replaces the person's link with another contactpersoon."""
    contactpersoon = _eigen(request, id)
    persoon(request, bsn)
    for ander in simulator(request).contactpersonen.values():
        ander.personen.discard(bsn)
    contactpersoon.personen.add(bsn)
    return Response(status_code=201)


@router.delete("/contactpersonen/{id}/personen/{bsn}")
async def ontkoppel_contactpersoon(
    request: Request, id: int = Path(ge=1, le=99999), bsn: str = Path(pattern=BSN)
):
    contactpersoon = _eigen(request, id)
    if bsn not in contactpersoon.personen:
        raise NietGevondenError(bsn)
    contactpersoon.personen.discard(bsn)
    return Response(status_code=200)
