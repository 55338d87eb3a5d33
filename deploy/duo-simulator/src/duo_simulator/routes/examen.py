"""Examen.openapi.yml"""

from fastapi import Path, Request

from duo_simulator.routing import BSN, antwoord, duo_router, persoon

router = duo_router("1.0.0", tags=["Examen"])


@router.get("/personen/{bsn}/examens/resultaten")
async def get_examenresultaten(request: Request, bsn: str = Path(pattern=BSN)):
    return antwoord(persoon(request, bsn).feiten.examenresultaten)


@router.get("/personen/{bsn}/examens/gratispogingen")
async def get_gratis_pogingen(request: Request, bsn: str = Path(pattern=BSN)):
    return antwoord(persoon(request, bsn).feiten.gratisPogingen)
