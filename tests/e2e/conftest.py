"""The whole system as real processes on free ports, on SQLite and on PostgreSQL."""

import os
import socket
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from inburgering_shared.system import DUO_SIMULATOR, SERVICES, LocalSystem, service_environment
from inburgering_shared.testing import DatabaseBackend

T = TypeVar("T")


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


@pytest.fixture(scope="session")
def system(
    database_backend: DatabaseBackend, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LocalSystem]:
    names = [s.name for s in SERVICES] + [DUO_SIMULATOR]
    ports = dict(zip(names, free_ports(len(names)), strict=True))
    env = service_environment(ports, lambda name: database_backend.url_for(f"e2e_{name}"))
    env.update(
        AUTH_JWT_SECRET=os.environ["AUTH_JWT_SECRET"],
        SCHEDULER_SCAN_INTERVAL_SECONDS="1",
        REPORTING_DEV_SIGN_IN="true",  # as under make run: the dashboard's browser test signs in
        TRAJECTORY_DUO_SYNC_INTERVAL_SECONDS="0.3",
        TRAJECTORY_DUO_MAX_BACKOFF_SECONDS="1",
        **{f"{s.prefix}DISPATCH_INTERVAL_SECONDS": "0.2" for s in SERVICES},
        **{f"{s.prefix}DISPATCH_MAX_BACKOFF_SECONDS": "1" for s in SERVICES},
    )
    local = LocalSystem(env=env, ports=ports, log_dir=tmp_path_factory.mktemp("logs"))
    local.migrate()
    local.start_all()
    try:
        local.wait_ready()
        yield local
    finally:
        local.stop_all()


def eventually(check: Callable[[], T], timeout: float = 30.0) -> T:
    """Poll until `check` returns a truthy value (events travel asynchronously)."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout}s; last result: {result!r}")
        time.sleep(0.2)
