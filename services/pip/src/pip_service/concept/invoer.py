"""What the draft PIP's rules read of a brede intake (contracts/brede_intake.py), as their plain inputs."""

from inburgering_shared.contracts.brede_intake import BredeIntakeContract
from inburgering_shared.contracts.profiel import Profiel, Vaardigheid

from ..advies import rules as advies_rules
from ..advies.startpositie import DiplomaFeit, Startpositie
from .rules import Bevinding


def advies_input(intake: BredeIntakeContract, max_leeftijd: int) -> advies_rules.AdviesInput | None:
    """The advice's input from a brede intake; None while the intake lacks what the advice needs."""
    toets = intake.leerbaarheidstoets
    if toets is None or intake.vooropleiding is None or intake.alfabetisering is None:
        return None
    return advies_rules.AdviesInput(
        leerbaarheidstoets=advies_rules.Leerbaarheidstoets(
            advies_rules.LeerbaarheidstoetsResultaat(toets.resultaat.value),
            toets.behaaldeScore,
            toets.benodigdeScore,
            toets.waarom_niet_afgenomen(),
        ),
        leeftijd=intake.leeftijd,
        vooropleiding=advies_rules.Vooropleiding(intake.vooropleiding.value),
        alfabetisering=advies_rules.Alfabetisering(intake.alfabetisering.value),
        doelgroep=intake.doelgroep,
        wil_vervolgonderwijs=intake.wilVervolgonderwijs,
        onderwijsroute_max_leeftijd=max_leeftijd,
        startpositie=startpositie(intake.profiel),
    )


def startpositie(profiel: Profiel) -> Startpositie:
    """The language levels per skill and the diplomas of the brede intake's profiel, without their source."""
    taalniveaus = {v: getattr(profiel.taalniveaus, v.value) for v in Vaardigheid}
    diplomas = profiel.diplomas.waarde if profiel.diplomas else []
    return Startpositie(
        taalniveaus={v: t.waarde for v, t in taalniveaus.items() if t is not None},
        diplomas=tuple(
            DiplomaFeit(
                d.naam, d.land, d.onderwijstaal, d.waardering.vergelijkbaarNiveau if d.waardering else None
            )
            for d in diplomas
        ),
    )


def bevindingen(intake: BredeIntakeContract) -> list[Bevinding]:
    return [
        Bevinding(b.leefgebied.value, b.zelfredzaamheid, b.observaties, b.wensen, b.behoeften)
        for b in intake.leefgebieden
    ]
