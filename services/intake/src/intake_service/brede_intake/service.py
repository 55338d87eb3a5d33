"""Use cases of the brede intake."""

import uuid
from datetime import date
from typing import Any

from inburgering_shared.auth import Principal
from inburgering_shared.contracts.brede_intake import (
    GEZONDHEIDSLEEFGEBIEDEN,
    BredeIntakeStatus,
    Leefgebied,
    Leerbaarheidstoets,
)
from inburgering_shared.etag import check_if_match
from inburgering_shared.outbox import Outbox
from inburgering_shared.problems import Conflict, InvalidInput, InvalidParam, NotFound, RuleViolation
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..coa.feiten import klantprofiel_kolommen
from ..coa.models import CoaOverdracht
from ..events import publish_brede_intake_afgerond
from ..inburgeraars.models import Inburgeraar
from ..inburgeraars.service import get_inburgeraar
from ..toestemmingen.rules import Bron, Categorie, Doel
from ..toestemmingen.service import heeft_toestemming
from . import rules
from .models import BredeIntake
from .prefill import feit, neem_feiten_over, profielwaarden
from .schemas import BredeIntakeCreate, BredeIntakeUpdate, ProfielWijziging

RULE_TOESTEMMING = "AVG-art-9-toestemming-gezondheid"


def gezondheid_toegestaan(session: Session, inburgeraar_id: uuid.UUID, peildatum: date) -> bool:
    return heeft_toestemming(
        session,
        inburgeraar_id=inburgeraar_id,
        categorie=Categorie.GEZONDHEID,
        doel=Doel.BREDE_INTAKE,
        peildatum=peildatum,
    )


def start_brede_intake(
    session: Session, *, principal: Principal, data: BredeIntakeCreate
) -> tuple[BredeIntake, bool]:
    """Open the dossier's brede intake, prefilled from COA's latest handover; one per dossier."""
    inburgeraar = get_inburgeraar(session, principal=principal, inburgeraar_id=data.inburgeraar)
    existing = session.scalar(select(BredeIntake).where(BredeIntake.inburgeraar_id == inburgeraar.id))
    if existing is not None:
        return existing, False
    intake = BredeIntake(
        inburgeraar_id=inburgeraar.id,
        gemeentecode=inburgeraar.gemeentecode,
        status=BredeIntakeStatus.CONCEPT.value,
        datum_gesprek=data.datumGesprek,
        deelnemers=[],
        leefgebieden={},
        achtergrond={},
        profiel={},
        tegenstrijdigheden=[],
    )
    overdracht = session.scalar(
        select(CoaOverdracht)
        .where(CoaOverdracht.inburgeraar_id == inburgeraar.id)
        .order_by(CoaOverdracht.ontvangen.desc())
        .limit(1)
    )
    if overdracht is not None:
        for kolom, feiten in klantprofiel_kolommen(overdracht.inhoud["klantprofiel"]).items():
            samengevoegd, _ = neem_feiten_over(
                {},
                feiten,
                bron=Bron.COA,
                datum=overdracht.ontvangen.date(),
                referentie=overdracht.coa_referentie,
            )
            setattr(intake, kolom, samengevoegd)
    session.add(intake)
    session.flush()
    return intake, True


def neem_coa_correctie_over(
    intake: BredeIntake, *, klantprofiel: dict[str, Any], referentie: str, ontvangen: date
) -> None:
    """A corrected COA handover refreshes COA's facts; disagreements with the klantmanager are kept."""
    for kolom, feiten in klantprofiel_kolommen(klantprofiel).items():
        samengevoegd, tegenstrijdig = neem_feiten_over(
            getattr(intake, kolom) or {}, feiten, bron=Bron.COA, datum=ontvangen, referentie=referentie
        )
        if intake.status == BredeIntakeStatus.CONCEPT.value:
            setattr(intake, kolom, samengevoegd)
        if tegenstrijdig:
            intake.tegenstrijdigheden = [*intake.tegenstrijdigheden, *tegenstrijdig]


