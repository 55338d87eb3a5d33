from inburgering_shared.auth import Principal
from inburgering_shared.etag import check_if_match_for_put
from inburgering_shared.problems import NotFound
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from .models import Regio, RegioGemeente
from .schemas import RegioRead, RegioWrite


def to_read(regio: Regio) -> RegioRead:
    return RegioRead(code=regio.code, naam=regio.naam, gemeenten=[lid.gemeentecode for lid in regio.leden])


def check_regio(principal: Principal, gemeenten: list[str]) -> None:
    """A region is seen jointly only by a caller entitled to every one of its gemeenten."""
    for gemeentecode in gemeenten:
        principal.check_gemeente(gemeentecode)


def get_regio(session: Session, *, principal: Principal, code: str) -> tuple[RegioRead, int]:
    regio = session.get(Regio, code)
    if regio is None:
        raise NotFound(f"Regio {code} bestaat niet.")
    read = to_read(regio)
    check_regio(principal, read.gemeenten)
    return read, regio.rijversie


def zet_regio(
    session: Session, *, principal: Principal, code: str, data: RegioWrite, if_match: str | None
) -> tuple[RegioRead, int]:
    """Create (no If-Match) or replace the region whose version the caller read."""
    gemeenten = sorted(set(data.gemeenten))
    check_regio(principal, gemeenten)
    regio = session.get(Regio, code)
    if regio is not None:
        check_regio(principal, [lid.gemeentecode for lid in regio.leden])
    check_if_match_for_put(if_match, regio.rijversie if regio else None)
    if regio is None:
        regio = Regio(code=code, naam=data.naam)
        session.add(regio)
    regio.naam = data.naam
    flag_modified(regio, "naam")  # a new version also when only the members change
    regio.leden = [RegioGemeente(regio_code=code, gemeentecode=g) for g in gemeenten]
    session.flush()
    return to_read(regio), regio.rijversie
