"""Which signal a deadline raises on a given day. Deadlines are dates; today is a date in the gemeente's time zone."""

from datetime import date


def signaal_soort(deadline_soort: str, vervaldatum: date, vandaag: date) -> str | None:
    """A deadline whose date has passed without being met raises '<soort>-verstreken'.

    The law sets the deadlines (pip: R2; trajectory: R4, R11); the scheduler only
    compares dates. A deadline due today is not yet passed.
    """
    if vervaldatum < vandaag:
        return f"{deadline_soort}-verstreken"
    return None
