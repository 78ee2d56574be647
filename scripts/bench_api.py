#!/usr/bin/env python3
"""API speed against the framework's own ceiling, on SQLite and PostgreSQL, at two bank sizes.

Usage (from the repository root):
    .venv/bin/python scripts/bench_api.py [--sizes 1000 100000] [--requests N] [--rounds R] [--clients C]
                                          [--stores sqlite postgresql]

For each store and bank size it loads a synthetic bank (the small test bank's questions
repeated under new ids), starts `quizgen serve` on a free 127.0.0.1 port, and sends a
fixed number of requests (--requests, default 5000, split into --rounds 5) from C client
processes (default 4, one keep-alive connection each) to:
  GET /questions/{id}               ids drawn from the whole bank
  GET /questions?type=T&limit=50    each question type in turn
  POST /quizzes                     counts per type, a new seed each time (each makes a quiz)
and, right before each, the same number to a bare endpoint: the same framework (a FastAPI
route, sync like quizgen's) under the same uvicorn settings (quizgen.api.server.run_uvicorn),
answering a fixed JSON document of the size quizgen answered with. Every server runs at
once and the rounds alternate between them, so a busy moment of the machine falls on all;
the round of best throughput is kept. It prints requests/s, p50/p99 latency and CPU per
request (the server's, and for PostgreSQL the database's too: the median of the rounds; on a
shared machine the figure other work inflates least) of both, the ratios, and how the list
and quiz requests at the largest size compare with the smallest. Both databases are settled
after loading (statistics gathered, pages written) so no vacuum or checkpoint of the load
falls into a measurement. PostgreSQL is a throw-away server (quizgen.bank.pg_cluster)
with durable settings. A measurement, not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import psutil
import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.bank import read_bank  # noqa: E402
from quizgen.bank.pg_cluster import free_port, throwaway_cluster  # noqa: E402
from quizgen.bank.store import open_store  # noqa: E402
from quizgen.models import QUESTION_TYPES  # noqa: E402

QUIZGEN = Path(sys.executable).parent / "quizgen"
BANK = ROOT / "tests" / "roots" / "bank-small" / "bank.json"
QUIZ_COUNTS = {"multiple_choice": 4, "cloze": 3, "true_false": 3}
BENCH_KEY = "bench-key"
ENDPOINTS = ("GET /questions/{id}", "GET /questions?type=…&limit=50", "POST /quizzes")


# -- the bare endpoint -------------------------------------------------------------


def bare_app():
    """One FastAPI route per method answering `size` bytes of fixed JSON: the framework's ceiling."""
    from fastapi import Body, FastAPI, Response

    app = FastAPI()
    documents: dict[int, bytes] = {}

    def document(size: int) -> bytes:
        if size not in documents:
            documents[size] = json.dumps(
                {"pad": "x" * max(0, size - 11)}
            ).encode()  # {"pad": "…"}: 11 bytes + the pad
        return documents[size]

    @app.get("/bare/{size}")
    def bare_get(size: int) -> Response:
        return Response(document(size), media_type="application/json")

    @app.post("/bare/{size}")
    def bare_post(
        size: int, body: dict = Body(...)
    ) -> Response:  # parses the same JSON body as POST /quizzes
        return Response(document(size), status_code=201, media_type="application/json")

    return app


