"""Vrijstelling.openapi.yml"""

from fastapi import Path, Request

from duo_simulator.routing import BSN, antwoord, duo_router, persoon

router = duo_router("1.0.0", tags=["Vrijstelling"])


@router.get("/personen/{bsn}/vrijstellingen")
async def get_vrijstellingen(request: Request, bsn: str = Path(pattern=BSN)):
    return antwoord(persoon(request, bsn).feiten.vrijstellingen)