def get_brede_intake(session: Session, *, principal: Principal, intake_id: uuid.UUID) -> BredeIntake:
    intake = session.get(BredeIntake, intake_id)
    if intake is None or not principal.may_access(intake.gemeentecode):
        raise NotFound("Brede intake niet gevonden.")
    return intake


def dossier_id(inburgeraar: str) -> uuid.UUID:
    """The dossier's uuid from its URL (`.../inburgeraars/{uuid}`); anything else is a 400."""
    try:
        return uuid.UUID(inburgeraar.rstrip("/").rsplit("/inburgeraars/", 1)[1])
    except (IndexError, ValueError) as exc:
        raise InvalidInput(
            "Geef de URL van een inburgeraar.",
            invalid_params=[
                InvalidParam(name="inburgeraar", code="url", reason="geen URL van een inburgeraar")
            ],
        ) from exc


def list_brede_intakes(
    session: Session,
    *,
    principal: Principal,
    status: BredeIntakeStatus | None,
    klantmanager: str | None,
    inburgeraar: str | None,
    offset: int,
    limit: int,
) -> tuple[int, list[BredeIntake]]:
    query = select(BredeIntake)
    if inburgeraar is not None:
        query = query.where(BredeIntake.inburgeraar_id == dossier_id(inburgeraar))
    gemeenten = principal.gemeente_filter()
    if gemeenten is not None:
        query = query.where(BredeIntake.gemeentecode.in_(gemeenten))
    if status is not None:
        query = query.where(BredeIntake.status == status.value)
    if klantmanager is not None:
        query = query.join(Inburgeraar, Inburgeraar.id == BredeIntake.inburgeraar_id).where(
            Inburgeraar.klantmanager == klantmanager
        )
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(BredeIntake.aangemaakt, BredeIntake.id).offset(offset).limit(limit))
    return count, list(rows)


def _concept(
    session: Session, principal: Principal, intake_id: uuid.UUID, if_match: str | None
) -> BredeIntake:
    intake = get_brede_intake(session, principal=principal, intake_id=intake_id)
    check_if_match(if_match, intake.versie)
    if intake.status != BredeIntakeStatus.CONCEPT.value:
        raise Conflict("Een afgeronde brede intake kan niet meer worden gewijzigd.")
    return intake


def wijzig_brede_intake(
    session: Session,
    *,
    principal: Principal,
    intake_id: uuid.UUID,
    changes: BredeIntakeUpdate,
    if_match: str | None,
) -> BredeIntake:
    intake = _concept(session, principal, intake_id, if_match)
    fields = changes.model_dump(mode="json", exclude_unset=True)
    if changes.leefgebieden is not None:
        intake.leefgebieden = _merge_leefgebieden(session, intake, changes)
    if changes.achtergrond is not None:
        opgegeven = changes.achtergrond.model_dump(exclude_unset=True)
        intake.achtergrond = {
            **intake.achtergrond,
            **{
                veld: feit(waarde, Bron.KLANTMANAGER, date.today())
                for veld, waarde in opgegeven.items()
                if waarde
            },
        }
        # The klantmanager's choice resolves the conflicts on those fields.
        intake.tegenstrijdigheden = [t for t in intake.tegenstrijdigheden if t["veld"] not in opgegeven]
    if changes.profiel is not None:
        intake.profiel = _wijzig_profiel(intake, changes.profiel)
    if changes.leerbaarheidstoets is not None:
        _check(rules.toets_bevindingen(changes.leerbaarheidstoets), bron=rules.BRON_LBT)
        intake.leerbaarheidstoets = fields["leerbaarheidstoets"]
    if changes.deelnemers is not None:
        intake.deelnemers = fields["deelnemers"]
    scalars = {
        "datumGesprek": "datum_gesprek",
        "vooropleiding": "vooropleiding",
        "alfabetisering": "alfabetisering",
        "wensen": "wensen",
        "wilVervolgonderwijs": "wil_vervolgonderwijs",
        "bijstand": "bijstand",
    }
    for name, column in scalars.items():
        value = getattr(changes, name)
        # Yes/no facts are never unknown: an explicit null leaves them as they are.
        if name in changes.model_fields_set and not (
            value is None and column in ("wil_vervolgonderwijs", "bijstand")
        ):
            setattr(intake, column, value)
    session.flush()
    return intake


