"""Applying the law's rules to a PIP edit; each refusal is a 422 naming its rule (R6, R7, Awb 3:46)."""

from datetime import date, timedelta

from inburgering_shared.contracts.resources import Doelgroep, Leerroute, Niveau
from inburgering_shared.duo import validatie as duo_validatie
from inburgering_shared.problems import InvalidParam, RuleViolation

from ..advies import rules as advies_rules
from ..concept.rules import laatste_dag_termijn
from . import rules as pip_rules
from .models import Pip
from .schemas import PipInhoud


def _weiger(meldingen: list[tuple[str, str, str, str]]) -> RuleViolation:
    """`meldingen` as (veld, code, tekst, bron)."""
    return RuleViolation(
        " ".join(tekst for _, _, tekst, _ in meldingen),
        invalid_params=[
            InvalidParam(name=veld, code=code, reason=f"{tekst} Bron: {bron}")
            for veld, code, tekst, bron in meldingen
        ],
    )


def aanlevering(leerroute: Leerroute, niveau: str | None, dagtekening: date) -> duo_validatie.PipAanlevering:
    """The PIP as DUO would receive it, with DUO's default niveau applied (R6)."""
    return duo_validatie.met_standaard_niveau(
        duo_validatie.PipAanlevering(
            dagtekening=dagtekening, leerroute=leerroute, niveau=Niveau(niveau) if niveau else None
        )
    )


def check_duo_regels(pip: Pip, pip_aanlevering: duo_validatie.PipAanlevering) -> None:
    """Refuse what DUO would refuse (R6), so nothing vastgesteld is ever rejected by DUO."""
    if pip.datum_inschrijving_brp is None:
        raise _weiger(
            [
                (
                    "datumInschrijvingBrp",
                    "R6",
                    "Een PIP kan pas worden vastgesteld als de inschrijving in de BRP bekend is.",
                    "DUO PIP API (dagtekening niet voor de vestiging in de gemeente)",
                )
            ]
        )
    # Until DUO's Inburgeringsplicht is read (DUO sync), the kennisgeving marks the start of the plicht.
    context = duo_validatie.PipContext(
        start_inburgeringsplicht=pip.datum_kennisgeving or pip.datum_inschrijving_brp,
        datum_vestiging_gemeente=pip.datum_inschrijving_brp,
        doelgroep=Doelgroep(pip.doelgroep),
        dagtekening_eerste_pip=pip.dagtekening_eerste_pip,
        dagtekening_actuele_pip=pip.dagtekening,
    )
    overtredingen = duo_validatie.pip_overtredingen(pip_aanlevering, context)
    if overtredingen:
        raise _weiger([(o.veld, o.code, f"{o.melding} ({o.regel})", o.bron) for o in overtredingen])


def check_volledig(pip: Pip, leerroute: Leerroute, *, briefhoofd: bool, adres_bekend: bool) -> None:
    """Refuse a PIP that cannot be a complete beschikking: content, contact, gemeente and address."""
    inhoud = PipInhoud.model_validate(pip.inhoud or {})
    tekorten = [
        (t.veld, t.code, t.tekst, t.bron)
        for t in pip_rules.beschikking_tekorten(
            Doelgroep(pip.doelgroep),
            leerroute,
            [(o.component, o.aangeboden, o.start) for o in inhoud.onderdelen],
            len(inhoud.doelen),
        )
    ]
    if inhoud.klantmanager is None:
        tekorten.append(
            (
                "klantmanager",
                "KLANTMANAGER_ONTBREEKT",
                "Het PIP noemt geen klantmanager met telefoon en e-mail.",
                "Awb art. 3:46; Wet inburgering 2021 art. 15",
            )
        )
    if not briefhoofd:
        tekorten.append(
            (
                "briefhoofd",
                "BRIEFHOOFD_ONTBREEKT",
                "De gemeente heeft geen briefhoofd (naam, postadres, ondertekenaar) in haar instellingen.",
                "Awb art. 3:45 (orgaan en adres voor bezwaar) en 1:3",
            )
        )
    if not adres_bekend:
        tekorten.append(
            (
                "verblijfsadres",
                "ADRES_ONBEKEND",
                "Het adres van de inburgeraar is niet bekend; de beschikking kan niet worden bekendgemaakt.",
                "Awb art. 3:41 lid 1",
            )
        )
    if tekorten:
        raise _weiger(tekorten)


def check_afwijking(pip: Pip, gekozen: Leerroute) -> None:
    """A choice other than the advised leerroute needs a recorded motivering (Awb 3:46)."""
    if not pip.advies:
        return
    advies = advies_rules.Advies(Leerroute(pip.advies["leerroute"]), None)
    afwijking = advies_rules.afwijking_toegestaan(advies, gekozen, pip.motivering)
    if not afwijking.toegestaan:
        raise _weiger([("motivering", afwijking.reden.code, afwijking.reden.tekst, afwijking.reden.bron)])


def check_routewijziging(
    pip: Pip, nieuwe: Leerroute, dagtekening: date, reden: str, max_wijzigingen: int
) -> None:
    """A leerroute change within the limits of R7 (time and the gemeente's maximum)."""
    assert pip.leerroute is not None and pip.dagtekening_eerste_pip is not None
    wijziging = pip_rules.Routewijziging(
        huidige=Leerroute(pip.leerroute),
        nieuwe=nieuwe,
        wijzigingsdatum=dagtekening,
        dagtekening_eerste_pip=pip.dagtekening_eerste_pip,
        einde_termijn=laatste_dag_termijn(pip.dagtekening_eerste_pip) + timedelta(days=1),
        eerdere_wijzigingen=pip.routewijzigingen,
        motivering=reden,
    )
    beslissing = pip_rules.routewijziging_toegestaan(wijziging, max_wijzigingen)
    if not beslissing.toegestaan:
        raise _weiger([("leerroute", r.code, f"{r.tekst} (R7)", r.bron) for r in beslissing.redenen])


def check_plicht(pip: Pip) -> None:
    """No PIP for the Wet inburgering 2013 (art. 54 lid 1) nor after the plicht ended."""
    if (reden := pip_rules.geen_pip(pip.wet, pip.eindreden, pip.eindregel)) is not None:
        raise _weiger([("inburgeraar", reden.code, reden.tekst, reden.bron)])


def check_afschalen(pip: Pip, aantoonbare_inspanning: str | None) -> str:
    """A2 on the B1-route only after 600 hours of language lessons and demonstrable effort (R8); returns
    the ground the beschikking names."""
    uren = sum(int(u) for u in (pip.lesuren or {}).values())
    redenen = pip_rules.afschalen_redenen(uren, aantoonbare_inspanning)
    if redenen:
        raise _weiger([("niveau", r.code, r.tekst, r.bron) for r in redenen])
    assert aantoonbare_inspanning is not None
    return pip_rules.afschaalgrond(uren, aantoonbare_inspanning)
