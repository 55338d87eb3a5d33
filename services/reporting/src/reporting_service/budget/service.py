from datetime import date

from inburgering_shared.auth import Principal
from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from ..readmodel.models import Dossier
from . import rules
from .models import AanbiederContract, SpukBudget, Uitgave
from .schemas import BudgetOverzicht, BudgetRegel, ContractRead, ContractWrite, SpukBudgetWrite, UitgaveWrite


def zet_budget(session: Session, *, principal: Principal, data: SpukBudgetWrite) -> SpukBudgetWrite:
    principal.check_gemeente(data.gemeentecode)
    session.merge(SpukBudget(gemeentecode=data.gemeentecode, jaar=data.jaar, bedrag=data.bedrag))
    session.flush()
    return data


def zet_contract(session: Session, *, principal: Principal, data: ContractWrite) -> ContractRead:
    principal.check_gemeente(data.gemeentecode)
    session.merge(
        AanbiederContract(
            gemeentecode=data.gemeentecode,
            jaar=data.jaar,
            taalaanbieder=data.taalaanbieder,
            leerroute=data.leerroute.value,
            prijs=data.prijs,
        )
    )
    session.flush()
    return ContractRead(
        **data.model_dump(), afwijkendVanSeed004=rules.prijs_afwijkend(data.leerroute, data.prijs)
    )


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