def _wijzig_profiel(intake: BredeIntake, wijziging: ProfielWijziging) -> dict[str, Any]:
    """The klantmanager's values replace the stored ones field by field, each with its source and
    today's date; that resolves COA's conflicts on those fields."""
    opgegeven = profielwaarden(wijziging)
    intake.tegenstrijdigheden = [t for t in intake.tegenstrijdigheden if t["veld"] not in opgegeven]
    vandaag = date.today()
    return {
        **(intake.profiel or {}),
        **{veld: feit(waarde, wijziging.opgegevenDoor, vandaag) for veld, waarde in opgegeven.items()},
    }


def _merge_leefgebieden(session: Session, intake: BredeIntake, changes: BredeIntakeUpdate) -> dict[str, Any]:
    bevindingen = changes.leefgebieden or []
    namen = [b.leefgebied for b in bevindingen]
    if len(set(namen)) != len(namen):
        raise RuleViolation(
            "Elk leefgebied komt hooguit een keer voor.",
            invalid_params=[
                InvalidParam(name="leefgebieden", code="dubbel-leefgebied", reason="Dubbel leefgebied.")
            ],
        )
    gezondheid = [b.leefgebied for b in bevindingen if b.leefgebied in GEZONDHEIDSLEEFGEBIEDEN]
    if gezondheid and not gezondheid_toegestaan(session, intake.inburgeraar_id, date.today()):
        raise RuleViolation(
            "Gezondheidsgegevens worden alleen vastgelegd met een geldige toestemming.",
            invalid_params=[
                InvalidParam(name=f"leefgebieden.{lg.value}", code=RULE_TOESTEMMING, reason=rules.BRON_AVG)
                for lg in gezondheid
            ],
        )
    return {**intake.leefgebieden, **{b.leefgebied.value: b.model_dump(mode="json") for b in bevindingen}}


def _check(bevindingen: list[rules.Bevinding], *, bron: str) -> None:
    if bevindingen:
        raise RuleViolation(
            "; ".join(b.reden for b in bevindingen),
            invalid_params=[
                InvalidParam(name=b.veld, code=b.code, reason=f"{b.reden} ({bron})") for b in bevindingen
            ],
        )


def stand(session: Session, intake: BredeIntake, peildatum: date) -> rules.IntakeStand:
    return rules.IntakeStand(
        gescoorde_leefgebieden={
            Leefgebied(naam)
            for naam, b in intake.leefgebieden.items()
            if b.get("zelfredzaamheid") is not None
        },
        gezondheid_toegestaan=gezondheid_toegestaan(session, intake.inburgeraar_id, peildatum),
        leerbaarheidstoets=(
            Leerbaarheidstoets.model_validate(intake.leerbaarheidstoets)
            if intake.leerbaarheidstoets
            else None
        ),
        vooropleiding_bekend=intake.vooropleiding is not None,
        alfabetisering_bekend=intake.alfabetisering is not None,
        klantmanager_deelnemer=any(d["rol"] == "klantmanager" for d in intake.deelnemers),
        datum_gesprek_bekend=intake.datum_gesprek is not None,
    )


def rond_brede_intake_af(
    session: Session,
    outbox: Outbox,
    *,
    api_url: str,
    principal: Principal,
    intake_id: uuid.UUID,
    if_match: str | None,
) -> BredeIntake:
    """Complete the brede intake when nothing required is missing; pip hears of it."""
    intake = _concept(session, principal, intake_id, if_match)
    vandaag = date.today()
    _check(rules.ontbrekend(stand(session, intake, vandaag)), bron=rules.BRON_LEEFGEBIEDEN)
    intake.status = BredeIntakeStatus.AFGEROND.value
    intake.datum_afgerond = vandaag
    session.flush()
    publish_brede_intake_afgerond(session, outbox, api_url, intake)
    return intake
