"""Running a job: only on the leading replica, in one transaction, with its run recorded."""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from inburgering_shared.db import utcnow
from sqlalchemy.orm import Session, sessionmaker

from .leadership import claim_leadership
from .models import JobRun
from .result import Resultaat

log = logging.getLogger(__name__)

Job = Callable[[Session], Resultaat]
"""job(session) -> what it did; it flushes, the runner commits."""


def run_job(
    factory: sessionmaker[Session],
    name: str,
    job: Job,
    *,
    replica: str,
    lease: timedelta,
    now: Callable[[], datetime] = utcnow,
) -> JobRun | None:
    """Run `job` if this replica leads; its effects and its run record commit together.

    Outcome 'gelukt', 'deels' (done, but something it needed did not answer:
    the next run tries again) or 'mislukt' (nothing committed but the record).
    """
    with factory() as session, session.begin():
        if not claim_leadership(session, naam="scheduler", houder=replica, lease=lease, now=now()):
            return None
    run = JobRun(job=name, gestart=now(), uitkomst="bezig", items=0)
    try:
        with factory() as session, session.begin():
            resultaat = job(session)
            run.items, run.beeindigd = resultaat.items, now()
            run.uitkomst = "deels" if resultaat.fouten else "gelukt"
            run.fout = "; ".join(resultaat.fouten)[:2000] or None
            session.add(run)
    except Exception as exc:
        log.exception("job %s failed", name)
        with factory() as session, session.begin():
            run.uitkomst, run.beeindigd, run.fout = "mislukt", now(), f"{type(exc).__name__}: {exc}"[:2000]
            session.add(run)
    return run
