"""A service's container entrypoint: check the settings, run the migrations, then serve.

    python -m inburgering_shared.serve intake|pip|trajectory|reporting|scheduler [--no-migrate]
    python -m inburgering_shared.serve scheduler --no-migrate --module scheduler_service.worker

Required settings fail loudly, before anything starts: `<PREFIX>DATABASE_URL`
(the image has no sensible default) and `AUTH_JWT_SECRET` or `AUTH_JWKS_URL`.
With `SERVICE_URL_TEMPLATE` (`http://{name}:8000`) the wiring between the
services (PUBLIC_URL, ABONNEMENTEN, SCHEDULER_DEADLINE_SOURCES) is derived from
`system.wiring`, unless set explicitly. Several replicas may start at once:
Alembic runs each migration in a transaction, and on PostgreSQL a session-level
advisory lock makes the replicas migrate one after the other.
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys
import zlib
from collections.abc import Mapping

import uvicorn
from sqlalchemy import text

from .db import make_engine
from .logging import configure_logging
from .migrations import upgrade
from .system import SERVICES, ServiceSpec, wiring

AUTH_SETTINGS = ("AUTH_JWT_SECRET", "AUTH_JWKS_URL")


def missing_settings(spec: ServiceSpec, env: Mapping[str, str]) -> list[str]:
    """The required settings absent from `env`, each named as the operator must set it."""
    missing = [] if env.get(spec.prefix + "DATABASE_URL") else [spec.prefix + "DATABASE_URL"]
    if not any(env.get(name) for name in AUTH_SETTINGS):
        missing.append(" or ".join(AUTH_SETTINGS))
    return missing


def derived_wiring(env: Mapping[str, str]) -> dict[str, str]:
    """The wiring settings `SERVICE_URL_TEMPLATE` implies and `env` does not set itself."""
    template = env.get("SERVICE_URL_TEMPLATE")
    if not template:
        return {}
    return {k: v for k, v in wiring(lambda name: template.format(name=name)).items() if k not in env}


def migrate(spec: ServiceSpec, url: str) -> None:
    """Run the service's migrations; replicas on PostgreSQL take turns under an advisory lock."""
    if not url.startswith("postgresql"):
        upgrade(str(spec.alembic_ini), url)
        return
    engine = make_engine(url)
    key = zlib.crc32(f"migrate:{spec.name}".encode())
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
        try:
            upgrade(str(spec.alembic_ini), url)
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("service", choices=[s.name for s in SERVICES])
    parser.add_argument("--no-migrate", action="store_true", help="another process runs the migrations")
    parser.add_argument("--module", help="run this module (a worker) instead of the HTTP server")
    args = parser.parse_args(argv)
    spec = next(s for s in SERVICES if s.name == args.service)
    os.environ.update(derived_wiring(os.environ))
    missing = missing_settings(spec, os.environ)
    if missing:
        print(f"{spec.name}: required settings missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    configure_logging(spec.name)
    if not args.no_migrate:
        migrate(spec, os.environ[spec.prefix + "DATABASE_URL"])
    if args.module:
        runpy.run_module(args.module, run_name="__main__", alter_sys=True)
        return 0
    uvicorn.run(
        f"{spec.package}.main:create_app",
        factory=True,
        host=os.environ.get(spec.prefix + "HOST", "0.0.0.0"),
        port=int(os.environ.get(spec.prefix + "PORT", "8000")),
        proxy_headers=True,
        forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        log_config=None,
        access_log=False,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
