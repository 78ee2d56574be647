"""The question-bank HTTP API served by `quizgen serve`.

Reads are open; writes (POST /documents, POST /quizzes) need the API key (config `api.api_key`,
overridden by the QUIZGEN_API_KEY environment variable) in the X-API-Key header. Writes and
exports are rate-limited per client (guards.py). Every
error is a problem document (problems.py). JSON reads carry a strong ETag computed from
the exact bytes sent, so If-None-Match gives 304 until the answer changes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import random
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import asdict, replace
from typing import Annotated, Any

from fastapi import (
    Depends,
    FastAPI,
    File,
    Header,
    Path,
    Query,
    Request,
    Response,
    Security,
    UploadFile,
)
from fastapi.openapi.utils import get_openapi
from fastapi.security import APIKeyHeader
from fastapi_offline import FastAPIOffline

from .. import __version__
from ..bank import Bank, question_from_dict
from ..bank import canonical_json as bank_canonical_json
from ..bank.store_sql import QuestionFilter, Quiz, Store
from ..models import Question
from .export import EXPORT_MEDIA_TYPES, ExportFormat, export_quiz
from .guards import ExportCache, RateLimits, SecurityHeaders, Slots
from .problems import ApiProblem, Problem, install_handlers, problem_docs
from .schemas import (
    Difficulty,
    DocumentAdded,
    Health,
    QuestionOut,
    QuestionPage,
    QuestionTypeName,
    QuizOut,
    QuizRequest,
)
from .uploads import MULTIPART_OVERHEAD, UploadLimit, add_document

DEFAULT_PAGE = 20
MAX_PAGE = 100
API_KEY_HEADER = "X-API-Key"
# `if_none_match` parameters below only document the header; json_response reads it.
ETAG_HEADERS = {
    "ETag": {
        "description": "Strong validator of this representation.",
        "schema": {"type": "string"},
    }
}
NOT_MODIFIED = {
    304: {
        "description": "Not Modified: the If-None-Match ETag is still current.",
        "headers": ETAG_HEADERS,
    }
}
Id = Annotated[
    str, Path(min_length=3, max_length=100, pattern=r"^[a-z0-9]+(-[a-z0-9]+)+$")
]  # as the bank schema allows

api_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    description="Needed for writes; set api.api_key or QUIZGEN_API_KEY on the server.",
)


def create_app(settings, store: Store) -> FastAPI:
    """The API over `store`, configured by `settings` (quizgen.config.Settings)."""
    # FastAPIOffline: the /docs page's Swagger UI files are served from the installed package, not a CDN.
    app: FastAPI = FastAPIOffline(
        title="quizgen question bank",
        version=__version__,
        description="Questions generated from source readings, each traceable to its sentence.",
    )
    app.state.store = store
    install_handlers(app)
    app.add_middleware(SecurityHeaders)
    limits = RateLimits(
        {"write": settings.api.write_rate_limit, "export": settings.api.export_rate_limit}
    )
    exports = ExportCache(int(settings.api.export_cache_mb * 1024 * 1024))
    pdf_slots = Slots(settings.api.max_concurrent_pdf)
    max_upload = int(settings.api.max_upload_mb * 1024 * 1024)
    app.add_middleware(UploadLimit, path="/documents", max_bytes=max_upload + MULTIPART_OVERHEAD)
    api_key = os.environ.get("QUIZGEN_API_KEY") or settings.api.api_key

    def require_key(given: str | None = Security(api_key_header)) -> None:
        if not api_key:
            raise ApiProblem(
                403,
                "writes-disabled",
                "this server accepts no writes because no API key is "
                "configured: set api.api_key in config.yaml or the QUIZGEN_API_KEY environment variable",
            )
        if not given:
            raise ApiProblem(
                401,
                "missing-api-key",
                f"send the API key in the {API_KEY_HEADER} header",
                headers={"WWW-Authenticate": f'ApiKey header="{API_KEY_HEADER}"'},
            )
        if not hmac.compare_digest(given.encode("utf-8"), api_key.encode("utf-8")):
            raise ApiProblem(
                403,
                "wrong-api-key",
                f"the {API_KEY_HEADER} header does not hold the server's API key",
            )

    @app.get("/health", response_model=Health, responses=problem_docs())
    def health() -> dict[str, Any]:
        """Liveness, with the number of questions and the database schema version."""
        return {
            "status": "ok",
            "questions": store.count(),
            "schema_version": store.schema_version(),
        }

    @app.get(
        "/questions",
        response_model=QuestionPage,
        responses={200: {"headers": ETAG_HEADERS}, **NOT_MODIFIED, **problem_docs(400, 422)},
    )
    def list_questions(
        request: Request,
        types: list[QuestionTypeName] = Query([], alias="type", description="Any of these types."),
        kinds: list[str] = Query(
            [],
            alias="kind",
            max_length=200,
            description="Any of these item kinds (enumeration, definition, date, quote).",
        ),
        tags: list[str] = Query(
            [], alias="tag", max_length=200, description="Questions having all these tags."
        ),
        document: str | None = Query(
            None, min_length=1, max_length=200, description="Cites this document."
        ),
        difficulty: list[Difficulty] = Query(
            [], description="Any of these levels (1 easy .. 3 hard)."
        ),
        q: str | None = Query(
            None, min_length=1, max_length=200, description="Text in prompt, answer or explanation."
        ),
        cursor: str | None = Query(
            None, max_length=400, description="`next_cursor` of the previous page."
        ),
        limit: int = Query(DEFAULT_PAGE, ge=1, le=MAX_PAGE),
        if_none_match: str | None = Header(None, max_length=1000),
    ) -> Response:
        """Questions sorted by id, a page at a time: any of the types, kinds and difficulties given, all the tags."""
        single_values(request, "document", "q", "cursor", "limit")
        where = QuestionFilter(
            types=tuple(sorted(set(types))),
            kinds=tuple(sorted(set(kinds))),
            tags=tuple(sorted(set(tags))),
            document=document,
            difficulties=tuple(sorted(set(difficulty))),
            text=q,
        )
        after = decode_cursor(cursor, where) if cursor else None
        found = store.question_json(where, after=after, limit=limit + 1)
        page = found[:limit]
        next_cursor = encode_cursor(page[-1][0], where) if len(found) > limit else None
        return json_response(
            request,
            raw_object(
                items=raw_array(data for _, data in page), next_cursor=canonical_json(next_cursor)
            ),
        )

    @app.get(
        "/questions/{question_id}",
        response_model=QuestionOut,
        responses={200: {"headers": ETAG_HEADERS}, **NOT_MODIFIED, **problem_docs(404, 422)},
    )
    def get_question(
        request: Request, question_id: Id, if_none_match: str | None = Header(None, max_length=1000)
    ) -> Response:
        """One question by its id."""
        question = store.question_json_by_id([question_id]).get(question_id)
        if question is None:
            raise ApiProblem(404, "not-found", f"no question with id {question_id!r}")
        return json_response(request, question.encode("utf-8"))

    @app.post(
        "/quizzes",
        response_model=QuizOut,
        status_code=201,
        dependencies=[Depends(limits.dependency("write")), Depends(require_key)],
        responses={
            201: {
                "description": "A new quiz",
                "headers": {"Location": {"schema": {"type": "string"}}},
            },
            200: {"model": QuizOut, "description": "The quiz this same request made before"},
            **problem_docs(400, 401, 403, 422, 429),
        },
    )
    def create_quiz(request: Request, body: QuizRequest) -> Response:
        """Sample a quiz (needs the API key); its id is derived from the request, so asking again returns the same quiz."""
        criteria = body.canonical()
        quiz_id = "quiz-" + hashlib.sha256(canonical_json(criteria)).hexdigest()[:16]
        quiz = store.quiz(quiz_id)
        created = False
        if quiz is None:
            quiz, created = store.add_quiz(Quiz(quiz_id, criteria, sample(store, body)))
        headers = {"Location": f"/quizzes/{quiz.id}"}
        return json_response(
            request, quiz_body(store, quiz), status=201 if created else 200, headers=headers
        )

    @app.get(
        "/quizzes/{quiz_id}",
        response_model=QuizOut,
        responses={200: {"headers": ETAG_HEADERS}, **NOT_MODIFIED, **problem_docs(404, 422)},
    )
    def get_quiz(
        request: Request, quiz_id: Id, if_none_match: str | None = Header(None, max_length=1000)
    ) -> Response:
        """A quiz made by POST /quizzes, with its questions in quiz order."""
        return json_response(request, quiz_body(store, find_quiz(store, quiz_id)))

    @app.get(
        "/quizzes/{quiz_id}/export",
        response_class=Response,
        responses={
            200: {
                "description": "The quiz as a file (a zip when the format writes several)",
                "content": {
                    t: {"schema": {"type": "string", "format": "binary"}}
                    for t in EXPORT_MEDIA_TYPES
                },
            },
            **problem_docs(404, 422, 429, 501, 503),
        },
        dependencies=[Depends(limits.dependency("export"))],
    )
    def export(
        quiz_id: Id, format: ExportFormat = Query(..., description="apkg: Anki; pdf: worksheet")
    ):
        """The quiz as a file: LMS packages, Anki deck (apkg) or printable worksheet (pdf).

        A repeated export of an unchanged quiz is sent from memory; PDFs are laid out a few at a time.
        """
        quiz = find_quiz(store, quiz_id)

        def render():
            questions = quiz_questions(store, quiz)
            cited = {s.document for q in questions for s in q.sources}
            bank = Bank(
                title=f"Quiz {quiz.id}",
                questions=tuple(questions),
                documents=tuple(store.documents(cited)),
            )
            with pdf_slots.taken("PDF worksheets") if format is ExportFormat.pdf else nullcontext():
                return export_quiz(bank, format, quiz.id, quiz.request.get("seed", 0), settings)

        made = exports.get_or_make(
            quiz_body(store, quiz), format.value, render, lambda e: len(e.content)
        )
        return Response(
            made.content,
            media_type=made.media_type,
            headers={"Content-Disposition": f'attachment; filename="{made.filename}"'},
        )

    @app.post(
        "/documents",
        response_model=DocumentAdded,
        status_code=201,
        dependencies=[Depends(limits.dependency("write")), Depends(require_key)],
        responses=problem_docs(400, 401, 403, 413, 422, 429),
    )
    def upload_document(
        file: UploadFile = File(..., description="A source document (.md, .txt, .html, .pdf)"),
    ):
        """Add a source document's questions (ingest, extract, generate); needs the API key.

        A document uploaded again under the same name replaces the earlier one: its questions
        are updated, and those the new version no longer supports are withdrawn.
        """
        data = file.file.read(max_upload + 1)
        if len(data) > max_upload:
            raise ApiProblem(
                413,
                "too-large",
                f"the file is larger than {settings.api.max_upload_mb:g} MiB (api.max_upload_mb)",
            )
        info, upserted, withdrawn, rejected = add_document(store, file.filename, data, settings)
        body = {
            "document": asdict(info),
            "added": list(upserted.added),
            "updated": list(upserted.updated),
            "withdrawn": list(withdrawn),
            "rejected": rejected,
        }
        return Response(canonical_json(body), status_code=201, media_type="application/json")

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components["Problem"] = Problem.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
            # FastAPI's own 422 body is never sent: validation errors are problems too.
            components.pop("HTTPValidationError", None)
            components.pop("ValidationError", None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi
    if settings.api.review_file:
        from ..review.web import review_router, store_source

        app.include_router(review_router(store_source(store, settings.api.review_file), api_key))
    return app


def sample(store: Store, request: QuizRequest) -> tuple[str, ...]:
    """The quiz's ids, drawn by the store with the request's seed: `count` of them, or `counts` per type."""
    where = QuestionFilter(
        types=tuple(request.types),
        kinds=tuple(request.kinds),
        tags=tuple(request.tags),
        document=request.document,
        difficulties=tuple(request.difficulty),
        text=request.q,
    )
    if request.counts:
        ids = [
            qid
            for qtype, count in sorted(request.counts.items())
            for qid in store.sample_ids(replace(where, types=(qtype,)), count, request.seed)
        ]
        random.Random(request.seed).shuffle(ids)  # types mixed, not in blocks
    else:
        ids = store.sample_ids(where, request.count, request.seed)
    if not ids:
        raise ApiProblem(
            422, "no-matching-questions", "no question of the bank matches these criteria"
        )
    return tuple(ids)


def single_values(request: Request, *names: str) -> None:
    """422 when a parameter that takes one value is given several times (the framework would keep the last)."""
    repeated = [name for name in names if len(request.query_params.getlist(name)) > 1]
    if repeated:
        raise ApiProblem(
            422, "invalid-request", f"query.{repeated[0]}: give it once; it takes one value"
        )


def find_quiz(store: Store, quiz_id: str) -> Quiz:
    quiz = store.quiz(quiz_id)
    if quiz is None:
        raise ApiProblem(404, "not-found", f"no quiz with id {quiz_id!r}")
    return quiz


def quiz_question_json(store: Store, quiz: Quiz) -> list[str]:
    # Questions are only added or updated, never deleted, so every id of a quiz is still there.
    found = store.question_json_by_id(quiz.question_ids)
    return [found[i] for i in quiz.question_ids if i in found]


def quiz_questions(store: Store, quiz: Quiz) -> list[Question]:
    return [question_from_dict(json.loads(data)) for data in quiz_question_json(store, quiz)]


def quiz_body(store: Store, quiz: Quiz) -> bytes:
    return raw_object(
        id=canonical_json(quiz.id),
        request=canonical_json(quiz.request),
        questions=raw_array(quiz_question_json(store, quiz)),
    )


def canonical_json(data: Any) -> bytes:
    return bank_canonical_json(data).encode("utf-8")


def raw_array(items: Iterable[str]) -> bytes:
    """A JSON array of texts that are canonical JSON already (the store's questions)."""
    return b"[" + ",".join(items).encode("utf-8") + b"]"


def raw_object(**fields: bytes) -> bytes:
    """A canonical JSON object of values that are canonical JSON already: the bytes canonical_json would give."""
    return (
        b"{" + b",".join(canonical_json(key) + b":" + fields[key] for key in sorted(fields)) + b"}"
    )


def json_response(
    request: Request, data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """JSON (`data`, or bytes of canonical JSON) with a strong ETag of its bytes; 304 when If-None-Match names it."""
    body = data if isinstance(data, bytes) else canonical_json(data)
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if status == 200 and etag_matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers={"ETag": etag})
    return Response(
        body,
        status_code=status,
        media_type="application/json",
        headers={"ETag": etag, **(headers or {})},
    )


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 If-None-Match: '*' or a list of tags, compared weakly (a W/ prefix is ignored)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(","))


def _fingerprint(where: QuestionFilter) -> str:
    return hashlib.sha256(canonical_json(where.__dict__)).hexdigest()[:12]


def encode_cursor(last_id: str, where: QuestionFilter) -> str:
    """Opaque to clients: the last id sent, bound to the filters it was sent for."""
    raw = canonical_json({"after": last_id, "filter": _fingerprint(where)})
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, where: QuestionFilter) -> str:
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        after, fingerprint = data["after"], data["filter"]
    except (binascii.Error, ValueError, TypeError, KeyError):
        raise ApiProblem(
            400,
            "invalid-cursor",
            "the cursor is not one this API gave out; start again without a cursor",
        ) from None
    if not isinstance(after, str) or fingerprint != _fingerprint(where):
        raise ApiProblem(
            400,
            "invalid-cursor",
            "the cursor belongs to a different set of filters; start again without a cursor",
        )
    return after
