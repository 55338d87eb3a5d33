"""The Algemene termijnenwet: a statutory term that ends on a weekend or public holiday runs on.

Source: Algemene termijnenwet art. 1 lid 1 (a term set by law that ends on a
Saturday, Sunday or generally recognised holiday is extended to the next day
that is none of these) and art. 3 lid 1 (the generally recognised holidays).
Days the government equates with holidays by decree (art. 3 lid 2) are not
included: they are set one at a time and are not in this rule.
"""

from datetime import date, timedelta

from dateutil.easter import easter


def algemeen_erkende_feestdagen(jaar: int) -> frozenset[date]:
    """Art. 3 lid 1: Nieuwjaarsdag, tweede Paas- en Pinksterdag, Hemelvaartsdag, Koningsdag, 5 mei, Kerst."""
    pasen = easter(jaar)
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == 6:  # the birthday is celebrated on the Saturday when 27 April is a Sunday
        koningsdag -= timedelta(days=1)
    return frozenset(
        {
            date(jaar, 1, 1),
            pasen + timedelta(days=1),
            pasen + timedelta(days=39),
            pasen + timedelta(days=50),
            koningsdag,
            date(jaar, 5, 5),
            date(jaar, 12, 25),
            date(jaar, 12, 26),
        }
    )


def is_vrije_dag(dag: date) -> bool:
    """A Saturday, Sunday or generally recognised holiday (art. 1 lid 1, art. 3 lid 1)."""
    return dag.weekday() >= 5 or dag in algemeen_erkende_feestdagen(dag.year)


def verlengde_einddatum(einde: date) -> date:
    """The last day of a statutory term that would end on `einde` (art. 1 lid 1)."""
    while is_vrije_dag(einde):
        einde += timedelta(days=1)
    return einde
