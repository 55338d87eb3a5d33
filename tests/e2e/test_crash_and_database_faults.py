"""Faults in the middle of a burst of writes, over real HTTP between real processes (issue 20, item 3).

Intake killed with SIGKILL while a burst of COA handovers runs: every handover it
acknowledged (2xx) is there after the restart, with its dossier, and its event still
reaches pip (one concept PIP each). PostgreSQL's connections cut under load (every
backend of the test database terminated with pg_terminate_backend: the machine's server
is shared and cannot be restarted here): requests fail cleanly (503) or succeed, and the
service recovers without a restart of its own.
"""

import json
import threading
import time
import uuid

import httpx
import pytest
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.system import LocalSystem
from inburgering_shared.testing import FIGURES
from sqlalchemy import create_engine, text

from .bursts import burst
from .test_concurrency import dossiers_met, overdracht
from .test_first_flow import GEMEENTE, url

pytestmark = pytest.mark.e2e
BURST = 40
_bsns = bsn_numbers(227_000_000)


def test_intake_killed_mid_burst_loses_nothing_it_acknowledged(system, auth_headers, database_backend):
    coa, km = auth_headers("coa", gemeente=GEMEENTE), auth_headers("klantmanager", gemeente=GEMEENTE)
    bodies = [overdracht(f"COA-KILL-{uuid.uuid4().hex[:8]}", next(_bsns)) for _ in range(BURST)]
    answered = threading.Event()
    count = [0]

    def send(client: httpx.Client, i: int) -> httpx.Response:
        time.sleep(i * 0.02)  # spread over the kill
        response = client.post(url(system, "intake", "/coa-overdrachten"), json=bodies[i], headers=coa)
        count[0] += 1
        if count[0] >= BURST // 4:
            answered.set()
        return response

    def kill_when_a_quarter_answered() -> None:
        answered.wait(timeout=30)
        system.kill("intake")

    killer = threading.Thread(target=kill_when_a_quarter_answered)
    killer.start()
    b = burst(f"[{database_backend.name}] COA handovers, intake killed (SIGKILL) mid-burst", BURST, send)
    killer.join()
    system.start("intake")
    system.wait_ready(["intake"])

    acknowledged = [i for i, a in enumerate(b.answers) if a is not None and a.is_success]
    assert not [a for a in b.answers if a is not None and a.status_code >= 500]
    assert 0 < len(acknowledged) < BURST, b.statuses  # the kill fell inside the burst
    found = [i for i in acknowledged if len(dossiers_met(system, km, bodies[i]["persoon"]["bsn"])) == 1]
    assert found == acknowledged

    # Each acknowledged dossier's event was committed with it: in intake's outbox, bound for pip, not dead.
    # (Rows the killed dispatcher had claimed are sent once their claim lapses: timeout x batch + 30 s.)
    engine = create_engine(system.env["INTAKE_DATABASE_URL"])
    with engine.connect() as connection:
        pending = connection.execute(
            text(
                "SELECT e.payload, d.status FROM outbox_event e JOIN outbox_delivery d ON d.event_id = e.id"
                " WHERE d.callback_url = :pip"
            ),
            {"pip": url(system, "pip", "/callbacks")},
        ).all()
    engine.dispose()
    statuses = {
        json.loads(p)["hoofdObject"] if isinstance(p, str) else p["hoofdObject"]: st for p, st in pending
    }
    for i in acknowledged:
        assert statuses[b.answers[i].json()["inburgeraar"]] in ("pending", "delivered")  # type: ignore[union-attr]
    lost = BURST - len(acknowledged)
    FIGURES.append(
        f"[{database_backend.name}] SIGKILL mid-burst: {len(acknowledged)} acknowledged, all found after "
        f"restart with their events; {lost} cut off (not acknowledged); 0 lost"
    )


def test_database_connections_cut_under_load_fail_cleanly_and_recover(
    system: LocalSystem, auth_headers, database_backend
):
    if database_backend.name == "sqlite":
        pytest.skip("SQLite is embedded in the process: it has no connections to cut")
    km = auth_headers("klantmanager", gemeente=GEMEENTE)
    admin = create_engine(database_backend.postgres_url or "", isolation_level="AUTOCOMMIT")
    bsns = [next(_bsns) for _ in range(BURST)]

    def persoon(bsn: str) -> dict[str, str]:
        return {**overdracht("-", bsn)["persoon"], "gemeentecode": GEMEENTE}  # type: ignore[dict-item]

    def cut() -> int:
        with admin.connect() as connection:
            return len(
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                ).all()
            )

    terminated = [0]

    def send(client: httpx.Client, i: int) -> httpx.Response:
        if i == BURST // 2:
            terminated[0] = cut()
        time.sleep(i * 0.01)
        return client.post(url(system, "intake", "/inburgeraars"), json=persoon(bsns[i]), headers=km)

    try:
        b = burst(f"[{database_backend.name}] POST /inburgeraars, database connections cut", BURST, send)
    finally:
        admin.dispose()
    assert terminated[0] > 0
    assert set(b.statuses) <= {201, 503}, b.statuses  # 503 at worst: never a 500, never a hang
    b.assert_retry_after(503)
    stored = [len(dossiers_met(system, km, bsn)) for bsn in bsns]
    assert all(
        n == 1 for n, a in zip(stored, b.answers, strict=True) if a is not None and a.status_code == 201
    )
    # A 503 stored nothing, unless its connection was cut during COMMIT after the server had committed.
    refused_but_stored = sum(
        n for n, a in zip(stored, b.answers, strict=True) if a is not None and a.status_code == 503
    )
    FIGURES.append(
        f"[{database_backend.name}] {terminated[0]} connections terminated mid-burst: every 201 stored, "
        f"{refused_but_stored} of {b.statuses[503]} x 503 stored all the same (cut during COMMIT), 0 lost"
    )
    later = [next(_bsns) for _ in range(BURST)]
    after = burst(
        f"[{database_backend.name}] POST /inburgeraars, after the cut (no restart)",
        BURST,
        lambda c, i: c.post(url(system, "intake", "/inburgeraars"), json=persoon(later[i]), headers=km),
    )
    assert after.statuses == {201: BURST}
