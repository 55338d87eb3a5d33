"""The moves reporting knows of, per dossier: which gemeente was responsible when.

A gemeente's figures count each fact of a person for the gemeente responsible on the fact's date
(`inburgering_shared.verhuizing.gemeente_op`; docs/reporting.md, "A person who moved"), so a report
of a gemeente also reads the dossiers that moved away from it and those that moved to it.
"""

from collections import defaultdict
from collections.abc import Collection

from inburgering_shared.contracts.resources import Verhuizing as VerhuizingContract
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .models import Verhuizing

Verhuizingen = dict[str, list[VerhuizingContract]]


def verhuizingen_van(session: Session, gemeenten: Collection[str]) -> Verhuizingen:
    """Every move of each dossier that ever moved from or to one of `gemeenten`, by dossier URL."""
    betrokken = select(Verhuizing.inburgeraar_url).where(
        or_(Verhuizing.van_gemeente.in_(gemeenten), Verhuizing.naar_gemeente.in_(gemeenten))
    )
    per_dossier: Verhuizingen = defaultdict(list)
    for v in session.scalars(select(Verhuizing).where(Verhuizing.inburgeraar_url.in_(betrokken))):
        per_dossier[v.inburgeraar_url].append(
            VerhuizingContract(
                vanGemeente=v.van_gemeente,
                naarGemeente=v.naar_gemeente,
                datumVestiging=v.datum_vestiging,
                gebeurtenis=v.gebeurtenis,
            )
        )
    return dict(per_dossier)
