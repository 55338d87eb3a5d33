"""`make bench`: the whole system on PostgreSQL under load, every other bench/*.py, one table of figures.

1. Creates a throw-away database on the PostgreSQL server of `--database-url`
   (default postgresql://postgres@127.0.0.1:5432), one schema per service,
   migrated with each service's Alembic migrations.
2. Generates `--size` synthetic dossiers (100,000 by default; 1,000,000 with
   `--size 1000000`) with set-based SQL (bench/harness/dataset.py).
3. Starts the five services and a bare FastAPI endpoint the same way
   (`LocalSystem`: uvicorn with `--workers` worker processes each, WEB_CONCURRENCY,
   one per CPU by default; each with as many database connections as PostgreSQL's
   max_connections allows all of them) and drives each scenario with `--clients` concurrent
   clients (50) for `--seconds` (10) with wrk (or the Python fallback): the bare endpoint,
   reading a dossier, listing a klantmanager's dossiers, reading a trajectory,
   listing a gemeente's trajectories and its PIPs, a COA handover, the
   write burst (all clients resending the same ten handovers at once),
   vaststellen of a PIP. Throughput and p50/p95/p99, each also as a ratio to the
   bare endpoint, and the CPU time the serving service spent per request;
   resident memory of every service process at rest and its peak.
4. Runs every other bench/*.py script, each in its own throw-away database,
   and collects the JSON lines it prints ({"name", "value", "unit", "target", "met"}).
5. Prints one table and writes bench-results/<time>.{json,md} and latest.md; exits 1,
   naming them, when a scenario had request errors or a script did not finish.

The load generator runs on the same machine as the services, so it takes CPU
from them: wrk a few percent of a core, the Python fallback about a whole one.
The ratio to the bare endpoint, measured the same way in the same run, is the
figure that travels between machines; CPU time per request is the one a machine
busy with other work disturbs least.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import secrets
import signal
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from inburgering_shared.auth import mint_token
from inburgering_shared.bsn import bsn_numbers
from inburgering_shared.system import SERVICES, LocalSystem, service_environment
from inburgering_shared.testing import postgres_schema_url
from sqlalchemy import create_engine, text

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from harness import dataset, profile  # noqa: E402
from harness.database import connections_per_process, throwaway_database  # noqa: E402
from harness.load import generator, measure, warm_up  # noqa: E402
from harness.memory import MemorySampler, cpu_seconds  # noqa: E402
from harness.report import Row, table, write  # noqa: E402
from harness.scenario import PERCENTILES, WARMUP_CALLS, Call, Outcome, Scenario  # noqa: E402

RESULTS = BENCH.parent / "bench-results"
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
P99_TARGET_MS = 100.0
# Throughput as a share of the bare endpoint's, and service CPU per request, for the hot reads.
RATIO_TARGETS = {"read dossier": 0.5, "list klantmanager's dossiers": 0.35}
READ_CPU_TARGET_MS = 1.0
REST_MEMORY_TARGET_MB = 150.0
WRITE_BURST_PERSONS = 10  # the write burst's clients all resend these few handovers
HANDOVERS_PER_SECOND = 2000  # more COA handovers prepared than any run sends; each is sent once


def free_ports(names: list[str]) -> dict[str, int]:
    sockets = [socket.socket() for _ in names]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = {name: s.getsockname()[1] for name, s in zip(names, sockets, strict=True)}
    for s in sockets:
        s.close()
    return ports


class Scenarios:
    """The requests of each scenario, built from the generated data."""

    def __init__(self, database_url: str, ports: dict[str, int], secret: str) -> None:
        self.base = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        self.secret = secret
        self.tokens: dict[tuple[str, str], str] = {}
        engine = create_engine(database_url)
        with engine.connect() as connection:
            self.dossiers = connection.execute(
                text("SELECT id, gemeentecode FROM intake.inburgeraar ORDER BY random() LIMIT 5000")
            ).all()
            self.klantmanagers = connection.execute(
                text(
                    "SELECT DISTINCT gemeentecode, klantmanager FROM intake.inburgeraar "
                    "WHERE gemeentecode IN "
                    "(SELECT gemeentecode FROM intake.inburgeraar ORDER BY random() LIMIT 200)"
                )
            ).all()
            self.concepts = connection.execute(
                text(
                    "SELECT id, gemeentecode, rijversie FROM pip.pip "
                    "WHERE status = 'concept' AND datum_inschrijving_brp IS NOT NULL ORDER BY random()"
                )
            ).all()
            self.trajecten = connection.execute(
                text("SELECT id, gemeentecode FROM trajectory.traject ORDER BY random() LIMIT 5000")
            ).all()
            self.gemeenten = sorted({g for _, g in self.dossiers})
        engine.dispose()

    def headers(self, role: str, gemeente: str) -> dict[str, str]:
        key = (role, gemeente)
        if key not in self.tokens:
            self.tokens[key] = mint_token(
                self.secret,
                client_id="bench",
                roles=[role],
                gemeenten=[gemeente],
                user_id="km-bench",
                ttl_seconds=6 * 3600,
            )
        return {"Authorization": f"Bearer {self.tokens[key]}"}

    def bare(self) -> Scenario:
        return Scenario("bare endpoint", [Call("GET", self.base["bare"] + "/bare")])

    def read_dossier(self) -> Scenario:
        calls = [
            Call("GET", f"{self.base['intake']}/v1/inburgeraars/{i}", self.headers("klantmanager", g))
            for i, g in self.dossiers
        ]
        return Scenario("read dossier", calls)

    def list_klantmanager(self) -> Scenario:
        calls = [
            Call(
                "GET",
                f"{self.base['intake']}/v1/inburgeraars?klantmanager={km}",
                self.headers("klantmanager", g),
            )
            for g, km in self.klantmanagers
        ]
        return Scenario("list klantmanager's dossiers", calls)

    def read_traject(self) -> Scenario:
        calls = [
            Call("GET", f"{self.base['trajectory']}/v1/trajecten/{t}", self.headers("klantmanager", g))
            for t, g in self.trajecten
        ]
        return Scenario("read trajectory", calls)

    def list_trajecten(self) -> Scenario:
        gemeenten = {g for _, g in self.trajecten}
        return self._first_pages(
            "list a gemeente's trajectories", self.base["trajectory"] + "/v1/trajecten", gemeenten
        )

    def list_signalen(self) -> Scenario:
        calls = [
            Call(
                "GET",
                f"{self.base['scheduler']}/v1/signalen?klantmanager={km}",
                self.headers("klantmanager", g),
            )
            for g, km in self.klantmanagers
        ]
        return Scenario("list klantmanager's signals", calls)

    def list_pips(self) -> Scenario:
        return self._first_pages("list a gemeente's PIPs", self.base["pip"] + "/v1/pips", set(self.gemeenten))

    def _first_pages(self, name: str, url: str, gemeenten: set[str]) -> Scenario:
        """A klantmanager of each of `gemeenten` reads the first page of its list at `url`."""
        return Scenario(name, [Call("GET", url, self.headers("klantmanager", g)) for g in sorted(gemeenten)])

    def coa_handover(self, count: int) -> Scenario:
        """`count` handovers of new persons, each sent once."""
        return Scenario("COA handover", self._handovers(count, "BENCH", 900_000_000, expect=201), cycle=False)

    def write_burst(self) -> Scenario:
        """Every client at once resends the same few handovers (issue 20): identical writes to the
        same rows. The warm-up stores them; measured, each is "already received" (200): a 409, 503
        or 500 is an error."""
        return Scenario("write burst", self._handovers(WRITE_BURST_PERSONS, "BURST", 950_000_000, expect=200))

    def _handovers(self, count: int, stem: str, first_bsn: int, *, expect: int) -> list[Call]:
        rng = random.Random(7)
        calls = []
        for n, bsn in zip(range(count), bsn_numbers(first_bsn), strict=False):
            gemeente = rng.choice(self.gemeenten)
            body = {
                "coaReferentie": f"{stem}-{n}",
                "gemeentecode": gemeente,
                "datumKoppeling": "2026-09-01",
                "persoon": {
                    "bsn": bsn,
                    "voornamen": "Amal",
                    "achternaam": "Haddad",
                    "geboortedatum": "1990-01-01",
                    "doelgroep": "Asielstatushouder",
                },
                "klantprofiel": {"talen": [{"taal": "Arabisch", "niveau": "moedertaal"}]},
            }
            calls.append(
                Call(
                    "POST",
                    self.base["intake"] + "/v1/coa-overdrachten",
                    self.headers("coa", gemeente),
                    body,
                    expect=expect,
                )
            )
        return calls

    def vaststellen_pip(self) -> Scenario:
        """Each concept PIP vastgesteld once."""
        dagtekening = date.today().isoformat()
        calls = [
            Call(
                "POST",
                f"{self.base['pip']}/v1/pips/{pip_id}/vaststellen",
                {**self.headers("klantmanager", gemeente), "If-Match": f'"{rijversie}"'},
                {"leerroute": "B1-route", "dagtekening": dagtekening},
            )
            for pip_id, gemeente, rijversie in self.concepts
        ]
        return Scenario("vaststellen PIP", calls, cycle=False)


def load_rows(outcome: Outcome, bare: Outcome | None, clients: int, cpu_seconds: float) -> list[Row]:
    """Throughput, percentiles and errors, and the serving process tree's CPU time per request."""
    name = f"{outcome.scenario} @{clients}"
    rows = [Row(f"{name} throughput", outcome.throughput, "req/s")]
    for p in PERCENTILES:
        rows.append(Row(f"{name} p{p}", outcome.percentile(p), "ms"))
    if bare is not None:  # the bare endpoint is the yardstick, not held to the targets
        p99 = rows[-1]
        p99.target, p99.met = f"< {P99_TARGET_MS:.0f} ms", p99.value < P99_TARGET_MS
    errors = Row(f"{name} errors", outcome.errors, "requests", "0", outcome.errors == 0)
    if bare is not None:
        rows[0].ratio = outcome.throughput / bare.throughput
        for row, p in zip(rows[1:], PERCENTILES, strict=True):
            row.ratio = row.value / bare.percentile(p)
    cpu = Row(f"{name} service CPU per request", 1000 * cpu_seconds / max(outcome.requests, 1), "ms")
    if (ratio := RATIO_TARGETS.get(outcome.scenario)) is not None:
        rows[0].target = f">= {ratio:.0%} of bare"
        rows[0].met = rows[0].ratio is not None and rows[0].ratio >= ratio
        cpu.target, cpu.met = f"<= {READ_CPU_TARGET_MS:.1f} ms", cpu.value <= READ_CPU_TARGET_MS
    return [*rows, errors, cpu]