# -- load ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    requests: int
    seconds: float
    p50: float  # ms
    p99: float
    failures: int
    cpu: float  # ms of CPU per request in the server process: what a request costs, however busy the machine
    db_cpu: float  # the same in the PostgreSQL server (its processes), 0 for SQLite (in the server process)

    @property
    def cost(self) -> float:
        return self.cpu + self.db_cpu

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def client(port: int, requests: list[tuple[str, str, bytes | None]], start, results) -> None:
    """One client process: its requests in turn over one keep-alive connection; latencies to `results`."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Content-Type": "application/json", "X-API-Key": BENCH_KEY}  # a quiz is a write
    latencies, failures = [], 0
    start.wait()
    for method, path, body in requests:
        began = time.perf_counter()
        conn.request(method, path, body=body, headers=headers if body else {"X-API-Key": BENCH_KEY})
        response = conn.getresponse()
        response.read()
        latencies.append(time.perf_counter() - began)
        failures += response.status >= 300
    conn.close()
    results.put((latencies, failures))


def cpu_seconds(process: psutil.Process) -> float:
    """CPU time of a process and its children (a PostgreSQL server's backends)."""
    total = 0.0
    for each in (process, *process.children(recursive=True)):
        try:
            times = each.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def drive(
    port: int,
    requests: list[tuple[str, str, bytes | None]],
    clients: int,
    server: psutil.Process,
    database: psutil.Process | None = None,
) -> Figures:
    """All `requests` split over `clients` processes started together; wall time from the common start,
    and the CPU time the server and the database spent meanwhile."""
    context = multiprocessing.get_context("fork")
    start, results = context.Event(), context.Queue()
    workers = [
        context.Process(target=client, args=(port, requests[n::clients], start, results))
        for n in range(clients)
    ]
    for worker in workers:
        worker.start()
    time.sleep(0.3)  # every client connected and waiting
    measured = [server] + ([database] if database else [])
    cpu_before = [cpu_seconds(each) for each in measured]
    began = time.perf_counter()
    start.set()
    collected = [results.get() for _ in workers]
    seconds = time.perf_counter() - began
    cpu = [cpu_seconds(each) - before for each, before in zip(measured, cpu_before)] + [0.0]
    for worker in workers:
        worker.join()
    latencies = sorted(x * 1000 for lat, _ in collected for x in lat)
    return Figures(
        len(latencies),
        seconds,
        statistics.median(latencies),
        latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        sum(f for _, f in collected),
        1000 * cpu[0] / len(latencies),
        1000 * cpu[1] / len(latencies),
    )


def quizgen_requests(
    endpoint: str, ids: list[str], n: int, offset: int
) -> list[tuple[str, str, bytes | None]]:
    if endpoint == ENDPOINTS[0]:
        return [("GET", f"/questions/{ids[(i * 7919) % len(ids)]}", None) for i in range(n)]
    if endpoint == ENDPOINTS[1]:
        return [
            ("GET", f"/questions?type={QUESTION_TYPES[i % len(QUESTION_TYPES)]}&limit=50", None)
            for i in range(n)
        ]
    return [
        ("POST", "/quizzes", json.dumps({"counts": QUIZ_COUNTS, "seed": offset + i}).encode())
        for i in range(n)
    ]


def bare_requests(endpoint: str, size: int, n: int) -> list[tuple[str, str, bytes | None]]:
    if endpoint == ENDPOINTS[2]:
        return [
            ("POST", f"/bare/{size}", json.dumps({"counts": QUIZ_COUNTS, "seed": i}).encode())
            for i in range(n)
        ]
    return [("GET", f"/bare/{size}", None)] * n


def response_size(port: int, method: str, path: str, body: bytes | None) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request(
        method,
        path,
        body=body,
        headers={"Content-Type": "application/json", "X-API-Key": BENCH_KEY} if body else {},
    )
    data = conn.getresponse().read()
    conn.close()
    return len(data)


# -- servers -------------------------------------------------------------------------


@contextmanager
def server(command: list[str], port: int, cwd: Path) -> Iterator[psutil.Process]:
    # One client sends every request: the per-client rate limits would measure themselves.
    (cwd / "config.yaml").write_text("api:\n  write_rate_limit: ''\n  export_rate_limit: ''\n")
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "QUIZGEN_API_KEY": BENCH_KEY},
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/docs")
                conn.getresponse().read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(
                        f"server did not start: {' '.join(command)}\n{process.stdout.read()}"
                    ) from None
                time.sleep(0.2)
        yield psutil.Process(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


def settle(url: str) -> None:
    """After a bulk load: statistics gathered and dirty pages written now, not during the measurements."""
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            conn.execute("ANALYZE")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        conn.execute("CHECKPOINT")


def synthetic_questions(size: int):
    """`size` questions: the small bank's, repeated under new ids (copy n of q: q.id-n)."""
    originals = read_bank(BANK)
    return [
        replace(q, id=f"{q.id}-{n}")
        for n in range(size // len(originals.questions) + 1)
        for q in originals.questions
    ][:size], originals.documents


# -- the run ---------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 100_000], help="Bank sizes (questions)."
    )
    parser.add_argument(
        "--requests", type=int, default=5000, help="Requests per endpoint and server, in all."
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="Rounds the requests are split into; best is kept."
    )
    parser.add_argument(
        "--clients", type=int, default=4, help="Client processes, one connection each."
    )
    parser.add_argument(
        "--stores", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"]
    )
    parser.add_argument(
        "--endpoints",
        nargs="+",
        default=list(ENDPOINTS),
        choices=ENDPOINTS,
        metavar="ENDPOINT",
        help=f"Some of: {', '.join(repr(e) for e in ENDPOINTS)}.",
    )
    args = parser.parse_args()
    per_round = args.requests // args.rounds

    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="quizgen-bench-")))
        cluster = (
            stack.enter_context(throwaway_cluster(durable=True))
            if "postgresql" in args.stores
            else None
        )
        database = psutil.Process(cluster.postmaster_pid()) if cluster else None
        bare_port = free_port()
        bare_server = stack.enter_context(
            server([sys.executable, __file__, "--serve-bare", str(bare_port)], bare_port, tmp)
        )
        ports: dict[tuple[str, int], int] = {}
        measured: dict[tuple[str, int], tuple[psutil.Process, psutil.Process | None]] = {}
        ids: dict[int, list[str]] = {}
        for size in args.sizes:
            questions, documents = synthetic_questions(size)
            ids[size] = [q.id for q in questions]
            for store_name in args.stores:
                url = (
                    f"sqlite:///{tmp / f'bench-{size}.sqlite'}"
                    if store_name == "sqlite"
                    else cluster.fresh_url()
                )
                began = time.perf_counter()
                store = open_store(url)
                store.upsert(questions, documents)
                store.close()
                settle(url)
                ports[store_name, size] = free_port()
                served = stack.enter_context(
                    server(
                        [
                            str(QUIZGEN),
                            "serve",
                            "--port",
                            str(ports[store_name, size]),
                            "--database",
                            url,
                        ],
                        ports[store_name, size],
                        tmp,
                    )
                )
                measured[store_name, size] = (
                    served,
                    database if store_name == "postgresql" else None,
                )
                print(
                    f"{store_name}: {size} questions loaded in {time.perf_counter() - began:.1f} s, "
                    f"served on port {ports[store_name, size]}",
                    flush=True,
                )
        print(
            f"\n{args.requests} requests per endpoint and server from {args.clients} client processes, "
            f"in {args.rounds} rounds that alternate the servers; the best round of each is shown;\n"
            f"cpu A+B: ms of CPU per request in the server process + in PostgreSQL (median of the rounds)",
            flush=True,
        )

        rows: dict[tuple[str, int, str], tuple[Figures, Figures, int]] = {}
        for endpoint in args.endpoints:
            print(f"\n{endpoint}", flush=True)
            sizes = {
                key: response_size(port, *quizgen_requests(endpoint, ids[key[1]], 1, 0)[0])
                for key, port in ports.items()
            }
            for (
                key,
                port,
            ) in ports.items():  # warm-up: caches, prepared statements, the bare documents
                drive(
                    port,
                    quizgen_requests(endpoint, ids[key[1]], 200, offset=10**8),
                    args.clients,
                    *measured[key],
                )
                drive(
                    bare_port, bare_requests(endpoint, sizes[key], 200), args.clients, bare_server
                )
            best: dict[tuple[str, int], list[Figures]] = {key: [] for key in ports}
            bare_best: dict[tuple[str, int], list[Figures]] = {key: [] for key in ports}
            for round_number in range(args.rounds):
                for key, port in ports.items():
                    bare_best[key].append(
                        drive(
                            bare_port,
                            bare_requests(endpoint, sizes[key], per_round),
                            args.clients,
                            bare_server,
                        )
                    )
                    offset = (round_number + 1) * 10**6
                    best[key].append(
                        drive(
                            port,
                            quizgen_requests(endpoint, ids[key[1]], per_round, offset),
                            args.clients,
                            *measured[key],
                        )
                    )
            for key in ports:
                ours, bare = kept(best[key]), kept(bare_best[key])
                rows[(*key, endpoint)] = (ours, bare, sizes[key])
                print(line(f"{key[0]} {key[1]}", ours, bare, sizes[key]), flush=True)
        print(summary(rows, args.stores, args.sizes, args.endpoints))
    return 0


