import uuid

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from .models import Activiteit


def get(session: Session, activiteit_id: uuid.UUID) -> Activiteit | None:
    return session.get(Activiteit, activiteit_id)


def zoek(
    session: Session,
    *,
    gemeenten: frozenset[str] | None,
    stap: str | None,
    leefgebied: str | None,
    taalniveaus: list[str] | None,
    tekst: str | None,
    offset: int,
    limit: int,
) -> tuple[int, list[Activiteit]]:
    query = select(Activiteit)
    if gemeenten is not None:
        query = query.where(Activiteit.gemeentecode.in_(gemeenten))
    if stap is not None:
        query = query.where(Activiteit.stap == stap)
    if leefgebied is not None:
        query = query.where(Activiteit.leefgebieden.contains(f"|{leefgebied}|", autoescape=True))
    if taalniveaus is not None:
        query = query.where(or_(Activiteit.taalniveau.is_(None), Activiteit.taalniveau.in_(taalniveaus)))
    if tekst:
        tekst = tekst.lower()
        query = query.where(
            or_(
                func.lower(Activiteit.titel).contains(tekst, autoescape=True),
                func.lower(Activiteit.aanbieder).contains(tekst, autoescape=True),
            )
        )
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Activiteit.titel, Activiteit.id).offset(offset).limit(limit))
    return count, list(rows)
