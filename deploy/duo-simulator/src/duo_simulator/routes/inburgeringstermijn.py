"""Inburgeringstermijn.openapi.yml"""

from fastapi import Path, Request

from duo_simulator.routing import BSN, NietGevondenError, antwoord, duo_router, persoon, simulator

router = duo_router("1.0.0", tags=["Inburgeringstermijn"])


@router.get("/personen/{bsn}/inburgeringstermijn")
async def get_inburgeringstermijn(request: Request, bsn: str = Path(pattern=BSN)):
    termijn = persoon(request, bsn).feiten.inburgeringstermijn
    if termijn is None:
        raise NietGevondenError(bsn)
    return antwoord(termijn)


@router.get("/personen/{bsn}/inburgeringstermijn/historie")
async def get_inburgeringstermijn_historie(request: Request, bsn: str = Path(pattern=BSN)):
    return antwoord(persoon(request, bsn).feiten.inburgeringstermijnHistorie)


@router.get("/verlengingsgronden")
async def get_verlengingsgronden(request: Request):
    return antwoord(simulator(request).verlengingsgronden)
