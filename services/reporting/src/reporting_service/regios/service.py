from inburgering_shared.auth import Principal
from inburgering_shared.problems import NotFound
from sqlalchemy.orm import Session

from .models import Regio, RegioGemeente
from .schemas import RegioRead, RegioWrite


def to_read(regio: Regio) -> RegioRead:
    return RegioRead(code=regio.code, naam=regio.naam, gemeenten=[lid.gemeentecode for lid in regio.leden])


def check_regio(principal: Principal, gemeenten: list[str]) -> None:
    """A region is seen jointly only by a caller entitled to every one of its gemeenten."""
    for gemeentecode in gemeenten:
        principal.check_gemeente(gemeentecode)


def get_regio(session: Session, *, principal: Principal, code: str) -> RegioRead:
    regio = session.get(Regio, code)
    if regio is None:
        raise NotFound(f"Regio {code} bestaat niet.")
    read = to_read(regio)
    check_regio(principal, read.gemeenten)
    return read


def zet_regio(session: Session, *, principal: Principal, code: str, data: RegioWrite) -> RegioRead:
    gemeenten = sorted(set(data.gemeenten))
    check_regio(principal, gemeenten)
    regio = session.get(Regio, code)
    if regio is None:
        regio = Regio(code=code, naam=data.naam)
        session.add(regio)
    else:
        check_regio(principal, [lid.gemeentecode for lid in regio.leden])
    regio.naam = data.naam
    regio.leden = [RegioGemeente(regio_code=code, gemeentecode=g) for g in gemeenten]
    session.flush()
    return to_read(regio)