def kept(rounds: list[Figures]) -> Figures:
    """The round with the best throughput, with the median CPU per request of all rounds."""
    return replace(
        max(rounds, key=lambda f: f.rate),
        cpu=statistics.median(f.cpu for f in rounds),
        db_cpu=statistics.median(f.db_cpu for f in rounds),
    )


def line(label: str, ours: Figures, bare: Figures, nbytes: int) -> str:
    failed = f"  ({ours.failures} not 2xx)" if ours.failures or bare.failures else ""
    return (
        f"  {label:<18} {ours.rate:5.0f} req/s  p50 {ours.p50:5.2f}  p99 {ours.p99:5.2f} ms  "
        f"cpu {ours.cpu:4.2f}+{ours.db_cpu:4.2f} | "
        f"bare {nbytes:>5} B {bare.rate:5.0f} req/s  p50 {bare.p50:5.2f}  p99 {bare.p99:5.2f} ms  "
        f"cpu {bare.cpu:4.2f} | throughput {ours.rate / bare.rate:4.0%}  p99 {ours.p99 / bare.p99:3.1f}x{failed}"
    )


def summary(rows, stores: list[str], sizes: list[int], endpoints: list[str]) -> str:
    out = ["", "targets:"]
    for store in stores:
        for size in sizes if ENDPOINTS[0] in endpoints else ():
            ours, bare, _ = rows[store, size, ENDPOINTS[0]]
            met = ours.rate >= 0.5 * bare.rate and ours.p99 <= 2 * bare.p99
            out.append(
                f"  {store:<10} {size:>7}  GET /questions/{{id}}: {ours.rate / bare.rate:.0%} of bare "
                f"throughput (>= 50%), p99 {ours.p99 / bare.p99:.1f}x bare (<= 2x): {'met' if met else 'NOT met'}"
            )
        small, large = min(sizes), max(sizes)
        for endpoint in [e for e in ENDPOINTS[1:] if e in endpoints]:
            a, b = rows[store, small, endpoint][0], rows[store, large, endpoint][0]
            change = b.cost / a.cost - 1
            out.append(
                f"  {store:<10} {endpoint}: CPU {a.cost:.2f} ms/request at {small}, {b.cost:.2f} at {large} "
                f"({change:+.0%}): {'met' if abs(change) <= 0.2 else 'NOT met'} (within 20%); "
                f"p50 {b.p50 / a.p50 - 1:+.0%}, req/s {b.rate / a.rate - 1:+.0%}"
            )
    return "\n".join(out)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve-bare"]:
        from quizgen.api.server import run_uvicorn

        run_uvicorn(bare_app(), "127.0.0.1", int(sys.argv[2]))
        sys.exit(0)
    sys.exit(main())
