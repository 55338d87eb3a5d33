"""The boetes of the Wet inburgering 2021: the gemeente's and DUO's maximums, in one place.

The gemeente may fine for not cooperating with the brede intake or the PIP,
after a written warning; DUO fines for exceeding the inburgeringstermijn, per
part. Since the rulings of the Afdeling bestuursrechtspraak van de Raad van
State of 9 July 2025, asielstatushouders are not fined for exceeding it.
Source: Wet inburgering 2021 (bestuurlijke boete, hoofdstuk handhaving);
DUO, inburgeren.nl "Boete"; ABRvS 9 juli 2025.
"""

from decimal import Decimal

GEMEENTE_MAXIMUM = Decimal(800)
"""The college's boete for not cooperating with the brede intake or the PIP: at most EUR 800."""

DUO_MAXIMUM_LEERROUTE = Decimal(1000)
"""DUO's boete for not finishing the leerroute within the termijn: at most EUR 1,000."""

DUO_PVT = Decimal(340)
"""DUO's boete for not finishing the PVT within the termijn."""

DUO_MAP = Decimal(340)
"""DUO's boete for not finishing the MAP within the termijn."""
