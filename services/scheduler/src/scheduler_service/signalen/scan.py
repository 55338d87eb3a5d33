"""The deadline scan: signals raised from the open deadlines of pip and trajectory, and closed again.

Every read goes through the owner's `GET /deadlines`, keyset-paged by due date
over its (status, vervaldatum, id) index, or by its `gewijzigd` index; no run
reads the open deadlines beyond the warning horizon, and a routine run reads
only what changed:

- **full** (the first run, after the horizons changed): every open deadline
  due up to the furthest horizon, then every active signal the scan did not
  call for again is checked with the owner (GET the deadline);
- **incremental** (otherwise): the due-date windows of the days since the
  last completed scan (after downtime every missed day, so nothing is
  skipped), plus the deadlines created or changed since that scan began
  (a deadline created already late, a moved one, a met or cancelled one).

Safe to run twice and on two replicas at once: a signal is unique per deadline
and kind. When pip or trajectory announce a change to a dossier, its active
signals are checked at once (see `events.py`).
"""

import logging
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextvars import copy_context
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

from inburgering_shared.contracts.resources import DeadlineContract, DeadlineStatus, InburgeraarContract
from inburgering_shared.http import ServiceClient
from inburgering_shared.outbox import Outbox
from inburgering_shared.pagination import MAX_PAGE_SIZE, KeysetPage, Page
from inburgering_shared.problems import ServiceUnavailable
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..instellingen.service import AlleInstellingen
from ..jobs.result import Resultaat
from . import lifecycle
from .models import ScanStand, Signaal
from .rules import NADERT, VERSTREKEN, nieuw_verschuldigd, signaal_soort
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

    def klantmanagers_van(self, inburgeraar_urls: set[str]) -> dict[str, str | None]:
        """The dossiers' klantmanagers from intake, 100 per request (`GET /inburgeraars?uuid=...`), a few
        requests at once; None where intake fails (logged) or does not have the dossier."""
        onbekend = sorted(url for url in inburgeraar_urls if url not in self.klantmanagers)
        if onbekend:
            per_lijst: dict[str, list[str]] = defaultdict(list)
            for url in onbekend:
                per_lijst[url.rsplit("/", 1)[0]].append(url)
            batches = [
                urls[i : i + LOOKUP_BATCH]
                for urls in per_lijst.values()
                for i in range(0, len(urls), LOOKUP_BATCH)
            ]
            with ThreadPoolExecutor(max_workers=LOOKUPS_AT_ONCE) as pool:
                for gevonden in pool.map(
                    lambda batch: copy_context().run(self._klantmanagers, batch), batches
                ):
                    self.klantmanagers.update(gevonden)
        return {url: self.klantmanagers[url] for url in inburgeraar_urls}

    def _klantmanagers(self, inburgeraar_urls: list[str]) -> dict[str, str | None]:
        """One request to intake's list for dossiers of one collection URL, keyed back by UUID."""
        lijst = inburgeraar_urls[0].rsplit("/", 1)[0]
        ids = [url.rsplit("/", 1)[1] for url in inburgeraar_urls]
        query = urlencode([("uuid", i) for i in ids] + [("pageSize", len(ids))])
        try:
            page = self.services.get_model(f"{lijst}?{query}", Page[InburgeraarContract])
        except ServiceUnavailable as exc:
            log.warning("klantmanager unknown for %d new signals: %s", len(ids), exc.detail)
            return dict.fromkeys(inburgeraar_urls)
        gevonden = {str(d.uuid): d.klantmanager for d in page.results}
        return {url: gevonden.get(i) for url, i in zip(inburgeraar_urls, ids, strict=True)}


LOOKUPS_AT_ONCE = 4
LOOKUP_BATCH = 100  # intake answers up to 100 dossiers by uuid per request
MAX_UUID = "ffffffff-ffff-ffff-ffff-ffffffffffff"


def scan_deadlines(scan: Scan, sources: list[str], *, nu: datetime, overlap: timedelta) -> Resultaat:
    """Per source, a full scan of the horizon when there is no record of an earlier one under the same
    horizons, else an incremental one; the record moves on only when the source's scan completed."""
    handtekening = scan.instellingen.handtekening()
    resultaat = Resultaat()
    for source in sources:
        stand = scan.session.get(ScanStand, source)
        try:
            if stand is None or stand.handtekening != handtekening or stand.vandaag > scan.vandaag:
                resultaat.add(_full_scan(scan, source))
            else:
                resultaat.add(_incremental_scan(scan, source, stand, since=stand.gestart - overlap))
        except ServiceUnavailable as exc:
            resultaat.fouten.append(exc.detail)
            continue
        _record(scan.session, stand, source, vandaag=scan.vandaag, gestart=nu, handtekening=handtekening)
    return resultaat


