"""`make run`: the whole system on SQLite as local processes, until Ctrl-C.

Migrates each service's database under var/, starts the five services, the
scheduler's worker and (when installed) the DUO simulator, prints where each
one's docs are, and stops everything on Ctrl-C. `--demo` loads demo data.
"""

import argparse
import secrets
import signal
import sys
import threading
from pathlib import Path

from inburgering_shared.system import (
    DUO_SIMULATOR,
    DUO_SIMULATOR_PORT,
    SERVICES,
    LocalSystem,
    duo_simulator_installed,
    service_environment,
)

ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var"


def dev_secret() -> str:
    """A development signing secret, made once and kept in var/ (git-ignored)."""
    path = VAR / "dev-secret"
    if not path.exists():
        VAR.mkdir(exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
    return path.read_text().strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demo", action="store_true", help="load demo data once the services are up")
    args = parser.parse_args()
    VAR.mkdir(exist_ok=True)
    ports = {spec.name: spec.port for spec in SERVICES}
    if duo_simulator_installed():
        ports[DUO_SIMULATOR] = DUO_SIMULATOR_PORT
    env = service_environment(ports, lambda name: f"sqlite:///{VAR / (name + '.db')}")
    env["AUTH_JWT_SECRET"] = dev_secret()
    env["SCHEDULER_SCAN_INTERVAL_SECONDS"] = "60"
    env["REPORTING_DEV_SIGN_IN"] = "true"
    system = LocalSystem(env=env, ports=ports, log_dir=VAR / "logs")
    print("Migrating the SQLite databases in var/ ...")
    system.migrate()
    stopped = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    try:
        system.start_all()
        system.wait_ready()
        print("\nAll services are up (logs in var/logs/):")
        for spec in SERVICES:
            base = f"http://127.0.0.1:{ports[spec.name]}"
            print(f"  {spec.name:<11} {base}/v1/docs   (OpenAPI: {base}/openapi.json)")
        print("  scheduler jobs run in a separate process (scheduler-worker)")
        if DUO_SIMULATOR in ports:
            base = f"http://127.0.0.1:{ports[DUO_SIMULATOR]}"
            print(f"  DUO simulator {base}/docs (control API under /simulator; see docs/duo-sync.md)")
        print("\nA token: make token ROLE=klantmanager GEMEENTE=GM0171")
        reporting = f"http://127.0.0.1:{ports['reporting']}/v1/dashboard/aanmelden"
        print(f"The dashboard in a browser: {reporting}?rol=regisseur&gemeentecode=GM0171")
        if args.demo:
            from demo_data import load_demo

            load_demo(ports, env["AUTH_JWT_SECRET"])
        print("Press Ctrl-C to stop.")
        stopped.wait()
    finally:
        print("\nStopping all services ...")
        system.stop_all()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    raise SystemExit(main())
