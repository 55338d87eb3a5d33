"""Resident memory (RSS) and CPU time of the service processes.

A service may run as several worker processes under one supervisor (uvicorn
`--workers`, WEB_CONCURRENCY); the target is per process, so a service's RSS
is that of its largest process, sampled in the background for the peak and
read at rest. CPU time is summed over the whole tree: the service's CPU per
request is a figure that a busy machine disturbs far less than its latency.
"""

from __future__ import annotations

import threading

import psutil

MB = 1024 * 1024


def processes(pid: int) -> list[psutil.Process]:
    """The process and its children (a supervisor's workers)."""
    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of the process and its children so far."""
    total = 0.0
    for process in processes(pid):
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def largest_rss(pid: int) -> float:
    sizes = []
    for process in processes(pid):
        try:
            sizes.append(process.memory_info().rss / MB)
        except psutil.NoSuchProcess:
            continue
    return max(sizes, default=0.0)


class MemorySampler:
    """Samples the RSS of each service every `interval` seconds and keeps the peak."""

    def __init__(self, pids: dict[str, int], interval: float = 0.2) -> None:
        self.pids = pids
        self.peak_mb = dict.fromkeys(pids, 0.0)
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="memory-sampler", daemon=True)

    def rss_mb(self) -> dict[str, float]:
        """Per service, the RSS of its largest process."""
        return {name: largest_rss(pid) for name, pid in self.pids.items()}

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            for name, rss in self.rss_mb().items():
                self.peak_mb[name] = max(self.peak_mb[name], rss)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
