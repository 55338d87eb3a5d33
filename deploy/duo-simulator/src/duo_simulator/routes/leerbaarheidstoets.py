"""Leerbaarheidstoets.openapi.yml"""

from fastapi import Path, Request, Response

from duo_simulator.routing import BSN, NietGevondenError, antwoord, duo_router, persoon

router = duo_router("1.2.0", tags=["Leerbaarheidstoets"])


@router.get("/personen/{bsn}/lbt/examennummer")
async def get_examennummer(request: Request, bsn: str = Path(pattern=BSN)):
    examennummer = persoon(request, bsn).feiten.examennummer
    if examennummer is None:
        raise NietGevondenError(bsn)
    return antwoord({"examennummer": examennummer})


@router.delete("/personen/{bsn}/lbt/examennummer")
async def delete_examennummer(request: Request, bsn: str = Path(pattern=BSN)):
    gevonden = persoon(request, bsn)
    if gevonden.feiten.examennummer is None:
        raise NietGevondenError(bsn)
    gevonden.feiten = gevonden.feiten.model_copy(update={"examennummer": None})
    return Response(status_code=200)


@router.get("/personen/{bsn}/lbt/resultaten")
async def get_lbt_resultaten(request: Request, bsn: str = Path(pattern=BSN)):
    return antwoord(persoon(request, bsn).feiten.leerbaarheidstoetsResultaten)