def failures(rows: list[Row]) -> list[str]:
    """What makes the run fail: a scenario with request errors, a bench script that did not finish."""
    return [
        f"{r.name}: {_figure(r)}"
        for r in rows
        if r.met is False and (r.name.endswith(" errors") or r.name.endswith(" finished"))
    ]


def _figure(row: Row) -> str:
    return f"{row.value:,.0f} {row.unit} (expected {row.target})"


def bench_services(args: argparse.Namespace, database_url: str, connections: int, log: Path) -> list[Row]:
    names = [s.name for s in SERVICES]
    ports = free_ports([*names, "bare"])
    secret = secrets.token_urlsafe(32)
    env = service_environment(ports, lambda name: postgres_schema_url(database_url, name))
    env["AUTH_JWT_SECRET"] = secret
    env["WEB_CONCURRENCY"] = str(args.workers)  # uvicorn's worker processes, the bare endpoint's too
    for spec in SERVICES:
        env[spec.prefix + "DATABASE_CONNECTIONS"] = str(connections)
    system = LocalSystem(env=env, ports=ports, log_dir=log, scheduler_worker=False)
    started = time.perf_counter()
    system.migrate()
    rows: list[Row] = []
    engine = create_engine(database_url)
    with engine.connect() as connection:
        counts = dataset.generate(
            connection,
            size=args.size,
            intake_api=f"http://127.0.0.1:{ports['intake']}/v1",
            pip_api=f"http://127.0.0.1:{ports['pip']}/v1",
            trajectory_api=f"http://127.0.0.1:{ports['trajectory']}/v1",
        )
    engine.dispose()
    rows.append(Row(f"migrate and generate {args.size:,} dossiers", time.perf_counter() - started, "s"))
    print(f"generated: {counts}", file=sys.stderr)
    try:
        system.start_all()
        system.start_app("bare", "bare_app:create_app", app_dir=BENCH / "harness")
        system.wait_ready([*names, "bare"], timeout=120)
        scenarios = Scenarios(database_url, ports, secret)
        pids = {name: process.pid for name, process in system.processes.items()}
        time.sleep(2)
        with MemorySampler(pids) as memory:
            at_start = memory.rss_mb()
            bare: Outcome | None = None
            handovers = int(args.seconds * HANDOVERS_PER_SECOND) + WARMUP_CALLS
            for make, target in [
                (scenarios.bare, "bare"),
                (scenarios.read_dossier, "intake"),
                (scenarios.list_klantmanager, "intake"),
                (scenarios.read_traject, "trajectory"),
                (scenarios.list_trajecten, "trajectory"),
                (scenarios.list_pips, "pip"),
                (scenarios.list_signalen, "scheduler"),
                (lambda: scenarios.coa_handover(handovers), "intake"),
                (scenarios.write_burst, "intake"),
                (scenarios.vaststellen_pip, "pip"),
            ]:
                scenario = make()
                print(f"load: {scenario.name} (load average {os.getloadavg()[0]:.1f}) ...", file=sys.stderr)
                warm_up(scenario, clients=args.clients)
                raw = log / f"profile-{target}-{scenario.name.split()[0].lower()}.txt"
                profiler = profile.start(pids[target], args.seconds + 1, raw) if args.profile else None
                cpu_before = cpu_seconds(pids[target])
                outcome = measure(scenario, clients=args.clients, seconds=args.seconds)
                cpu = cpu_seconds(pids[target]) - cpu_before
                if profiler is not None:
                    profiler.wait()
                    raw.with_suffix(".summary.txt").write_text(profile.summarise(raw))
                if outcome.errors:
                    print(f"  {outcome.errors} errors, the first: {outcome.first_error}", file=sys.stderr)
                rows += load_rows(outcome, bare, args.clients, cpu)
                bare = bare or outcome
            time.sleep(5)  # let the dispatchers deliver the events the writes made
            at_rest = memory.rss_mb()
            peak = dict(memory.peak_mb)
        for name in pids:
            rows.append(Row(f"{name} RSS after start", at_start[name], "MB"))
            rows.append(
                Row(
                    f"{name} RSS at rest after load",
                    at_rest[name],
                    "MB",
                    f"< {REST_MEMORY_TARGET_MB:.0f} MB",
                    at_rest[name] < REST_MEMORY_TARGET_MB,
                )
            )
            rows.append(Row(f"{name} RSS peak", peak[name], "MB"))
    finally:
        system.stop_all()
    return rows


