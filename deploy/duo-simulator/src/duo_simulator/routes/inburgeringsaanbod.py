"""Inburgeringsaanbod.openapi.yml"""

from fastapi import Path, Request, Response

from duo_simulator.routing import BSN, NietGevondenError, antwoord, duo_router, persoon, simulator, weiger_bij
from duo_simulator.schemas import Inburgeringsaanbod
from duo_simulator.validation import inburgeringsaanbod_fouten

router = duo_router("1.2.0", tags=["Inburgeringsaanbod"])

INSTELLINGSNUMMER = Path(min_length=10, max_length=10)


@router.get("/instellingen")
async def get_instellingen(request: Request):
    return antwoord(simulator(request).instellingen)


@router.post("/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}", status_code=201)
async def post_inburgeringsaanbod(
    aanbod: Inburgeringsaanbod,
    request: Request,
    bsn: str = Path(pattern=BSN),
    instellingsnummer: str = INSTELLINGSNUMMER,
):
    """README: one current aanbod per instelling; a new one replaces the previous."""
    gevonden = persoon(request, bsn, met_foutmelding=True)
    weiger_bij(inburgeringsaanbod_fouten(gevonden, simulator(request).instelling(instellingsnummer), aanbod))
    gevonden.inburgeringsaanbod[instellingsnummer] = aanbod
    return Response(status_code=201)


@router.delete("/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}", status_code=204)
async def delete_inburgeringsaanbod(
    request: Request, bsn: str = Path(pattern=BSN), instellingsnummer: str = INSTELLINGSNUMMER
):
    gevonden = persoon(request, bsn, met_foutmelding=True)
    if gevonden.inburgeringsaanbod.pop(instellingsnummer, None) is None:
        raise NietGevondenError(instellingsnummer)
    return Response(status_code=204)
