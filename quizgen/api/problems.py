"""Errors as RFC 9457 problem details (`application/problem+json`), and nothing else.

Every error the API returns, its own or the framework's (validation, unknown route,
wrong method, an unexpected exception), goes through `problem_response`, so a client
sees one shape and never a stack trace. `code` is a stable machine-readable name.
"""

from __future__ import annotations

import logging
import sqlite3
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_SCHEMA_REF = "#/components/schemas/Problem"

log = logging.getLogger("quizgen.api")


class Problem(BaseModel):
    """An RFC 9457 problem detail with a `code` extension."""

    type: str = Field(description="A URI naming the kind of problem (urn:quizgen:problem:<code>).")
    title: str = Field(description="The HTTP status phrase.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request, for a person.")
    code: str = Field(description="Stable machine-readable name of the problem, e.g. not-found.")


class ApiProblem(Exception):
    """Raised by an endpoint to answer with a problem."""

    def __init__(self, status: int, code: str, detail: str, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status, self.code, self.detail, self.headers = status, code, detail, headers


def problem_body(status: int, code: str, detail: str) -> dict[str, Any]:
    return Problem(
        type=f"urn:quizgen:problem:{code}",
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        code=code,
    ).model_dump()


def problem_response(
    status: int, code: str, detail: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        problem_body(status, code, detail),
        status_code=status,
        headers=headers,
        media_type=PROBLEM_MEDIA_TYPE,
    )


def problem_docs(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for these problem statuses (plus 500 and 503, which any request can meet)."""
    return {
        status: {
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": PROBLEM_SCHEMA_REF}}},
        }
        for status in sorted({*statuses, 500, 503})
    }


# Codes for the framework's own HTTP errors (unknown route, wrong method, unparsable body).
FRAMEWORK_CODES = {
    400: "bad-request",
    404: "not-found",
    405: "method-not-allowed",
    413: "too-large",
}


def install_handlers(app: FastAPI) -> None:
    """Route every error through problem_response."""

    @app.exception_handler(ApiProblem)
    async def api_problem(request: Request, exc: ApiProblem) -> JSONResponse:
        return problem_response(exc.status, exc.code, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(422, "invalid-request", describe_validation(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = FRAMEWORK_CODES.get(exc.status_code, f"http-{exc.status_code}")
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404:
            detail = f"no such endpoint: {request.url.path}"
        return problem_response(exc.status_code, code, detail, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        if database_busy(exc):
            return problem_response(
                503,
                "database-busy",
                "the database is busy with other writes; try again shortly",
                {"Retry-After": str(BUSY_RETRY_AFTER_S)},
            )
        # The traceback goes to the server log only; the client learns nothing about the code.
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem_response(
            500, "internal-error", "the server met an unexpected error; it has been logged"
        )


BUSY_RETRY_AFTER_S = 2
# psycopg's names for "waited too long for a connection or a lock"; psycopg is imported only with PostgreSQL.
BUSY_PG_ERRORS = {
    "PoolTimeout",
    "LockNotAvailable",
    "QueryCanceled",
    "DeadlockDetected",
    "SerializationFailure",
}


def database_busy(exc: Exception) -> bool:
    """A database that is locked or saturated, not broken: worth a 503 and a retry."""
    if isinstance(exc, sqlite3.OperationalError):
        return "locked" in str(exc) or "busy" in str(exc)
    return type(exc).__name__ in BUSY_PG_ERRORS


def describe_validation(errors: list[dict[str, Any]] | Any) -> str:
    """FastAPI's validation errors as one line: "query.limit: Input should be ...; body.count: ..."."""
    parts = []
    for err in list(errors)[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()))
        parts.append(
            f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid"))
        )
    more = len(list(errors)) - len(parts)
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")
