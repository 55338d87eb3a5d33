"""DUO's gebeurtenissen (Gebeurtenissen.md of DUO's M2M documentation)."""

from enum import StrEnum


class Gebeurtenis(StrEnum):
    """A gebeurtenisId that DUO sends in a Notificatie, with DUO's description.

    The descriptions are those of the first table in which DUO lists the code.
    """

    omschrijving: str

    def __new__(cls, code: str, omschrijving: str) -> "Gebeurtenis":
        member = str.__new__(cls, code)
        member._value_ = code
        member.omschrijving = omschrijving
        return member

    @classmethod
    def van_code(cls, code: str) -> "Gebeurtenis | None":
        """The gebeurtenis DUO means, or None for a code DUO had not published when this was written."""
        gevonden = cls._value2member_map_.get(code)
        return gevonden if isinstance(gevonden, cls) else None

    SS101 = ("SS101", "Persoon is inburgeringsplichtig.")
    SS128 = ("SS128", "Persoon is inburgeringsplichtig, maar bereikt AOW-leeftijd binnen 6 maanden.")
    SS139 = (
        "SS139",
        "Persoon is inburgeringsplichtig en de termijn van 10 weken voor vaststellen leerroute is gestart.",
    )
    SS129 = ("SS129", "Tijdelijke vrijstelling ingetrokken, nog geen leerroute bekend.")
    SS120 = ("SS120", "Inburgeringsplichte in gemeente gevestigd zonder PIP.")
    SS121 = ("SS121", "Inburgeringsplichte in gemeente gevestigd met PIP vorige gemeente")
    SS124 = ("SS124", "Doelgroep van asielstatushouder naar gezinsmigrant en overige migrant gewijzigd")
    SS125 = ("SS125", "Doelgroep van gezinsmigrant en overige migrant naar asielstatushouder gewijzigd")
    SS109 = ("SS109", "Tijdelijke vrijstelling toegekend")
    SS110 = ("SS110", "Inburgeringsplicht ingetrokken")
    SS111 = ("SS111", "Persoon is overleden")
    SS106 = ("SS106", "Diploma behaald")
    SS107 = ("SS107", "Gehele vrijstelling toegekend")
    SS108 = ("SS108", "Gehele ontheffing toegekend")
    SS137 = ("SS137", "Persoon is aangemeld voor de leerbaarheidstoets")
    SS131 = ("SS131", "Leerbaarheidstoets is afgenomen en resultaat is bekend")
    SS102 = ("SS102", "Inburgeringstermijn gestart")
    SS199 = ("SS199", "Uitslag examen bekend")
    SS103 = ("SS103", "Termijn ambtshalve verlengd")
    SS104 = ("SS104", "Termijn op verzoek verlengd")
    SS130 = (
        "SS130",
        "Tijdelijke vrijstelling ingetrokken, PIP al bekend. Eerdere inburgeringsplicht wordt hervat, "
        "maar leerroute was al door huidige of eerdere gemeente voor de tijdelijke vrijstelling vastgesteld",
    )
    SS113 = ("SS113", "Verzoek verlenging afgewezen")
    SS114 = ("SS114", "Verzoek gehele vrijstelling afgewezen")
    SS115 = ("SS115", "Verzoek tijdelijke vrijstelling afgewezen")
    SS116 = ("SS116", "Verzoek gedeeltelijke vrijstelling afgewezen")
    SS117 = ("SS117", "Verzoek gedeeltelijke vrijstelling toegekend")
    SS118 = ("SS118", "Verzoek ontheffing afgewezen")
    SS119 = ("SS119", "Verzoek gedeeltelijke ontheffing toegekend")
