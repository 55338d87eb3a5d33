"""GevolgdeUren.openapi.yml: each PUT replaces the gemeente's total for one kind of hours."""

from fastapi import Path, Request, Response

from duo_simulator.routing import BSN, antwoord, bron, duo_router, persoon
from duo_simulator.schemas import (
    ParticipatieactiviteitenBredeIntake,
    ParticipatieAlsTaalles,
    TaallesEnKnmBredeIntake,
)

router = duo_router("1.0.0", tags=["Gevolgde uren"])


def _zet(
    request: Request,
    bsn: str,
    soort: str,
    bericht: TaallesEnKnmBredeIntake | ParticipatieactiviteitenBredeIntake | ParticipatieAlsTaalles,
) -> Response:
    gevonden = persoon(request, bsn)
    gevonden.uren.setdefault(gevonden.gemeentecode_van(bron(request)), {})[soort] = bericht.uren
    return Response(status_code=200)


@router.get("/personen/{bsn}/uren")
async def get_uren(request: Request, bsn: str = Path(pattern=BSN)):
    gevonden = persoon(request, bsn)
    return antwoord(
        [
            {"gemeentecode": code, **{soort: {"uren": uren} for soort, uren in per_soort.items()}}
            for code, per_soort in gevonden.uren.items()
        ]
    )


@router.put("/personen/{bsn}/uren/bredeintake/taallesknm")
async def put_taalles_knm_brede_intake(
    bericht: TaallesEnKnmBredeIntake, request: Request, bsn: str = Path(pattern=BSN)
):
    return _zet(request, bsn, "TaallesEnKnmBredeIntake", bericht)


@router.put("/personen/{bsn}/uren/participatieactiviteiten")
async def put_participatieactiviteiten(
    bericht: ParticipatieactiviteitenBredeIntake, request: Request, bsn: str = Path(pattern=BSN)
):
    return _zet(request, bsn, "ParticipatieactiviteitenBredeIntake", bericht)


@router.put("/personen/{bsn}/uren/participatietaalles")
async def put_participatie_als_taalles(
    bericht: ParticipatieAlsTaalles, request: Request, bsn: str = Path(pattern=BSN)
):
    return _zet(request, bsn, "ParticipatieAlsTaalles", bericht)
