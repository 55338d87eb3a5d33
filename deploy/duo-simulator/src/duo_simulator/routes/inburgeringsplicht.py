"""Inburgeringsplicht.openapi.yml"""

from fastapi import Path, Request

from duo_simulator.routing import BSN, NietGevondenError, antwoord, duo_router, persoon

router = duo_router("1.2.2", tags=["Inburgeringsplicht"])


@router.get("/personen/{bsn}/inburgeringsplicht")
async def get_inburgeringsplicht(request: Request, bsn: str = Path(pattern=BSN)):
    return antwoord(persoon(request, bsn).feiten.inburgeringsplicht)


@router.get("/personen/{bsn}/inburgeringsplicht/historie")
async def get_inburgeringsplicht_historie(request: Request, bsn: str = Path(pattern=BSN)):
    return antwoord(persoon(request, bsn).feiten.inburgeringsplichtHistorie)


@router.get("/personen/{bsn}/doelgroep")
async def get_doelgroep(request: Request, bsn: str = Path(pattern=BSN)):
    doelgroep = persoon(request, bsn).feiten.doelgroep
    if doelgroep is None:
        raise NietGevondenError(bsn)
    return antwoord(doelgroep)


@router.get("/personen/{bsn}/doelgroep/historie")
async def get_doelgroep_historie(request: Request, bsn: str = Path(pattern=BSN)):
    return antwoord(persoon(request, bsn).feiten.doelgroepHistorie)
