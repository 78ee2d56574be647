#!/usr/bin/env python3
"""API speed: `quizgen serve` on loopback, driven by a second process, for a bounded time.

Usage (from the repository root):
    .venv/bin/python scripts/bench_api.py [--bank PATH] [--copies N] [--seconds S] [--clients C]

Starts `quizgen serve` on a free 127.0.0.1 port over a fresh SQLite file loaded with the
bank (default tests/roots/bank-small/bank.json, its questions repeated --copies times
under new ids so filters and pages have something to walk), then a driver process runs
C client threads for S seconds each (default 10), one endpoint after the other:
  GET /questions   filters and pages drawn from a fixed list (a cursor when one is given)
  POST /quizzes    count 10, a fresh seed per request (every request writes a quiz)
Prints requests/second and p50/p99 latency per endpoint, and any non-2xx count.
A measurement, not a test: the numbers depend on the machine and what else runs on it.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUIZGEN = Path(sys.executable).parent / "quizgen"
LIST_QUERIES = [
    {"limit": 20},
    {"limit": 50, "type": "multiple_choice"},
    {"limit": 20, "tag": "kind::definition"},
    {"limit": 20, "q": "council"},
    {"limit": 100, "difficulty": 2},
]


def synthetic_bank(source: Path, copies: int, out: Path) -> Path:
    """The bank with its questions repeated under new ids (copy n: id + '-n')."""
    data = json.loads(source.read_text(encoding="utf-8"))
    originals = data["questions"]
    data["questions"] = [{**q, "id": f"{q['id']}-{n}"} for n in range(copies) for q in originals]
    out.write_text(json.dumps(data), encoding="utf-8")
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def drive(url: str, endpoint: str, seconds: float, clients: int, results) -> None:
    """In the driver process: `clients` threads hit one endpoint until time is up."""
    import httpx

    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(number: int) -> None:
        nonlocal failures
        mine: list[float] = []
        bad = 0
        with httpx.Client(base_url=url, timeout=30) as http:
            n = 0
            while time.monotonic() < stop:
                started = time.perf_counter()
                if endpoint == "GET /questions":
                    response = http.get("/questions", params=LIST_QUERIES[n % len(LIST_QUERIES)])
                else:
                    response = http.post("/quizzes", json={"count": 10, "seed": number * 1_000_000 + n})
                mine.append(time.perf_counter() - started)
                bad += not response.is_success
                n += 1
        with lock:
            latencies.extend(mine)
            failures += bad

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put((endpoint, latencies, failures, seconds))


def report(endpoint: str, latencies: list[float], failures: int, seconds: float) -> str:
    ms = sorted(x * 1000 for x in latencies)
    p50 = statistics.median(ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return (f"{endpoint:<16} {len(ms) / seconds:8.1f} req/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   "
            f"({len(ms)} requests, {failures} not 2xx)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bank", type=Path, default=ROOT / "tests" / "roots" / "bank-small" / "bank.json")
    parser.add_argument("--copies", type=int, default=200, help="Repeat the bank's questions this many times.")
    parser.add_argument("--seconds", type=float, default=10.0, help="Time per endpoint.")
    parser.add_argument("--clients", type=int, default=4, help="Client threads in the driver process.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp:
        bank = synthetic_bank(args.bank, args.copies, Path(tmp) / "bank.json")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(QUIZGEN), "serve", "--port", str(port), "--bank", str(bank),
             "--database", f"sqlite:///{Path(tmp) / 'bench.sqlite'}"],
            cwd=tmp, env={**os.environ, "QUIZGEN_API_KEY": ""}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True)
        try:
            print(server.stdout.readline().strip())  # "loaded ...": the bank is in before timing starts
            wait_until_up(url, server)
            print(f"server on {url}; {args.clients} client thread(s) in a second process, "
                  f"{args.seconds:g} s per endpoint")
            results = multiprocessing.get_context("spawn").Queue()
            for endpoint in ("GET /questions", "POST /quizzes"):
                driver = multiprocessing.get_context("spawn").Process(
                    target=drive, args=(url, endpoint, args.seconds, args.clients, results))
                driver.start()
                print(report(*results.get()))
                driver.join()
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


def wait_until_up(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"quizgen serve exited: {server.stdout.read()}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("quizgen serve did not answer /health in time")


if __name__ == "__main__":
    sys.exit(main())
