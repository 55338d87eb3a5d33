"""What the draft PIP's rules read of a brede intake (contracts/brede_intake.py), as their plain inputs."""

from inburgering_shared.contracts.brede_intake import BredeIntakeContract

from ..advies import rules as advies_rules
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
    )


def bevindingen(intake: BredeIntakeContract) -> list[Bevinding]:
    return [
        Bevinding(b.leefgebied.value, b.zelfredzaamheid, b.observaties, b.wensen, b.behoeften)
        for b in intake.leefgebieden
    ]
