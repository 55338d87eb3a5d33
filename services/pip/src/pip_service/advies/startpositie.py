"""What the person's starting point, as the brede intake records it, adds to the leerroute advice.

The current language level per skill and the diplomas with their IDW waardering
(contracts/profiel.py). Where the law attaches a consequence to them, the reason
names the article and who decides it; where the law gives no rule, the reason
shows the fact for the klantmanager and decides nothing.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from inburgering_shared.contracts.profiel import TAALNIVEAU_VOLGORDE, IdwNiveau, Taalniveau, Vaardigheid

from .reden import REGELING, WET, Reden

BRON_TAALNIVEAU = f"{WET} art. 14 (brede intake: de uitgangssituatie van de inburgeraar)"
BRON_TAAL_VRIJSTELLING = (
    f"{REGELING} art. 3.12 (vrijstelling van een examenonderdeel met een bewijsstuk op ten minste B1, "
    "zoals DUO's Vrijstelling API het noemt: reden GED); DUO beslist"
)
BRON_DIPLOMA_VRIJSTELLING = (
    f"{REGELING} art. 2.1, onderdelen c tot en met f (vrijstellende diploma's: in Nederland of met "
    "Nederlandstalig onderwijs behaald; DUO's Vrijstelling API, redenen DIP en DOC); DUO beslist"
)
BRON_IDW = (
    f"{WET} art. 15 (leerroute naar de mogelijkheden van de inburgeraar); "
    "de wet verbindt aan een diplomawaardering geen leerroute"
)
BRON_B1_BEREIKT = f"{WET} art. 15 (leerroute naar de mogelijkheden van de inburgeraar)"


@dataclass(frozen=True)
class DiplomaFeit:
    """A diploma as the brede intake records it; `idw_niveau` is the Dutch level IDW compares it with."""

    naam: str
    land: str
    onderwijstaal: str | None = None
    idw_niveau: IdwNiveau | None = None


@dataclass(frozen=True)
class Startpositie:
    taalniveaus: Mapping[Vaardigheid, Taalniveau] = field(default_factory=dict)
    diplomas: tuple[DiplomaFeit, ...] = ()


def minstens(niveau: Taalniveau, grens: Taalniveau) -> bool:
    return TAALNIVEAU_VOLGORDE.index(niveau) >= TAALNIVEAU_VOLGORDE.index(grens)


def b1_bereikt(taalniveaus: Mapping[Vaardigheid, Taalniveau]) -> Reden | None:
    """A reason that B1 is haalbaar when every skill is known at B1 or higher, else None.

    The level the B1-route aims at (Wet art. 15: the leerroute fits what the person can do) has
    already been reached on lezen, luisteren, spreken and schrijven. Used only when the
    leerbaarheidstoets gives no answer: the toets decides when it does.
    """
    if not all(v in taalniveaus and minstens(taalniveaus[v], Taalniveau.B1) for v in Vaardigheid):
        return None
    return Reden(
        "TAALNIVEAU_B1_HAALBAAR",
        "De leerbaarheidstoets geeft geen uitslag, maar het huidige taalniveau is al B1 of hoger "
        "op lezen, luisteren, spreken en schrijven: B1 is haalbaar.",
        BRON_B1_BEREIKT,
    )


def taalniveau_redenen(taalniveaus: Mapping[Vaardigheid, Taalniveau]) -> list[Reden]:
    """The current level per skill as a fact, and what a level of B1 or higher means in law.

    A level measured or estimated in the brede intake is not an exam: the plicht is not met by
    it. Only a document the Regeling names (such as a certificate of the Staatsexamen NT2) lets
    DUO exempt the person from that part of the exam (Regeling inburgering 2021 art. 3.12, as
    DUO's Vrijstelling API cites it). So the reason tells the klantmanager to ask for one.
    """
    bekend = [v for v in Vaardigheid if v in taalniveaus]
    if not bekend:
        return []
    redenen = [
        Reden(
            "TAALNIVEAU_HUIDIG",
            "Huidig taalniveau: " + ", ".join(f"{v.value} {taalniveaus[v].value}" for v in bekend) + ".",
            BRON_TAALNIVEAU,
        )
    ]
    op_b1 = [v.value for v in bekend if minstens(taalniveaus[v], Taalniveau.B1)]
    if op_b1:
        redenen.append(
            Reden(
                "TAALNIVEAU_B1_BEREIKT",
                f"Op {', '.join(op_b1)} al B1 of hoger. Dat niveau is geen examen: alleen een "
                "bewijsstuk dat de Regeling noemt (zoals een certificaat van het Staatsexamen NT2) geeft "
                "DUO grond voor vrijstelling van dat examenonderdeel. Vraag de inburgeraar ernaar.",
                BRON_TAAL_VRIJSTELLING,
            )
        )
    return redenen


def nederlandstalig(diploma: DiplomaFeit) -> bool:
    """Obtained in the Netherlands or with Dutch as the language of instruction."""
    return diploma.land.strip().casefold() == "nederland" or (
        diploma.onderwijstaal is not None and diploma.onderwijstaal.strip().casefold() == "nederlands"
    )


def diploma_redenen(diplomas: tuple[DiplomaFeit, ...]) -> list[Reden]:
    """Per diploma what the law says of it, and its IDW waardering as a fact.

    A diploma obtained in the Netherlands or with Dutch-language education may exempt the person
    from the inburgeringsplicht (Regeling inburgering 2021 art. 2.1, onderdelen c-f): DUO decides
    on that, so the advice signals it and assumes nothing. A foreign diploma's IDW waardering
    gives a comparable Dutch level; the law attaches no leerroute and no exemption to it, so it is
    shown for the klantmanager's choice between B1-route and Onderwijsroute.
    """
    redenen = []
    for d in diplomas:
        naam = f"Diploma {d.naam} ({d.land})"
        if nederlandstalig(d):
            redenen.append(
                Reden(
                    "DIPLOMA_NEDERLANDSTALIG",
                    f"{naam} is in Nederland of met Nederlandstalig onderwijs behaald: dat kan grond zijn "
                    "voor vrijstelling van de inburgeringsplicht. DUO beslist daarover op aanvraag; "
                    "dit advies gaat er niet van uit.",
                    BRON_DIPLOMA_VRIJSTELLING,
                )
            )
        if d.idw_niveau is not None:
            redenen.append(
                Reden(
                    "DIPLOMA_IDW",
                    f"{naam} is door IDW (Nuffic) gewaardeerd als vergelijkbaar met {d.idw_niveau.value}. "
                    "Weeg dit mee bij de keuze tussen de B1-route en de Onderwijsroute.",
                    BRON_IDW,
                )
            )
        elif not nederlandstalig(d):
            redenen.append(Reden("DIPLOMA_ZONDER_WAARDERING", f"{naam} heeft geen IDW-waardering.", BRON_IDW))
    return redenen


def startpositie_redenen(startpositie: Startpositie) -> list[Reden]:
    return taalniveau_redenen(startpositie.taalniveaus) + diploma_redenen(startpositie.diplomas)
