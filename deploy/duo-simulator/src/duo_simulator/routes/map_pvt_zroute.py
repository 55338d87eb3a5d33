"""MAP_PVT_Zroute.openapi.yml: PUT replaces the whole resource; leaving a field out withdraws it."""

from fastapi import Path, Request, Response

from duo_simulator.routing import (
    BSN,
    NietGevondenError,
    antwoord,
    bron,
    duo_router,
    persoon,
    vandaag,
    weiger_bij,
)
from duo_simulator.schemas import ResultaatMap, ResultaatPvt, ResultaatZroute
from duo_simulator.state import Resultaat, ResultaatRegistratie
from duo_simulator.validation import resultaat_fouten, zroute_fouten

router = duo_router("1.0.0", tags=["MAP, PVT, Z-route"])


def _registratie(request: Request, resultaat: Resultaat) -> ResultaatRegistratie[Resultaat] | None:
    if not resultaat.model_dump(exclude_none=True):
        return None
    return ResultaatRegistratie(bron(request), resultaat)


@router.get("/personen/{bsn}/map")
async def get_map(request: Request, bsn: str = Path(pattern=BSN)):
    registratie = persoon(request, bsn).map
    if registratie is None or registratie.resultaat.datumEindgesprekMap is None:
        raise NietGevondenError(bsn)
    return antwoord({"datumEindgesprekMap": registratie.resultaat.datumEindgesprekMap})


@router.put("/personen/{bsn}/map")
async def put_map(resultaat: ResultaatMap, request: Request, bsn: str = Path(pattern=BSN)):
    gevonden = persoon(request, bsn, met_foutmelding=True)
    weiger_bij(
        resultaat_fouten(
            gevonden,
            "MAP",
            bron(request),
            resultaat.datumEindgesprekMap,
            resultaat.verwijtbaar,
            vandaag(request),
        )
    )
    gevonden.map = _registratie(request, resultaat)
    return Response(status_code=200)


@router.get("/personen/{bsn}/pvt")
async def get_pvt(request: Request, bsn: str = Path(pattern=BSN)):
    registratie = persoon(request, bsn).pvt
    if registratie is None or registratie.resultaat.datumOndertekeningPvt is None:
        raise NietGevondenError(bsn)
    return antwoord({"datumOndertekeningPvt": registratie.resultaat.datumOndertekeningPvt})


@router.put("/personen/{bsn}/pvt")
async def put_pvt(resultaat: ResultaatPvt, request: Request, bsn: str = Path(pattern=BSN)):
    gevonden = persoon(request, bsn, met_foutmelding=True)
    weiger_bij(
        resultaat_fouten(
            gevonden,
            "PVT",
            bron(request),
            resultaat.datumOndertekeningPvt,
            resultaat.verwijtbaar,
            vandaag(request),
        )
    )
    gevonden.pvt = _registratie(request, resultaat)
    return Response(status_code=200)


@router.put("/personen/{bsn}/zroute")
async def put_zroute(resultaat: ResultaatZroute, request: Request, bsn: str = Path(pattern=BSN)):
    gevonden = persoon(request, bsn, met_foutmelding=True)
    weiger_bij(zroute_fouten(gevonden, bron(request), resultaat.datumAfrondingZroute, vandaag(request)))
    gevonden.zroute = _registratie(request, resultaat)
    return Response(status_code=200)
