"""`make bench`'s load generators: wrk replays the calls it is given and reports what it measured."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from harness import load, wrk  # noqa: E402
from harness.scenario import WARMUP_CALLS, Call, Scenario  # noqa: E402


def test_a_call_becomes_one_line_of_method_path_headers_and_body() -> None:
    call = Call(
        "POST", "http://127.0.0.1:9/v1/x?a=1", {"Authorization": "Bearer t"}, {"b": [1, 2]}, expect=201
    )
    method, path, headers, body = wrk.request_line(call).split("\t")
    assert (method, path, body) == ("POST", "/v1/x?a=1", '{"b":[1,2]}')
    assert headers.split(wrk.HEADER_SEPARATOR) == [
        "Authorization: Bearer t",
        "Content-Type: application/json",
    ]
    with pytest.raises(ValueError, match="tab or newline"):
        wrk.request_line(Call("GET", "http://127.0.0.1:9/", {"X": "a\tb"}))


def test_a_once_only_scenario_warms_up_on_other_calls_than_it_measures() -> None:
    calls = [Call("POST", f"http://127.0.0.1:9/{n}") for n in range(WARMUP_CALLS + 3)]
    warm, measured = Scenario("writes", calls, cycle=False).split()
    assert (warm, measured) == (calls[:WARMUP_CALLS], calls[WARMUP_CALLS:])
    assert Scenario("reads", calls).split() == (calls, calls)


@pytest.fixture(scope="module")
def bare_endpoint() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bare_app:create_app", "--factory", "--port", str(port),
         "--app-dir", str(BENCH / "harness"), "--log-level", "warning"],
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(url + "/health/ready", timeout=1)
            break
        except httpx.HTTPError:
            assert time.monotonic() < deadline, "the bare endpoint did not start"
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.mark.skipif(wrk.executable() is None, reason="wrk is not installed (make bench installs it)")
def test_wrk_measures_a_cycle_and_counts_unexpected_answers(bare_endpoint: str) -> None:
    good = load.measure(Scenario("bare", [Call("GET", bare_endpoint + "/bare")]), clients=2, seconds=1)
    assert good.generator == "wrk" and good.requests > 10 and good.errors == 0
    assert 0 < good.percentile(50) <= good.percentile(99)
    missing = load.measure(
        Scenario("missing", [Call("GET", bare_endpoint + "/nothing")]), clients=2, seconds=1
    )
    assert missing.errors == missing.requests > 0 and missing.first_error.startswith("404")


@pytest.mark.skipif(wrk.executable() is None, reason="wrk is not installed (make bench installs it)")
def test_wrk_sends_each_call_of_a_once_only_scenario_at_most_once(bare_endpoint: str) -> None:
    calls = [Call("GET", bare_endpoint + "/bare")] * (WARMUP_CALLS + 5)
    outcome = load.measure(Scenario("once", calls, cycle=False), clients=1, seconds=2)
    assert 0 < outcome.requests <= 5 and outcome.errors == 0


def test_the_hot_reads_are_held_to_their_ratio_and_cpu_and_errors_fail_the_run() -> None:
    import run  # bench/run.py
    from harness.scenario import Outcome

    bare = Outcome("bare endpoint", 1000, 0, 1.0, {50: 1.0, 95: 2.0, 99: 4.0})
    read = Outcome("read dossier", 600, 0, 1.0, {50: 2.0, 95: 4.0, 99: 8.0})
    listing = Outcome("list klantmanager's dossiers", 300, 3, 1.0, {50: 4.0, 95: 8.0, 99: 16.0})
    rows = {
        r.name: r
        for r in [*run.load_rows(read, bare, 50, cpu_seconds=0.3), *run.load_rows(listing, bare, 50, 0.6)]
    }
    throughput = rows["read dossier @50 throughput"]
    assert (throughput.ratio, throughput.target, throughput.met) == (0.6, ">= 50% of bare", True)
    assert rows["list klantmanager's dossiers @50 throughput"].met is False  # 30% < 35%
    cpu = rows["read dossier @50 service CPU per request"]
    assert (cpu.value, cpu.target, cpu.met) == (0.5, "<= 1.0 ms", True)
    assert rows["list klantmanager's dossiers @50 service CPU per request"].met is False  # 2 ms
    assert rows["read dossier @50 p99"].ratio == 2.0
    assert run.failures(list(rows.values())) == [
        "list klantmanager's dossiers @50 errors: 3 requests (expected 0)"
    ]
