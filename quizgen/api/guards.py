"""What keeps one client from exhausting the server: rate limits, an export cache, bounded
PDF rendering, and the headers every response carries.

Limits are per client (the API key when one is sent, else the client's address) and per
server process: with `serve --workers N` a client gets N times the rate at most, which
still bounds it. Counting happens before the key is checked, so guessing keys is limited too.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager

from fastapi import Request
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import ApiProblem

# The Swagger UI page runs one inline script of FastAPI's to start itself; everything else is 'self'.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'"
)
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
DOCS_PATHS = ("/docs", "/redoc", "/static-offline-docs/")
# The review pages (quizgen.review.web): their own stylesheet and script, forms posted to themselves only.
REVIEW_POLICY = "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
REVIEW_PATH = "/review"


class RateLimits:
    """Moving-window limits per client, one per kind of request ("write", "export")."""

    def __init__(self, limits: dict[str, str]):
        self._limits = {name: parse(value) for name, value in limits.items() if value}
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    def dependency(self, name: str) -> Callable[[Request], None]:
        """A FastAPI dependency that answers 429 with Retry-After once the client is over the `name` limit."""

        def check(request: Request) -> None:
            limit = self._limits.get(name)
            if limit is None:
                return
            client = client_key(request)
            if not self._limiter.hit(limit, name, client):
                reset, _ = self._limiter.get_window_stats(limit, name, client)
                retry = max(1, int(reset - time.time()) + 1)
                raise ApiProblem(
                    429,
                    "too-many-requests",
                    f"over the limit of {limit} for {name} requests from one client; "
                    f"try again in {retry} s",
                    headers={"Retry-After": str(retry)},
                )

        return check


def client_key(request: Request) -> str:
    """Who is asking: a hash of the API key sent, else the peer's address."""
    key = request.headers.get("x-api-key")
    if key:
        return "key:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return "addr:" + (request.client.host if request.client else "unknown")


class ExportCache:
    """Rendered exports by (quiz content, format), least recently used out past `max_bytes`.

    Keyed by a hash of the quiz's exact bytes, not its id alone: a question updated since
    the last export makes a new entry, never a stale file.
    """

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[str, str], tuple[object, int]] = (
            OrderedDict()
        )  # key -> (export, bytes)
        self._total = 0
        self._lock = threading.Lock()

    def get_or_make(
        self, quiz_body: bytes, fmt: str, make: Callable[[], object], size: Callable[[object], int]
    ):
        key = (hashlib.sha256(quiz_body).hexdigest(), fmt)
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key][0]
        made = make()
        with self._lock:
            if key not in self._entries:
                self._entries[key] = (made, size(made))
                self._total += self._entries[key][1]
            while self._total > self.max_bytes and len(self._entries) > 1:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._total -= dropped
        return made


class Slots:
    """At most `n` expensive jobs (PDF layout) at once; 503 with Retry-After when all are taken."""

    def __init__(self, n: int, wait_s: float = 2.0):
        self._semaphore = threading.BoundedSemaphore(n)
        self._wait = wait_s

    @contextmanager
    def taken(self, what: str):
        if not self._semaphore.acquire(timeout=self._wait):
            raise ApiProblem(
                503,
                "busy",
                f"the server is rendering as many {what} as it allows; try again shortly",
                headers={"Retry-After": "5"},
            )
        try:
            yield
        finally:
            self._semaphore.release()


class SecurityHeaders:
    """ASGI middleware: nosniff, no framing, a content security policy and a cache policy on every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith(DOCS_PATHS)
        review = scope["path"].startswith(REVIEW_PATH)
        policy = DOCS_POLICY if docs else REVIEW_POLICY if review else API_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])]
                present = {k.lower() for k, _ in headers}
                extra = {
                    b"x-content-type-options": b"nosniff",
                    b"x-frame-options": b"DENY",
                    # The review's forms need their Origin sent (to themselves only).
                    b"referrer-policy": b"same-origin" if review else b"no-referrer",
                    b"content-security-policy": policy.encode(),
                    # Revalidate with the ETag every time; static docs files may be kept a day.
                    b"cache-control": b"public, max-age=86400" if docs else b"no-cache",
                }
                headers += [(k, v) for k, v in extra.items() if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
