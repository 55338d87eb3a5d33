"""Trajectory follows a move (kanaal inburgeraars): the trajectory with its components, voortgang,
uren and handhaving, its termijnen and deadlines, the writes still owed to DUO and the audit trail go
to the new gemeente (`inburgering_shared.verhuizing`), URLs and dates unchanged.

What DUO told a gemeente stays that gemeente's: DUO answers per gemeente (its DUO dossier, DUO's
notifications to it and the exam results read with them), and tells the new gemeente itself
(SS120/SS121), which the sync records in the new gemeente's own DUO dossier.
"""

from inburgering_shared.callbacks import EventContext
from inburgering_shared.contracts.events import Notificatie
from inburgering_shared.verhuizing import volg_verhuizing

DUO_PER_GEMEENTE = ("duo_dossier", "duo_notificatie", "examenresultaat")


def verwerk_inburgeraar(context: EventContext, notificatie: Notificatie) -> None:
    """Event handler: a moved inburgeraar's rows follow the dossier to its new gemeente."""
    volg_verhuizing(context, notificatie, bron="trajectory", overslaan=DUO_PER_GEMEENTE)
