"""The local offer catalogue: partners publish activities, klantmanagers search and plan them."""

import uuid

from inburgering_shared.auth import Principal
from inburgering_shared.problems import NotFound
from sqlalchemy.orm import Session

from . import repository
from .models import Activiteit
from .schemas import ActiviteitNieuw, Stap, Taalniveau

NIVEAUS = list(Taalniveau)


def leefgebieden_kolom(leefgebieden: list[str]) -> str:
    return "|" + "|".join(sorted(set(leefgebieden))) + "|"


def leefgebieden_lijst(kolom: str) -> list[str]:
    return [deel for deel in kolom.split("|") if deel]


def publiceer_activiteit(
    session: Session, *, principal: Principal, gemeentecode: str, nieuw: ActiviteitNieuw
) -> Activiteit:
    principal.check_gemeente(gemeentecode)
    activiteit = Activiteit(
        id=uuid.uuid4(),
        gemeentecode=gemeentecode,
        aanbieder=nieuw.aanbieder,
        titel=nieuw.titel,
        omschrijving=nieuw.omschrijving,
        stap=nieuw.stap.value,
        leefgebieden=leefgebieden_kolom([lg.value for lg in nieuw.leefgebieden]),
        taalniveau=nieuw.taalniveau.value if nieuw.taalniveau else None,
        plaats=nieuw.plaats,
        rooster=nieuw.rooster,
        capaciteit=nieuw.capaciteit,
        gepubliceerd_door=principal.user_id or principal.client_id,
    )
    session.add(activiteit)
    session.flush()
    return activiteit


def get_activiteit(session: Session, *, principal: Principal, activiteit_id: uuid.UUID) -> Activiteit:
    activiteit = repository.get(session, activiteit_id)
    if activiteit is None or not principal.may_access(activiteit.gemeentecode):
        raise NotFound("Activiteit niet gevonden.")
    return activiteit


def zoek_activiteiten(
    session: Session,
    *,
    principal: Principal,
    stap: Stap | None,
    leefgebied: str | None,
    taalniveau: Taalniveau | None,
    tekst: str | None,
    offset: int,
    limit: int,
) -> tuple[int, list[Activiteit]]:
    """Activities by step, leefgebied and text; `taalniveau` finds what someone at that level can join."""
    niveaus = [n.value for n in NIVEAUS[: NIVEAUS.index(taalniveau) + 1]] if taalniveau else None
    return repository.zoek(
        session,
        gemeenten=principal.gemeente_filter(),
        stap=stap.value if stap else None,
        leefgebied=leefgebied,
        taalniveaus=niveaus,
        tekst=tekst,
        offset=offset,
        limit=limit,
    )
