"""The deadline scan: signals raised from the open deadlines of pip and trajectory, and closed again.

Each run reads, per source, only the open deadlines due up to the furthest
warning horizon (`vervaldatumTot`), oldest first, keyset-paged over the
owner's (status, vervaldatum, id) index: the deadlines that warn or have passed,
never the whole table. Every run reads the whole horizon again, so a run after
downtime raises everything that fell due meanwhile, and a deadline created
already late (a late kennisgeving) is not skipped. Safe to run twice and on
two replicas at once: a signal is unique per deadline and kind.

A signal whose deadline no longer shows up as open within the horizon is
checked with the owner (GET the deadline) and resolved when it was met,
cancelled or moved; the same check runs when pip or trajectory announce a
change to the inburgeraar's dossier (see `events.py`).
"""

import logging
from dataclasses import dataclass, field
from datetime import date

from inburgering_shared.contracts.resources import DeadlineContract, DeadlineStatus, InburgeraarContract
from inburgering_shared.http import ServiceClient
from inburgering_shared.outbox import Outbox
from inburgering_shared.pagination import MAX_PAGE_SIZE, Page
from inburgering_shared.problems import ServiceUnavailable
from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from ..instellingen.service import AlleInstellingen
from ..jobs.result import Resultaat
from . import lifecycle
from .models import Signaal
from .rules import NADERT, VERSTREKEN, signaal_soort
from .schemas import SignaalStatus

log = logging.getLogger(__name__)

ACTIEF = (SignaalStatus.OPEN.value, SignaalStatus.ERKEND.value)


@dataclass
class Scan:
    """One run's context; klantmanagers looked up in intake are remembered for the run."""

    session: Session
    services: ServiceClient
    outbox: Outbox
    api_url: str
    instellingen: AlleInstellingen
    vandaag: date
    klantmanagers: dict[str, str | None] = field(default_factory=dict)

    def klantmanager_van(self, inburgeraar_url: str) -> str | None:
        """The dossier's klantmanager from intake; None (and logged) when intake does not answer."""
        if inburgeraar_url not in self.klantmanagers:
            try:
                dossier = self.services.get_model(inburgeraar_url, InburgeraarContract)
                self.klantmanagers[inburgeraar_url] = dossier.klantmanager
            except ServiceUnavailable as exc:
                log.warning("klantmanager unknown for a new signal: %s", exc.detail)
                return None
        return self.klantmanagers[inburgeraar_url]


def scan_deadlines(scan: Scan, sources: list[str]) -> Resultaat:
    tot = max(h.verste_vervaldatum(scan.vandaag) for h in scan.instellingen.alle_horizonnen())
    resultaat = Resultaat()
    for source in sources:
        try:
            resultaat.add(_scan_source(scan, source, tot))
        except ServiceUnavailable as exc:
            resultaat.fouten.append(exc.detail)
    return resultaat


def _scan_source(scan: Scan, source: str, tot: date) -> Resultaat:
    gezien: set[tuple[str, str]] = set()
    raised = 0
    url: str | None = f"{source}/deadlines?status=open&vervaldatumTot={tot}&pageSize={MAX_PAGE_SIZE}"
    while url is not None:
        page = scan.services.get_model(url, Page[DeadlineContract])
        wanted = _wanted(scan, page.results)
        raised += _raise_for_page(scan, wanted)
        gezien.update(wanted)
        url = page.next
    return Resultaat(raised).add(_recheck_unseen(scan, source, gezien))


def _wanted(scan: Scan, deadlines: list[DeadlineContract]) -> dict[tuple[str, str], DeadlineContract]:
    """The signals (deadline, kind) these open deadlines call for today."""
    wanted: dict[tuple[str, str], DeadlineContract] = {}
    for d in deadlines:
        horizon = scan.instellingen.voor(d.gemeentecode).horizonnen.get(d.soort)
        if (soort := signaal_soort(d.soort, d.vervaldatum, scan.vandaag, horizon)) is not None:
            wanted[(d.url, soort)] = d
    return wanted


def _raise_for_page(scan: Scan, wanted: dict[tuple[str, str], DeadlineContract]) -> int:
    if not wanted:
        return 0
    keys = list(wanted) + [(url, f"{d.soort}-{NADERT}") for (url, soort), d in wanted.items()]
    existing = {
        (s.deadline_url, s.soort): s
        for s in scan.session.scalars(
            select(Signaal).where(tuple_(Signaal.deadline_url, Signaal.soort).in_(keys))
        )
    }
    raised = 0
    for (url, soort), d in wanted.items():
        if (url, soort) in existing:
            continue
        instellingen = scan.instellingen.voor(d.gemeentecode)
        klantmanager = scan.klantmanager_van(d.inburgeraar)
        signaal = lifecycle.nieuw_signaal(
            soort=soort,
            deadline=url,
            deadline_soort=d.soort,
            inburgeraar=d.inburgeraar,
            gemeentecode=d.gemeentecode,
            vervaldatum=d.vervaldatum,
            vandaag=scan.vandaag,
            klantmanager=klantmanager,
            team=instellingen.team_van.get(klantmanager or ""),
        )
        if lifecycle.open_signaal(scan.session, scan.outbox, scan.api_url, signaal):
            raised += 1
        waarschuwing = existing.get((url, f"{d.soort}-{NADERT}"))
        if soort.endswith(VERSTREKEN) and waarschuwing is not None and waarschuwing.status in ACTIEF:
            lifecycle.resolve(
                scan.session,
                scan.outbox,
                scan.api_url,
                waarschuwing,
                door=lifecycle.SYSTEEM,
                oplossing=VERSTREKEN,
            )
    return raised


def _recheck_unseen(scan: Scan, source: str, gezien: set[tuple[str, str]]) -> Resultaat:
    """Active signals this scan did not call for again: their deadline was met, cancelled or moved."""
    actief = scan.session.execute(
        select(Signaal.id, Signaal.deadline_url, Signaal.soort).where(
            Signaal.status.in_(ACTIEF), Signaal.deadline_url.startswith(f"{source}/")
        )
    ).all()
    resultaat = Resultaat()
    for signaal_id, deadline_url, soort in actief:
        if (deadline_url, soort) not in gezien:
            signaal = scan.session.get_one(Signaal, signaal_id)
            resultaat.items += recheck(scan, signaal)
    return resultaat


def recheck(scan: Scan, signaal: Signaal) -> int:
    """Ask the owner about the signal's deadline; resolve the signal if it no longer applies (1)."""
    response = scan.services.request("GET", signaal.deadline_url)
    if response.status_code == 404:
        oplossing = "deadline-vervallen"
    elif not response.is_success:
        raise ServiceUnavailable(f"{signaal.deadline_url} antwoordde {response.status_code}.")
    else:
        deadline = DeadlineContract.model_validate(response.json())
        horizon = scan.instellingen.voor(deadline.gemeentecode).horizonnen.get(deadline.soort)
        nu = signaal_soort(deadline.soort, deadline.vervaldatum, scan.vandaag, horizon)
        if deadline.status != DeadlineStatus.OPEN:
            oplossing = f"deadline-{deadline.status.value}"
        elif nu == signaal.soort or (nu is not None and nu.endswith(VERSTREKEN)):
            return 0  # still due, or a warning that has now passed: the scan raises that signal
        else:
            oplossing = "termijn-verschoven"
    lifecycle.resolve(
        scan.session, scan.outbox, scan.api_url, signaal, door=lifecycle.SYSTEEM, oplossing=oplossing
    )
    return 1
