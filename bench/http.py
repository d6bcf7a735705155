"""Load from several client processes against a running server: latency and throughput."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path


def worker_memory_mb(server: subprocess.Popen) -> list[float]:
    """Resident memory (VmRSS) of each worker process of a running gunicorn, in MB."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sizes


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(port: int, workers: int) -> Iterator[subprocess.Popen]:
    """The production server of `make run` (gunicorn.conf.py) with this process's settings."""
    root = Path(__file__).resolve().parents[1]
    env = {
        **os.environ,
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_CMD_ARGS": "--access-logfile=/dev/null",
    }
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "jarjestokartta.wsgi",
            "-c",
            "gunicorn.conf.py",
        ],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _, _ = get(port, "/api/v1/themes")
                if status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not answer within 60 s")
        yield server
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def get(
    port: int,
    path: str,
    connection: http.client.HTTPConnection | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, int, bool]:
    """Status, body length, and whether the API answered from its cache (X-Cache: hit)."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return response.status, len(body), response.getheader("X-Cache") == "hit"
    finally:
        if own:
            connection.close()


def latencies(
    port: int, paths: list[str], headers: dict[str, str] | None = None
) -> tuple[list[float], float]:
    """Milliseconds of each GET in turn over one kept-alive connection, and the share of
    them answered from the API's cache."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    samples, hits = [], 0
    for path in paths:
        start = time.perf_counter()
        status, _, hit = get(port, path, connection, headers)
        samples.append((time.perf_counter() - start) * 1000)
        hits += hit
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    connection.close()
    return samples, hits / len(paths)


def _client(
    port: int, paths: list[str], seconds: float, headers: dict[str, str] | None
) -> tuple[int, int]:
    """One client: GETs round the paths for the given time; how many answered 200, and how
    many of those came from the API's cache."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    done, hits = 0, 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        status, _, hit = get(port, paths[done % len(paths)], connection, headers)
        if status != 200:
            raise RuntimeError(f"{paths[done % len(paths)]} answered {status}")
        done += 1
        hits += hit
    connection.close()
    return done, hits


def throughput(
    port: int,
    paths: list[str],
    clients: int,
    seconds: float,
    headers: dict[str, str] | None = None,
) -> tuple[float, float]:
    """Requests a second that `clients` client processes get answered together, and the
    share of them answered from the API's cache."""
    with ProcessPoolExecutor(clients) as pool:
        # Each client starts on its own path, so they do not all ask for the same page.
        jobs = [
            pool.submit(
                _client,
                port,
                paths[i % len(paths) :] + paths[: i % len(paths)],
                seconds,
                headers,
            )
            for i in range(clients)
        ]
        results = [job.result() for job in jobs]
    done = sum(answered for answered, _ in results)
    hits = sum(cached for _, cached in results)
    return done / seconds, hits / done if done else 0.0