def _record(
    session: Session,
    stand: ScanStand | None,
    source: str,
    *,
    vandaag: date,
    gestart: datetime,
    handtekening: str,
) -> None:
    if stand is None:
        try:
            with session.begin_nested():
                session.add(
                    ScanStand(bron=source, vandaag=vandaag, gestart=gestart, handtekening=handtekening)
                )
        except IntegrityError:
            pass  # another replica recorded its scan of the same source just now
        return
    stand.vandaag, stand.gestart, stand.handtekening = vandaag, gestart, handtekening


def _pages(scan: Scan, source: str, **query: str) -> Iterator[list[DeadlineContract]]:
    """The owner's pages in order; the next page is asked for while the caller handles this one."""

    def fetch(url: str) -> KeysetPage[DeadlineContract]:
        return scan.services.get_model(url, KeysetPage[DeadlineContract])

    with ThreadPoolExecutor(max_workers=1) as pool:
        url = f"{source}/deadlines?" + urlencode({**query, "pageSize": MAX_PAGE_SIZE})
        pending: Future[KeysetPage[DeadlineContract]] | None = pool.submit(copy_context().run, fetch, url)
        while pending is not None:
            page = pending.result()
            pending = pool.submit(copy_context().run, fetch, page.next) if page.next else None
            yield page.results


def _full_scan(scan: Scan, source: str) -> Resultaat:
    """Every open deadline up to the furthest horizon; then the active signals not called for again."""
    tot = max(h.verste_vervaldatum(scan.vandaag) for h in scan.instellingen.alle_horizonnen())
    gezien: set[tuple[str, str]] = set()
    raised = 0
    for deadlines in _pages(scan, source, status="open", vervaldatumTot=str(tot)):
        wanted = _wanted(scan, deadlines)
        raised += _raise_for_page(scan, wanted)
        gezien.update(wanted)
    return Resultaat(raised).add(_recheck_unseen(scan, source, gezien))


def _incremental_scan(scan: Scan, source: str, stand: ScanStand, *, since: datetime) -> Resultaat:
    """Only what changed since the last completed scan of this source.

    1. the due-date windows of deadlines whose signal fell due after that
       scan's day (after downtime: every day since; on the same day: none);
    2. the deadlines the owner created or changed since that scan began (less
       an overlap for clock skew and transactions still open then): new ones
       already late, moved ones, and met or cancelled ones, whose signals resolve.
    """
    resultaat = Resultaat()
    horizonnen = scan.instellingen.alle_horizonnen()
    for na, tot in nieuw_verschuldigd(stand.vandaag, scan.vandaag, horizonnen):
        for deadlines in _pages(scan, source, status="open", vervaldatumTot=str(tot), na=f"{na}_{MAX_UUID}"):
            resultaat.items += _raise_for_page(scan, _wanted(scan, deadlines))
    gewijzigd = since.isoformat()
    for deadlines in _pages(scan, source, status="open", gewijzigdNa=gewijzigd):
        wanted = _wanted(scan, deadlines)
        resultaat.items += _raise_for_page(scan, wanted)
        resultaat.items += _resolve_changed(scan, {d.url: d for d in deadlines}, wanted)
    for status in (DeadlineStatus.GEHAALD, DeadlineStatus.VERVALLEN):
        for deadlines in _pages(scan, source, status=status.value, gewijzigdNa=gewijzigd):
            resultaat.items += _resolve_changed(scan, {d.url: d for d in deadlines}, {})
    return resultaat


