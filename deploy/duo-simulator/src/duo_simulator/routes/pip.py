"""PIP.openapi.yml"""

from fastapi import Path, Request, Response

from duo_simulator.routing import (
    BSN,
    NietGevondenError,
    WeigeringError,
    antwoord,
    bron,
    duo_router,
    persoon,
    weiger_bij,
)
from duo_simulator.schemas import PIP, PipGemeente
from duo_simulator.state import PipRegistratie
from duo_simulator.validation import pip_fouten, pip_met_standaardniveau, pip_verwijderen_fouten

router = duo_router("1.2.0", tags=["PIP"])


@router.get("/personen/{bsn}/PIP")
async def get_pip(request: Request, bsn: str = Path(pattern=BSN)):
    actueel = persoon(request, bsn).actuele_pip
    if actueel is None:
        raise NietGevondenError(bsn)
    return antwoord(PipGemeente(gemeentecode=actueel.gemeentecode, pip=actueel.pip))


@router.post("/personen/{bsn}/PIP", status_code=201)
async def post_pip(pip: PIP, request: Request, bsn: str = Path(pattern=BSN)):
    gevonden = persoon(request, bsn, met_foutmelding=True)
    if gevonden.feiten.gemeenteOin != bron(request):
        raise WeigeringError(["Alleen de gemeente waar de inburgeraar gevestigd is kan een PIP aanleveren."])
    weiger_bij(pip_fouten(gevonden, pip))
    gevonden.pips.append(
        PipRegistratie(bron(request), gevonden.feiten.gemeentecode, pip_met_standaardniveau(pip))
    )
    return Response(status_code=201)


@router.delete("/personen/{bsn}/PIP")
async def delete_pip(request: Request, bsn: str = Path(pattern=BSN)):
    gevonden = persoon(request, bsn, met_foutmelding=True)
    actueel = gevonden.actuele_pip
    if actueel is None:
        raise NietGevondenError(bsn)
    if actueel.gemeenteOin != bron(request):
        raise WeigeringError(["Alleen de gemeente van de actuele PIP kan deze verwijderen."])
    weiger_bij(pip_verwijderen_fouten(gevonden))
    gevonden.pips.pop()
    return Response(status_code=200)
