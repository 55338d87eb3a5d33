"""Ontheffing.openapi.yml"""

from fastapi import Path, Request

from duo_simulator.routing import BSN, antwoord, duo_router, persoon

router = duo_router("1.0.0", tags=["Ontheffing"])


@router.get("/personen/{bsn}/ontheffingen")
async def get_ontheffingen(request: Request, bsn: str = Path(pattern=BSN)):
    return antwoord(persoon(request, bsn).feiten.ontheffingen)
