"""The simulator's control API under /simulator: seed DUO's facts, read back what gemeenten wrote,
plan outages, fix today's date and send notifications. Not part of DUO's contract."""

from fastapi import APIRouter, HTTPException, Path, Request, Response
from fastapi.encoders import jsonable_encoder

from duo_simulator import notifier
from duo_simulator.control_schemas import (
    NotificatieOpdracht,
    NotificatieVerslag,
    PersoonFeiten,
    Referentiedata,
    StoringInstelling,
    VastAntwoord,
    VasteDatum,
)
from duo_simulator.state import Persoon, SimulatorState

router = APIRouter(prefix="/simulator", tags=["Simulator (geen DUO-contract)"])


def _state(request: Request) -> SimulatorState:
    return request.app.state.simulator


def _persoon(request: Request, bsn: str) -> Persoon:
    gevonden = _state(request).personen.get(bsn)
    if gevonden is None:
        raise HTTPException(404, f"Persoon {bsn} is niet bekend in de simulator")
    return gevonden


@router.put("/personen/{bsn}")
async def zet_persoon(
    feiten: PersoonFeiten, request: Request, response: Response, bsn: str = Path(pattern=r"^\d{9}$")
):
    """Create the person, or replace DUO's facts about them (what gemeenten wrote is kept)."""
    personen = _state(request).personen
    if bsn in personen:
        personen[bsn].feiten = feiten
    else:
        personen[bsn] = Persoon.uit_feiten(feiten)
        response.status_code = 201
    return _weergave(personen[bsn])


@router.get("/personen/{bsn}")
async def lees_persoon(request: Request, bsn: str):
    """DUO's facts plus everything gemeenten have written for the person."""
    return _weergave(_persoon(request, bsn))


@router.delete("/personen/{bsn}", status_code=204)
async def verwijder_persoon(request: Request, bsn: str):
    _persoon(request, bsn)
    del _state(request).personen[bsn]


def _weergave(persoon: Persoon) -> dict:
    return jsonable_encoder(
        {
            "feiten": persoon.feiten,
            "pips": [
                {"gemeenteOin": p.gemeenteOin, "gemeentecode": p.gemeentecode, "pip": p.pip}
                for p in persoon.pips
            ],
            "map": _resultaat(persoon.map),
            "pvt": _resultaat(persoon.pvt),
            "zroute": _resultaat(persoon.zroute),
            "uren": persoon.uren,
            "inburgeringsaanbod": persoon.inburgeringsaanbod,
        },
        exclude_none=True,
    )


def _resultaat(registratie) -> dict | None:
    if registratie is None:
        return None
    return {"gemeenteOin": registratie.gemeenteOin, **registratie.resultaat.model_dump(exclude_none=True)}


@router.get("/contactpersonen")
async def lees_contactpersonen(request: Request):
    return [
        {
            "id": id,
            "gemeenteOin": c.gemeenteOin,
            "contactpersoongegevens": c.gegevens,
            "personen": sorted(c.personen),
        }
        for id, c in _state(request).contactpersonen.items()
    ]


@router.put("/referentiedata")
async def zet_referentiedata(data: Referentiedata, request: Request):
    """The verlengingsgronden and instellingen DUO publishes."""
    state = _state(request)
    state.verlengingsgronden = data.verlengingsgronden
    state.instellingen = data.instellingen
    return data


@router.put("/storing")
async def zet_storing(storing: StoringInstelling, request: Request):
    """From now on answer 503 to DUO requests: the next `aantal`, or all until cleared."""
    _state(request).storing.zet(storing.aantal)
    return await lees_storing(request)


@router.get("/storing")
async def lees_storing(request: Request):
    storing = _state(request).storing
    return {"actief": storing.actief, "resterend": storing.resterend}


@router.delete("/storing", status_code=204)
async def wis_storing(request: Request):
    _state(request).storing.wis()


@router.post("/vaste-antwoorden", status_code=201)
async def zet_vast_antwoord(vast: VastAntwoord, request: Request):
    """From now on answer this request with this body (also one outside DUO's contract), until removed."""
    _state(request).vaste_antwoorden[(vast.methode, vast.pad)] = vast
    return vast


@router.get("/vaste-antwoorden", response_model=list[VastAntwoord])
async def lees_vaste_antwoorden(request: Request):
    return list(_state(request).vaste_antwoorden.values())


@router.delete("/vaste-antwoorden", status_code=204)
async def wis_vaste_antwoorden(request: Request):
    """DUO answers by its rules again."""
    _state(request).vaste_antwoorden.clear()


@router.put("/vandaag")
async def zet_vandaag(vaste: VasteDatum, request: Request):
    """Fix the date DUO's rules take as today."""
    _state(request).vaste_datum = vaste.datum
    return vaste


@router.delete("/vandaag", status_code=204)
async def wis_vandaag(request: Request):
    _state(request).vaste_datum = None


@router.post("/notificaties", response_model=NotificatieVerslag)
async def stuur_notificatie(opdracht: NotificatieOpdracht, request: Request):
    """POST a DUO Notificatie to the callback URL and report the status the gemeente answered."""
    doel = opdracht.doel
    if doel is None:
        persoon = _state(request).personen.get(opdracht.bsn)
        if persoon is None:
            raise HTTPException(422, "Geef 'doel' op: de persoon is niet bekend in de simulator")
        doel = persoon.feiten.gemeenteOin
    verslag = await notifier.verstuur(
        opdracht,
        bron=request.app.state.duo_oin,
        doel=doel,
        identiteit=request.app.state.identiteit,
        transport=request.app.state.notificatie_transport,
    )
    _state(request).notificaties.append(verslag)
    return verslag


@router.get("/notificaties", response_model=list[NotificatieVerslag])
async def lees_notificaties(request: Request):
    return _state(request).notificaties


@router.post("/reset", status_code=204)
async def reset(request: Request):
    """Forget everything."""
    request.app.state.simulator = SimulatorState()