def bench_scripts(args: argparse.Namespace, log: Path) -> list[Row]:
    """Every other bench/*.py, each in its own throw-away database, its JSON lines collected."""
    rows: list[Row] = []
    for script in sorted(p for p in BENCH.glob("*.py") if p.name != Path(__file__).name):
        with throwaway_database(args.database_url, f"bench_{os.getpid()}_{script.stem}") as url:
            command = [sys.executable, str(script), "--database-url", url]
            if args.size_given:
                command += ["--size", str(args.size)]
            print(f"script: {script.name} ...", file=sys.stderr)
            started = time.perf_counter()
            with (log / f"{script.stem}.stderr").open("w") as stderr:
                try:
                    result = subprocess.run(
                        command,
                        stdout=subprocess.PIPE,
                        stderr=stderr,
                        text=True,
                        timeout=args.script_timeout,
                        check=False,
                    )
                    output, failed = result.stdout, result.returncode != 0
                except subprocess.TimeoutExpired as exc:
                    output, failed = (
                        (exc.stdout or b"").decode() if isinstance(exc.stdout, bytes) else "",
                        True,
                    )
            found = [Row.parse(line, script.name) for line in output.splitlines() if line.startswith("{")]
            rows += found
            if failed or not found:
                rows.append(
                    Row(
                        f"{script.stem} finished",
                        time.perf_counter() - started,
                        "s",
                        "exit 0",
                        False,
                        script.name,
                    )
                )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--size", type=int, default=None, help="dossiers to generate (default 100000)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="uvicorn worker processes per service"
    )
    parser.add_argument("--seconds", type=float, default=10.0, help="measured time per scenario")
    parser.add_argument("--script-timeout", type=float, default=900.0)
    parser.add_argument("--no-scripts", action="store_true", help="skip the other bench/*.py scripts")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="sample the service under load with py-spy in each scenario (summaries in the logs)",
    )
    args = parser.parse_args()
    # A SIGTERM (a timeout, CI) unwinds like Ctrl-C, so the services stop and the database is dropped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    args.size_given = args.size is not None
    args.size = args.size or 100_000
    stamp = time.strftime("%Y%m%dT%H%M%S")
    log = RESULTS / f"logs-{stamp}"
    log.mkdir(parents=True, exist_ok=True)
    load_generator = generator()
    print(f"load generator: {load_generator}", file=sys.stderr)
    if load_generator != "wrk":
        print("  (wrk not installed: the Python generator takes CPU from the services)", file=sys.stderr)
    load_average = "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    connections = connections_per_process(args.database_url, len(SERVICES) * args.workers)
    with throwaway_database(args.database_url, f"bench_{os.getpid()}") as url:
        rows = bench_services(args, url, connections, log)
    if not args.no_scripts:
        rows += bench_scripts(args, log)
    context = {
        "size": args.size,
        "clients": args.clients,
        "seconds per scenario": args.seconds,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "load generator": load_generator,
        "worker processes per service": args.workers,
        "database connections per process (of PostgreSQL's max_connections)": connections,
        "load average at start (1, 5, 15 min)": load_average,
        "logs": str(log.relative_to(RESULTS.parent)),
    }
    print(table(rows))
    print(f"\nwritten to {write(rows, RESULTS, context).relative_to(RESULTS.parent)}")
    if failed := failures(rows):
        print("\nmake bench FAILED: the figures above are not to be trusted:", file=sys.stderr)
        for line in failed:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
