from datetime import date
from typing import Any, TypeVar

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.resources import Leerroute
from inburgering_shared.etag import check_if_match_for_put
from inburgering_shared.problems import NotFound
from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from ..readmodel.models import Dossier
from . import rules
from .models import AanbiederContract, SpukBudget, Uitgave
from .schemas import BudgetOverzicht, BudgetRegel, ContractRead, ContractWrite, SpukBudgetWrite, UitgaveWrite

Row = TypeVar("Row", SpukBudget, AanbiederContract)


def _stored(session: Session, principal: Principal, model: type[Row], sleutel: dict[str, Any]) -> Row | None:
    principal.check_gemeente(sleutel["gemeentecode"])
    return session.get(model, sleutel)


def _vervang(
    session: Session, model: type[Row], sleutel: dict[str, Any], if_match: str | None, **waarden: Any
) -> Row:
    """Create (no If-Match) or replace the row whose version the caller read."""
    rij = session.get(model, sleutel)
    check_if_match_for_put(if_match, rij.rijversie if rij else None)
    if rij is None:
        rij = model(**sleutel)
        session.add(rij)
    for naam, waarde in waarden.items():
        setattr(rij, naam, waarde)
    session.flush()
    return rij


def _budget_sleutel(gemeentecode: str, jaar: int) -> dict[str, Any]:
    return {"gemeentecode": gemeentecode, "jaar": jaar}


def _contract_sleutel(
    gemeentecode: str, jaar: int, taalaanbieder: str, leerroute: Leerroute
) -> dict[str, Any]:
    return {
        "gemeentecode": gemeentecode,
        "jaar": jaar,
        "taalaanbieder": taalaanbieder,
        "leerroute": leerroute.value,
    }


def budget_read(budget: SpukBudget) -> SpukBudgetWrite:
    return SpukBudgetWrite(gemeentecode=budget.gemeentecode, jaar=budget.jaar, bedrag=budget.bedrag)


def contract_read(contract: AanbiederContract) -> ContractRead:
    leerroute = Leerroute(contract.leerroute)
    return ContractRead(
        gemeentecode=contract.gemeentecode,
        jaar=contract.jaar,
        taalaanbieder=contract.taalaanbieder,
        leerroute=leerroute,
        prijs=contract.prijs,
        afwijkendVanSeed004=rules.prijs_afwijkend(leerroute, contract.prijs),
    )


def get_budget(session: Session, *, principal: Principal, gemeentecode: str, jaar: int) -> SpukBudget:
    budget = _stored(session, principal, SpukBudget, _budget_sleutel(gemeentecode, jaar))
    if budget is None:
        raise NotFound(f"Geen SPUK-budget voor {gemeentecode} in {jaar}.")
    return budget


def zet_budget(
    session: Session, *, principal: Principal, data: SpukBudgetWrite, if_match: str | None
) -> SpukBudget:
    sleutel = _budget_sleutel(data.gemeentecode, data.jaar)
    principal.check_gemeente(data.gemeentecode)
    return _vervang(session, SpukBudget, sleutel, if_match, bedrag=data.bedrag)


def get_contract(
    session: Session,
    *,
    principal: Principal,
    gemeentecode: str,
    jaar: int,
    taalaanbieder: str,
    leerroute: Leerroute,
) -> AanbiederContract:
    contract = _stored(
        session, principal, AanbiederContract, _contract_sleutel(gemeentecode, jaar, taalaanbieder, leerroute)
    )
    if contract is None:
        raise NotFound(f"Geen contract met {taalaanbieder} voor de {leerroute.value} in {jaar}.")
    return contract


def zet_contract(
    session: Session, *, principal: Principal, data: ContractWrite, if_match: str | None
) -> AanbiederContract:
    sleutel = _contract_sleutel(data.gemeentecode, data.jaar, data.taalaanbieder, data.leerroute)
    principal.check_gemeente(data.gemeentecode)
    return _vervang(session, AanbiederContract, sleutel, if_match, prijs=data.prijs)


def registreer_uitgave(
    session: Session, *, principal: Principal, data: UitgaveWrite
) -> tuple[UitgaveWrite, bool]:
    """Idempotent on the invoice's kenmerk: the same invoice twice is one record; a correction replaces it."""
    principal.check_gemeente(data.gemeentecode)
    uitgave = session.scalar(
        select(Uitgave).where(Uitgave.gemeentecode == data.gemeentecode, Uitgave.kenmerk == data.kenmerk)
    )
    created = uitgave is None
    if uitgave is None:
        uitgave = Uitgave(gemeentecode=data.gemeentecode, kenmerk=data.kenmerk)
        session.add(uitgave)
    uitgave.datum, uitgave.bedrag, uitgave.taalaanbieder = data.datum, data.bedrag, data.taalaanbieder
    session.flush()
    return data, created


def budget_overzicht(session: Session, *, gemeentecode: str, jaar: int, vandaag: date) -> BudgetOverzicht:
    """Committed: trajectories whose termijn started in the year, at their contract's price."""
    started = (
        select(Dossier.taalaanbieder, Dossier.leerroute, func.count().label("trajecten"))
        .where(
            Dossier.gemeentecode == gemeentecode,
            Dossier.termijn_start >= date(jaar, 1, 1),
            Dossier.termijn_start < date(jaar + 1, 1, 1),
        )
        .group_by(Dossier.taalaanbieder, Dossier.leerroute)
    )
    prijzen = {
        (c.taalaanbieder, c.leerroute): c.prijs
        for c in session.scalars(
            select(AanbiederContract).where(
                AanbiederContract.gemeentecode == gemeentecode, AanbiederContract.jaar == jaar
            )
        )
    }
    regels = []
    for aanbieder, leerroute, trajecten in session.execute(started).all():
        prijs = prijzen.get((aanbieder or "", leerroute or ""))
        regels.append(
            BudgetRegel(
                taalaanbieder=aanbieder or "onbekend",
                leerroute=leerroute or "onbekend",
                prijs=prijs,
                trajecten=trajecten,
                verplicht=(prijs or 0) * trajecten,
            )
        )
    regels.sort(key=lambda r: (r.taalaanbieder, r.leerroute))
    uitgegeven = (
        session.scalar(
            select(func.coalesce(func.sum(Uitgave.bedrag), 0)).where(
                Uitgave.gemeentecode == gemeentecode, extract("year", Uitgave.datum) == jaar
            )
        )
        or 0
    )
    budget = session.get(SpukBudget, (gemeentecode, jaar))
    verplicht = sum(r.verplicht for r in regels)
    return BudgetOverzicht(
        gemeentecode=gemeentecode,
        jaar=jaar,
        budget=budget.bedrag if budget else None,
        verplicht=verplicht,
        uitgegeven=uitgegeven,
        prognose=rules.prognose(uitgegeven=uitgegeven, verplicht=verplicht, jaar=jaar, vandaag=vandaag),
        trajectenZonderContract=sum(r.trajecten for r in regels if r.prijs is None),
        regels=regels,
    )
