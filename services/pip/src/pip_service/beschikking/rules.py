"""The terms a beschikking letter states."""

from datetime import date, timedelta

from inburgering_shared.algemene_termijnenwet import verlengde_einddatum

BEZWAARTERMIJN = timedelta(weeks=6)


def bezwaartermijn_einde(dagtekening: date) -> date:
    """The last day to object to a beschikking dated `dagtekening`.

    The bezwaartermijn is six weeks and starts the day after the decision is
    made known (sent): the last day is the same weekday six weeks after the
    dagtekening. A last day on a Saturday, Sunday or public holiday moves to
    the next day that is none of these.
    Source: Algemene wet bestuursrecht art. 6:7 and 6:8; Algemene termijnenwet
    art. 1; domain.md step 4 (bezwaar).
    """
    return verlengde_einddatum(dagtekening + BEZWAARTERMIJN)


def bezwaar_tijdig(dagtekening: date, ontvangen: date) -> bool:
    """Whether a bezwaar received on `ontvangen` is within the term (Awb art. 6:7, 6:9)."""
    return ontvangen <= bezwaartermijn_einde(dagtekening)
