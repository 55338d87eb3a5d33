"""Per taalaanbieder: people served, attendance and progress (its latest reports), exam results (R8-R10).

An exam without a taalaanbieder of its own counts for the taalaanbieder of the person's trajectory.
"""

from collections import defaultdict

from inburgering_shared.contracts.reporting_inputs import ExamenResultaat
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..kpis.rules import percentage
from ..readmodel.models import Dossier, Examen, Voortgang
from ..scope import Scope
from .schemas import AanbiederPrestatie


def aanbieders(session: Session, *, scope: Scope) -> list[AanbiederPrestatie]:
    figures: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for aanbieder, count in session.execute(
        select(Dossier.taalaanbieder, func.count())
        .where(Dossier.gemeentecode.in_(scope.gemeenten), Dossier.taalaanbieder.is_not(None))
        .group_by(Dossier.taalaanbieder)
    ):
        figures[str(aanbieder)]["inburgeraars"] = count  # not NULL, filtered above
    for aanbieder, gepland, aanwezig, niveau in session.execute(
        select(
            Voortgang.taalaanbieder,
            func.sum(Voortgang.uren_gepland),
            func.sum(Voortgang.uren_aanwezig),
            func.count(Voortgang.niveau_behaald),
        )
        .where(Voortgang.gemeentecode.in_(scope.gemeenten))
        .group_by(Voortgang.taalaanbieder)
    ):
        figures[aanbieder].update(gepland=gepland, aanwezig=aanwezig, niveau=niveau)
    aanbieder_van_examen = func.coalesce(Examen.taalaanbieder, Dossier.taalaanbieder)
    for aanbieder, resultaat, count in session.execute(
        select(aanbieder_van_examen, Examen.resultaat, func.count())
        .outerjoin(Dossier, Dossier.inburgeraar_url == Examen.inburgeraar_url)
        .where(
            Examen.gemeentecode.in_(scope.gemeenten),
            Examen.examendatum >= scope.van,
            Examen.examendatum < scope.tot,
            aanbieder_van_examen.is_not(None),
        )
        .group_by(aanbieder_van_examen, Examen.resultaat)
    ):
        figures[aanbieder]["examens"] += count
        if resultaat == ExamenResultaat.BEHAALD:
            figures[aanbieder]["behaald"] += count
    return [
        AanbiederPrestatie(
            taalaanbieder=aanbieder,
            inburgeraars=f["inburgeraars"],
            urenGepland=f["gepland"],
            urenAanwezig=f["aanwezig"],
            aanwezigheid=percentage(f["aanwezig"], f["gepland"]),
            niveauBehaald=f["niveau"],
            examens=f["examens"],
            examensBehaald=f["behaald"],
            slagingspercentage=percentage(f["behaald"], f["examens"]),
        )
        for aanbieder, f in sorted(figures.items())
    ]
