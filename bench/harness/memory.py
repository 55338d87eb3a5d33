"""Resident memory (RSS) of the service processes: sampled in the background for the peak, read at rest."""

from __future__ import annotations

import threading

import psutil

MB = 1024 * 1024


class MemorySampler:
    """Samples the RSS of each process every `interval` seconds and keeps the peak."""

    def __init__(self, pids: dict[str, int], interval: float = 0.2) -> None:
        self.processes = {name: psutil.Process(pid) for name, pid in pids.items()}
        self.peak_mb = dict.fromkeys(pids, 0.0)
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="memory-sampler", daemon=True)

    def rss_mb(self) -> dict[str, float]:
        return {name: process.memory_info().rss / MB for name, process in self.processes.items()}

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
