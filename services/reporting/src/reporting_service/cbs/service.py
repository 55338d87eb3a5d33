import io
import uuid
from datetime import date

from inburgering_shared.auth import Principal
from inburgering_shared.problems import InvalidParam, NotFound, RuleViolation
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import layout
from .export import dossier_rows, schrijf
from .models import CbsLevering
from .rules import kwartaal_periode, kwartaal_voorbij, uiterste_leverdatum
from .schemas import LeveringAanvraag, LeveringStatus


def produceer_levering(
    session: Session, *, principal: Principal, aanvraag: LeveringAanvraag, vandaag: date
) -> CbsLevering:
    """Produce, validate and log a quarter's file; only a validated file is released (R16)."""
    principal.check_gemeente(aanvraag.gemeentecode)
    if not kwartaal_voorbij(aanvraag.kwartaal, vandaag):
        raise RuleViolation(
            "Een kwartaal wordt pas na afloop geleverd (R16).",
            invalid_params=[
                InvalidParam(name="kwartaal", code="R16", reason="het kwartaal is nog niet voorbij")
            ],
        )
    bestand = io.BytesIO()
    einde = kwartaal_periode(aanvraag.kwartaal)[1]
    resultaat = schrijf(dossier_rows(session, aanvraag.gemeentecode, einde), aanvraag.kwartaal, bestand)
    vrij = resultaat.aantal_fouten == 0
    levering = CbsLevering(
        gemeentecode=aanvraag.gemeentecode,
        kwartaal=aanvraag.kwartaal,
        layout_versie=layout.LAYOUT_VERSIE,
        status=LeveringStatus.VRIJGEGEVEN if vrij else LeveringStatus.AFGEKEURD,
        aantal_records=resultaat.aantal,
        sha256=resultaat.sha256,
        fouten=resultaat.fouten,
        bestand=bestand.getvalue() if vrij else None,
        uiterste_datum=uiterste_leverdatum(aanvraag.kwartaal),
        aangemaakt_door=principal.user_id or principal.client_id,
    )
    session.add(levering)
    session.flush()
    return levering


def get_levering(session: Session, *, principal: Principal, levering_id: uuid.UUID) -> CbsLevering:
    levering = session.get(CbsLevering, levering_id)
    if levering is None or not principal.may_access(levering.gemeentecode):
        raise NotFound("Deze levering bestaat niet.")
    return levering


def list_leveringen(
    session: Session, *, principal: Principal, gemeentecode: str, offset: int, limit: int
) -> tuple[int, list[CbsLevering]]:
    principal.check_gemeente(gemeentecode)
    where = CbsLevering.gemeentecode == gemeentecode
    count = session.scalar(select(func.count()).select_from(CbsLevering).where(where)) or 0
    rows = session.scalars(
        select(CbsLevering)
        .where(where)
        .order_by(CbsLevering.aangemaakt.desc(), CbsLevering.id)
        .offset(offset)
        .limit(limit)
    )
    return count, list(rows)