def _resolve_changed(
    scan: Scan, deadlines: dict[str, DeadlineContract], wanted: dict[tuple[str, str], DeadlineContract]
) -> int:
    """Resolve the active signals of these changed deadlines that they no longer call for."""
    if not deadlines:
        return 0
    actief = scan.session.scalars(
        select(Signaal).where(Signaal.deadline_url.in_(list(deadlines)), Signaal.status.in_(ACTIEF))
    )
    oplossingen = [
        (signaal, oplossing)
        for signaal in actief
        if (signaal.deadline_url, signaal.soort) not in wanted
        and (oplossing := _assess(scan, signaal, deadlines[signaal.deadline_url])) is not None
    ]
    lifecycle.resolve(scan.session, scan.outbox, scan.api_url, oplossingen, door=lifecycle.SYSTEEM)
    return len(oplossingen)


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
    urls = list({url for url, _ in wanted})  # the unique (deadline_url, soort) index serves this IN list
    existing = {
        (s.deadline_url, s.soort): s
        for s in scan.session.scalars(select(Signaal).where(Signaal.deadline_url.in_(urls)))
    }
    nieuw = {key: d for key, d in wanted.items() if key not in existing}
    klantmanagers = scan.klantmanagers_van({d.inburgeraar for d in nieuw.values()})
    signalen = []
    for (url, soort), d in nieuw.items():
        klantmanager = klantmanagers[d.inburgeraar]
        signalen.append(
            lifecycle.nieuw_signaal(
                soort=soort,
                deadline=url,
                deadline_soort=d.soort,
                inburgeraar=d.inburgeraar,
                gemeentecode=d.gemeentecode,
                vervaldatum=d.vervaldatum,
                vandaag=scan.vandaag,
                klantmanager=klantmanager,
                team=scan.instellingen.voor(d.gemeentecode).team_van.get(klantmanager or ""),
            )
        )
    raised = lifecycle.open_signalen(scan.session, scan.outbox, scan.api_url, signalen)
    # A passed deadline's warning is superseded by the passed-deadline signal.
    superseded = [
        (waarschuwing, VERSTREKEN)
        for (url, soort), d in nieuw.items()
        if soort.endswith(VERSTREKEN)
        and (waarschuwing := existing.get((url, f"{d.soort}-{NADERT}"))) is not None
        and waarschuwing.status in ACTIEF
    ]
    lifecycle.resolve(scan.session, scan.outbox, scan.api_url, superseded, door=lifecycle.SYSTEEM)
    return raised


def _recheck_unseen(scan: Scan, source: str, gezien: set[tuple[str, str]]) -> Resultaat:
    """Active signals this scan did not call for again: their deadline was met, cancelled or moved."""
    actief = scan.session.execute(
        select(Signaal.id, Signaal.deadline_url, Signaal.soort).where(
            Signaal.status.in_(ACTIEF), Signaal.deadline_url.startswith(f"{source}/")
        )
    ).all()
    oplossingen = []
    for signaal_id, deadline_url, soort in actief:
        if (deadline_url, soort) not in gezien:
            signaal = scan.session.get_one(Signaal, signaal_id)
            if (oplossing := _assess(scan, signaal, _ask_owner(scan, signaal))) is not None:
                oplossingen.append((signaal, oplossing))
    lifecycle.resolve(scan.session, scan.outbox, scan.api_url, oplossingen, door=lifecycle.SYSTEEM)
    return Resultaat(len(oplossingen))


def recheck(scan: Scan, signaal: Signaal) -> int:
    """Ask the owner about the signal's deadline; resolve the signal if it no longer applies (1)."""
    if (oplossing := _assess(scan, signaal, _ask_owner(scan, signaal))) is None:
        return 0
    lifecycle.resolve(scan.session, scan.outbox, scan.api_url, [(signaal, oplossing)], door=lifecycle.SYSTEEM)
    return 1


def _ask_owner(scan: Scan, signaal: Signaal) -> DeadlineContract | None:
    """The signal's deadline as its owner has it now; None when the owner no longer has it (404)."""
    response = scan.services.request("GET", signaal.deadline_url)
    if response.status_code == 404:
        return None
    if not response.is_success:
        raise ServiceUnavailable(f"{signaal.deadline_url} antwoordde {response.status_code}.")
    try:
        return DeadlineContract.model_validate(response.json())
    except ValueError as exc:
        raise ServiceUnavailable(f"{signaal.deadline_url} gaf een antwoord buiten het contract.") from exc


def _assess(scan: Scan, signaal: Signaal, deadline: DeadlineContract | None) -> str | None:
    """Why the signal resolves given its deadline now (None: gone); None while it still applies."""
    if deadline is None:
        return "deadline-vervallen"
    if deadline.status != DeadlineStatus.OPEN:
        return f"deadline-{deadline.status.value}"
    horizon = scan.instellingen.voor(deadline.gemeentecode).horizonnen.get(deadline.soort)
    nu = signaal_soort(deadline.soort, deadline.vervaldatum, scan.vandaag, horizon)
    if nu == signaal.soort or (nu is not None and nu.endswith(VERSTREKEN)):
        return None  # still due, or a warning that has now passed: the scan raises that signal
    return "termijn-verschoven"
