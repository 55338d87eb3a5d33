"""The whole system as local processes: used by `make run` and by the end-to-end tests.

It knows which service listens where, who subscribes to which channel, and how
to migrate, start, wait for and stop the processes. Containers (deploy/) wire
the same settings through the environment.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from .contracts.events import Kanaal
from .migrations import upgrade


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    package: str
    port: int
    subscribes_to: tuple[Kanaal, ...] = ()

    @property
    def prefix(self) -> str:
        return self.name.upper() + "_"

    @property
    def alembic_ini(self) -> Path:
        spec = importlib.util.find_spec(self.package)
        if spec is None or spec.origin is None:
            raise RuntimeError(f"{self.package} is not installed")
        return Path(spec.origin).parents[2] / "alembic.ini"


SERVICES = (
    ServiceSpec("intake", "intake_service", 8001),
    ServiceSpec(
        "pip",
        "pip_service",
        8002,
        (Kanaal.INBURGERAARS, Kanaal.BREDE_INTAKES, Kanaal.DUO_DOSSIERS, Kanaal.TRAJECTEN),
    ),
    ServiceSpec("trajectory", "trajectory_service", 8003, (Kanaal.INBURGERAARS, Kanaal.PIPS)),
    ServiceSpec(
        "reporting",
        "reporting_service",
        8004,
        (Kanaal.INBURGERAARS, Kanaal.BREDE_INTAKES, Kanaal.PIPS, Kanaal.TRAJECTEN),
    ),
    ServiceSpec("scheduler", "scheduler_service", 8005, (Kanaal.INBURGERAARS, Kanaal.PIPS, Kanaal.TRAJECTEN)),
)


# DUO is the one external system the local system simulates (deploy/duo-simulator). Development OINs:
# DUO's as the simulator sends it, and one per gemeente (any 20 digits; production sets the real ones).
DUO_SIMULATOR = "duo-simulator"
DUO_SIMULATOR_PORT = 8090
DUO_OIN = "00000000000000000000"
GEMEENTE_OINS = {
    "GM0171": "00000001001234567000",
    "GM0184": "00000001001840000000",
    "GM0193": "00000001001930000000",
    "GM0200": "00000001002000000000",
    "GM0294": "00000001002940000000",
}


def duo_simulator_installed() -> bool:
    return importlib.util.find_spec("duo_simulator") is not None


def wiring(base_url: Callable[[str], str]) -> dict[str, str]:
    """How the services find each other, given each one's base URL (`http://intake:8000`).

    Every service's PUBLIC_URL and ABONNEMENTEN (who gets its events), where
    trajectory finds intake, where the scheduler reads deadlines and which endpoints its
    daily jobs call (the DUO sync, every service's retention purge, intake's dated moves). Local
    processes, containers (deploy/) and Kubernetes all wire the system with it.
    """
    env: dict[str, str] = {}
    for spec in SERVICES:
        env[spec.prefix + "PUBLIC_URL"] = base_url(spec.name)
        abonnementen = [
            {
                "callbackUrl": f"{base_url(sub.name)}/v1/callbacks",
                "kanalen": [k.value for k in sub.subscribes_to],
            }
            for sub in SERVICES
            if sub.subscribes_to and sub.name != spec.name
        ]
        env[spec.prefix + "ABONNEMENTEN"] = json.dumps(abonnementen)
    env["TRAJECTORY_INTAKE_URL"] = f"{base_url('intake')}/v1"
    env["SCHEDULER_DEADLINE_SOURCES"] = json.dumps([f"{base_url('pip')}/v1", f"{base_url('trajectory')}/v1"])
    env["REPORTING_BRONNEN"] = json.dumps(
        {
            "inburgeraar": f"{base_url('intake')}/v1/inburgeraars",
            "pip": f"{base_url('pip')}/v1/pips",
            "traject": f"{base_url('trajectory')}/v1/trajecten",
            "brede-intake": f"{base_url('intake')}/v1/brede-intakes",
            "handhaving": f"{base_url('trajectory')}/v1/rapportage/handhaving",
            "examen": f"{base_url('trajectory')}/v1/rapportage/examens",
            "voortgang": f"{base_url('trajectory')}/v1/rapportage/voortgang",
            "afronding": f"{base_url('trajectory')}/v1/rapportage/afrondingen",
        }
    )
    env["SCHEDULER_DUO_SYNC_URLS"] = json.dumps([f"{base_url('trajectory')}/v1/duo-sync"])
    purges = [f"{base_url(spec.name)}/v1/avg/opschonen" for spec in SERVICES]
    env["SCHEDULER_RETENTION_PURGE_URLS"] = json.dumps(purges)
    env["SCHEDULER_VERHUIZING_URLS"] = json.dumps([f"{base_url('intake')}/v1/verhuizingen/uitvoeren"])
    return env


def service_environment(
    ports: dict[str, int], database_url: Callable[[str], str], *, host: str = "127.0.0.1"
) -> dict[str, str]:
    """Environment variables that wire every service to its database and its subscribers."""
    env = wiring(lambda name: f"http://{host}:{ports[name]}")
    for spec in SERVICES:
        env[spec.prefix + "DATABASE_URL"] = database_url(spec.name)
        env[spec.prefix + "HOST"] = host
        env[spec.prefix + "PORT"] = str(ports[spec.name])
    if DUO_SIMULATOR in ports:
        env["TRAJECTORY_DUO_BASE_URL"] = f"http://{host}:{ports[DUO_SIMULATOR]}/v1"
        env["TRAJECTORY_DUO_OIN"] = env["DUO_SIMULATOR_OIN"] = DUO_OIN
        env["TRAJECTORY_DUO_GEMEENTE_OINS"] = json.dumps(GEMEENTE_OINS)
    return env


@dataclass
class LocalSystem:
    """All services (and the scheduler's worker) as child processes."""

    env: dict[str, str]
    ports: dict[str, int]
    log_dir: Path
    scheduler_worker: bool = True
    # Start each service through its container entrypoint (`inburgering_shared.serve`: checks the
    # required settings and migrates before serving), as deploy/compose.yaml does.
    as_containers: bool = False
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def migrate(self) -> None:
        for spec in SERVICES:
            upgrade(str(spec.alembic_ini), self.env[spec.prefix + "DATABASE_URL"])

    def start(self, name: str) -> None:
        spec = next(s for s in SERVICES if s.name == name)
        if self.as_containers:
            self._spawn(name, [sys.executable, "-m", "inburgering_shared.serve", name])
            return
        self.start_app(name, f"{spec.package}.main:create_app", host=self.env[spec.prefix + "HOST"])

    def start_app(
        self, name: str, factory: str, *, host: str = "127.0.0.1", app_dir: Path | None = None
    ) -> None:
        """Serve the app `factory` ("module:function") on `self.ports[name]`, as every service is served."""
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            factory,
            "--factory",
            "--host",
            host,
            "--port",
            str(self.ports[name]),
            "--log-level",
            "warning",
        ]
        self._spawn(name, command + (["--app-dir", str(app_dir)] if app_dir else []))

    def start_duo_simulator(self) -> None:
        self.start_app(DUO_SIMULATOR, "duo_simulator.main:create_app")

    def start_worker(self) -> None:
        command = ["-m", "scheduler_service.worker"]
        if self.as_containers:
            command = ["-m", "inburgering_shared.serve", "scheduler", "--no-migrate", "--module", command[1]]
        self._spawn("scheduler-worker", [sys.executable, *command])

    def _spawn(self, name: str, command: list[str]) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            command,
            env={**os.environ, **self.env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_all(self) -> None:
        if DUO_SIMULATOR in self.ports:
            self.start_duo_simulator()
        for spec in SERVICES:
            self.start(spec.name)
        if self.scheduler_worker:
            self.start_worker()

    def wait_ready(self, names: list[str] | None = None, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        for name in names or [s.name for s in SERVICES] + [n for n in (DUO_SIMULATOR,) if n in self.ports]:
            ready = "/simulator/storing" if name == DUO_SIMULATOR else "/health/ready"
            url = f"http://127.0.0.1:{self.ports[name]}{ready}"
            while True:
                process = self.processes.get(name)
                if process is not None and process.poll() is not None:
                    raise RuntimeError(
                        f"{name} exited with {process.returncode}; see {self.log_dir}/{name}.log"
                    )
                try:
                    if httpx.get(url, timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{name} not ready at {url}")
                time.sleep(0.2)

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def kill(self, name: str) -> None:
        """SIGKILL, as a crash: no shutdown, whatever was in flight is cut off (fault tests)."""
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)
